"""Will the website pass the OIT? Item by item: evidence, missing elements, wrong period, predicted scores.

The rules are the catalogue's (elements, windows, binary scoring); the facts are the providers' and the
agency's manual evidence. An item is ready only when every element is present and dated inside its window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy

from prongsai.core.models import Agency
from prongsai.core.thai import fiscal_year_range, half_year_range
from prongsai.ita import scoring
from prongsai.ita.models import Catalogue, ManualEvidence, OitElement, OitItem, Window
from prongsai.ita.providers import Evidence, evidence_from_provider, provided_subjects


class Status:
    READY = "ready"
    MISSING = "missing"
    WRONG_PERIOD = "wrong_period"
    NO_EVIDENCE = "no_evidence"


STATUS_LABELS = {
    Status.READY: gettext_lazy("พร้อม"),
    Status.MISSING: gettext_lazy("องค์ประกอบไม่ครบ"),
    Status.WRONG_PERIOD: gettext_lazy("ข้อมูลไม่อยู่ในช่วงเวลาที่กำหนด"),
    Status.NO_EVIDENCE: gettext_lazy("ยังไม่มีหลักฐาน"),
}


@dataclass
class ElementState:
    element: OitElement
    present: bool
    in_window: bool
    source: str  # "app", "manual", "app+manual" or "" when nothing answers it


@dataclass
class ItemState:
    item: OitItem
    elements: list[ElementState]
    urls: list[str]
    status: str
    manual: list[ManualEvidence] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return self.status == Status.READY

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def missing(self) -> list[ElementState]:
        return [e for e in self.elements if not e.present]

    @property
    def out_of_window(self) -> list[ElementState]:
        return [e for e in self.elements if e.present and not e.in_window]


@dataclass
class Readiness:
    catalogue: Catalogue
    fiscal_year: int
    as_of: date
    items: list[ItemState]
    indicator_scores: dict[int, Decimal]

    @property
    def oit_score(self) -> Decimal | None:
        values = list(self.indicator_scores.values())
        return sum(values, Decimal(0)) / len(values) if values else None

    @property
    def ready_count(self) -> int:
        return sum(1 for i in self.items if i.ready)


def _manual_evidence(manual: ManualEvidence, public_url: str) -> Evidence:
    from prongsai.core.thai import fiscal_year as fy_of

    dates = [d for d in (manual.document_date, manual.period_end) if d]
    years: set[int] = set()
    if manual.period_start and manual.period_end:
        years = set(range(fy_of(manual.period_start), fy_of(manual.period_end) + 1))
    elif manual.document_date:
        years = {fy_of(manual.document_date)}
    return Evidence(
        subject=manual.subject,
        urls=[public_url] if public_url else [],
        checks={str(key): True for key in manual.confirmed_checks},
        dates=dates,
        fiscal_years=years,
        months={str(m) for m in manual.months},
        nil_report=manual.nil_report,
        source="manual",
        notes=[manual.note] if manual.note else [],
    )


def manual_evidence_url(manual: ManualEvidence) -> str:
    from django.urls import reverse

    if manual.url:
        return manual.url
    if manual.attachment_id:
        return reverse("ita:evidence_file", args=[manual.public_id])
    return ""


def window_ok(window: str, fiscal_year: int, evidence: Evidence, as_of: date) -> bool:
    """Whether the evidence covers the period the item asks for."""
    start, end = fiscal_year_range(fiscal_year)
    if window == Window.STANDING:
        return True
    if window == Window.CUR_FY:
        return fiscal_year in evidence.fiscal_years or any(
            start <= d <= min(end, as_of) for d in evidence.dates
        )
    if window == Window.H1:
        h1_start, h1_end = half_year_range(fiscal_year)
        return any(h1_start <= d <= h1_end for d in evidence.dates)
    if window == Window.PREV_FY:
        return fiscal_year - 1 in evidence.fiscal_years
    if window == Window.COVERS_FY:
        return fiscal_year in evidence.fiscal_years
    if window == Window.MONTHLY_H1:
        first_year = start.year
        needed = {f"{first_year}-{m:02d}" for m in (10, 11, 12)} | {
            f"{first_year + 1}-{m:02d}" for m in (1, 2, 3)
        }
        return needed <= evidence.months
    return False


def evidence_by_subject(agency: Agency, fiscal_year: int, subjects: set[str]) -> dict[str, Evidence]:
    """Each subject's evidence: its provider's, completed by the agency's active manual evidence."""
    manual_rows = list(
        ManualEvidence.objects.filter(
            agency=agency, fiscal_year=fiscal_year, is_active=True, subject__in=subjects
        )
    )
    result: dict[str, Evidence] = {}
    for subject in subjects:
        if subject in provided_subjects():
            found = evidence_from_provider(agency, fiscal_year, subject)
            if found is not None:
                result[subject] = found
    for manual in manual_rows:
        extra = _manual_evidence(manual, manual_evidence_url(manual))
        result[manual.subject] = result[manual.subject].merge(extra) if manual.subject in result else extra
    return result


def readiness(agency: Agency, catalogue: Catalogue, *, as_of: date) -> Readiness:
    """The readiness of every OIT item of ``catalogue`` for ``agency``, with the predicted scores."""
    fiscal_year = catalogue.fiscal_year
    items = list(
        catalogue.oit_items.select_related("indicator").prefetch_related("elements").order_by("order")
    )
    subjects = {e.subject for item in items for e in item.elements.all()}
    evidence = evidence_by_subject(agency, fiscal_year, subjects)
    manual_by_subject: dict[str, list[ManualEvidence]] = {}
    for row in ManualEvidence.objects.filter(agency=agency, fiscal_year=fiscal_year, is_active=True):
        manual_by_subject.setdefault(row.subject, []).append(row)
    states: list[ItemState] = []
    for item in items:
        element_states: list[ElementState] = []
        urls: list[str] = []
        for element in item.elements.all():
            found = evidence.get(element.subject)
            if found is None:
                element_states.append(ElementState(element, present=False, in_window=False, source=""))
                continue
            urls.extend(u for u in found.urls if u not in urls)
            present = bool(found.checks.get(element.check_key))
            in_window = window_ok(element.effective_window, fiscal_year, found, as_of)
            element_states.append(
                ElementState(element, present=present, in_window=in_window, source=found.source)
            )
        if not any(state.source for state in element_states):
            status = Status.NO_EVIDENCE
        elif any(not state.present for state in element_states):
            status = Status.MISSING
        elif any(not state.in_window for state in element_states):
            status = Status.WRONG_PERIOD
        else:
            status = Status.READY
        manual = [m for e in item.elements.all() for m in manual_by_subject.get(e.subject, [])]
        states.append(ItemState(item=item, elements=element_states, urls=urls, status=status, manual=manual))
    scores = scoring.oit_indicator_scores(catalogue, {s.item.code: s.ready for s in states})
    return Readiness(
        catalogue=catalogue, fiscal_year=fiscal_year, as_of=as_of, items=states, indicator_scores=scores
    )
