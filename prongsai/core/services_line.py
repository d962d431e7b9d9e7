"""Writes of the LINE channel: the agency's credentials, citizens' links to tracking codes, the LINE outbox.

Messages to citizens carry the tracking code, what the record is and its new status, never its content.
Nothing of the corruption channel is ever sent to a citizen; staff alerts of that channel say only that
there is something new in the recipient's queue (``staff_alert``).
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from prongsai.core import line, selectors, staff_alerts, trackers
from prongsai.core.audit import audit_record
from prongsai.core.models import Agency, LineChannel, LineLink, OutboundLine, StaffLineLink, User
from prongsai.core.trackers import Tracked
from prongsai.core.tracking import format_tracking_code

logger = logging.getLogger(__name__)
MAX_LINKS_PER_USER = 20
# A member of staff links their LINE account with a one-time code typed into the agency's LINE chat. The
# alphabet leaves out look-alikes (0/O, 1/I/L); 8 characters from 31 are about 8.5×10^11 codes, for a code
# that lives 30 minutes and can only be sent through LINE to a channel whose webhook checks LINE's signature.
STAFF_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
STAFF_CODE_LIFETIME = timedelta(minutes=30)
STAFF_CODE = re.compile(r"STAFF[- ]?([2-9A-Z]{4})[- ]?([2-9A-Z]{4})", re.IGNORECASE)


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
    found = trackers.find_for_line(agency, code)
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
    found = trackers.find_for_line(agency, tracking_code)
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


# --- staff: their queues' alerts on LINE --------------------------------------------------------------------


def _digest(code: str) -> str:
    return hashlib.sha256(code.upper().encode()).hexdigest()


@transaction.atomic
def staff_link_start(*, agency: Agency, acting_user: User) -> str:
    """A new one-time code for the acting member to send to the agency's LINE account; returns it shown as
    ``STAFF-XXXX-XXXX`` (only its digest is kept, and any earlier code stops working)."""
    raw = "".join(secrets.choice(STAFF_CODE_ALPHABET) for _i in range(8))
    link, _created = StaffLineLink.objects.select_for_update().get_or_create(agency=agency, user=acting_user)
    link.code_digest = _digest(raw)
    link.code_expires_at = timezone.now() + STAFF_CODE_LIFETIME
    link.save(update_fields=["code_digest", "code_expires_at", "updated_at"])
    return f"STAFF-{raw[:4]}-{raw[4:]}"


@transaction.atomic
def staff_link_complete(*, agency: Agency, line_user_id: str, text: str) -> StaffLineLink | None:
    """Link the LINE user who sent a valid, unexpired staff code; None when the text holds no such code."""
    match = STAFF_CODE.search(text)
    if match is None:
        return None
    link = (
        StaffLineLink.objects.select_for_update()
        .filter(agency=agency, code_digest=_digest(match.group(1) + match.group(2)))
        .filter(code_expires_at__gt=timezone.now())
        .first()
    )
    if link is None:
        return None
    link.line_user_id = line_user_id
    link.code_digest = ""
    link.code_expires_at = None
    link.linked_at = timezone.now()
    # Alerts of the content-free queues start from now: what arrived before was seen on the site.
    link.news_seen_until = link.linked_at
    link.save()
    audit_record(agency=agency, actor=link.user, action="line.staff_linked", obj=None, data={})
    return link


def is_staff_code(text: str) -> bool:
    return STAFF_CODE.search(text) is not None


def staff_link_reply(linked: StaffLineLink | None) -> str:
    with translation.override("th"):
        if linked is None:
            return _(
                "รหัสเชื่อมบัญชีเจ้าหน้าที่ไม่ถูกต้องหรือหมดอายุแล้ว กรุณาขอรหัสใหม่จากหน้า “แจ้งเตือนทาง LINE” ในระบบเจ้าหน้าที่"
            )
        return _("เชื่อมบัญชี LINE กับบัญชีเจ้าหน้าที่เรียบร้อยแล้ว ระบบจะแจ้งงานที่ใกล้ครบกำหนดและเลยกำหนดในคิวงานของท่านทุกเช้า")


@transaction.atomic
def staff_unlink(*, agency: Agency, acting_user: User) -> bool:
    """Stop the acting member's LINE alerts (forgets their LINE user id); False when there was no link."""
    deleted, _detail = StaffLineLink.objects.filter(agency=agency, user=acting_user).delete()
    if deleted:
        audit_record(agency=agency, actor=acting_user, action="line.staff_unlinked", obj=None, data={})
    return bool(deleted)


def _due_text(agency: Agency, lines: list[str]) -> str:
    return (
        _("งานในคิวของท่านที่ต้องติดตาม")
        + "\n"
        + "\n".join(lines)
        + "\n"
        + _("กรุณาเข้าสู่ระบบสำหรับเจ้าหน้าที่เพื่อดำเนินการ")
        + f"\n— {agency.name_th}"
    )


def _news_text(agency: Agency) -> str:
    # Deliberately nothing else: not which channel, not how many, not when (a corruption report's existence
    # is itself sensitive, and a LINE message is read on a phone anyone may glance at).
    return _("มีเรื่องใหม่ในคิวงานของท่าน กรุณาเข้าสู่ระบบสำหรับเจ้าหน้าที่") + f"\n— {agency.name_th}"


@transaction.atomic
def line_staff_alerts(*, agency: Agency, now: datetime | None = None) -> int:
    """Queue each linked member's daily alert: the items due soon and overdue in every queue they work, and,
    separately, "something new in your queue" for the content-free queues. Returns the messages queued."""
    now = now or timezone.now()
    if selectors.line_channel(agency) is None:
        return 0
    recipients = list(selectors.staff_line_recipients(agency).select_for_update(of=("self",)))
    if not recipients:
        return 0
    counts = {key: queue.count(agency, now) for key, queue in staff_alerts.queues().items()}
    labels = {key: queue.label for key, queue in staff_alerts.queues().items()}
    queued = 0
    with translation.override("th"):
        for link in recipients:
            lines = []
            for key, per_user in counts.items():
                due = per_user.get(link.user_id)
                if due:
                    lines.append(
                        _("%(queue)s: ใกล้ครบกำหนด %(soon)s เรื่อง เลยกำหนด %(late)s เรื่อง")
                        % {"queue": labels[key], "soon": due.due_soon, "late": due.overdue}
                    )
            if lines:
                line_queue(agency=agency, to=link.line_user_id, text=_due_text(agency, lines))
                queued += 1
            newest = [
                n
                for n in (f(agency, link.user_id, link.news_seen_until) for f in staff_alerts.news().values())
                if n
            ]
            if newest:
                line_queue(agency=agency, to=link.line_user_id, text=_news_text(agency))
                link.news_seen_until = max(newest)
                link.save(update_fields=["news_seen_until", "updated_at"])
                queued += 1
    return queued
