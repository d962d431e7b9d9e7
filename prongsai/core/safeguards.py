"""Safeguards of the citizen forms (the Q&A board, general complaints, and every form anyone may send).

Anyone may write to the agency without an account, so these forms need abuse controls that work without a
third-party service (no reCAPTCHA: it would load a foreign script, break the strict CSP and send visitors'
data abroad). The layers, cheapest first (docs/decisions/0030-citizen-form-safeguards.md):

* a **signed form token** (``django.core.signing``) issued with the empty form. It carries the submission's
  idempotency key, the time the form was issued and, when one was asked, the nonce of an arithmetic
  question. Nothing is stored on the server until a submission is accepted;
* a **honeypot** field hidden from people (off-screen, ``aria-hidden``, out of the tab order) that
  form-filling programs fill in;
* a **minimum fill time**: a form sent back sooner than a person can read and fill it is refused (the data
  stays in the form; pressing the button again a moment later works);
* **rate limits** per client, form and agency, counted in the store all web processes share
  (``prongsai.core.limits``) under a keyed hash (HMAC) of the client's address: the address itself is never
  stored, neither in the database nor in the cache;
* an **arithmetic question in Thai words** (``สามบวกห้าเท่ากับเท่าไร``), asked only of a client that has
  already sent a few submissions this hour, so most citizens never see it.

The tracking codes citizens follow their submissions with are in ``prongsai.core.tracking``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
import uuid
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core import limits
from prongsai.core.thai import to_arabic_digits

# --- client identity without storing the address ------------------------------------------------------------


def client_address(request: HttpRequest) -> str:
    """The client's address as the web server or the configured trusted proxy header gives it."""
    header = settings.CLIENT_ADDRESS_HEADER
    if header:
        meta_name = "HTTP_" + header.upper().replace("-", "_")
        value = request.META.get(meta_name, "")
        if value:
            # A proxy that appends (X-Forwarded-For) puts the client first; one that overwrites has one value.
            return str(value).split(",")[0].strip()
    return str(request.META.get("REMOTE_ADDR", ""))


def client_fingerprint(request: HttpRequest) -> str:
    """A keyed hash of the client's address: stable enough to count with, useless to recover the address."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), b"prongsai.client:" + client_address(request).encode(), hashlib.sha256
    )
    return digest.hexdigest()[:32]


# --- rate limits --------------------------------------------------------------------------------------------

CHALLENGE_AFTER = 2  # accepted submissions this hour after which the arithmetic question is asked
TRACK_LOOKUPS_PER_HOUR = 30  # unknown tracking codes one client may try
TRACK_LOOKUPS_PER_DAY = 100
RATE_LIMITED = gettext_lazy(
    "ท่านส่งข้อมูลหลายครั้งในเวลาสั้น ๆ ระบบจึงพักรับจากเครื่องนี้ชั่วคราว ข้อมูลที่กรอกยังอยู่ครบ "
    "กรุณาลองใหม่ภายหลัง หรือติดต่อหน่วยงานทางโทรศัพท์"
)


@dataclass(frozen=True)
class SubmissionLimits:
    """Counters of one client's submissions of one form at one agency, in fixed hourly and daily windows."""

    purpose: str
    agency_id: int
    client: str
    per_hour: int
    per_day: int

    def _counters(self) -> list[tuple[str, limits.Window]]:
        # Counted in the store every web process shares (prongsai.core.limits), not in this process.
        name = f"form:{self.purpose}:{self.agency_id}:{self.client}"
        return [(name, limits.HOUR), (name, limits.DAY)]

    def counts(self) -> tuple[int, int]:
        hour, day = limits.current_many(self._counters())
        return hour, day

    def exceeded(self) -> bool:
        hour, day = self.counts()
        return hour >= self.per_hour or day >= self.per_day

    def needs_challenge(self) -> bool:
        hour, _day = self.counts()
        return hour >= CHALLENGE_AFTER

    def record(self) -> None:
        """Count one submission (accepted, or refused as automated)."""
        for name, window in self._counters():
            limits.hit(name, window)


def limits_for(
    request: HttpRequest, purpose: str, *, per_hour: int | None = None, per_day: int | None = None
) -> SubmissionLimits:
    agency = getattr(request, "agency", None)
    return SubmissionLimits(
        purpose=purpose,
        agency_id=agency.pk if agency is not None else 0,
        client=client_fingerprint(request),
        per_hour=per_hour or settings.CITIZEN_SUBMISSIONS_PER_HOUR,
        per_day=per_day or settings.CITIZEN_SUBMISSIONS_PER_DAY,
    )


# --- the arithmetic question --------------------------------------------------------------------------------

_NUMBER_WORDS = (
    gettext_lazy("ศูนย์"),
    gettext_lazy("หนึ่ง"),
    gettext_lazy("สอง"),
    gettext_lazy("สาม"),
    gettext_lazy("สี่"),
    gettext_lazy("ห้า"),
    gettext_lazy("หก"),
    gettext_lazy("เจ็ด"),
    gettext_lazy("แปด"),
    gettext_lazy("เก้า"),
)


def _challenge_numbers(nonce: str) -> tuple[int, int]:
    # Derived from the nonce with the secret key, so the signed (readable) token does not reveal the answer.
    digest = hmac.new(settings.SECRET_KEY.encode(), b"prongsai.challenge:" + nonce.encode(), hashlib.sha256)
    raw = digest.digest()
    return raw[0] % 9 + 1, raw[1] % 9 + 1


def challenge_question(nonce: str) -> str:
    first, second = _challenge_numbers(nonce)
    return _("%(a)sบวก%(b)sเท่ากับเท่าไร") % {"a": _NUMBER_WORDS[first], "b": _NUMBER_WORDS[second]}


