"""Test fixtures shared by the ita, planning and reports tests (loaded by their conftest files)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from prongsai.ita import services as ita_services
from prongsai.ita.catalogue_files import load_all
from prongsai.ita.models import Catalogue
from prongsai.planning.seed_fy2567 import SEED_INDICATORS, SEED_OIT, SEED_QUESTIONS, SEED_TOTAL


@pytest.fixture
def catalogues(db) -> dict[str, Catalogue]:
    """Every catalogue of ita/data, loaded as the command does."""
    return {c.code: c for c, _written in load_all()}


def save_seed_result(agency, user, catalogue) -> None:
    ita_services.result_save(
        agency=agency,
        acting_user=user,
        fiscal_year=2567,
        catalogue=catalogue,
        total=Decimal(SEED_TOTAL),
        indicators={k: Decimal(v) for k, v in SEED_INDICATORS.items()},
        questions={k: Decimal(v) for k, v in SEED_QUESTIONS.items()},
        oit={k: Decimal(v) for k, v in SEED_OIT.items()},
    )


@pytest.fixture
def seed_fy2567(agency, admin_member, catalogues, in_scope):
    """The seed's eight measures of FY2567 and the ITA result they cite, for the agency."""
    from prongsai.planning.demo import seed_integrity_measures

    with in_scope(agency):
        plan = seed_integrity_measures(agency, admin_member)
        save_seed_result(agency, admin_member, catalogues["2567-A"])
    return plan
