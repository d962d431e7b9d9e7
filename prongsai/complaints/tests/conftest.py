"""Fixtures of the complaint tests: a unit, a category routed to it, and a complaint with a photo."""

from __future__ import annotations

import pytest

from conftest import make_member
from prongsai.complaints import services
from prongsai.complaints.models import Complaint, ComplaintCategory
from prongsai.complaints.tests.helpers import photo, submit
from prongsai.core.models import OrgUnit, User
from prongsai.core.tenancy import agency_scope


@pytest.fixture
def unit(agency) -> OrgUnit:
    with agency_scope(agency):
        return OrgUnit.objects.create(agency=agency, side=OrgUnit.Side.CAREER, name_th="กองช่าง", order=1)


@pytest.fixture
def other_unit(agency) -> OrgUnit:
    with agency_scope(agency):
        return OrgUnit.objects.create(agency=agency, side=OrgUnit.Side.CAREER, name_th="สำนักปลัด", order=0)


@pytest.fixture
def category(agency, admin_member, unit) -> ComplaintCategory:
    with agency_scope(agency):
        return services.category_save(
            agency=agency,
            acting_user=admin_member,
            name_th="ไฟฟ้าส่องสว่างสาธารณะ",
            default_unit=unit,
            ack_days=2,
            resolve_days=7,
        )


@pytest.fixture
def complaint(agency, category) -> Complaint:
    return submit(agency, category, contact_email="citizen@example.com", photos=[photo()])


@pytest.fixture
def head(agency) -> User:
    return make_member(agency, "head", "head_of_division")
