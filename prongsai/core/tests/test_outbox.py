"""Notifications go through the outbox and are sent by a task after the transaction commits."""

from __future__ import annotations

from django.core import mail
from django.db import transaction
from django_scopes import scopes_disabled

from prongsai.core.models import OutboundEmail
from prongsai.core.services import email_queue
from prongsai.core.tenancy import agency_scope


def test_an_email_is_sent_only_after_the_transaction_commits(agency, django_capture_on_commit_callbacks):
    with agency_scope(agency), django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        message = email_queue(agency=agency, to="citizen@example.com", subject="ทดสอบ", body="ข้อความ")
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "ทดสอบ"
    with scopes_disabled():
        message.refresh_from_db()
    assert message.status == OutboundEmail.Status.SENT
    assert message.sent_at is not None


def test_a_rolled_back_transaction_sends_nothing(agency, django_capture_on_commit_callbacks):
    with agency_scope(agency):
        try:
            with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
                email_queue(agency=agency, to="citizen@example.com", subject="ไม่ควรส่ง", body="x")
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        assert not OutboundEmail.objects.exists()
    assert mail.outbox == []


def test_a_message_is_never_sent_twice(agency, django_capture_on_commit_callbacks):
    from prongsai.core.tasks import send_outbound_email

    with agency_scope(agency), django_capture_on_commit_callbacks(execute=True):
        message = email_queue(agency=agency, to="citizen@example.com", subject="ครั้งเดียว", body="x")
    send_outbound_email.call(message.pk)
    assert len(mail.outbox) == 1
