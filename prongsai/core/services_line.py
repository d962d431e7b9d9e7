"""Writes of the LINE channel: the agency's credentials, citizens' links to tracking codes, the LINE outbox.

Messages to citizens carry the tracking code, what the record is and its new status, never its content.
Nothing of the corruption channel is ever sent to a citizen; staff alerts of that channel say only that
there is something new in the recipient's queue (``staff_alert``).
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from prongsai.core import line, trackers
from prongsai.core.audit import audit_record
from prongsai.core.models import Agency, LineChannel, LineLink, OutboundLine, User
from prongsai.core.trackers import Tracked
from prongsai.core.tracking import format_tracking_code

logger = logging.getLogger(__name__)
MAX_LINKS_PER_USER = 20


@transaction.atomic
def line_channel_save(
    *, agency: Agency, acting_user: User, basic_id: str, token: str, secret: str, is_active: bool = True
) -> LineChannel:
    """Store (or replace) the channel's credentials, sealed; the audit records who, never the values."""
    channel = LineChannel.objects.select_for_update().filter(agency=agency).first()
    if channel is None:
        channel = LineChannel(agency=agency)
    channel.basic_id = basic_id.strip()
    channel.token_sealed = line.seal(token.strip())
    channel.secret_sealed = line.seal(secret.strip())
    channel.is_active = is_active
    channel.save()
    audit_record(
        agency=agency, actor=acting_user, action="line.channel_saved", obj=channel, data={"active": is_active}
    )
    return channel


@transaction.atomic
def line_queue(*, agency: Agency, to: str, text: str) -> OutboundLine:
    """Put a push message in the LINE outbox; a task sends it after the surrounding transaction commits."""
    from prongsai.core.tasks import send_outbound_line

    message = OutboundLine.objects.create(agency=agency, to=to, text=text[: line.MAX_TEXT])
    transaction.on_commit(lambda: send_outbound_line.enqueue(agency.pk, message.pk))
    return message


def _status_text(found: Tracked, agency: Agency) -> str:
    return _("%(label)s รหัสติดตาม %(code)s สถานะ: %(status)s\nดูรายละเอียด: %(url)s\n— %(agency)s") % {
        "label": found.label,
        "code": format_tracking_code(found.tracking_code),
        "status": found.status,
        "url": found.url,
        "agency": agency.name_th,
    }


@transaction.atomic
def line_link(*, agency: Agency, line_user_id: str, code: str) -> Tracked | None:
    """Link the LINE user who sent ``code`` to the record it names; None when no record has that code.

    Sending the same code again changes nothing. The audit records the kind of record, not who linked it.
    """
    found = trackers.find(agency, code)
    if found is None:
        return None
    _link, created = LineLink.objects.get_or_create(
        agency=agency, line_user_id=line_user_id, kind=found.kind, tracking_code=found.tracking_code
    )
    if created:
        if LineLink.objects.filter(agency=agency, line_user_id=line_user_id).count() > MAX_LINKS_PER_USER:
            oldest = LineLink.objects.filter(agency=agency, line_user_id=line_user_id).order_by("pk").first()
            if oldest is not None:
                oldest.delete()
        audit_record(
            agency=agency,
            actor=None,
            actor_label="LINE",
            action="line.linked",
            obj=None,
            data={"kind": found.kind},
        )
    return found


def link_reply(agency: Agency, found: Tracked | None) -> str:
    """The answer to a citizen who sent a code: what was linked, or how to send a code."""
    with translation.override("th"):
        if found is None:
            return _("ไม่พบรหัสติดตามนี้ กรุณาส่งรหัสติดตาม 12 ตัวอักษรที่ได้รับเมื่อยื่นคำขอหรือเรื่องร้องเรียน เช่น ABCD-2345-EFGH")
        return _("รับทราบ ระบบจะแจ้งเมื่อสถานะเปลี่ยน\n") + _status_text(found, agency)


def line_notify_status(*, agency: Agency, kind: str, tracking_code: str) -> int:
    """Queue the record's new status to every LINE user following it, in the caller's transaction."""
    links = list(
        LineLink.objects.filter(agency=agency, kind=kind, tracking_code=tracking_code).values_list(
            "line_user_id", flat=True
        )
    )
    if not links:
        return 0
    if not LineChannel.objects.filter(agency=agency, is_active=True).exists():
        return 0
    found = trackers.find(agency, tracking_code)
    if found is None:
        return 0
    with translation.override("th"):
        text = _status_text(found, agency)
    for user_id in links:
        line_queue(agency=agency, to=user_id, text=text)
    return len(links)


@transaction.atomic
def line_unlink(*, agency: Agency, kind: str, tracking_code: str) -> int:
    """Forget every LINE user following a record (its data is erased or it left the citizen channels)."""
    deleted, _detail = LineLink.objects.filter(agency=agency, kind=kind, tracking_code=tracking_code).delete()
    return deleted
