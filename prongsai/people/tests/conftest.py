from __future__ import annotations

import pytest

from prongsai.core.roles import Role
from prongsai.core.tests import factories as core_factories
from prongsai.ita.tests.fixtures import catalogues, seed_fy2567  # noqa: F401


@pytest.fixture
def head(agency):
    return core_factories.member(agency, "head", Role.HEAD_OF_DIVISION)
