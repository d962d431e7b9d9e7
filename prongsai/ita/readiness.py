"""Will the website pass the OIT? Item by item, as the assessor sees it on the agency's answer date.

The rules are the catalogue's (elements, windows, binary scoring); the facts are the providers' and the
agency's manual evidence. An element counts only when its evidence was published on or before the answer
date (the provider contract's ``dates`` are publication dates), and when it covers the period its window
asks for:

* ``STANDING``: current at the answer date (published on or before it);
* ``CUR_FY``: content of the assessed year published by the answer date;
* ``H1``: a report covering the whole first six months, so dated on or after 31 March and by the answer date;
* ``MONTHLY_H1``: every month October–March reported (a stated nil month counts; a month that has not ended
  by the answer date never counts, whatever a provider claims);
* ``PREV_FY`` / ``COVERS_FY``: the previous year's report / a plan covering the year, published by then.

A stated zero (``nil_report``) is evidence: its checks pass like any other. Each element that does not count
carries the date it would have been needed by, and the predicted scores follow from the items that count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy

from prongsai.core.models import Agency
from prongsai.core.thai import fiscal_year_range, half_year_range
from prongsai.ita import scoring
from prongsai.ita.models import (
    BackfilledCount,
    Catalogue,
    EvidenceSnapshot,
    ManualEvidence,
    OitElement,
    OitItem,
    Window,
)
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


class Problem:
    """Why an element does not count (shown to staff with the date it is needed by)."""

    NONE = ""
    NO_EVIDENCE = "no_evidence"
    MISSING = "missing"
    LATE = "late"
    PERIOD = "period"
    HALF_YEAR = "half_year"
    MONTHS = "months"


PROBLEM_LABELS = {
    Problem.NO_EVIDENCE: gettext_lazy("ยังไม่มีหลักฐาน"),
    Problem.MISSING: gettext_lazy("หลักฐานยังไม่แสดงองค์ประกอบนี้"),
    Problem.LATE: gettext_lazy("หลักฐานเผยแพร่หลังวันที่ตอบแบบ จึงไม่นับ"),
    Problem.PERIOD: gettext_lazy("หลักฐานไม่ใช่ของช่วงเวลาที่ข้อนี้กำหนด"),
    Problem.HALF_YEAR: gettext_lazy("ต้องเป็นรายงานที่ครอบคลุมครบรอบ 6 เดือน (ถึง 31 มีนาคม)"),
    Problem.MONTHS: gettext_lazy("ยังไม่มีรายงานครบทุกเดือนตั้งแต่ตุลาคมถึงมีนาคม"),
}


@dataclass
class ElementState:
    element: OitElement
    present: bool
    in_window: bool
    source: str  # "app", "manual", "app+manual" or "" when nothing answers it
    problem: str = Problem.NONE
    needed_by: date | None = None  # the date the evidence had to be published by (the answer date)

    @property
    def counts(self) -> bool:
        return self.present and self.in_window

    @property
    def problem_label(self) -> str:
        return str(PROBLEM_LABELS[self.problem]) if self.problem else ""


@dataclass
class ItemState:
    item: OitItem
    elements: list[ElementState]
    urls: list[str]
    status: str
    manual: list[ManualEvidence] = field(default_factory=list)
    copies: list[EvidenceSnapshot] = field(default_factory=list)  # frozen on the answer date (past years)

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

    @property
    def not_counting(self) -> list[ElementState]:
        return [e for e in self.elements if not e.counts]


@dataclass
class Readiness:
    catalogue: Catalogue
    fiscal_year: int
    as_of: date
    items: list[ItemState]
    indicator_scores: dict[int, Decimal]
    provisional: bool = False
    answer_date: date | None = None

    @property
    def oit_score(self) -> Decimal | None:
        values = list(self.indicator_scores.values())
        return sum(values, Decimal(0)) / len(values) if values else None

    @property
    def ready_count(self) -> int:
        return sum(1 for i in self.items if i.ready)


def _manual_evidence(manual: ManualEvidence, public_url: str) -> Evidence:
    """Manual evidence dated by its document (the publication date staff state), else its period's end."""
    from prongsai.core.thai import fiscal_year as fy_of

    published = manual.document_date or manual.period_end
    years: set[int] = set()
    if manual.period_start and manual.period_end:
        years = set(range(fy_of(manual.period_start), fy_of(manual.period_end) + 1))
    elif manual.document_date:
        years = {fy_of(manual.document_date)}
    return Evidence(
        subject=manual.subject,
        urls=[public_url] if public_url else [],
        checks={str(key): True for key in manual.confirmed_checks},
        dates=[published] if published else [],
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


def _month_ended_by(month: str, day: date) -> bool:
    year, number = (int(part) for part in month.split("-"))
    first_after = date(year + number // 12, number % 12 + 1, 1)
    return first_after <= day


def judge(window: str, fiscal_year: int, evidence: Evidence, as_of: date) -> str:
    """``Problem.NONE`` when the evidence covers the period of ``window`` as of the answer date."""
    start, end = fiscal_year_range(fiscal_year)
    published = [d for d in evidence.dates if d <= as_of]
    if evidence.dates and not published:
        return Problem.LATE
    if window == Window.STANDING:
        return Problem.NONE
    if window == Window.CUR_FY:
        in_year = any(start <= d <= end for d in published)
        return Problem.NONE if in_year or fiscal_year in evidence.fiscal_years else Problem.PERIOD
    if window == Window.H1:
        h1_end = half_year_range(fiscal_year)[1]
        return Problem.NONE if any(h1_end <= d <= end for d in published) else Problem.HALF_YEAR
    if window == Window.PREV_FY:
        return Problem.NONE if fiscal_year - 1 in evidence.fiscal_years else Problem.PERIOD
    if window == Window.COVERS_FY:
        return Problem.NONE if fiscal_year in evidence.fiscal_years else Problem.PERIOD
    if window == Window.MONTHLY_H1:
        first_year = start.year
        needed = {f"{first_year}-{m:02d}" for m in (10, 11, 12)} | {
            f"{first_year + 1}-{m:02d}" for m in (1, 2, 3)
        }
        reported = {m for m in evidence.months if _month_ended_by(m, as_of)}
        return Problem.NONE if needed <= reported else Problem.MONTHS
    return Problem.PERIOD


def window_ok(window: str, fiscal_year: int, evidence: Evidence, as_of: date) -> bool:
    """Whether the evidence covers the period the item asks for, as of the answer date."""
    return judge(window, fiscal_year, evidence, as_of) == Problem.NONE


# Which statistics subjects a kind of entered total answers, and the checks it proves.
BACKFILL_SUBJECTS = {
    "service_stats": {"walk_in": ["walk_in"], "online": ["online"], "counts": ["walk_in", "online"]},
    "corruption_complaint_stats": {
        "total": ["corruption"],
        "done": ["corruption"],
        "pending": ["corruption"],
    },
}


def _backfilled_evidence(agency: Agency, fiscal_year: int, subjects: set[str]) -> dict[str, Evidence]:
    """Evidence from the monthly totals entered for months before go-live (shown on ita's own page)."""
    from django.urls import reverse

    wanted = subjects & set(BACKFILL_SUBJECTS)
    if not wanted:
        return {}
    rows = list(BackfilledCount.objects.filter(agency=agency, fiscal_year=fiscal_year))
    result: dict[str, Evidence] = {}
    for subject in wanted:
        kinds = {k for kinds in BACKFILL_SUBJECTS[subject].values() for k in kinds}
        relevant = [r for r in rows if r.kind in kinds]
        if not relevant:
            continue
        present = {r.kind for r in relevant}
        result[subject] = Evidence(
            subject=subject,
            urls=[reverse("ita:counts", args=[fiscal_year])],
            checks={check: bool(set(needs) & present) for check, needs in BACKFILL_SUBJECTS[subject].items()},
            dates=[r.created_at.date() for r in relevant],
            fiscal_years={fiscal_year},
            months={f"{r.month:%Y-%m}" for r in relevant},
            nil_report=all(r.count == 0 for r in relevant),
            source="entered",
        )
    return result


def evidence_by_subject(agency: Agency, fiscal_year: int, subjects: set[str]) -> dict[str, Evidence]:
    """Each subject's evidence: its provider's, completed by the totals entered for months before go-live
    and by the agency's active manual evidence."""
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
    for subject, entered in _backfilled_evidence(agency, fiscal_year, subjects).items():
        result[subject] = result[subject].merge(entered) if subject in result else entered
    for manual in manual_rows:
        extra = _manual_evidence(manual, manual_evidence_url(manual))
        result[manual.subject] = result[manual.subject].merge(extra) if manual.subject in result else extra
    return result


def readiness(
    agency: Agency,
    catalogue: Catalogue,
    *,
    as_of: date,
    fiscal_year: int | None = None,
    provisional: bool = False,
    answer_date: date | None = None,
) -> Readiness:
    """The readiness of every OIT item of ``catalogue`` for ``agency`` as the assessor sees it on ``as_of``.

    ``as_of`` is the answer date once it has passed, else today (what is online now); ``answer_date`` is
    the date missing evidence is needed by (default ``as_of``). ``fiscal_year`` defaults to the
    catalogue's; it differs when a year without its own catalogue yet is prepared on the previous year's
    (``provisional``).
    """
    year = fiscal_year or catalogue.fiscal_year
    deadline = answer_date or as_of
    items = list(
        catalogue.oit_items.select_related("indicator").prefetch_related("elements").order_by("order")
    )
    wanted: dict[int, set[str]] = {}
    for item in items:
        for element in item.elements.all():
            wanted.setdefault(element.year_offset, set()).add(element.subject)
    evidence = {
        offset: evidence_by_subject(agency, year + offset, subjects) for offset, subjects in wanted.items()
    }
    manual_by_subject: dict[str, list[ManualEvidence]] = {}
    for row in ManualEvidence.objects.filter(agency=agency, fiscal_year=year, is_active=True):
        manual_by_subject.setdefault(row.subject, []).append(row)
    states: list[ItemState] = []
    for item in items:
        element_states: list[ElementState] = []
        urls: list[str] = []
        for element in item.elements.all():
            found = evidence[element.year_offset].get(element.subject)
            if found is None:
                element_states.append(
                    ElementState(
                        element,
                        present=False,
                        in_window=False,
                        source="",
                        problem=Problem.NO_EVIDENCE,
                        needed_by=deadline,
                    )
                )
                continue
            urls.extend(u for u in found.urls if u not in urls)
            present = bool(found.checks.get(element.check_key))
            # An element asked of the previous year's data is judged as that year's own content.
            window = Window.CUR_FY if element.year_offset else element.effective_window
            problem = judge(window, year + element.year_offset, found, as_of)
            element_states.append(
                ElementState(
                    element,
                    present=present,
                    in_window=problem == Problem.NONE,
                    source=found.source,
                    problem=Problem.MISSING if not present else problem,
                    needed_by=None if present and problem == Problem.NONE else deadline,
                )
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
        catalogue=catalogue,
        fiscal_year=year,
        as_of=as_of,
        items=states,
        indicator_scores=scores,
        provisional=provisional,
        answer_date=deadline,
    )
