"""Background tasks of the core app: thin adapters that take ids and re-enter the agency scope."""

from __future__ import annotations

import logging
import smtplib

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled
from django_tasks import task

from prongsai.core.models import OutboundEmail
from prongsai.core.tenancy import agency_scope

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


@task()
def send_outbound_email(message_id: int) -> str:
    """Send one queued e-mail; claim it first so two workers never send it twice."""
    with scopes_disabled():
        agency_id = OutboundEmail.objects.filter(pk=message_id).values_list("agency_id", flat=True).first()
    if agency_id is None:
        return "missing"
    from prongsai.core.models import Agency

    with scopes_disabled():
        agency = Agency.objects.get(pk=agency_id)
    with agency_scope(agency):
        with transaction.atomic():
            # Claim by conditional update: only one worker moves the attempt counter from n to n+1.
            message = OutboundEmail.objects.select_for_update().filter(pk=message_id).first()
            if message is None or message.status != OutboundEmail.Status.PENDING:
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
            # The class only: an SMTP error quotes the recipient's address, which has no place in a log.
            logger.warning(
                "e-mail %s not sent (attempt %s): %s", message_id, message.attempts, type(exc).__name__
            )
            if message.status == OutboundEmail.Status.PENDING:
                raise
            return "failed"
        message.status = OutboundEmail.Status.SENT
        message.sent_at = timezone.now()
        message.save(update_fields=["status", "sent_at", "updated_at"])
    return "sent"
