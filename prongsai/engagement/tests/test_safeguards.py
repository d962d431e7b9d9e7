"""Safeguards of the citizen forms on the Q&A board: signed tokens, honeypot, fill time, limits, challenge."""

from __future__ import annotations

import re
import uuid

import pytest
from django.db import connection
from django.test import Client

from conftest import AGENCY_HOST
from prongsai.core.safeguards import (
    CHALLENGE_AFTER,
    MAX_FORM_AGE_SECONDS,
    FormToken,
    aged_token,
    challenge_answer,
)
from prongsai.core.tracking import new_tracking_code
from prongsai.engagement.models import Question

ADDRESS = "203.0.113.77"


def ask(client: Client, token: str | None = None, **fields: str):
    data = {
        "form_token": token if token is not None else aged_token("question"),
        "website": "",
        "title": "เปิดศูนย์พัฒนาเด็กเล็กกี่โมง",
        "body": "อยากทราบเวลาเปิดปิดของศูนย์พัฒนาเด็กเล็กครับ",
        "asker_name": "",
        "asker_email": "",
    }
    data.update(fields)
    return client.post("/qa/ask/", data, REMOTE_ADDR=ADDRESS)


@pytest.fixture
def visitor(agency) -> Client:
    return Client(HTTP_HOST=AGENCY_HOST)


# --- the client's address ----------------------------------------------------------------------------------


def test_no_table_of_the_database_holds_the_clients_address(visitor, agency):
    for number in range(3):
        ask(visitor, title=f"คำถามที่ {number}")
    ask(visitor, website="http://spam.example")
    assert Question.objects.using("default").model._meta.db_table  # the app's tables exist
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the introspection
            for row in cursor.fetchall():
                assert ADDRESS not in " ".join(str(value) for value in row), table


# --- the signed token, the honeypot and the fill time ------------------------------------------------------


def test_a_form_without_a_token_from_us_is_refused_in_thai_and_keeps_what_was_typed(visitor):
    response = ask(visitor, token="forged:token", title="หัวข้อที่พิมพ์ไว้")
    assert response.status_code == 400
    html = response.content.decode()
    assert "แบบฟอร์มไม่สมบูรณ์" in html
    assert "หัวข้อที่พิมพ์ไว้" in html
    assert not Question.objects.exists()


def test_a_filled_honeypot_is_refused(visitor, scoped):
    response = ask(visitor, website="http://cheap-seo.example")
    assert response.status_code == 400
    assert "โปรแกรมอัตโนมัติ" in response.content.decode()
    assert not Question.objects.exists()


def test_a_form_sent_back_too_fast_is_refused_and_works_when_sent_again_later(visitor, scoped):
    key = uuid.uuid4()
    response = ask(visitor, token=aged_token("question", seconds=0, key=key))
    assert response.status_code == 400
    assert "เร็วเกินกว่า" in response.content.decode()
    assert not Question.objects.exists()
    response = ask(visitor, token=aged_token("question", seconds=10, key=key))
    assert response.status_code == 302
    assert Question.objects.get().idempotency_key == key


def test_an_expired_form_gets_a_fresh_token_with_the_same_idempotency_key(visitor, scoped):
    key = uuid.uuid4()
    response = ask(visitor, token=aged_token("question", seconds=MAX_FORM_AGE_SECONDS + 60, key=key))
    assert response.status_code == 400
    assert "เปิดค้างไว้นานเกินไป" in response.content.decode()
    fresh = re.search(r'name="form_token" value="([^"]+)"', response.content.decode()).group(1)
    token = FormToken.decode(fresh, "question")
    assert token is not None and token.key == key


def test_a_token_of_another_form_is_not_accepted(visitor, scoped):
    response = ask(visitor, token=aged_token("complaint"))
    assert response.status_code == 400
    assert not Question.objects.exists()


# --- limits and the arithmetic question --------------------------------------------------------------------


