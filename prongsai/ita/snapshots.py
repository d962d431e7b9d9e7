"""Frozen copies of the evidence pages, taken on the ITAS answer date.

Assessors judge what was online at the answer URL during March–May, so the agency keeps, for every item,
the exact bytes each evidence page served and their SHA-256 (also written into the audit chain). Pages
are fetched through Django's own request handling with the agency's host name — the full middleware stack
runs, so the copy is what a visitor got — and never over the network.
"""

from __future__ import annotations

from django.test import Client

from prongsai.core.models import Agency, User
from prongsai.ita import services
from prongsai.ita.models import Catalogue, EvidenceSnapshot
from prongsai.ita.readiness import readiness


def _host(agency: Agency) -> str | None:
    return agency.hosts.order_by("pk").values_list("host", flat=True).first()


def take_snapshots(
    *, agency: Agency, acting_user: User | None, catalogue: Catalogue, fiscal_year: int | None = None
) -> list[EvidenceSnapshot]:
    """Copy every evidence page of the agency's own site for every item of ``catalogue`` (answered in
    ``fiscal_year``, the catalogue's own unless it is offered provisionally for a later year)."""
    from django.utils import timezone

    from prongsai.core.thai import BANGKOK

    year = fiscal_year or catalogue.fiscal_year
    state = readiness(agency, catalogue, as_of=timezone.now().astimezone(BANGKOK).date(), fiscal_year=year)
    host = _host(agency)
    client = Client(HTTP_HOST=host) if host else Client()
    taken: list[EvidenceSnapshot] = []
    fetched: dict[str, tuple[int, str, bytes]] = {}
    for item in state.items:
        for url in item.urls:
            if not url.startswith("/"):
                continue  # only pages of the agency's site served by this instance can be copied here
            if url not in fetched:
                response = client.get(url)
                content = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
                fetched[url] = (response.status_code, response.get("Content-Type", ""), content)
            status, content_type, content = fetched[url]
            taken.append(
                services.snapshot_store(
                    agency=agency,
                    acting_user=acting_user,
                    fiscal_year=year,
                    catalogue=catalogue,
                    item_code=item.item.code,
                    url=url,
                    status_code=status,
                    content_type=content_type,
                    content=content,
                )
            )
    return taken
