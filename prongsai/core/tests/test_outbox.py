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
    send_outbound_email.call(agency.pk, message.pk)
    assert len(mail.outbox) == 1


def test_the_database_task_backend_and_its_worker_deliver_the_message(transactional_db, agency):
    """The real path of the embedded default: the task row is stored in the database and db_worker runs it.

    The test settings keep the immediate backend as default and add the database backend as "database".
    The worker closes its database connection when it finishes, as a real worker does, so this test runs
    without the wrapping transaction (which would die with the connection on PostgreSQL).
    """
    from io import StringIO

    from django.core.management import call_command

    from prongsai.core.tasks import send_outbound_email

    with scopes_disabled():
        message = OutboundEmail.objects.create(
            agency=agency, to="citizen@example.com", subject="ผ่านคิว", body="x"
        )
    result = send_outbound_email.using(backend="database").enqueue(agency.pk, message.pk)
    assert mail.outbox == []  # stored, not yet run
    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--backend",
        "database",
        stdout=StringIO(),
    )
    result.refresh()
    assert result.return_value == "sent"
    assert [m.subject for m in mail.outbox] == ["ผ่านคิว"]
    with scopes_disabled():
        message.refresh_from_db()
    assert message.status == OutboundEmail.Status.SENT
