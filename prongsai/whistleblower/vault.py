"""Secrets kept between requests without the server being able to read them at rest.

An unlocked private key (a recipient) or a report key (a reporter) must survive from one request to the
next, but a dump of the database — where Django keeps sessions — must not reveal it. So the session holds
only a ciphertext of the secret, and the key of that ciphertext lives in a separate, HttpOnly cookie that
the server never stores: the database alone and the browser cookie alone are each useless. This is the
arrangement GlobaLeaks documents as "session encryption". Entries also expire on their own.

The reporter's compartments (the receipt shown once, the follow-up's report key) keep their ciphertext in a
second cookie instead of the session: the channel writes **nothing** into a Django session, so a staff
member who reports from a signed-in browser leaves no session row holding their user id next to report
data, nor a session expiry that matches the report's received time (issue 15). The two cookies together
open only the report key, which reads nothing without the server; the staff compartment, used only by
signed-in committee members, stays in the session.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from prongsai.whistleblower import crypto


@dataclass(frozen=True)
class Compartment:
    """One place to keep a secret: its session key, its cookie, the cookie's path and the entry's lifetime."""

    name: str
    cookie: str
    path: str
    ttl_seconds: int
    in_session: bool = True  # False: the ciphertext is kept in a cookie too, and the session is never touched

    @property
    def data_cookie(self) -> str:
        return self.cookie + "d"


REPORTER = Compartment("pswb_reporter", "pswb_r", "/integrity/", 30 * 60, in_session=False)
STAFF = Compartment("pswb_staff", "pswb_s", "/staff/integrity/", 60 * 60)
RECEIPT = Compartment("pswb_receipt", "pswb_t", "/integrity/", 15 * 60, in_session=False)


def _cookie_key(request: HttpRequest, place: Compartment) -> bytes | None:
    raw = request.COOKIES.get(place.cookie, "")
    try:
        key = base64.urlsafe_b64decode(raw.encode())
    except (binascii.Error, ValueError):
        return None
    return key if len(key) == crypto.KEY_BYTES else None


def put(
    request: HttpRequest, response: HttpResponseBase, place: Compartment, payload: dict[str, str]
) -> None:
    """Keep ``payload`` (short strings) for this browser: ciphertext in the session, key in a cookie."""
    key = _cookie_key(request, place) or crypto.random_bytes()
    data = json.dumps({"v": payload, "exp": int(time.time()) + place.ttl_seconds}).encode()
    sealed = base64.b64encode(crypto.encrypt(key, data, context=f"vault:{place.name}")).decode()
    if place.in_session:
        request.session[place.name] = sealed
        # A fresh session id whenever a secret is stored, so an id seen before (fixation) opens nothing.
        request.session.cycle_key()
    else:
        _set_cookie(response, place, place.data_cookie, sealed)
        request.COOKIES[place.data_cookie] = sealed
    _set_cookie(response, place, place.cookie, base64.urlsafe_b64encode(key).decode())
    # The new cookie must be readable by get() in this same request too.
    request.COOKIES[place.cookie] = base64.urlsafe_b64encode(key).decode()


def _set_cookie(response: HttpResponseBase, place: Compartment, name: str, value: str) -> None:
    response.set_cookie(
        name,
        value,
        path=place.path,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )


def get(request: HttpRequest, place: Compartment) -> dict[str, str] | None:
    """The payload kept for this browser, or None (nothing kept, expired, or either half missing)."""
    stored = request.session.get(place.name) if place.in_session else request.COOKIES.get(place.data_cookie)
    key = _cookie_key(request, place)
    if not stored or key is None:
        return None
    try:
        data = json.loads(crypto.decrypt(key, base64.b64decode(stored), context=f"vault:{place.name}"))
    except (crypto.DecryptionError, ValueError, binascii.Error):
        return None
    if int(data.get("exp", 0)) < time.time():
        if place.in_session:
            request.session.pop(place.name, None)
        return None
    value = data.get("v")
    return value if isinstance(value, dict) else None


def clear(request: HttpRequest, response: HttpResponseBase | None, place: Compartment) -> None:
    if place.in_session:
        request.session.pop(place.name, None)
    request.COOKIES.pop(place.data_cookie, None)
    if response is not None:
        response.delete_cookie(place.cookie, path=place.path, samesite="Strict")
        if not place.in_session:
            response.delete_cookie(place.data_cookie, path=place.path, samesite="Strict")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode())
