"""Guarded accessors of the ita app: the same 404 for "missing" and "not yours"."""

from __future__ import annotations

from django.http import Http404

from prongsai.core.access import parse_public_id
from prongsai.core.models import Agency
from prongsai.ita.models import ManualEvidence


def get_public_evidence(agency: Agency, public_id: str) -> ManualEvidence:
    """Manual evidence with a file is public while it is in use (it is what the OIT assessor opens)."""
    evidence = (
        ManualEvidence.objects.filter(
            agency=agency, public_id=parse_public_id(public_id), is_active=True, attachment__isnull=False
        )
        .select_related("attachment")
        .first()
    )
    if evidence is None:
        raise Http404
    return evidence


def get_evidence_for_staff(agency: Agency, pk: int) -> ManualEvidence:
    evidence = ManualEvidence.objects.filter(agency=agency, pk=pk).first()
    if evidence is None:
        raise Http404
    return evidence
