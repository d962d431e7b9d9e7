"""What the integrity app holds about a requester (PDPA access requests, ``core.subject_data``): entries of
the gift register that name them (as the official or as the outside giver or receiver) or that their staff
account recorded, and their acknowledgements of the No Gift declaration.

The register knows an outsider only by name, so the requester's full name is what finds them there.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from prongsai.core.models import Agency
from prongsai.core.subject_data import Holding, SubjectQuery, inventoried_fields
from prongsai.core.thai import format_date, format_datetime

from .models import GiftEntry, PolicyAcknowledgement


def find(agency: Agency, query: SubjectQuery) -> list[Holding]:
    holdings: list[Holding] = []
    match = Q(pk__in=[])
    if query.email:
        match |= Q(recorded_by__email__iexact=query.email)
    if query.first_name:
        match |= Q(official_name__icontains=query.first_name) | Q(
            counterpart_name__icontains=query.first_name
        )
    entries = GiftEntry.objects.filter(agency=agency).filter(match).select_related("recorded_by")
    for entry in entries.order_by("event_on", "pk"):
        recorded_by_them = bool(query.email) and entry.recorded_by.email.lower() == query.email
        named = query.matches_name(entry.official_name) or query.matches_name(entry.counterpart_name)
        if not (recorded_by_them or named):
            continue
        holdings.append(
            Holding(
                source=_("ทะเบียนการรับหรือให้ของขวัญ วันที่ %(day)s") % {"day": format_date(entry.event_on)},
                fields=inventoried_fields(
                    entry, extra=("direction", "description", "estimated_value", "handling", "status")
                ),
            )
        )
    if query.email:
        acknowledged = PolicyAcknowledgement.objects.filter(
            agency=agency, user__email__iexact=query.email
        ).select_related("declaration")
        for ack in acknowledged.order_by("acknowledged_at"):
            holdings.append(
                Holding(
                    source=_("การรับทราบประกาศเจตนารมณ์ No Gift Policy ปีงบประมาณ %(year)s")
                    % {"year": ack.declaration.fiscal_year},
                    fields=[(_("รับทราบเมื่อ"), format_datetime(ack.acknowledged_at))],
                )
            )
    return holdings


FINDERS = [find]
