"""Fixtures of the complaint tests: a unit, a category routed to it, and a complaint with a photo."""

from __future__ import annotations

import pytest

from conftest import make_member
from prongsai.complaints.models import Complaint, ComplaintCategory
from prongsai.complaints.tests import factories
from prongsai.complaints.tests.factories import photo
from prongsai.core.models import OrgUnit, User
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories as core_factories


@pytest.fixture
def unit(agency, admin_member) -> OrgUnit:
    with agency_scope(agency):
        return core_factories.org_unit(agency, admin_member, name_th="กองช่าง", order=1)


@pytest.fixture
def other_unit(agency, admin_member) -> OrgUnit:
    with agency_scope(agency):
        return core_factories.org_unit(agency, admin_member, name_th="สำนักปลัด", order=0)


@pytest.fixture
def category(agency, admin_member, unit) -> ComplaintCategory:
    with agency_scope(agency):
        return factories.category(agency, admin_member, unit)


@pytest.fixture
def complaint(agency, category) -> Complaint:
    return factories.complaint(agency, category, contact_email="citizen@example.com", photos=[photo()])


@pytest.fixture
def head(agency) -> User:
    return make_member(agency, "head", "head_of_division")
