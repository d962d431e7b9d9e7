"""Builders for tests of every app: agencies, staff members with a second factor, org units and positions.

Plain functions, as in every app's ``tests/factories.py``: positional owners (agency, acting user, parent
record) and keyword overrides of Thai defaults. Writes go through the services, so audit events, search
indexing and validation happen as in the product; the caller is inside the agency's scope where the
service needs it.
"""

from __future__ import annotations

from typing import Any

from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from prongsai.core import services
from prongsai.core.models import Agency, AgencyHost, Membership, OrgUnit, Position, User


def agency(code: str, name: str, host: str, *, default: bool = False) -> Agency:
    """An agency (a subdistrict administrative organisation in Chaiyaphum) answering on ``host``."""
    with scopes_disabled():
        created = Agency.objects.create(
            code=code,
            name_th=name,
            kind=Agency.Kind.SAO,
            province="ชัยภูมิ",
            district="ภักดีชุมพล",
            address="หมู่ที่ 1",
            phones=["044-056-789"],
            email=f"contact@{host}",
            is_default=default,
        )
        AgencyHost.objects.create(agency=created, host=host)
    return created


def member(of: Agency, username: str, *roles: str, verified_device: bool = True) -> User:
    """A user with the given roles in ``of`` and (by default) a confirmed TOTP device."""
    user = User.objects.create_user(username=username, password="correct horse battery staple")
    if verified_device:
        TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    with scopes_disabled():
        for role in roles:
            Membership.objects.create(agency=of, user=user, role=role)
    return user


def org_unit(of: Agency, user: User, **overrides: Any) -> OrgUnit:
    """A unit on the career side, by default the finance division (กองคลัง)."""
    fields: dict[str, Any] = {"side": OrgUnit.Side.CAREER, "name_th": "กองคลัง"}
    fields.update(overrides)
    return services.org_unit_save(agency=of, acting_user=user, **fields)


def position(unit: OrgUnit, user: User, **overrides: Any) -> Position:
    fields: dict[str, Any] = {"title_th": "ผู้อำนวยการกองคลัง", "level": Position.Level.STAFF}
    fields.update(overrides)
    return services.position_save(agency=unit.agency, acting_user=user, unit=unit, **fields)
