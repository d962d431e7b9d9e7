"""What the corruption channel publishes for the OIT items on corruption complaints (o22–o24 / O17–O19).

The ita app collects these through ``PROVIDERS`` (see ``prongsai/ita/providers.py``); this module reads only
the channel's own selectors and never decrypts anything: the statistics are the de-identified monthly counts
that the public statistics page shows.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK
from prongsai.whistleblower import selectors


def complaint_guide(agency: Agency, fiscal_year: int) -> dict[str, Any] | None:
    guideline = selectors.published_guideline(agency)
    if guideline is None:
        return None
    return {
        "urls": [reverse("whistleblower:guideline")],
        "checks": {
            "how_to": bool(guideline.what_to_include.strip()),
            "channels": bool(guideline.channels.strip()),
            "steps": bool(guideline.steps.strip()),
            "unit": bool(guideline.responsible_unit.strip()),
            "duration": bool(guideline.time_frame.strip()),
        },
        "dates": [guideline.published_at.astimezone(BANGKOK).date()] if guideline.published_at else [],
    }


def complaint_channel(agency: Agency, fiscal_year: int) -> dict[str, Any]:
    # The channel is a separate app with its own pages, keys and receipts (never the general complaints
    # app), and the reporter follows a report with the receipt alone; what can be missing is a recipient
    # key: without one a report could be sent but nobody could read it, so the channel does not count.
    ready = selectors.channel_ready(agency)
    notes = [] if ready else [_("ยังไม่มีกรรมการที่ตั้งกุญแจรับเรื่อง ช่องทางจึงยังรับเรื่องไม่ได้")]
    return {
        "urls": [reverse("whistleblower:landing"), reverse("whistleblower:follow_up")],
        # The landing page always links to NACC's and PACC's own channels (FY2569 O17).
        "checks": {"online": ready, "separate": True, "follow_up": ready, "external": True},
        "notes": notes,
    }


def complaint_stats(agency: Agency, fiscal_year: int) -> dict[str, Any] | None:
    today = timezone.now().astimezone(BANGKOK).date()
    if fiscal_year not in selectors.statistics_years(agency, today=today):
        return None  # the public page does not offer that year
    stats = selectors.statistics(agency, fiscal_year, as_of=today)
    notes = [_("ไม่มีเรื่องร้องเรียนการทุจริตในปีงบประมาณนี้ (เผยแพร่เป็นศูนย์)")] if stats.total == 0 else []
    # FY2569 O18 asks for PDF and XLSX files: the page offers CSV only, so the files are attached by staff.
    notes.append(_("ไฟล์ PDF และ XLSX ของสถิติยังต้องแนบเป็นหลักฐานเพิ่มเติม"))
    return {
        "urls": [f"{reverse('whistleblower:statistics')}?year={fiscal_year}"],
        # Every month of the year is published with explicit zeros, so all three counts are always shown.
        "checks": {"total": True, "done": True, "pending": True, "files": False},
        "fiscal_years": [fiscal_year],
        "months": [f"{m.year:04d}-{m.month:02d}" for m in stats.months],
        "nil_report": stats.total == 0,
        "notes": notes,
    }


PROVIDERS = {
    "corruption_complaint_guide": complaint_guide,
    "corruption_complaint_channel": complaint_channel,
    "corruption_complaint_stats": complaint_stats,
}
