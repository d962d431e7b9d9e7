"""Official documents that citizens download from the agency's public pages.

The engine lives here, so the pages of the domain apps only link to these views (no domain app imports
``reports``: DESIGN.md). Each view first checks, through the owning app's guarded accessor, that what is
asked for is public; a draft, an unknown record or another agency's record is not found.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse

from prongsai.core.http import AgencyRequest
from prongsai.core.permissions import public
from prongsai.core.thai import fiscal_year
from prongsai.eservice import access as eservice_access
from prongsai.eservice import clock as eservice_clock
from prongsai.reports.registry import Export, ExportError, Params, export

MANUAL_FORMATS = ("pdf", "docx")


def _download(result: Export) -> HttpResponse:
    response = HttpResponse(result.content, content_type=result.content_type)
    response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
    return response


@public
def service_manual(request: AgencyRequest, code: str, fmt: str) -> HttpResponse:
    """A published citizen manual as an official document (PDF to read, DOCX to adapt)."""
    service = eservice_access.get_public_service(request.agency, code)
    if fmt not in MANUAL_FORMATS:
        raise Http404
    params = Params(fiscal_year=fiscal_year(eservice_clock.now()), subject=service.code)
    try:
        return _download(export(agency=request.agency, identifier="service-manual", params=params, fmt=fmt))
    except ExportError:
        raise Http404 from None
