"""Builders of the hosting tests: operators with verified members, and agencies created by the service."""

from __future__ import annotations

from typing import Any

from django_otp.plugins.otp_totp.models import TOTPDevice

from prongsai.core.models import Operator, OperatorMember, User
from prongsai.core.services_onboarding import Onboarded, agency_create


def operator(code: str, name: str, *, province: str = "ชัยภูมิ") -> Operator:
    return Operator.objects.create(code=code, name_th=name, kind=Operator.Kind.PROVINCE, province=province)


def operator_member(of: Operator, username: str) -> User:
    user = User.objects.create_user(username=username, password="correct horse battery staple")
    TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    OperatorMember.objects.create(operator=of, user=user)
    return user


def new_agency(of: Operator, by: User, code: str, **overrides: Any) -> Onboarded:
    """An agency made by the onboarding service, answering on ``<code>.test``."""
    fields: dict[str, Any] = {
        "name_th": f"องค์การบริหารส่วนตำบล{code}",
        "kind": "sao",
        "province": "ชัยภูมิ",
        "district": "ภักดีชุมพล",
        "hosts": [f"{code}.test"],
        "admin_username": f"{code}.admin",
        "admin_email": f"admin@{code}.test",
        "admin_first_name": "สมหญิง",
        "admin_last_name": "ใจงาม",
    }
    fields.update(overrides)
    return agency_create(acting_user=by, operator=of, code=code, **fields)
