"""The administrator's invitation link: set a password once, then the authenticator."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from prongsai.core.models import Invitation

pytestmark = pytest.mark.django_db

STRONG = "ทดสอบ-รหัสผ่าน-ยาวพอ-2570"


def _link(token: str) -> str:
    return f"/accounts/invitation/{token}/"


def test_the_link_sets_the_password_signs_in_and_leads_to_the_authenticator(make_new_agency):
    made = make_new_agency("nongbua")
    client = Client(HTTP_HOST="nongbua.test")
    page = client.get(_link(made.invitation_token))
    assert page.status_code == 200
    assert "nongbua.admin" in page.content.decode()
    response = client.post(_link(made.invitation_token), {"new_password1": STRONG, "new_password2": STRONG})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/")
    made.administrator.refresh_from_db()
    assert made.administrator.check_password(STRONG)
    assert Invitation.objects.get(user=made.administrator).accepted_at is not None
    # The staff pages still want the second factor first.
    assert client.get("/staff/")["Location"].startswith("/accounts/verify/")


def test_a_spent_link_does_not_work_twice(make_new_agency):
    made = make_new_agency("nongbua")
    client = Client(HTTP_HOST="nongbua.test")
    client.post(_link(made.invitation_token), {"new_password1": STRONG, "new_password2": STRONG})
    again = Client(HTTP_HOST="nongbua.test").get(_link(made.invitation_token))
    assert again.status_code == 404
    assert "ลิงก์คำเชิญใช้ไม่ได้" in again.content.decode()


def test_an_expired_or_guessed_link_or_one_on_another_host_does_not_work(make_new_agency, agency):
    made = make_new_agency("nongbua")
    assert Client(HTTP_HOST="nongbua.test").get(_link("guess" * 9)).status_code == 404
    assert Client(HTTP_HOST="wangthong.test").get(_link(made.invitation_token)).status_code == 404
    Invitation.objects.filter(user=made.administrator).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    assert Client(HTTP_HOST="nongbua.test").get(_link(made.invitation_token)).status_code == 404


def test_a_weak_or_mismatched_password_is_refused_in_thai_and_the_link_still_works(make_new_agency):
    made = make_new_agency("nongbua")
    client = Client(HTTP_HOST="nongbua.test")
    response = client.post(_link(made.invitation_token), {"new_password1": "1234", "new_password2": "1234"})
    assert response.status_code == 400
    assert "รหัสผ่าน" in response.content.decode()
    response = client.post(
        _link(made.invitation_token), {"new_password1": STRONG, "new_password2": STRONG + "x"}
    )
    assert response.status_code == 400
    assert Invitation.objects.get(user=made.administrator).usable
