"""Fixtures shared by the tests of several apps (imported by their conftest files): the ITA catalogues
and the seed's FY2567 integrity measures with the result they cite."""

from __future__ import annotations

import pytest

from prongsai.ita.models import Catalogue
from prongsai.ita.tests import factories


@pytest.fixture
def catalogues(db) -> dict[str, Catalogue]:
    """Every catalogue of ita/data, loaded as the command does."""
    return factories.catalogues()


@pytest.fixture
def seed_fy2567(agency, admin_member, catalogues, in_scope):
    """The seed's eight measures of FY2567 and the ITA result they cite, for the agency."""
    from prongsai.planning.demo import seed_integrity_measures

    with in_scope(agency):
        plan = seed_integrity_measures(agency, admin_member)
        factories.seed_result(agency, admin_member, catalogues["2567-A"])
    return plan
