"""Arithmetic of ITA scores, driven entirely by the catalogue's data (weights, bands, scoring method).

Nothing here knows a weight or a threshold: they are rows of the year's catalogue that an operator can
correct when NACC's numbers turn out different.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from prongsai.ita.models import Catalogue, GradeBand, Indicator

# Published scores carry two decimals; ten rounded indicator scores times weights summing to 1 can move the
# recomputed total by at most 0.005, so a difference above 0.01 is a real mismatch, not rounding.
TOTAL_TOLERANCE = Decimal("0.01")
HUNDRED = Decimal("100")


def q2(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def indicators_of(catalogue: Catalogue) -> list[Indicator]:
    return list(catalogue.indicators.order_by("number"))


def recompute_total(catalogue: Catalogue, scores: Mapping[int, Decimal]) -> Decimal | None:
    """The total the year's weights give for these indicator scores, or None when any is missing."""
    indicators = indicators_of(catalogue)
    if any(i.number not in scores for i in indicators):
        return None
    return sum((i.weight * scores[i.number] for i in indicators), Decimal(0)) / HUNDRED


def instrument_scores(catalogue: Catalogue, scores: Mapping[int, Decimal]) -> dict[str, Decimal | None]:
    """IIT, EIT and OIT as 0–100: the weighted mean of their indicators (None when one is missing)."""
    result: dict[str, Decimal | None] = {}
    groups: dict[str, list[Indicator]] = {}
    for indicator in indicators_of(catalogue):
        groups.setdefault(indicator.instrument, []).append(indicator)
    for instrument, members in groups.items():
        if any(i.number not in scores for i in members):
            result[instrument] = None
            continue
        weight = sum((i.weight for i in members), Decimal(0))
        result[instrument] = (
            sum((i.weight * scores[i.number] for i in members), Decimal(0)) / weight if weight else None
        )
    return result


@dataclass(frozen=True)
class TotalCheck:
    status: str  # "matches" | "mismatch" | "incomplete"
    recomputed: Decimal | None
    difference: Decimal | None


def check_total(catalogue: Catalogue, total: Decimal, scores: Mapping[int, Decimal]) -> TotalCheck:
    """Whether the stored total is what the indicator scores give with the year's weights."""
    recomputed = recompute_total(catalogue, scores)
    if recomputed is None:
        return TotalCheck("incomplete", None, None)
    difference = abs(recomputed - total)
    return TotalCheck("matches" if difference <= TOTAL_TOLERANCE else "mismatch", recomputed, difference)


def band_for(
    catalogue: Catalogue, scheme: str, total: Decimal, instruments: Mapping[str, Decimal | None] | None = None
) -> GradeBand | None:
    """The first band of ``scheme`` whose rule holds; a band that needs instrument scores is skipped when
    they are unknown (so the answer is the best label the known scores prove)."""
    for band in catalogue.grade_bands.filter(scheme=scheme).order_by("order"):
        if total < band.min_total:
            continue
        if band.min_each_instrument is not None:
            values = list((instruments or {}).values())
            if not values or any(v is None for v in values):
                continue
            if any(v is not None and v < band.min_each_instrument for v in values):
                continue
        return band
    return None


def oit_indicator_scores(catalogue: Catalogue, ready: Mapping[str, bool]) -> dict[int, Decimal]:
    """Binary OIT scoring: each item 100 when every element is in place, else 0; an indicator is the mean
    of its items. ``ready`` maps item codes to readiness."""
    if catalogue.oit_scoring != "binary":
        raise ValueError(f"unsupported OIT scoring {catalogue.oit_scoring!r}")
    totals: dict[int, list[Decimal]] = {}
    for item in catalogue.oit_items.select_related("indicator"):
        totals.setdefault(item.indicator.number, []).append(HUNDRED if ready.get(item.code) else Decimal(0))
    return {number: sum(values, Decimal(0)) / len(values) for number, values in totals.items() if values}
