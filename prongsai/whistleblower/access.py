"""Guarded accessors of the channel: the same 404 for "missing", "not yours" and "not sealed to you"."""

from __future__ import annotations

from django.http import Http404

from prongsai.core.models import Agency
from prongsai.whistleblower import crypto
from prongsai.whistleblower.models import IdentityRequest, KeyHolder, Report, ReportGrant


def get_granted_report(agency: Agency, holder: KeyHolder, report_id: int) -> tuple[Report, ReportGrant]:
    """A report sealed to ``holder`` in ``agency``, with the grant that opens it."""
    grant = (
        ReportGrant.objects.filter(agency=agency, holder=holder, report_id=report_id)
        .select_related("report", "report__agency")
        .first()
    )
    if grant is None:
        raise Http404
    return grant.report, grant


def report_key(grant: ReportGrant, private_key: bytes) -> bytes:
    """``K_report`` from a grant and the holder's unlocked private key."""
    try:
        return crypto.unseal(private_key, bytes(grant.sealed_key))
    except crypto.DecryptionError:
        raise Http404 from None


def get_identity_request(agency: Agency, pk: int) -> IdentityRequest:
    request = (
        IdentityRequest.objects.filter(agency=agency, pk=pk)
        .select_related("requester__user", "report")
        .first()
    )
    if request is None:
        raise Http404
    return request


def get_reporter_report(agency: Agency, report_id: int) -> Report:
    report = Report.objects.filter(agency=agency, pk=report_id).first()
    if report is None:
        raise Http404
    return report
