"""LINE: the channel's sealed credentials, the webhook and its signature, linking a code, pushes through the
outbox, sent once even when the worker dies in the middle. Everything runs against a local LINE server."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST
from prongsai.complaints import services as complaint_services
from prongsai.complaints.tests import factories as complaint_factories
from prongsai.core import line
from prongsai.core.models import AuditEvent, LineChannel, LineLink, OutboundLine
from prongsai.core.services_line import line_channel_save
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories
from prongsai.core.tests.line_server import LineTestServer, sign

TOKEN = "test-channel-access-token"
SECRET = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def line_api(settings):
    with LineTestServer(TOKEN) as server:
        settings.LINE_API_BASE = server.url
        yield server.state


@pytest.fixture
def channel(agency, admin_member, line_api):
    with agency_scope(agency):
        return line_channel_save(
            agency=agency, acting_user=admin_member, basic_id="@wangthong", token=TOKEN, secret=SECRET
        )


@pytest.fixture
def complaint(agency, admin_member):
    with agency_scope(agency):
        unit = factories.org_unit(agency, admin_member, name_th="กองช่าง", order=1)
        category = complaint_factories.category(agency, admin_member, unit)
    return complaint_factories.complaint(agency, category)


def _event(text: str, *, user: str = "U" + "a" * 32, token: str = "reply-1") -> dict:  # noqa: S107
    return {
        "type": "message",
        "replyToken": token,
        "source": {"type": "user", "userId": user},
        "message": {"type": "text", "id": "1", "text": text},
        "timestamp": 1700000000000,
        "mode": "active",
    }


def _webhook(anon, events: list[dict], *, secret: str = SECRET, signature: str | None = None):
    body = json.dumps({"destination": "U" + "0" * 32, "events": events}).encode()
    return anon.post(
        "/line/webhook/",
        data=body,
        content_type="application/json",
        HTTP_HOST=AGENCY_HOST,
        HTTP_X_LINE_SIGNATURE=signature if signature is not None else sign(secret, body),
    )


def test_the_credentials_are_stored_sealed_and_the_audit_names_no_value(agency, channel):
    with scopes_disabled():
        stored = LineChannel.objects.get(agency=agency)
        audit = AuditEvent.objects.filter(agency=agency, action="line.channel_saved").get()
    assert TOKEN.encode() not in bytes(stored.token_sealed)
    assert line.unseal(stored.token_sealed) == TOKEN and line.unseal(stored.secret_sealed) == SECRET
    assert TOKEN not in json.dumps(audit.data) and SECRET not in json.dumps(audit.data)


def test_our_signature_is_the_one_line_documents():
    # The example of LINE's documentation: base64(HMAC-SHA256(channel secret, body)).
    body = b'{"events":[]}'
    assert line.signature(SECRET, body) == sign(SECRET, body)
    assert line.signature_valid(SECRET, body, sign(SECRET, body))
    assert not line.signature_valid(SECRET, body + b" ", sign(SECRET, body))
    assert not line.signature_valid(SECRET, body, "")


def test_a_webhook_call_without_the_right_signature_is_refused_and_links_nothing(
    agency, channel, complaint, anon, line_api
):
    assert _webhook(anon, [_event(complaint.display_code)], signature="bm9wZQ==").status_code == 403
    assert _webhook(anon, [_event(complaint.display_code)], secret="f" * 32).status_code == 403
    with scopes_disabled():
        assert not LineLink.objects.exists()
    assert line_api.replied == []


def test_a_body_that_is_not_lines_json_is_a_400(agency, channel, anon):
    body = b"not json"
    answer = anon.post(
        "/line/webhook/",
        data=body,
        content_type="application/json",
        HTTP_HOST=AGENCY_HOST,
        HTTP_X_LINE_SIGNATURE=sign(SECRET, body),
    )
    assert answer.status_code == 400


def test_an_agency_without_a_line_channel_has_no_webhook(agency, anon):
    assert _webhook(anon, []).status_code == 404


def test_a_citizen_who_sends_a_tracking_code_is_linked_and_told_the_status(
    agency, channel, complaint, anon, line_api
):
    typed = complaint.display_code.lower().replace("-", " ")
    assert _webhook(anon, [_event(f"ติดตามเรื่อง {typed}")]).status_code == 200
    with scopes_disabled():
        link = LineLink.objects.get(agency=agency)
    assert (link.kind, link.tracking_code) == ("complaint", complaint.tracking_code)
    (reply,) = line_api.replied
    assert reply["replyToken"] == "reply-1"
    assert complaint.display_code in reply["messages"][0]["text"]
    assert "รับเรื่องแล้ว" in reply["messages"][0]["text"] or "สถานะ" in reply["messages"][0]["text"]
    assert complaint.description not in reply["messages"][0]["text"]
    # The same code again links nothing new.
    _webhook(anon, [_event(complaint.display_code, token="reply-2")])
    with scopes_disabled():
        assert LineLink.objects.count() == 1


def test_an_unknown_code_gets_a_thai_explanation_and_no_link(agency, channel, anon, line_api):
    _webhook(anon, [_event("ABCD-2345-EFGH")])
    with scopes_disabled():
        assert not LineLink.objects.exists()
    assert "ไม่พบรหัสติดตามนี้" in line_api.replied[0]["messages"][0]["text"]


def test_a_status_change_reaches_line_as_a_push_once_even_if_the_worker_dies_in_the_middle(
    agency, channel, complaint, anon, admin_member, line_api, monkeypatch, django_capture_on_commit_callbacks
):
    from prongsai.core import tasks

    _webhook(anon, [_event(complaint.display_code)])
    # The worker dies after LINE accepted the push and before the outbox row was marked sent.
    real_push = line.LineClient.push

    def push_then_die(self, to, text, *, retry_key):
        real_push(self, to, text, retry_key=retry_key)
        raise KeyboardInterrupt("worker killed")

    monkeypatch.setattr(line.LineClient, "push", push_then_die)
    with (
        agency_scope(agency),
        pytest.raises(KeyboardInterrupt),
        django_capture_on_commit_callbacks(execute=True),
    ):
        complaint_services.complaint_accept(complaint=complaint, acting_user=admin_member)
    with scopes_disabled():
        message = OutboundLine.objects.get(agency=agency)
    assert message.status == OutboundLine.Status.PENDING and message.attempts == 1
    assert len(line_api.pushed) == 1
    pushed = line_api.pushed[0]
    assert pushed["to"] == "U" + "a" * 32
    assert complaint.display_code in pushed["messages"][0]["text"]

    # The worker restarts; later the outbox sweep (the ops job core.outbox_retry) picks the message up.
    monkeypatch.setattr(line.LineClient, "push", real_push)
    with scopes_disabled():
        OutboundLine.objects.filter(pk=message.pk).update(updated_at=timezone.now() - timedelta(minutes=30))
    with agency_scope(agency):
        assert tasks.retry_pending(agency) == 1
    with scopes_disabled():
        message.refresh_from_db()
    assert message.status == OutboundLine.Status.SENT and message.attempts == 2
    assert len(line_api.pushed) == 1  # LINE answered 409 to the same retry key: delivered once
    with agency_scope(agency):
        assert tasks.retry_pending(agency) == 0


def test_line_being_down_leaves_the_message_pending_until_a_later_sweep_sends_it(
    agency, channel, complaint, anon, admin_member, line_api, django_capture_on_commit_callbacks
):
    from prongsai.core import tasks

    _webhook(anon, [_event(complaint.display_code)])
    line_api.fail_next(1, 500)
    with agency_scope(agency), django_capture_on_commit_callbacks(execute=True):
        complaint_services.complaint_accept(complaint=complaint, acting_user=admin_member)
    with scopes_disabled():
        message = OutboundLine.objects.get(agency=agency)
        assert message.status == OutboundLine.Status.PENDING
        OutboundLine.objects.filter(pk=message.pk).update(updated_at=timezone.now() - timedelta(minutes=30))
    with agency_scope(agency):
        tasks.retry_pending(agency)
    with scopes_disabled():
        message.refresh_from_db()
    assert message.status == OutboundLine.Status.SENT
    assert len(line_api.pushed) == 1


def test_a_refused_token_fails_the_message_at_once_instead_of_retrying(
    agency, admin_member, complaint, anon, line_api, django_capture_on_commit_callbacks
):
    with agency_scope(agency):
        line_channel_save(
            agency=agency, acting_user=admin_member, basic_id="@wangthong", token="wrong", secret=SECRET
        )
    _webhook(anon, [_event(complaint.display_code)])
    with agency_scope(agency), django_capture_on_commit_callbacks(execute=True):
        complaint_services.complaint_accept(complaint=complaint, acting_user=admin_member)
    with scopes_disabled():
        message = OutboundLine.objects.get(agency=agency)
    assert message.status == OutboundLine.Status.FAILED and message.attempts == 1


def test_moving_a_complaint_to_the_corruption_channel_forgets_its_line_followers(
    agency, channel, complaint, anon, admin_member, monkeypatch
):
    from prongsai.complaints import transfer

    monkeypatch.setattr(
        transfer, "RECEIVER_PATH", "prongsai.complaints.tests.fake_receiver.receive_complaint"
    )
    _webhook(anon, [_event(complaint.display_code)])
    with agency_scope(agency):
        complaint_services.complaint_move_to_corruption_channel(
            complaint=complaint, acting_user=admin_member, reason="เป็นเรื่องทุจริต"
        )
    with scopes_disabled():
        assert not LineLink.objects.exists()


def test_the_line_settings_page_is_for_the_administrator_and_refuses_a_bad_secret_in_thai(
    agency, admin_client, staff_client, line_api
):
    assert staff_client.get("/staff/line/", HTTP_HOST=AGENCY_HOST).status_code == 403
    page = admin_client.post(
        "/staff/line/",
        {"basic_id": "@wangthong", "token": TOKEN, "secret": "not-hex", "is_active": "on"},
        HTTP_HOST=AGENCY_HOST,
    )
    assert page.status_code == 400
    assert "เลขฐานสิบหก 32 ตัว" in page.content.decode()
    saved = admin_client.post(
        "/staff/line/",
        {"basic_id": "@wangthong", "token": TOKEN, "secret": SECRET, "is_active": "on"},
        HTTP_HOST=AGENCY_HOST,
    )
    assert saved.status_code == 302
    with scopes_disabled():
        assert LineChannel.objects.get(agency=agency).basic_id == "@wangthong"


def test_the_tracking_page_offers_line_with_the_code_typed_only_when_the_agency_has_a_channel(
    agency, admin_member, complaint, anon, line_api
):
    path = f"/complaints/track/{complaint.display_code}/"
    assert "line.me/R/oaMessage" not in anon.get(path, HTTP_HOST=AGENCY_HOST).content.decode()
    with agency_scope(agency):
        line_channel_save(
            agency=agency, acting_user=admin_member, basic_id="@wangthong", token=TOKEN, secret=SECRET
        )
    page = anon.get(path, HTTP_HOST=AGENCY_HOST).content.decode()
    assert f"https://line.me/R/oaMessage/%40wangthong/?{complaint.display_code}" in page
    assert "data:image/png;base64," in page


def test_line_links_and_sent_messages_are_purged_when_their_retention_ends(
    agency, channel, complaint, anon, line_api
):
    import time_machine

    from prongsai.core.services_retention import purge_expired_personal_data

    _webhook(anon, [_event(complaint.display_code)])
    with time_machine.travel(timedelta(days=731)):
        counts = purge_expired_personal_data()
    assert counts["LINE links"] == 1
    with scopes_disabled():
        assert not LineLink.objects.exists()
