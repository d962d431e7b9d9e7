"""A suspended agency: a Thai notice on its site, nobody signs in to it, and resuming brings it back."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import login_verified
from prongsai.core.services_onboarding import agency_resume, agency_suspend

pytestmark = pytest.mark.django_db


def test_a_suspended_agency_answers_a_thai_notice_everywhere(make_new_agency, operator_user):
    made = make_new_agency("nongbua")
    agency_suspend(agency=made.agency, acting_user=operator_user, reason="ค้างชำระค่าบริการ")
    visitor = Client(HTTP_HOST="nongbua.test")
    for path in ("/", "/news/", "/accounts/login/", "/staff/"):
        response = visitor.get(path)
        assert response.status_code == 503, path
        assert "ระงับการให้บริการ" in response.content.decode()
    # A member with a session already open is refused too.
    TOTPDevice.objects.create(user=made.administrator, name="phone", confirmed=True)
    staff = login_verified(Client(HTTP_HOST="nongbua.test"), made.administrator)
    assert staff.get("/staff/").status_code == 503


def test_resuming_brings_the_site_back(make_new_agency, operator_user):
    made = make_new_agency("nongbua")
    agency_suspend(agency=made.agency, acting_user=operator_user, reason="ค้างชำระค่าบริการ")
    agency_resume(agency=made.agency, acting_user=operator_user)
    assert Client(HTTP_HOST="nongbua.test").get("/").status_code == 200


def test_suspending_needs_a_reason_and_not_twice(make_new_agency, operator_user):
    made = make_new_agency("nongbua")
    with pytest.raises(ValidationError, match="เหตุผล"):
        agency_suspend(agency=made.agency, acting_user=operator_user, reason=" ")
    agency_suspend(agency=made.agency, acting_user=operator_user, reason="ทดสอบ")
    with pytest.raises(ValidationError, match="อยู่แล้ว"):
        agency_suspend(agency=made.agency, acting_user=operator_user, reason="ทดสอบ")


def test_the_operator_suspends_on_the_agency_page(make_new_agency, operator_client):
    made = make_new_agency("nongbua")
    response = operator_client.post("/hosting/agencies/nongbua/suspend/", {"suspend-reason": "ย้ายระบบ"})
    assert response.status_code == 302
    made.agency.refresh_from_db()
    assert made.agency.is_suspended
    # The operator's own pages keep working on any host, even a suspended agency's.
    assert operator_client.get("/hosting/agencies/nongbua/", HTTP_HOST="nongbua.test").status_code == 200
