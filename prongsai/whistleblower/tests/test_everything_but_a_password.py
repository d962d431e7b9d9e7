"""Done-when: with everything on the server except a recipient's password or recovery key — the database
(sessions of unlocked recipients and signed-in reporters included), the media folder, the logs and the Django
SECRET_KEY — no code path reads a report. An adversary with all of it tries every value as a key."""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST, login_verified
from prongsai.whistleblower import crypto
from prongsai.whistleblower.models import (
    IdentityShare,
    KeyHolder,
    Report,
    ReportFile,
    ReportGrant,
    ReportMessage,
)

from .conftest import PASSPHRASE, pdf_bytes, submit, unlocked_client
from .leaks import media_files

SECRET = "ข้อความลับของรายงาน-7731"


def _values(value: object) -> list[bytes]:
    if isinstance(value, memoryview | bytes | bytearray):
        return [bytes(value)]
    if isinstance(value, dict | list):
        return [json.dumps(value).encode()]
    if isinstance(value, str):
        found = [value.encode()]
        with contextlib.suppress(binascii.Error, ValueError):
            found.append(base64.b64decode(value, validate=True))
        with contextlib.suppress(binascii.Error, ValueError):
            found.append(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
        return found
    return [str(value).encode()]


def _everything_an_attacker_has() -> set[bytes]:
    """Every stored value (whistleblower tables, sessions decoded), the media files and SECRET_KEY."""
    material: set[bytes] = set()
    with scopes_disabled():
        for model in apps.get_app_config("whistleblower").get_models():
            for row in model.objects.all():
                for field in model._meta.concrete_fields:
                    material.update(_values(getattr(row, field.attname)))
        for session in Session.objects.all():
            material.update(_values(session.session_data))
            for value in session.get_decoded().values():
                material.update(_values(value))
                if isinstance(value, dict):
                    for inner in value.values():
                        material.update(_values(inner))
    for _path, content in media_files():
        material.add(content)
    key = settings.SECRET_KEY.encode()
    material.update({key, hashlib.sha256(key).digest(), hashlib.sha512(key).digest()})
    candidates: set[bytes] = set()
    for item in material:
        for piece in (item[:32], item[-32:], hashlib.sha256(item).digest()):
            if len(piece) == 32:
                candidates.add(piece)
                for purpose in ("receipt-wrap", "identity-half", "receipt-verifier"):
                    candidates.add(crypto.derive(piece, purpose))
    return candidates


def test_everything_on_the_server_without_a_password_opens_no_report(agency, committee, custodian):
    reporter = Client(HTTP_HOST=AGENCY_HOST)
    _done, receipt = submit(
        reporter,
        what=SECRET,
        files=[("evidence.pdf", pdf_bytes(SECRET))],
        identity_name="ผู้แจ้งลับ",
    )
    # A reporter is signed in and a recipient's key is unlocked right now: their sessions are in the database.
    assert reporter.post("/integrity/follow-up/", {"receipt": receipt}).status_code == 302
    staff = unlocked_client(committee)
    staff.get("/staff/integrity/")

    candidates = _everything_an_attacker_has()
    assert len(candidates) > 100
    with scopes_disabled():
        report = Report.objects.get()
        grants = list(ReportGrant.objects.all())
        holders = list(KeyHolder.objects.all())
        shares = list(IdentityShare.objects.all())
        messages = list(ReportMessage.objects.all())
        files = list(ReportFile.objects.all())
    opened = 0
    for key in candidates:
        for ciphertext, context in [
            (report.content_ciphertext, report.context("content")),
            (report.identity_ciphertext, report.context("identity")),
            *[(f.meta_ciphertext, report.context(f"file:{f.public_id}") + ":meta") for f in files],
            *[(m.ciphertext, report.context(f"message:{m.pk}")) for m in messages],
        ]:
            try:
                crypto.decrypt(key, bytes(ciphertext), context=context)
                opened += 1
            except crypto.DecryptionError:
                pass
        for sealed in [*(g.sealed_key for g in grants), *(s.sealed_share for s in shares)]:
            try:
                crypto.unseal(key, bytes(sealed))
                opened += 1
            except crypto.DecryptionError:
                pass
        for holder in holders:
            for blob, purpose in [
                (holder.private_key_by_passphrase, "pass"),
                (holder.private_key_by_recovery, "recovery"),
            ]:
                try:
                    crypto.decrypt(
                        key, bytes(blob), context=f"pswb:{holder.agency_id}:holder:{holder.user_id}:{purpose}"
                    )
                    opened += 1
                except crypto.DecryptionError:
                    pass
    assert opened == 0

    # The application's own paths: the reporter's sealed cookie copied without its key cookie opens nothing.
    assert "sessionid" not in reporter.cookies, "the channel writes nothing into a session"
    stolen = Client(HTTP_HOST=AGENCY_HOST)
    stolen.cookies["pswb_rd"] = reporter.cookies["pswb_rd"].value
    page = stolen.get("/integrity/follow-up/")
    assert SECRET not in page.content.decode()
    assert "เลขรับแจ้ง" in page.content.decode()

    staff_session = login_verified(Client(HTTP_HOST=AGENCY_HOST), committee)
    staff_session.cookies["sessionid"] = staff.cookies["sessionid"].value
    handle = staff.get("/staff/integrity/").context["rows"][0][0]
    response = staff_session.get(f"/staff/integrity/reports/{handle}/")
    assert response.status_code == 302 and "/key/unlock/" in response["Location"]

    # Control: with the passphrase the same material does open the report (so the search above could succeed).
    holder = next(h for h in holders if h.user_id == committee.pk)
    wrapping = crypto.passphrase_key(
        PASSPHRASE, bytes(holder.passphrase_salt), crypto.KdfParams.decode(holder.passphrase_kdf)
    )
    private = crypto.decrypt(
        wrapping,
        bytes(holder.private_key_by_passphrase),
        context=f"pswb:{holder.agency_id}:holder:{holder.user_id}:pass",
    )
    grant = next(g for g in grants if g.holder_id == holder.pk)
    report_key = crypto.unseal(private, bytes(grant.sealed_key))
    content = json.loads(
        crypto.decrypt(report_key, bytes(report.content_ciphertext), context=report.context("content"))
    )
    assert content["what"] == SECRET
    # And the recovery key alone (no passphrase) opens it too.
    recovered = crypto.decrypt(
        crypto.recovery_wrapping_key(committee.recovery_key, bytes(holder.recovery_salt)),
        bytes(holder.private_key_by_recovery),
        context=f"pswb:{holder.agency_id}:holder:{holder.user_id}:recovery",
    )
    assert recovered == private
