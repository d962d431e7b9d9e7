"""The safeguards every citizen form shares: the client's keyed fingerprint, the signed token, the honeypot,
the fill time and the limits (the forms of the Q&A board and the complaints test them through their pages)."""

from __future__ import annotations

import uuid

import pytest
from django import forms
from django.core.cache import cache
from django.test import RequestFactory

from prongsai.core.safeguards import (
    MIN_FILL_SECONDS,
    FormToken,
    GuardedForm,
    SubmissionLimits,
    aged_token,
    client_fingerprint,
)

ADDRESS = "203.0.113.77"


class NoteForm(GuardedForm):
    purpose = "test-note"
    text = forms.CharField()


def limits(per_hour: int = 5) -> SubmissionLimits:
    return SubmissionLimits(purpose="test-note", agency_id=1, client="c" * 32, per_hour=per_hour, per_day=20)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_client_fingerprint_is_a_keyed_hash_that_does_not_contain_the_address(settings):
    factory = RequestFactory()
    first = client_fingerprint(factory.get("/", REMOTE_ADDR=ADDRESS))
    again = client_fingerprint(factory.get("/", REMOTE_ADDR=ADDRESS))
    other = client_fingerprint(factory.get("/", REMOTE_ADDR="198.51.100.4"))
    assert first == again != other
    assert ADDRESS not in first and "203" not in first
    settings.SECRET_KEY = "another-secret-key-for-another-instance-0123456789abcdef"
    assert client_fingerprint(factory.get("/", REMOTE_ADDR=ADDRESS)) != first


def test_behind_a_proxy_the_configured_header_names_the_client(settings):
    factory = RequestFactory()
    settings.CLIENT_ADDRESS_HEADER = "X-Real-IP"
    one = client_fingerprint(factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP=ADDRESS))
    two = client_fingerprint(factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.4"))
    assert one != two


def test_a_form_sent_back_by_a_person_is_accepted_and_keeps_its_idempotency_key():
    key = uuid.uuid4()
    form = NoteForm(
        {"form_token": aged_token("test-note", key=key), "website": "", "text": "x"}, limits=limits()
    )
    assert form.is_valid(), form.errors
    assert form.idempotency_key == key


def test_a_token_is_bound_to_its_form():
    assert FormToken.decode(aged_token("another-form"), "test-note") is None
    form = NoteForm({"form_token": aged_token("another-form"), "text": "x"}, limits=limits())
    assert not form.is_valid()
    assert "แบบฟอร์มไม่สมบูรณ์" in str(form.non_field_errors())


def test_a_filled_honeypot_and_a_too_fast_form_look_automated():
    trap = NoteForm({"form_token": aged_token("test-note"), "website": "spam", "text": "x"}, limits=limits())
    assert not trap.is_valid() and trap.looked_automated
    fast = NoteForm(
        {"form_token": aged_token("test-note", seconds=MIN_FILL_SECONDS - 2), "text": "x"}, limits=limits()
    )
    assert not fast.is_valid() and fast.looked_automated
    assert "เร็วเกินกว่าที่คนทั่วไปกรอกได้" in str(fast.non_field_errors())


def test_limits_count_per_hour_and_ask_a_question_after_a_few_submissions():
    counted = limits(per_hour=3)
    assert not counted.exceeded() and not counted.needs_challenge()
    for _ in range(3):
        counted.record()
    assert counted.counts() == (3, 3)
    assert counted.exceeded() and counted.needs_challenge()
    form = NoteForm(limits=counted)
    assert "challenge_answer" in form.fields
    assert "บวก" in str(form.fields["challenge_answer"].label)
