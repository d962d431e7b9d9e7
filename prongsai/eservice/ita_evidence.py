"""What the E-Service publishes for the ITA's OIT items (see ``prongsai/ita/providers.py``).

Each function reads this app's selectors and returns a plain mapping with the keys of the ita app's
``Evidence`` (urls, checks, dates, fiscal_years, months, notes); the app never imports ita. The windows come
from the catalogues in ``prongsai/ita/data``: the manuals and the E-Service are STANDING, the statistics are
CUR_FY (the assessed year's counts) and the satisfaction results are PREV_FY in the 2566-numbered list
(catalogue-2567-B), so both the assessed and the previous year are reported and the window decides.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK, fiscal_year_range

from . import selectors, statistics
from .models import Service


def _published_on(services: list[Service]) -> list[date]:
    return [s.published_at.astimezone(BANGKOK).date() for s in services if s.published_at is not None]


def _manual_urls(services: list[Service]) -> list[str]:
    return [reverse("eservice:catalogue")] + [
        reverse("eservice:service_detail", args=[s.code]) for s in services
    ]


def _has_laws(service: Service) -> bool:
    return bool(service.legal_basis.strip() or service.related_laws.strip())


def _lacking(services: list[Service], checks: dict[str, Callable[[Service], bool]]) -> list[str]:
    """One Thai note per service that fails a check, naming the service and what its manual lacks."""
    notes = []
    for service in services:
        missing = [label for label, passes in checks.items() if not passes(service)]
        if missing:
            notes.append(
                _("คู่มือ “%(name)s” ยังขาด: %(missing)s")
                % {"name": service.name_th, "missing": ", ".join(missing)}
            )
    return notes


def service_manual(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """The citizen manuals (คู่มือสำหรับประชาชน): every published service must state every element."""
    services = selectors.published_manuals(agency)
    if not services:
        return None
    tests: dict[str, Callable[[Service], bool]] = {
        "name": lambda s: bool(s.name_th.strip()),
        # Every step carries its time (the model requires 1–365 working days or hours), so a manual with
        # steps states both the steps and their durations.
        "steps": lambda s: bool(s.steps.all()),
        "duration": lambda s: bool(s.steps.all()),
        "channels": lambda s: bool(s.channels or s.service_points),
        # The manual always states the fee: the amount or its description when there is one (a database
        # constraint), "ไม่มีค่าธรรมเนียม" otherwise; documents likewise say "ไม่ต้องใช้เอกสาร" when there are none.
        "fees": lambda s: bool(s.fee_text.strip()),
        "documents": lambda s: True,
    }
    labels = {
        "name": _("ชื่องาน"),
        "steps": _("ขั้นตอนการขอรับบริการ"),
        "duration": _("ระยะเวลา"),
        "channels": _("ช่องทางให้บริการ"),
        "fees": _("ค่าธรรมเนียม"),
        "documents": _("รายการเอกสารหลักฐาน"),
    }
    return {
        "urls": _manual_urls(services),
        "checks": {key: all(test(s) for s in services) for key, test in tests.items()},
        "dates": _published_on(services),
        "notes": _lacking(services, {labels[key]: test for key, test in tests.items()}),
    }


def staff_manual(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """The staff's working steps of each service: the same catalogue, read as the officers' procedure.

    A service's manual names the work, its steps (what the officers do, in order), the time allowed for
    each step with the unit responsible, and the laws that give the power and bind the work: the four
    elements of the staff-manual item. It covers the services only, which the note says.
    """
    services = selectors.published_manuals(agency)
    if not services:
        return None
    tests: dict[str, Callable[[Service], bool]] = {
        "name": lambda s: bool(s.name_th.strip()),
        "steps": lambda s: bool(s.steps.all()),
        "duration": lambda s: bool(s.steps.all()),
        "laws": _has_laws,
    }
    labels = {
        "name": _("ชื่องาน"),
        "steps": _("ขั้นตอนการปฏิบัติงาน"),
        "duration": _("ระยะเวลาแต่ละขั้นตอน"),
        "laws": _("กฎหมายที่เกี่ยวข้อง"),
    }
    notes = [
        _(
            "หลักฐานคือขั้นตอนการปฏิบัติงาน ระยะเวลาแต่ละขั้นตอน ส่วนงานที่รับผิดชอบ และกฎหมายของงานบริการแต่ละงาน "
            "ครอบคลุมเฉพาะงานบริการประชาชน งานอื่นของเจ้าหน้าที่ให้แนบคู่มือเพิ่มเติม"
        ),
        *_lacking(services, {labels[key]: test for key, test in tests.items()}),
    ]
    return {
        "urls": _manual_urls(services),
        "checks": {key: all(test(s) for s in services) for key, test in tests.items()},
        "dates": _published_on(services),
        "notes": notes,
    }


def eservice(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """The online request channel: the public catalogue, from which every open service takes requests."""
    services = list(selectors.published_services(agency))
    if not services:
        return None
    online = [s for s in services if s.channel_eservice and s.is_accepting]
    return {
        "urls": [reverse("eservice:catalogue")],
        "checks": {"exists": bool(online)},
        "notes": [_("ยื่นคำขอออนไลน์ได้ %(n)s งานบริการ") % {"n": len(online)}] if online else [],
    }


def _month_key(month: date) -> str:
    return f"{month.year}-{month.month:02d}"


def service_stats(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """The assessed year's statistics: walk-in and E-Service counts per service and month."""
    if not selectors.published_services(agency).exists():
        return None
    report = statistics.service_statistics(agency, fiscal_year)
    months = [
        _month_key(month)
        for month, cell in zip(report.months, report.month_totals, strict=True)
        if cell.total
    ]
    return {
        "urls": [f"{reverse('eservice:statistics')}?fy={fiscal_year}"],
        "checks": {
            "walk_in": report.total.walk_in > 0,
            "online": report.total.eservice > 0,
            "counts": any(row.total.total for row in report.rows),
        },
        "fiscal_years": [fiscal_year] if report.total.total else [],
        "months": months,
    }


def satisfaction_survey(agency: Agency, fiscal_year: int) -> Mapping[str, Any] | None:
    """The survey results on the statistics page, for the assessed year and the one before."""
    if not selectors.published_services(agency).exists():
        return None
    answered: list[int] = []
    for year in (fiscal_year - 1, fiscal_year):
        start, end = fiscal_year_range(year)
        whole_agency = statistics.satisfaction_summary(agency, start, end)[-1]
        if whole_agency.answers:
            answered.append(year)
    shown = answered or [fiscal_year - 1]
    return {
        "urls": [f"{reverse('eservice:statistics')}?fy={year}#satisfaction" for year in shown],
        "checks": {"exists": bool(answered)},
        "fiscal_years": answered,
    }


PROVIDERS: dict[str, Callable[[Agency, int], Mapping[str, Any] | None]] = {
    "service_manual": service_manual,
    "staff_manual": staff_manual,
    "eservice": eservice,
    "service_stats": service_stats,
    "satisfaction_survey": satisfaction_survey,
}
