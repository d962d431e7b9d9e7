"""Keeping the search index of the agency's structure (units, positions, people) in step with the data.

The public pages that show this data belong to the portal; they are named here by URL name only, so core
does not import portal code.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from prongsai.core.models import Agency, OrgUnit, Person, Position, SearchDocument
from prongsai.core.search import index_document

STRUCTURE_PAGE = "portal:structure"
EXECUTIVES_PAGE = "portal:executives"
_TYPES = (OrgUnit._meta.label_lower, Person._meta.label_lower)


def reindex_structure(agency: Agency) -> None:
    """Rebuild the entries of every org unit and every current executive of ``agency`` (a few dozen rows)."""
    SearchDocument.objects.filter(agency=agency, record_type__in=_TYPES).delete()
    now = timezone.now()
    units = OrgUnit.objects.filter(agency=agency).prefetch_related("positions__people")
    for unit in units:
        lines = [unit.duties]
        for position in unit.positions.all():
            holders = ", ".join(p.full_name for p in position.people.all() if p.is_current)
            lines.append(f"{position.title_th} {holders}")
        index_document(
            agency=agency,
            record=unit,
            url=reverse(STRUCTURE_PAGE),
            title=unit.name_th,
            summary=unit.duties[:200],
            body="\n".join(lines),
            published_at=now,
        )
    executives = Person.objects.filter(
        agency=agency,
        is_current=True,
        position__level__in=[Position.Level.TOP_EXECUTIVE, Position.Level.DEPUTY_EXECUTIVE],
    ).select_related("position")
    for person in executives:
        index_document(
            agency=agency,
            record=person,
            url=reverse(EXECUTIVES_PAGE),
            title=f"{person.full_name} – {person.position.title_th}",
            summary=person.position.title_th,
            body=f"{person.full_name} {person.position.title_th}",
            published_at=now,
        )
