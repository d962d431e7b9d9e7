"""Signing in: password, then TOTP; enrolment at first sign-in; throttling; safe redirects."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST, login_verified, make_member


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def client_th(db) -> Client:
    return Client(HTTP_HOST=AGENCY_HOST)


PASSWORD = "correct horse battery staple"


def test_password_then_code_opens_the_back_office(client_th, member):
    response = client_th.post(
        "/accounts/login/", {"username": "officer", "password": PASSWORD, "next": "/staff/"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/verify/")
    # With only the password, staff pages still demand the second factor.
    assert client_th.get("/staff/")["Location"].startswith("/accounts/verify/")
    device = TOTPDevice.objects.get(user=member)
    response = client_th.post("/accounts/verify/", {"token": current_code(device), "next": "/staff/"})
    assert response.status_code == 302
    assert response["Location"] == "/staff/"
    assert client_th.get("/staff/").status_code == 200


def test_a_wrong_code_is_refused_in_thai(client_th, member):
    client_th.post("/accounts/login/", {"username": "officer", "password": PASSWORD})
    response = client_th.post("/accounts/verify/", {"token": "000000"})
    assert response.status_code == 200
    assert "รหัสยืนยันไม่ถูกต้อง" in response.content.decode()
    assert client_th.get("/staff/").status_code == 302


def test_a_code_typed_in_thai_digits_is_accepted(client_th, member):
    client_th.post("/accounts/login/", {"username": "officer", "password": PASSWORD})
    code = current_code(TOTPDevice.objects.get(user=member))
    thai = code.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert client_th.post("/accounts/verify/", {"token": thai})["Location"] == "/staff/"


def test_a_wrong_password_is_refused_in_thai(client_th, member):
    response = client_th.post("/accounts/login/", {"username": "officer", "password": "nope"})
    assert response.status_code == 200
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in response.content.decode()


def test_first_sign_in_enrols_an_authenticator(client_th, agency):
    user = make_member(agency, "newcomer", "officer", verified_device=False)
    response = client_th.post("/accounts/login/", {"username": "newcomer", "password": PASSWORD})
    assert response["Location"].startswith("/accounts/two-factor/")
    page = client_th.get("/accounts/two-factor/")
    assert page.status_code == 200
    assert "data:image/svg+xml" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client_th.post("/accounts/two-factor/", {"token": "123"}).status_code == 200
    response = client_th.post("/accounts/two-factor/", {"token": current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client_th.get("/staff/").status_code == 200


def test_an_enrolled_user_cannot_enrol_a_second_device_by_visiting_setup(client_th, member):
    client_th.post("/accounts/login/", {"username": "officer", "password": PASSWORD})
    response = client_th.get("/accounts/two-factor/")
    assert response["Location"].startswith("/accounts/verify/")
    assert TOTPDevice.objects.filter(user=member).count() == 1


def test_repeated_wrong_passwords_lock_the_account_from_that_address(client_th, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client_th.post("/accounts/login/", {"username": "officer", "password": "wrong"})
    response = client_th.post("/accounts/login/", {"username": "officer", "password": PASSWORD})
    assert response.status_code == 429
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in response.content.decode()


def test_a_lockout_of_one_account_leaves_other_accounts_usable(client_th, agency, member, settings):
    make_member(agency, "colleague", "officer")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client_th.post("/accounts/login/", {"username": "officer", "password": "wrong"})
    response = client_th.post("/accounts/login/", {"username": "colleague", "password": PASSWORD})
    assert response.status_code == 302


def test_the_next_parameter_cannot_send_users_to_another_site(client_th, member):
    client_th.post("/accounts/login/", {"username": "officer", "password": PASSWORD})
    device = TOTPDevice.objects.get(user=member)
    response = client_th.post(
        "/accounts/verify/", {"token": current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/staff/"


def test_logout_needs_a_post(staff_client):
    assert staff_client.get("/accounts/logout/").status_code == 405
    assert staff_client.post("/accounts/logout/").status_code == 302
    assert staff_client.get("/staff/").status_code == 302


def test_a_member_without_a_role_for_the_page_is_refused(staff_client):
    # An officer may edit content but not manage members or read the audit log.
    assert staff_client.get("/staff/news/").status_code == 200
    assert staff_client.get("/staff/members/").status_code == 403
    assert staff_client.get("/staff/audit/").status_code == 403
    assert "ไม่มีสิทธิ์" in staff_client.get("/staff/members/").content.decode()


def test_wrong_passwords_from_many_addresses_lock_the_account_and_the_administrator_unlocks_it(
    agency, member, admin_member, settings
):
    from prongsai.core.models import AuditEvent, Membership

    for n in range(settings.AXES_FAILURE_LIMIT):
        spread = Client(HTTP_HOST=AGENCY_HOST, REMOTE_ADDR=f"192.0.2.{10 + n}")
        spread.post("/accounts/login/", {"username": "officer", "password": "wrong"})
    elsewhere = Client(HTTP_HOST=AGENCY_HOST, REMOTE_ADDR="198.51.100.77")
    locked = elsewhere.post("/accounts/login/", {"username": "officer", "password": PASSWORD})
    assert locked.status_code == 429, "the account is locked whatever the address"
    page = locked.content.decode()
    assert "ระงับการเข้าสู่ระบบของบัญชีนี้ชั่วคราว" in page and "ปลดล็อก" in page

    with scopes_disabled():
        membership = Membership.objects.get(agency=agency, user=member)
    admin = login_verified(Client(HTTP_HOST=AGENCY_HOST), admin_member)
    assert "ปลดล็อกการเข้าสู่ระบบ" in admin.get("/staff/members/").content.decode()
    unlocked = admin.post(f"/staff/members/{membership.pk}/unlock/")
    assert unlocked.status_code == 302
    again = elsewhere.post("/accounts/login/", {"username": "officer", "password": PASSWORD})
    assert again.status_code == 302, "unlocked: the password step passes again"
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="core.user.login_unlocked", actor=admin_member).exists()
    # An officer cannot unlock accounts.
    officer = login_verified(Client(HTTP_HOST=AGENCY_HOST), member)
    assert officer.post(f"/staff/members/{membership.pk}/unlock/").status_code in (403, 404)
