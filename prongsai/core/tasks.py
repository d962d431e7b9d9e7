"""Background tasks of the core app: thin adapters on ``core.tasking.agency_task`` (agency id first)."""

from __future__ import annotations

import logging
import smtplib

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from prongsai.core.line import LineClient, LineError, unseal
from prongsai.core.models import Agency, OutboundEmail
from prongsai.core.tasking import agency_task

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


@agency_task(throws=(smtplib.SMTPException, OSError))
def send_outbound_email(agency: Agency, message_id: int) -> str:
    """Send one queued e-mail; claim it first so two workers never send it twice."""
    with transaction.atomic():
        # Claim by conditional update: only one worker moves the attempt counter from n to n+1.
        message = OutboundEmail.objects.select_for_update().filter(agency=agency, pk=message_id).first()
        if message is None:
            return "missing"
        if message.status != OutboundEmail.Status.PENDING:
            return "skipped"
        message.attempts += 1
        message.save(update_fields=["attempts", "updated_at"])
    try:
        send_mail(message.subject, message.body, None, [message.to], fail_silently=False)
    except (smtplib.SMTPException, OSError) as exc:
        message.last_error = str(exc)[:2000]
        if message.attempts >= MAX_ATTEMPTS:
            message.status = OutboundEmail.Status.FAILED
        message.save(update_fields=["last_error", "status", "updated_at"])
        if message.status == OutboundEmail.Status.PENDING:
            raise  # declared: logged as one line, the task result records the failure
        # The class only: an SMTP error quotes the recipient's address, which has no place in a log.
        logger.warning(
            "e-mail %s given up after %s attempts: %s", message_id, message.attempts, type(exc).__name__
        )
        return "failed"
    message.status = OutboundEmail.Status.SENT
    message.sent_at = timezone.now()
    message.save(update_fields=["status", "sent_at", "updated_at"])
    return "sent"


@agency_task(throws=(LineError,))
def send_outbound_line(agency: Agency, message_id: int) -> str:
    """Push one queued LINE message; claimed under a row lock, sent with its retry key (sent once)."""
    from prongsai.core import selectors
    from prongsai.core.models import OutboundLine

    with transaction.atomic():
        message = OutboundLine.objects.select_for_update().filter(agency=agency, pk=message_id).first()
        if message is None:
            return "missing"
        if message.status != OutboundLine.Status.PENDING:
            return "skipped"
        message.attempts += 1
        message.save(update_fields=["attempts", "updated_at"])
    channel = selectors.line_channel(agency)
    try:
        if channel is None:
            raise LineError("the agency has no active LINE channel", retryable=False)
        client = LineClient(token=unseal(channel.token_sealed))
        client.push(message.to, message.text, retry_key=str(message.retry_key))
    except LineError as exc:
        message.last_error = str(exc)[:2000]
        if not exc.retryable or message.attempts >= MAX_ATTEMPTS:
            message.status = OutboundLine.Status.FAILED
        message.save(update_fields=["last_error", "status", "updated_at"])
        if message.status == OutboundLine.Status.PENDING:
            raise  # declared: logged as one line; the outbox sweep (ops job core.outbox_retry) tries again
        logger.warning("LINE message %s given up after %s attempts", message_id, message.attempts)
        return "failed"
    message.status = OutboundLine.Status.SENT
    message.sent_at = timezone.now()
    message.save(update_fields=["status", "sent_at", "updated_at"])
    return "sent"


def retry_pending(agency: Agency, *, older_than_minutes: int = 5) -> int:
    """Enqueue again the e-mails and LINE messages still pending some minutes after they were queued.

    A worker that died mid-send, a mail server or LINE that was down: the message stays pending and this
    sweep (the ops job ``core.outbox_retry``) sends it on a later run; attempts are capped by MAX_ATTEMPTS,
    and LINE's retry key makes a second push of a message LINE had already accepted a no-op.
    """
    from datetime import timedelta

    from prongsai.core.models import OutboundLine

    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    count = 0
    for model, send in ((OutboundEmail, send_outbound_email), (OutboundLine, send_outbound_line)):
        ids = model.objects.filter(
            agency=agency, status="pending", updated_at__lt=cutoff, attempts__lt=MAX_ATTEMPTS
        ).values_list("pk", flat=True)
        for pk in ids:
            send.enqueue(agency.pk, pk)
            count += 1
    return count
