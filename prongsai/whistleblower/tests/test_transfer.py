"""The hand-over from the general complaint channel: encrypted on arrival, no receipt, origin marked."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django_scopes import scopes_disabled

from conftest import make_member
from prongsai.core.roles import Role
from prongsai.core.tenancy import agency_scope
from prongsai.whistleblower.models import Report, ReportFile
from prongsai.whistleblower.transfer import receive_complaint

from .conftest import jpeg_bytes, pdf_bytes, unlocked_client
from .leaks import captured_logs, everything, occurrences


def test_a_transferred_complaint_arrives_encrypted_and_readable_only_by_the_committee(agency, committee):
    canary = f"PSWB-TRANSFER-{uuid.uuid4().hex}"
    officer = make_member(agency, "clerk", Role.OFFICER)
    pdf, jpeg = pdf_bytes(canary), jpeg_bytes(canary.encode())
    with captured_logs() as logs, agency_scope(agency):
        receive_complaint(
            agency=agency,
            acting_user=officer,
            category=f"ทุจริตจัดซื้อ {canary}",
            description=f"ผู้ร้องแจ้งว่ามีการฮั้ว {canary}",
            location=f"หมู่ 5 {canary}",
            occurred="มีนาคม 2567",
            attachments=[(f"{canary}.pdf", pdf), ("photo.jpg", jpeg)],
        )
        haystacks = everything(logs.lines)
    assert occurrences(canary, haystacks) == []
    with scopes_disabled():
        report = Report.objects.get()
        assert report.origin == Report.Origin.TRANSFERRED
        assert report.receipt_verifier is None and report.receipt_tag == ""
        assert report.feedback_due_at is None
        assert ReportFile.objects.count() == 2
    staff = unlocked_client(committee)
    handle = staff.get("/staff/integrity/").context["rows"][0][0]
    detail = staff.get(f"/staff/integrity/reports/{handle}/")
    page = detail.content.decode()
    assert f"ผู้ร้องแจ้งว่ามีการฮั้ว {canary}" in page and "โอนมาจากช่องทางร้องเรียนทั่วไป" in page
    files = {meta["name"]: item for item, meta in detail.context["opened"].files}
    got = staff.get(f"/staff/integrity/reports/{handle}/files/{files[f'{canary}.pdf'].public_id}/")
    assert got.content == pdf
    # Nobody follows a transferred report up, so messages to "the reporter" are refused.
    refused = staff.post(
        f"/staff/integrity/reports/{handle}/action/", {"action": "message", "text": "ถึงผู้แจ้ง"}
    )
    assert refused.status_code == 400


def test_a_transfer_nobody_could_read_is_refused_and_the_caller_keeps_its_complaint(agency):
    officer = make_member(agency, "clerk", Role.OFFICER)
    with agency_scope(agency), pytest.raises(ValidationError), transaction.atomic():
        receive_complaint(
            agency=agency,
            acting_user=officer,
            category="",
            description="เรื่อง",
            location="",
            occurred="",
            attachments=[],
        )
    with scopes_disabled():
        assert not Report.objects.exists()


def test_a_transfer_rolls_back_with_the_callers_transaction(agency, committee):
    officer = make_member(agency, "clerk", Role.OFFICER)
    with agency_scope(agency), pytest.raises(RuntimeError), transaction.atomic():
        receive_complaint(
            agency=agency,
            acting_user=officer,
            category="",
            description="เรื่อง",
            location="",
            occurred="",
            attachments=[],
        )
        raise RuntimeError("the complaint could not be deleted")
    with scopes_disabled():
        assert not Report.objects.exists()