def challenge_answer(nonce: str) -> int:
    first, second = _challenge_numbers(nonce)
    return first + second


# --- the signed form token ----------------------------------------------------------------------------------

MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 12 * 3600  # a complaint with photos may take a while; after that, a fresh token
TOKEN_FIELD = "form_token"  # noqa: S105 - a field name, not a secret
HONEYPOT_FIELD = "website"


@dataclass(frozen=True)
class FormToken:
    key: uuid.UUID
    issued_at: int
    nonce: str | None = None

    @classmethod
    def new(cls, *, key: uuid.UUID | None = None, challenge: bool = False) -> FormToken:
        return cls(
            key=key or uuid.uuid4(),
            issued_at=int(time.time()),
            nonce=secrets.token_urlsafe(9) if challenge else None,
        )

    def encode(self, purpose: str) -> str:
        payload = {"k": str(self.key), "t": self.issued_at, "n": self.nonce}
        return signing.dumps(payload, salt=f"prongsai.form.{purpose}", compress=False)

    @classmethod
    def decode(cls, value: str, purpose: str) -> FormToken | None:
        """The token as issued, or None when it was not issued by us for this form."""
        try:
            payload = signing.loads(value, salt=f"prongsai.form.{purpose}")
            return cls(key=uuid.UUID(payload["k"]), issued_at=int(payload["t"]), nonce=payload.get("n"))
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return None

    def age(self) -> float:
        return time.time() - self.issued_at


class GuardedForm(forms.Form):
    """A citizen form with the safeguards above.

    The template renders ``form.token_value`` in a hidden ``form_token`` input and the honeypot with
    ``core/_guard_fields.html``. After ``is_valid()``, ``form.idempotency_key`` identifies the
    submission across re-sends, and ``form.looked_automated`` says whether the refusal should count against
    the client's limits.
    """

    purpose: ClassVar[str] = "form"

    def __init__(self, *args: Any, limits: SubmissionLimits, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits
        self.looked_automated = False
        raw = str(self.data.get(TOKEN_FIELD, "")) if self.is_bound else ""
        self.sent_token = FormToken.decode(raw, self.purpose) if raw else None
        wants_question = limits.needs_challenge()
        sent = self.sent_token
        if sent is None:
            self.token = FormToken.new(challenge=wants_question)
        elif sent.age() > MAX_FORM_AGE_SECONDS or (wants_question and sent.nonce is None):
            # A fresh token keeps the idempotency key: a re-sent submission is still recognised.
            self.token = FormToken.new(key=sent.key, challenge=wants_question or sent.nonce is not None)
        else:
            self.token = sent
        if self.token.nonce:
            self.fields["challenge_answer"] = forms.CharField(
                label=_("คำถามยืนยันว่าไม่ใช่โปรแกรมอัตโนมัติ: %(q)s") % {"q": challenge_question(self.token.nonce)},
                help_text=gettext_lazy("ตอบเป็นตัวเลข เช่น 7"),
                max_length=6,
                error_messages={"required": gettext_lazy("กรุณาตอบคำถามยืนยันเป็นตัวเลข")},
                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            )

    @property
    def token_value(self) -> str:
        return self.token.encode(self.purpose)

    @property
    def idempotency_key(self) -> uuid.UUID:
        return self.token.key

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        sent = self.sent_token
        if sent is None:
            raise ValidationError(_("แบบฟอร์มไม่สมบูรณ์ ข้อมูลที่กรอกยังอยู่ครบ กรุณาตรวจสอบแล้วกดส่งอีกครั้ง"), code="token")
        if str(self.data.get(HONEYPOT_FIELD, "")).strip():
            self.looked_automated = True
            raise ValidationError(
                _(
                    "ระบบรับข้อมูลนี้ไม่ได้เพราะมีลักษณะเหมือนการส่งโดยโปรแกรมอัตโนมัติ "
                    "หากท่านกรอกเอง กรุณาติดต่อหน่วยงานทางโทรศัพท์"
                ),
                code="honeypot",
            )
        if self.token is not sent:
            if sent.age() > MAX_FORM_AGE_SECONDS:
                raise ValidationError(
                    _("แบบฟอร์มนี้เปิดค้างไว้นานเกินไป ข้อมูลที่กรอกยังอยู่ครบ กรุณาตรวจสอบแล้วกดส่งอีกครั้ง"),
                    code="expired",
                )
            raise ValidationError(
                _("กรุณาตอบคำถามยืนยันว่าไม่ใช่โปรแกรมอัตโนมัติท้ายแบบฟอร์ม แล้วกดส่งอีกครั้ง"), code="challenge"
            )
        if sent.age() < MIN_FILL_SECONDS:
            self.looked_automated = True
            raise ValidationError(
                _("ส่งแบบฟอร์มเร็วเกินกว่าที่คนทั่วไปกรอกได้ ข้อมูลที่กรอกยังอยู่ครบ กรุณาตรวจสอบแล้วกดส่งอีกครั้ง"),
                code="too_fast",
            )
        if sent.nonce and "challenge_answer" in cleaned:
            answer = to_arabic_digits(str(cleaned["challenge_answer"])).strip()
            if answer != str(challenge_answer(sent.nonce)):
                self.looked_automated = True
                self.add_error("challenge_answer", _("คำตอบไม่ถูกต้อง กรุณาคิดใหม่แล้วกรอกเป็นตัวเลข"))
        return cleaned


def aged_token(
    purpose: str, *, seconds: int = 60, key: uuid.UUID | None = None, nonce: str | None = None
) -> str:
    """A token issued ``seconds`` ago, as a person's browser would send it (for tests and benchmarks)."""
    token = replace(FormToken.new(key=key), issued_at=int(time.time()) - seconds, nonce=nonce)
    return token.encode(purpose)