def test_after_a_few_questions_the_form_asks_an_arithmetic_question_in_thai_words(visitor, scoped):
    for number in range(CHALLENGE_AFTER):
        assert ask(visitor, title=f"คำถามที่ {number}").status_code == 302
    page = visitor.get("/qa/ask/", REMOTE_ADDR=ADDRESS).content.decode()
    assert "คำถามยืนยันว่าไม่ใช่โปรแกรมอัตโนมัติ" in page
    assert re.search(r"(หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)บวก", page)

    # A token issued before the question was needed must now answer one: the form comes back with it.
    response = ask(visitor, title="คำถามที่สาม")
    assert response.status_code == 400
    html = response.content.decode()
    assert "กรุณาตอบคำถามยืนยัน" in html
    token_value = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    token = FormToken.decode(token_value, "question")
    assert token is not None and token.nonce

    wrong = str(challenge_answer(token.nonce) + 1)
    aged = aged_token("question", key=token.key, nonce=token.nonce)
    response = ask(visitor, token=aged, challenge_answer=wrong, title="คำถามที่สาม")
    assert response.status_code == 400
    assert "คำตอบไม่ถูกต้อง" in response.content.decode()

    # Thai digits are accepted as well as Arabic ones.
    right = str(challenge_answer(token.nonce)).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    response = ask(visitor, token=aged, challenge_answer=right, title="คำถามที่สาม")
    assert response.status_code == 302
    assert Question.objects.count() == CHALLENGE_AFTER + 1


def test_a_client_over_the_hourly_limit_gets_a_thai_429_with_its_text_kept(
    visitor, scoped, settings, monkeypatch
):
    settings.CITIZEN_SUBMISSIONS_PER_HOUR = 2
    monkeypatch.setattr("prongsai.core.safeguards.CHALLENGE_AFTER", 99)
    assert ask(visitor, title="หนึ่ง").status_code == 302
    assert ask(visitor, title="สอง").status_code == 302
    response = ask(visitor, title="คำถามที่เกินกำหนด")
    assert response.status_code == 429
    html = response.content.decode()
    assert "พักรับจากเครื่องนี้ชั่วคราว" in html
    assert "คำถามที่เกินกำหนด" in html
    assert Question.objects.count() == 2
    # Another client is not affected.
    other = Client(HTTP_HOST=AGENCY_HOST)
    data = {"form_token": aged_token("question"), "title": "จากเครื่องอื่น", "body": "ข้อความ", "website": ""}
    assert other.post("/qa/ask/", data, REMOTE_ADDR="198.51.100.4").status_code == 302


def test_limits_are_counted_per_agency(visitor, scoped, other_agency, settings, monkeypatch):
    settings.CITIZEN_SUBMISSIONS_PER_HOUR = 1
    monkeypatch.setattr("prongsai.core.safeguards.CHALLENGE_AFTER", 99)
    assert ask(visitor).status_code == 302
    elsewhere = Client(HTTP_HOST="other.test")
    data = {"form_token": aged_token("question"), "title": "ที่อื่น", "body": "ข้อความ", "website": ""}
    assert elsewhere.post("/qa/ask/", data, REMOTE_ADDR=ADDRESS).status_code == 302


def test_guessing_tracking_codes_is_limited_per_client(visitor, scoped, monkeypatch):
    monkeypatch.setattr("prongsai.complaints.views_public.TRACK_LOOKUPS_PER_HOUR", 2)
    monkeypatch.setattr("prongsai.engagement.views_public.TRACK_LOOKUPS_PER_HOUR", 2)
    for path, missing in (("/complaints/track/", "ไม่พบเรื่องร้องเรียน"), ("/qa/track/", "ไม่พบคำถาม")):
        for _ in range(2):
            response = visitor.get(path, {"code": new_tracking_code()}, REMOTE_ADDR=ADDRESS)
            assert response.status_code == 400
            assert missing in response.content.decode()
        response = visitor.get(path, {"code": new_tracking_code()}, REMOTE_ADDR=ADDRESS)
        assert response.status_code == 429
        assert "พักรับจากเครื่องนี้ชั่วคราว" in response.content.decode()
