"""Background tasks of the core app: thin adapters on ``core.tasking.agency_task`` (agency id first)."""

from __future__ import annotations

import logging
import smtplib

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

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
