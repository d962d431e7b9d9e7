"""Guarded accessors of the ita app: the same 404 for "missing" and "not yours"."""

from __future__ import annotations

from django.http import Http404

from prongsai.core.access import parse_public_id
from prongsai.core.models import Agency
from prongsai.ita.models import EvidenceSnapshot, ManualEvidence


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


def get_public_snapshot(agency: Agency, fiscal_year: int, digest: str) -> EvidenceSnapshot:
    """A frozen copy of a public evidence page, found by its SHA-256 (never by a guessable number)."""
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise Http404
    snapshot = (
        EvidenceSnapshot.objects.filter(agency=agency, fiscal_year=fiscal_year, content_sha256=digest)
        .order_by("-created_at")
        .first()
    )
    if snapshot is None:
        raise Http404
    return snapshot
