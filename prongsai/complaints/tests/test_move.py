"""Moving a corruption report out of the general channel: handed over whole, then nothing of it stays here."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client

from conftest import AGENCY_HOST, login_verified
from prongsai.complaints import selectors, services, transfer
from prongsai.complaints.models import Complaint, ComplaintEmail, ComplaintEvent, ComplaintFile
from prongsai.complaints.tests import fake_receiver
from prongsai.complaints.tests.factories import ADDRESS, DESCRIPTION, SUBJECT
from prongsai.core.models import AuditEvent, OutboundEmail
from prongsai.core.tenancy import agency_scope

REASON = "ผู้ร้องเล่าว่าเจ้าหน้าที่เรียกรับเงินเพื่อเร่งซ่อมไฟ"
FAKE = "prongsai.complaints.tests.fake_receiver.receive_complaint"
NOT_INSTALLED = "prongsai.not_installed_channel.transfer.receive_complaint"


@pytest.fixture(autouse=True)
def _empty_receiver():
    fake_receiver.RECEIVED.clear()
    yield
    fake_receiver.RECEIVED.clear()


@pytest.fixture
def handled(agency, member, complaint) -> Complaint:
    """The complaint accepted (so it has a notification e-mail) and with an internal note."""
    with agency_scope(agency):
        services.complaint_accept(complaint=complaint, acting_user=member, note="รับเรื่องแล้ว")
        services.complaint_add_note(complaint=complaint, acting_user=member, note="ผู้ร้องโทรมาเล่าเพิ่มเติม")
    return complaint


def test_the_receiver_is_the_whistleblower_apps_and_the_form_links_to_its_report_page():
    assert transfer.RECEIVER_PATH == "prongsai.whistleblower.transfer.receive_complaint"
    assert transfer.CORRUPTION_CHANNEL_PATH == "/integrity/report/"


def test_without_the_corruption_channel_the_move_is_refused_in_thai_and_nothing_changes(
    agency, head, handled, monkeypatch
):
    monkeypatch.setattr(transfer, "RECEIVER_PATH", NOT_INSTALLED)
    with agency_scope(agency):
        with pytest.raises(ValidationError) as refused:
            services.complaint_move_to_corruption_channel(complaint=handled, acting_user=head, reason=REASON)
        handled.refresh_from_db()
        assert handled.files.count() == 1 and handled.events.count() == 3
    assert "ยังไม่ได้ติดตั้งช่องทางร้องเรียนการทุจริต" in " ".join(refused.value.messages)
    assert handled.status == Complaint.Status.ACCEPTED and handled.subject == SUBJECT


def test_the_refusal_is_shown_on_the_staff_page(agency, head, handled, monkeypatch):
    monkeypatch.setattr(transfer, "RECEIVER_PATH", NOT_INSTALLED)
    client = login_verified(Client(HTTP_HOST=AGENCY_HOST), head)
    response = client.post(
        f"/staff/complaints/{handled.pk}/move/", {"move-reason": REASON, "move-confirm": "on"}
    )
    assert response.status_code == 400
    assert "ยังไม่ได้ติดตั้งช่องทางร้องเรียนการทุจริต" in response.content.decode()
    assert SUBJECT in response.content.decode()


def test_the_move_is_handed_over_whole_then_only_a_content_free_tombstone_stays(
    anon, agency, head, handled, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(transfer, "RECEIVER_PATH", FAKE)
    with agency_scope(agency):
        stored = handled.files.get()
        with stored.file.open("rb") as handle:
            photo_bytes = handle.read()
        storage, stored_name = stored.file.storage, stored.file.name
        email_ids = list(handled.emails.values_list("email_id", flat=True))
        assert email_ids
        with django_capture_on_commit_callbacks(execute=True):
            services.complaint_move_to_corruption_channel(complaint=handled, acting_user=head, reason=REASON)
        tombstone = Complaint.objects.get(pk=handled.pk)
        audit = AuditEvent.objects.filter(object_type="complaints.complaint").order_by("-seq").first()
        left = (
            ComplaintFile.objects.filter(complaint=tombstone).count(),
            ComplaintEvent.objects.filter(complaint=tombstone).count(),
            ComplaintEmail.objects.filter(complaint=tombstone).count(),
            OutboundEmail.objects.filter(pk__in=email_ids).count(),
        )

    # (a) the receiver got the content and the files' bytes, but not the complainant's contact details
    (received,) = fake_receiver.RECEIVED
    assert received["agency"] == agency and received["acting_user"] == head
    assert received["category"] == "ไฟฟ้าส่องสว่างสาธารณะ"
    for content in (SUBJECT, DESCRIPTION, REASON):
        assert content in received["description"]
    assert ADDRESS in received["location"]
    assert "ผู้ร้องแจ้งเรื่องเมื่อ" in received["occurred"]
    ((name, content),) = received["attachments"]
    assert content == photo_bytes and name == "photo-1.jpg"
    assert "citizen@example.com" not in str(received)
    assert handled.tracking_code not in str(received)  # the corruption channel gets no link back

    # (b) nothing of the matter stays here
    assert tombstone.status == Complaint.Status.MOVED
    assert tombstone.tracking_code == handled.tracking_code and tombstone.category_id == handled.category_id
    assert tombstone.received_at == handled.received_at and tombstone.closed_at is not None
    for name in (
        "subject",
        "description",
        "location_address",
        "contact_name",
        "contact_phone",
        "contact_email",
        "closing_note",
        "forwarded_to",
        "citizen_comment",
    ):
        assert getattr(tombstone, name) == "", name
    assert tombstone.latitude is None and tombstone.unit is None
    assert left == (0, 0, 0, 0)
    assert not storage.exists(stored_name)
    assert audit.action == "complaints.complaint.moved_to_corruption_channel"
    assert audit.data == {"files_erased": 1, "events_erased": 3}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the introspection
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row)
                for content in (
                    SUBJECT,
                    DESCRIPTION,
                    ADDRESS,
                    REASON,
                    "citizen@example.com",
                    "ผู้ร้องโทรมาเล่าเพิ่มเติม",
                ):
                    assert content not in text, (table, content)

    # The citizen's tracking page says where the matter went, and shows nothing of it.
    page = anon.get(f"/complaints/track/{handled.display_code}/").content.decode()
    assert "โอนไปดำเนินการในช่องทางร้องเรียนการทุจริต" in page
    assert SUBJECT not in page
    with agency_scope(agency):
        assert (
            selectors.complaint_statistics(agency, selectors.statistics_years(agency)[0]).total.received == 0
        )


def test_if_the_receiver_fails_the_complaint_stays_as_it_was(agency, head, handled, monkeypatch):
    monkeypatch.setattr(transfer, "RECEIVER_PATH", "prongsai.complaints.tests.fake_receiver.refuse_complaint")
    with agency_scope(agency):
        with pytest.raises(RuntimeError):
            services.complaint_move_to_corruption_channel(complaint=handled, acting_user=head, reason=REASON)
        handled.refresh_from_db()
        assert handled.subject == SUBJECT and handled.files.count() == 1 and handled.events.count() == 3
        assert not AuditEvent.objects.filter(
            action="complaints.complaint.moved_to_corruption_channel"
        ).exists()


def test_a_reason_is_required_and_a_moved_complaint_cannot_move_again(agency, head, handled, monkeypatch):
    monkeypatch.setattr(transfer, "RECEIVER_PATH", FAKE)
    with agency_scope(agency):
        with pytest.raises(ValidationError):
            services.complaint_move_to_corruption_channel(complaint=handled, acting_user=head, reason="  ")
        services.complaint_move_to_corruption_channel(complaint=handled, acting_user=head, reason=REASON)
        with pytest.raises(ValidationError):
            services.complaint_move_to_corruption_channel(complaint=handled, acting_user=head, reason=REASON)
    assert len(fake_receiver.RECEIVED) == 1


def test_an_officer_cannot_move_a_complaint_but_a_head_of_division_can(
    staff_client, agency, head, handled, monkeypatch
):
    monkeypatch.setattr(transfer, "RECEIVER_PATH", FAKE)
    data = {"move-reason": REASON, "move-confirm": "on"}
    assert staff_client.post(f"/staff/complaints/{handled.pk}/move/", data).status_code == 403
    head_client = login_verified(Client(HTTP_HOST=AGENCY_HOST), head)
    unconfirmed = head_client.post(f"/staff/complaints/{handled.pk}/move/", {"move-reason": REASON})
    assert unconfirmed.status_code == 400
    assert "กรุณายืนยันว่าเข้าใจผลของการโอนเรื่อง" in unconfirmed.content.decode()
    assert head_client.post(f"/staff/complaints/{handled.pk}/move/", data).status_code == 302
    with agency_scope(agency):
        handled.refresh_from_db()
    assert handled.status == Complaint.Status.MOVED
    detail = head_client.get(f"/staff/complaints/{handled.pk}/").content.decode()
    assert "โอนไปยังช่องทางร้องเรียนการทุจริตแล้ว" in detail and SUBJECT not in detail


def test_a_file_that_cannot_be_read_stops_the_move_before_anything_is_handed_over(
    agency, head, handled, monkeypatch
):
    monkeypatch.setattr(transfer, "RECEIVER_PATH", FAKE)
    with agency_scope(agency):
        stored = handled.files.get()
        stored.file.storage.delete(stored.file.name)
        with pytest.raises(ValidationError) as refused:
            services.complaint_move_to_corruption_channel(complaint=handled, acting_user=head, reason=REASON)
        handled.refresh_from_db()
    assert "อ่านไฟล์ของเรื่องนี้ไม่ได้" in " ".join(refused.value.messages)
    assert fake_receiver.RECEIVED == [] and handled.subject == SUBJECT


def test_with_the_real_corruption_channel_the_report_arrives_there_and_nothing_stays_here(
    agency, head, handled, django_capture_on_commit_callbacks
):
    """Runs where the whistleblower app is installed (after the merge); skipped on a branch without it."""
    pytest.importorskip("prongsai.whistleblower.transfer")
    services_keys = pytest.importorskip("prongsai.whistleblower.services_keys")
    from django_scopes import scopes_disabled

    from conftest import make_member
    from prongsai.whistleblower.models import Report, ReportFile

    assert transfer.RECEIVER_PATH == "prongsai.whistleblower.transfer.receive_complaint"
    with agency_scope(agency), pytest.raises(ValidationError):
        # Nobody holds a key of the channel yet: the report could not be read, so the move is refused.
        services.complaint_move_to_corruption_channel(complaint=handled, acting_user=head, reason=REASON)
    committee = make_member(agency, "committee", "integrity_committee")
    with agency_scope(agency):
        services_keys.key_setup(agency=agency, acting_user=committee, passphrase="ก้อนเมฆสีเทาลอยผ่านทุ่งนา 2567")
        with django_capture_on_commit_callbacks(execute=True):
            services.complaint_move_to_corruption_channel(complaint=handled, acting_user=head, reason=REASON)
        handled.refresh_from_db()
    assert handled.status == Complaint.Status.MOVED and handled.subject == ""
    with scopes_disabled():
        report = Report.objects.get()
        assert report.origin == Report.Origin.TRANSFERRED
        assert ReportFile.objects.filter(report=report).count() == 1
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the introspection
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row)
                for content in (SUBJECT, DESCRIPTION, ADDRESS, REASON):
                    assert content not in text, (table, content)
