from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from conftest import login_verified
from prongsai.core.models import Operator, User
from prongsai.core.services_onboarding import Onboarded
from prongsai.hosting.tests import factories

OPERATOR_HOST = "wangthong.test"  # operators' pages answer on any host; the tests use the first agency's


@pytest.fixture
def chaiyaphum(db) -> Operator:
    return factories.operator("chaiyaphum", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชัยภูมิ")


@pytest.fixture
def rival(db) -> Operator:
    return factories.operator("korat", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครราชสีมา", province="นครราชสีมา")


@pytest.fixture
def operator_user(chaiyaphum) -> User:
    return factories.operator_member(chaiyaphum, "province.officer")


@pytest.fixture
def operator_client(agency, operator_user) -> Client:
    return login_verified(Client(HTTP_HOST=OPERATOR_HOST), operator_user)


@pytest.fixture
def rival_client(agency, rival) -> Client:
    return login_verified(Client(HTTP_HOST=OPERATOR_HOST), factories.operator_member(rival, "korat.officer"))


@pytest.fixture
def make_new_agency(chaiyaphum, operator_user) -> Callable[..., Onboarded]:
    def make(code: str, **overrides: Any) -> Onboarded:
        return factories.new_agency(chaiyaphum, operator_user, code, **overrides)

    return make
