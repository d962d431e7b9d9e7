"""The online request form has the safeguards of every citizen form, and its e-mail cannot be aimed at a
stranger: limited per client, limited per recipient address, and without any text the sender typed."""

from __future__ import annotations

import uuid

import pytest
from django.core import mail
from django.test import Client
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST
from prongsai.core.models import OutboundEmail
from prongsai.eservice.models import ServiceRequest

from .test_views_public import ELDERLY_FORM, post_request

pytestmark = pytest.mark.django_db

SPAM = "ด่วน! กู้เงินได้ทันที คลิก http://spam.example"
STRANGER = "stranger@example.test"


def _form(**change: str) -> dict[str, str]:
    return {
        **ELDERLY_FORM,
        "idempotency_key": str(uuid.uuid4()),
        "applicant_name": SPAM,
        "applicant_email": STRANGER,
        **change,
    }


def _requests() -> int:
    with scopes_disabled():
        return ServiceRequest.objects.count()


def test_500_anonymous_posts_from_one_client_create_at_most_the_allowance_and_send_at_most_its_emails(
    catalogue, now, settings, django_capture_on_commit_callbacks
):
    client = Client(HTTP_HOST=AGENCY_HOST, REMOTE_ADDR="198.51.100.23")
    statuses = []
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(500):
            statuses.append(post_request(client, "elderly-allowance", _form()).status_code)
    allowed = settings.CITIZEN_SUBMISSIONS_PER_HOUR
    assert statuses.count(302) == allowed
    assert statuses.count(429) == 500 - allowed
    assert _requests() == allowed
    assert len(mail.outbox) <= allowed
    assert len(mail.outbox) == allowed  # each accepted request is acknowledged once
    for message in mail.outbox:
        assert message.to == [STRANGER]
        assert "spam.example" not in message.body and "กู้เงิน" not in message.body + message.subject


def test_the_automated_look_is_refused_and_counted(catalogue, now):
    client = Client(HTTP_HOST=AGENCY_HOST, REMOTE_ADDR="198.51.100.24")
    filled = post_request(client, "elderly-allowance", _form(website="http://spam.example"))
    assert filled.status_code == 400
    assert "โปรแกรมอัตโนมัติ" in filled.content.decode()
    no_token = client.post("/eservice/services/elderly-allowance/request/", {**ELDERLY_FORM})
    assert no_token.status_code == 400
    assert _requests() == 0


def test_many_clients_cannot_make_the_agency_mail_one_stranger_more_than_the_recipient_allowance(
    catalogue, now, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_PER_RECIPIENT_PER_HOUR = 4
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(12):
            client = Client(HTTP_HOST=AGENCY_HOST, REMOTE_ADDR=f"198.51.100.{100 + n}")
            assert post_request(client, "elderly-allowance", _form()).status_code == 302
    assert _requests() == 12, "the requests themselves are received"
    assert len(mail.outbox) == 4, "but the stranger's address is mailed only within its allowance"
    with scopes_disabled():
        held = OutboundEmail.objects.filter(status=OutboundEmail.Status.FAILED)
        assert held.count() == 8
        assert all("ครบจำนวนที่กำหนด" in m.last_error for m in held)
    # The allowance is per address: another address is still mailed.
    client = Client(HTTP_HOST=AGENCY_HOST, REMOTE_ADDR="198.51.100.200")
    with django_capture_on_commit_callbacks(execute=True):
        post_request(client, "elderly-allowance", _form(applicant_email="somsri@example.test"))
    assert mail.outbox[-1].to == ["somsri@example.test"]
