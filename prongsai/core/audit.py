"""Writing and verifying the per-agency audit chain."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from prongsai.core.models import GENESIS_HASH, Agency, AuditEvent, AuditHead, User
from prongsai.core.pagecache import record_public_change

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Keys whose values never enter the log, whatever service passes them.
SENSITIVE_KEYS = frozenset(
    {"password", "token", "secret", "otp", "receipt", "key", "national_id", "citizen_id"}
)
MASK = "***"


def _mask(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: (MASK if any(s in str(k).lower() for s in SENSITIVE_KEYS) else _mask(v))
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [_mask(v) for v in value]
    return value


def _normalise(data: dict[str, Any] | None) -> dict[str, Any]:
    """JSON-round-trip the data so the hashed value is exactly what the database stores and returns."""
    masked = _mask(data or {})
    result: dict[str, Any] = json.loads(json.dumps(masked, cls=DjangoJSONEncoder, ensure_ascii=False))
    return result


def compute_hash(
    *,
    agency_id: int,
    seq: int,
    created_at: str,
    actor_id: int | None,
    actor_label: str,
    action: str,
    object_type: str,
    object_id: str,
    object_repr: str,
    data: dict[str, Any],
    prev_hash: str,
) -> str:
    canonical = json.dumps(
        {
            "agency": agency_id,
            "seq": seq,
            "created_at": created_at,
            "actor": actor_id,
            "actor_label": actor_label,
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "object_repr": object_repr,
            "data": data,
            "prev_hash": prev_hash,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def hash_of(event: AuditEvent) -> str:
    return compute_hash(
        agency_id=event.agency_id,
        seq=event.seq,
        created_at=_timestamp(event.created_at),
        actor_id=event.actor_id,
        actor_label=event.actor_label,
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        object_repr=event.object_repr,
        data=event.data,
        prev_hash=event.prev_hash,
    )


@transaction.atomic
def audit_record(
    *,
    agency: Agency,
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    data: dict[str, Any] | None = None,
    actor_label: StrOrPromise | None = None,
) -> AuditEvent:
    """Append an entry to ``agency``'s chain, in the caller's transaction.

    Services call this inside their own ``transaction.atomic`` so the change and its audit entry commit or
    roll back together. The agency's chain head is locked for the rest of the transaction, which serialises
    writers of one agency (on SQLite the database lock already does).
    """
    with scopes_disabled():
        head, _created = AuditHead.objects.get_or_create(agency=agency)
        head = AuditHead.objects.select_for_update().get(pk=head.pk)
        now = timezone.now()
        # The chain is a record: its labels are in the source language, whichever language the actor used.
        with translation.override(settings.LANGUAGE_CODE):
            label = str(actor_label or (actor.get_username() if actor is not None else "system"))
            object_repr = str(obj)[:255] if obj is not None else ""
        event = AuditEvent(
            agency=agency,
            seq=head.seq + 1,
            created_at=now,
            actor=actor,
            actor_label=label[:150],
            action=action,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            object_repr=object_repr,
            data=_normalise(data),
            prev_hash=head.hash,
        )
        event.hash = hash_of(event)
        event.save(force_insert=True)
        head.seq = event.seq
        head.hash = event.hash
        head.save(update_fields=["seq", "hash"])
    # Every write that can change a public page is a service that records an event here, so this is the one
    # place that outdates the agency's cached pages and stored readiness (prongsai/core/pagecache.py).
    record_public_change(agency.pk, action)
    return event


@dataclass(frozen=True)
class ChainProblem:
    agency_code: str
    seq: int | None
    event_id: int | None
    reason: str  # English, for operators reading the command's output
    kind: str = ""  # sequence | link | altered | time | head

    def __str__(self) -> str:
        where = f"entry #{self.seq} (id {self.event_id})" if self.seq is not None else "end of chain"
        return f"{self.agency_code}: first bad {where}: {self.reason}"

    @property
    def display(self) -> str:
        """The same finding as a Thai sentence for the back office."""
        messages = {
            "sequence": _("รายการที่ %(seq)s มีลำดับไม่ต่อเนื่อง แสดงว่ามีการลบหรือแทรกรายการ"),
            "link": _("รายการที่ %(seq)s ไม่เชื่อมกับรายการก่อนหน้า แสดงว่ามีการลบ แทรก หรือสลับลำดับรายการ"),
            "altered": _("เนื้อหาของรายการที่ %(seq)s ถูกแก้ไข"),
            "time": _("เวลาของรายการที่ %(seq)s ก่อนรายการก่อนหน้า"),
            "head": _("ปลายสายบันทึกไม่ตรงกับรายการสุดท้าย แสดงว่ามีการลบหรือเพิ่มรายการท้ายสาย"),
        }
        return messages.get(self.kind, _("สายบันทึกไม่ถูกต้อง")) % {"seq": self.seq}


def verify_chain(agency: Agency) -> tuple[int, ChainProblem | None]:
    """Walk ``agency``'s chain; return the number of entries checked and the first problem, if any."""
    with scopes_disabled():
        events: Iterable[AuditEvent] = (
            AuditEvent.objects.filter(agency=agency).order_by("seq", "id").iterator(chunk_size=2000)
        )
        head = AuditHead.objects.filter(agency=agency).first()
        expected_seq = 1
        expected_prev = GENESIS_HASH
        count = 0
        last_created = None
        for event in events:
            count += 1
            if event.seq != expected_seq:
                reason = (
                    f"sequence number {event.seq} where {expected_seq} was expected "
                    "(an entry was removed or inserted)"
                )
                return count, ChainProblem(agency.code, event.seq, event.pk, reason, kind="sequence")
            if event.prev_hash != expected_prev:
                reason = (
                    "its previous-hash does not match the entry before it "
                    "(entries were removed, inserted or reordered)"
                )
                return count, ChainProblem(agency.code, event.seq, event.pk, reason, kind="link")
            if hash_of(event) != event.hash:
                return count, ChainProblem(
                    agency.code, event.seq, event.pk, "its content was altered", kind="altered"
                )
            if last_created is not None and event.created_at < last_created:
                return count, ChainProblem(
                    agency.code, event.seq, event.pk, "its time is earlier than the one before", kind="time"
                )
            last_created = event.created_at
            expected_seq += 1
            expected_prev = event.hash
        head_seq = head.seq if head is not None else 0
        head_hash = head.hash if head is not None else GENESIS_HASH
        if head_seq != expected_seq - 1 or head_hash != expected_prev:
            reason = (
                f"the chain ends at entry #{expected_seq - 1} but its recorded head is entry #{head_seq} "
                "(entries were removed from, or appended to, the end)"
            )
            return count, ChainProblem(agency.code, None, None, reason, kind="head")
    return count, None
