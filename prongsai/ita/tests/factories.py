"""Builders of the ITA tests (and of every app whose tests need a catalogue or a result).

``catalogues()`` loads the catalogue files of ``ita/data`` as the load command does; ``result`` saves a
year's official scores through the service; ``seed_result`` is the FY2567 result the seed report cites.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from prongsai.core.models import Agency, User
from prongsai.ita import services
from prongsai.ita.catalogue_files import load_all
from prongsai.ita.models import Catalogue, ItaResult
from prongsai.planning.seed_fy2567 import SEED_INDICATORS, SEED_OIT, SEED_QUESTIONS, SEED_TOTAL


def catalogues() -> dict[str, Catalogue]:
    """Every catalogue of ita/data, by code."""
    return {catalogue.code: catalogue for catalogue, _written in load_all()}


def result(
    agency: Agency, user: User, catalogue: Catalogue, *, fiscal_year: int, total: str, **scores: Any
) -> ItaResult:
    """A year's result; ``scores`` are the service's ``indicators``, ``questions`` and ``oit`` mappings."""
    return services.result_save(
        agency=agency,
        acting_user=user,
        fiscal_year=fiscal_year,
        catalogue=catalogue,
        total=Decimal(total),
        **scores,
    )


def seed_result(agency: Agency, user: User, catalogue: Catalogue) -> ItaResult:
    """The FY2567 result of อบต.วังทอง as the seed report cites it."""
    return result(
        agency,
        user,
        catalogue,
        fiscal_year=2567,
        total=SEED_TOTAL,
        indicators={k: Decimal(v) for k, v in SEED_INDICATORS.items()},
        questions={k: Decimal(v) for k, v in SEED_QUESTIONS.items()},
        oit={k: Decimal(v) for k, v in SEED_OIT.items()},
    )
