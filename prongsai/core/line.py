"""The one LINE Messaging API adapter: sealing the channel's credentials, the webhook signature, push, reply.

LINE Notify ended on 31 March 2025; what remains is the Messaging API of an agency's LINE Official Account.
The endpoints used are those LINE documents (https://developers.line.biz/en/reference/messaging-api/):

* ``POST {LINE_API_BASE}/v2/bot/message/push`` with ``Authorization: Bearer <channel access token>`` and
  ``X-Line-Retry-Key: <UUID>``; LINE answers 409 to a retry key it has already accepted, which is how a
  message is sent once even when a worker dies between LINE's answer and our record of it;
* ``POST {LINE_API_BASE}/v2/bot/message/reply`` with the webhook event's reply token;
* the webhook's ``X-Line-Signature``: base64 of the HMAC-SHA256 of the request body keyed by the channel
  secret.

``LINE_API_BASE`` is ``https://api.line.me`` in production; tests point it at a local server
(``prongsai/core/tests/line_server.py``) so that no test needs the internet.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

import nacl.exceptions
import nacl.secret
from django.conf import settings

TIMEOUT_SECONDS = 10
MAX_TEXT = 5000  # LINE's limit for one text message


class LineError(Exception):
    """LINE refused or could not be reached; ``retryable`` tells the outbox whether to try again."""

    def __init__(self, message: str, *, status: int | None = None, retryable: bool = True) -> None:
        super().__init__(message)
        self.status = status
        self.retryable = retryable


def _box() -> nacl.secret.SecretBox:
    key = hashlib.sha256(b"prongsai.core.line|" + settings.SECRET_KEY.encode()).digest()
    return nacl.secret.SecretBox(key)


def seal(value: str) -> bytes:
    """Encrypt a credential for storage (XSalsa20-Poly1305 under a key derived from SECRET_KEY)."""
    return bytes(_box().encrypt(value.encode()))


def unseal(sealed: bytes | memoryview) -> str:
    """The credential back; a changed SECRET_KEY makes it unreadable (the administrator enters it again)."""
    try:
        return _box().decrypt(bytes(sealed)).decode()
    except nacl.exceptions.CryptoError as exc:
        raise LineError("the stored LINE credentials cannot be decrypted", retryable=False) from exc


def signature(secret: str, body: bytes) -> str:
    """The ``X-Line-Signature`` LINE computes for ``body``."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def signature_valid(secret: str, body: bytes, given: str) -> bool:
    return bool(given) and hmac.compare_digest(signature(secret, body), given)


def text_message(text: str) -> dict[str, str]:
    return {"type": "text", "text": text[:MAX_TEXT]}


def add_friend_url(basic_id: str, text: str = "") -> str:
    """A link (and QR code) that opens a chat with the account, the text already typed for the citizen."""
    from urllib.parse import quote

    account = basic_id if basic_id.startswith("@") else f"@{basic_id}"
    return f"https://line.me/R/oaMessage/{quote(account)}/?{quote(text)}"


@dataclass(frozen=True)
class LineClient:
    token: str
    base: str = ""

    def _post(self, path: str, payload: dict[str, Any], headers: dict[str, str] | None = None) -> int:
        base = str(self.base or settings.LINE_API_BASE).rstrip("/")
        request = urllib.request.Request(  # noqa: S310 (https or the test server, from settings)
            base + path,
            data=json.dumps(payload, ensure_ascii=False).encode(),
            method="POST",
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
                **(headers or {}),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
                return int(response.status)
        except urllib.error.HTTPError as exc:
            status = exc.code
            if status == 409 and headers and "X-Line-Retry-Key" in headers:
                return status  # already accepted under this retry key: delivered once, nothing more to do
            # 4xx other than 429 will not get better by retrying (bad token, unknown user, bad payload).
            raise LineError(
                f"LINE answered {status}", status=status, retryable=status == 429 or status >= 500
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            raise LineError(f"LINE could not be reached: {type(exc).__name__}") from None

    def push(self, to: str, text: str, *, retry_key: str) -> int:
        return self._post(
            "/v2/bot/message/push",
            {"to": to, "messages": [text_message(text)]},
            {"X-Line-Retry-Key": retry_key},
        )

    def reply(self, reply_token: str, text: str) -> int:
        return self._post(
            "/v2/bot/message/reply", {"replyToken": reply_token, "messages": [text_message(text)]}
        )
