"""Reads of the reports app: which fiscal years have data to report on."""

from __future__ import annotations

from datetime import date

from prongsai.assets import selectors as assets
from prongsai.core.models import Agency
from prongsai.core.thai import fiscal_year
from prongsai.engagement import selectors as engagement
from prongsai.ita import selectors as ita
from prongsai.people import selectors as people
from prongsai.planning import selectors as planning
from prongsai.procurement import selectors as procurement


def years_with_data(agency: Agency) -> set[int]:
    """Fiscal years (BE) in which the agency kept data the reports are made of: plans, procurement, ITA
    results, participation, training and loans (each read through its app's selectors)."""
    years: set[int] = set(planning.plans_for_staff(agency).values_list("fiscal_year", flat=True))
    years |= set(procurement.fiscal_years(agency, published_only=False))
    years |= set(ita.results_of(agency).values_list("fiscal_year", flat=True))
    years |= set(engagement.participation_fiscal_years(agency))
    years |= set(people.training_years(agency))
    years |= set(assets.loan_years(agency))
    return years


def report_years(agency: Agency, today: date) -> tuple[list[int], int]:
    """The years the report page offers, newest first (those with data and the current one), and the one it
    opens on: the latest year with data up to the current one, so a new fiscal year that has nothing yet
    does not greet the user with empty reports."""
    current = fiscal_year(today)
    with_data = {y for y in years_with_data(agency) if y <= current}
    default = max(with_data) if with_data else current
    return sorted(with_data | {current}, reverse=True), default
