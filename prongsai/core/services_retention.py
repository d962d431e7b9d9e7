"""Retention: deleting personal data whose period in the inventory has passed."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.core.app_modules import app_modules
from prongsai.core.models import LineLink, OutboundEmail, OutboundLine
from prongsai.core.personal_data import LINE_LINK_RETENTION_DAYS, OUTBOX_RETENTION_DAYS


@transaction.atomic
def purge_expired_personal_data() -> dict[str, int]:
    """Delete what has outlived its retention period, across all agencies; return counts per kind.

    Each Prongsai app with personal data of its own provides ``<app>.retention.purge_expired_personal_data()``
    returning its counts; they run here, in INSTALLED_APPS order.
    """
    cutoff = timezone.now() - timedelta(days=OUTBOX_RETENTION_DAYS)
    with scopes_disabled():
        deleted, _per_model = OutboundEmail.objects.filter(
            status__in=[OutboundEmail.Status.SENT, OutboundEmail.Status.FAILED], updated_at__lt=cutoff
        ).delete()
        deleted_line, _per_model = OutboundLine.objects.filter(
            status__in=[OutboundLine.Status.SENT, OutboundLine.Status.FAILED], updated_at__lt=cutoff
        ).delete()
        deleted_links, _per_model = LineLink.objects.filter(
            created_at__lt=timezone.now() - timedelta(days=LINE_LINK_RETENTION_DAYS)
        ).delete()
    counts = {
        "outbound e-mails": deleted,
        "outbound LINE messages": deleted_line,
        "LINE links": deleted_links,
    }
    for module in app_modules("retention"):
        counts.update(module.purge_expired_personal_data())
    return counts
