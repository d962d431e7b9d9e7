from __future__ import annotations

import pytest
from django.test import Client

from conftest import AGENCY_HOST, login_verified
from prongsai.core.roles import Role
from prongsai.core.tests import factories as core_factories
from prongsai.ita.tests.fixtures import catalogues, seed_fy2567  # noqa: F401


@pytest.fixture
def head(agency):
    return core_factories.member(agency, "head", Role.HEAD_OF_DIVISION)


@pytest.fixture
def head_client(head) -> Client:
    return login_verified(Client(HTTP_HOST=AGENCY_HOST), head)
