from __future__ import annotations

import pytest
from django.test import Client

from conftest import AGENCY_HOST, login_verified, make_member
from prongsai.core.roles import Role
from prongsai.ita.tests.fixtures import catalogues  # noqa: F401


@pytest.fixture
def executive(agency):
    return make_member(agency, "executive", Role.EXECUTIVE)


@pytest.fixture
def auditor(agency):
    return make_member(agency, "auditor", Role.INTERNAL_AUDITOR)


@pytest.fixture
def executive_client(executive) -> Client:
    return login_verified(Client(HTTP_HOST=AGENCY_HOST), executive)


@pytest.fixture
def auditor_client(auditor) -> Client:
    return login_verified(Client(HTTP_HOST=AGENCY_HOST), auditor)
