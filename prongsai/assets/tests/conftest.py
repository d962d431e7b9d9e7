"""Fixtures of the assets tests: a holding unit, the people of the lending flow, a type, a lendable item."""

from __future__ import annotations

import pytest

from conftest import make_member
from prongsai.assets.models import Asset, AssetType
from prongsai.assets.tests import factories
from prongsai.core.models import OrgUnit, User
from prongsai.core.roles import Role
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories as core_factories


@pytest.fixture
def unit(agency, admin_member) -> OrgUnit:
    with agency_scope(agency):
        return core_factories.org_unit(agency, admin_member, name_th="สำนักปลัด", order=0)


@pytest.fixture
def head(agency) -> User:
    return make_member(agency, "head", Role.HEAD_OF_DIVISION)


@pytest.fixture
def executive(agency) -> User:
    return make_member(agency, "mayor", Role.EXECUTIVE)


@pytest.fixture
def auditor(agency) -> User:
    return make_member(agency, "auditor", Role.INTERNAL_AUDITOR)


@pytest.fixture
def computer_type(agency, member) -> AssetType:
    return factories.asset_type(agency, member)


@pytest.fixture
def laptop(agency, member, computer_type, unit) -> Asset:
    return factories.asset(agency, member, computer_type, unit)
