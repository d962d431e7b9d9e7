"""Recipients' keys: set-up shows a recovery key once, unlocking is audited, recovery sets a passphrase."""

from __future__ import annotations

from django.test import Client
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST, login_verified, make_member
from prongsai.core.models import AuditEvent
from prongsai.core.roles import Role
from prongsai.whistleblower.models import KeyHolder
from prongsai.whistleblower.tests.factories import recipient

from .conftest import PASSPHRASE, submit, unlocked_client


def test_a_committee_member_creates_a_key_and_sees_the_recovery_key_once(agency):
    user = make_member(agency, "newmember", Role.INTEGRITY_COMMITTEE)
    client = login_verified(Client(HTTP_HOST=AGENCY_HOST), user)
    assert client.get("/staff/integrity/").status_code == 200
    weak = client.post("/staff/integrity/key/setup/", {"passphrase": "short", "passphrase2": "short"})
    assert weak.status_code == 400 and "อย่างน้อย 12 ตัวอักษร" in weak.content.decode()
    mismatch = client.post(
        "/staff/integrity/key/setup/", {"passphrase": PASSPHRASE, "passphrase2": PASSPHRASE + "x"}
    )
    assert mismatch.status_code == 400 and "ไม่ตรงกัน" in mismatch.content.decode()
    created = client.post(
        "/staff/integrity/key/setup/", {"passphrase": PASSPHRASE, "passphrase2": PASSPHRASE}
    )
    assert created.status_code == 200
    recovery = created.context["recovery_key"]
    assert len(recovery.replace("-", "")) == 32
    assert created["Cache-Control"].startswith("no-store")
    with scopes_disabled():
        holder = KeyHolder.objects.get(user=user)
        stored = repr(holder.__dict__)
    assert recovery.replace("-", "") not in stored and PASSPHRASE not in stored
    again = client.post("/staff/integrity/key/setup/", {"passphrase": PASSPHRASE, "passphrase2": PASSPHRASE})
    assert again.status_code == 400


def test_a_wrong_passphrase_is_refused_and_recorded(agency, committee):
    client = login_verified(Client(HTTP_HOST=AGENCY_HOST), committee)
    response = client.post("/staff/integrity/key/unlock/", {"passphrase": "ไม่ใช่รหัสผ่านนี้แน่นอน"})
    assert response.status_code == 400
    assert "รหัสผ่านกุญแจไม่ถูกต้อง" in response.content.decode()
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="whistleblower.key.unlock_failed").count() == 1


def test_the_recovery_key_sets_a_new_passphrase_and_reports_still_open(agency, committee, reporter):
    submit(reporter, what="เรื่องก่อนลืมรหัส")
    client = login_verified(Client(HTTP_HOST=AGENCY_HOST), committee)
    bad = client.post(
        "/staff/integrity/key/recover/",
        {
            "recovery_key": "AAAA-BBBB",
            "passphrase": "รหัสผ่านใหม่ที่ยาวพอแล้วนะ",
            "passphrase2": "รหัสผ่านใหม่ที่ยาวพอแล้วนะ",
        },
    )
    assert bad.status_code == 400 and "รหัสกู้คืนไม่ถูกต้อง" in bad.content.decode()
    typed = committee.recovery_key.lower().replace("-", " ")
    good = client.post(
        "/staff/integrity/key/recover/",
        {"recovery_key": typed, "passphrase": "รหัสผ่านใหม่ที่ยาวพอแล้วนะ", "passphrase2": "รหัสผ่านใหม่ที่ยาวพอแล้วนะ"},
    )
    assert good.status_code == 302
    fresh = unlocked_client(committee, passphrase="รหัสผ่านใหม่ที่ยาวพอแล้วนะ")
    handle = fresh.get("/staff/integrity/").context["rows"][0][0]
    assert "เรื่องก่อนลืมรหัส" in fresh.get(f"/staff/integrity/reports/{handle}/").content.decode()


def test_locking_the_key_closes_the_reports_again(agency, committee, reporter):
    submit(reporter)
    client = unlocked_client(committee)
    handle = client.get("/staff/integrity/").context["rows"][0][0]
    assert client.get(f"/staff/integrity/reports/{handle}/").status_code == 200
    client.post("/staff/integrity/key/lock/")
    response = client.get(f"/staff/integrity/reports/{handle}/")
    assert response.status_code in (302, 404)


def test_a_member_without_a_key_role_cannot_create_one(agency):
    officer = make_member(agency, "officer2", Role.OFFICER)
    from django.core.exceptions import ValidationError

    from prongsai.core.tenancy import agency_scope
    from prongsai.whistleblower import services_keys

    with agency_scope(agency):
        try:
            services_keys.key_setup(agency=agency, acting_user=officer, passphrase=PASSPHRASE)
        except ValidationError:
            pass
        else:
            raise AssertionError("an officer created a recipient key")


def test_a_custodian_keeps_one_key_per_agency(agency, other_agency):
    person = recipient(agency, "both", Role.IDENTITY_CUSTODIAN)
    with scopes_disabled():
        assert KeyHolder.objects.filter(user=person).count() == 1
