"""The two-way Q&A board: anyone asks, staff moderate and answer publicly, Thai search, e-mail notice."""

from __future__ import annotations

import uuid

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils.html import strip_tags

from conftest import OTHER_HOST, login_verified
from prongsai.core.models import AuditEvent, OutboundEmail, Revision
from prongsai.core.safeguards import aged_token
from prongsai.core.tenancy import agency_scope
from prongsai.engagement import services
from prongsai.engagement.models import Question
from prongsai.engagement.tests import factories

TITLE = "ขั้นตอนการขอใบอนุญาตก่อสร้างบ้าน"
BODY = "จะสร้างบ้านชั้นเดียวที่หมู่ 4 ต้องใช้เอกสารอะไรบ้างครับ"
ANSWER = "ยื่นคำขออนุญาตก่อสร้างอาคารที่กองช่าง พร้อมสำเนาโฉนดที่ดินและแบบแปลนอาคาร"


def ask(client: Client, **fields: str):
    data = {"form_token": aged_token("question"), "website": "", "title": TITLE, "body": BODY}
    data.update(fields)
    return client.post("/qa/ask/", data)


@pytest.fixture
def pending(agency) -> Question:
    with agency_scope(agency):
        return factories.question(agency, title=TITLE, body=BODY, asker_email="asker@example.com")


def test_anyone_can_ask_without_a_name_and_gets_a_tracking_code(anon, agency):
    response = ask(anon)
    assert response.status_code == 302
    with agency_scope(agency):
        question = Question.objects.get()
    assert response["Location"] == f"/qa/track/{question.display_code}/"
    page = anon.get(response["Location"]).content.decode()
    assert question.display_code in page
    assert "รอตรวจสอบก่อนเผยแพร่" in page
    assert question.asker_name == "" and question.status == Question.Status.PENDING
    with agency_scope(agency):
        event = AuditEvent.objects.get(action="engagement.question.submitted")
    assert event.actor is None and event.actor_label == "ประชาชน (เว็บไซต์)"
    assert TITLE not in str(event.data) and TITLE not in event.object_repr


def test_a_pending_question_is_not_on_the_board_and_has_no_public_page(anon, pending):
    assert TITLE not in anon.get("/qa/").content.decode()
    assert anon.get(f"/qa/{pending.public_id}/").status_code == 404


def test_re_sending_the_same_form_does_not_create_a_second_question(anon, agency):
    token = aged_token("question")
    first = ask(anon, form_token=token)
    second = ask(anon, form_token=token)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    with agency_scope(agency):
        assert Question.objects.count() == 1
        assert AuditEvent.objects.filter(action="engagement.question.submitted").count() == 1


def test_the_service_is_idempotent_too(agency, pending):
    with agency_scope(agency):
        again, created = services.question_submit(
            agency=agency, idempotency_key=pending.idempotency_key, title="อื่น", body="อื่น"
        )
    assert not created and again.pk == pending.pk


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": ""}, "กรุณากรอกหัวข้อคำถาม"),
        ({"body": "   "}, "กรุณาพิมพ์รายละเอียดคำถาม"),
        ({"title": "ก" * 201}, "หัวข้อคำถามยาวเกิน 200 ตัวอักษร"),
        ({"body": "ข" * 4001}, "รายละเอียดคำถามยาวเกิน 4,000 ตัวอักษร"),
        ({"asker_email": "not-an-address"}, "รูปแบบอีเมลไม่ถูกต้อง"),
    ],
)
def test_bad_input_gets_a_thai_error_and_keeps_what_was_typed(anon, agency, fields, message):
    response = ask(anon, asker_name="ป้าสมศรี", **fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "ยังบันทึกไม่ได้ กรุณาแก้ไขรายการต่อไปนี้" in html
    assert "ป้าสมศรี" in html
    with agency_scope(agency):
        assert not Question.objects.exists()


def test_a_moderator_publishes_with_edits_and_the_page_says_so(anon, agency, member, pending):
    with agency_scope(agency):
        services.question_publish(
            question=pending, acting_user=member, body="จะสร้างบ้านชั้นเดียว ต้องใช้เอกสารอะไรบ้าง"
        )
    # Question titles are headings whose Thai words are kept whole with markup between them
    # (core.thai_words): the pages are read as text.
    page = strip_tags(anon.get(f"/qa/{pending.public_id}/").content.decode())
    assert "จะสร้างบ้านชั้นเดียว ต้องใช้เอกสารอะไรบ้าง" in page
    assert "หมู่ 4" not in page
    assert "ผู้ดูแลปรับถ้อยคำก่อนเผยแพร่" in page
    assert "เจ้าหน้าที่กำลังเตรียมคำตอบ" in page
    assert TITLE in strip_tags(anon.get("/qa/").content.decode())


def test_an_answer_is_public_searchable_in_thai_and_the_asker_is_told_by_e_mail(
    anon, agency, member, pending, django_capture_on_commit_callbacks
):
    with agency_scope(agency), django_capture_on_commit_callbacks(execute=True):
        services.question_answer(question=pending, acting_user=member, answer=ANSWER)
    page = anon.get(f"/qa/{pending.public_id}/").content.decode()
    assert ANSWER in page and "เผยแพร่ครั้งแรก" in page
    # Thai has no spaces: a word from inside the answer and one from inside the question are both found.
    for word in ("โฉนด", "ใบอนุญาต", "แบบแปลน"):
        hits = anon.get("/qa/", {"q": word}).content.decode()
        assert f"/qa/{pending.public_id}/" in hits, word
    assert f"/qa/{pending.public_id}/" in anon.get("/search/", {"q": "กองช่าง"}).content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["asker@example.com"]
    assert "ได้รับคำตอบแล้ว" in message.subject
    assert pending.display_code in message.body
    assert ANSWER not in message.body  # the link, not the text
    with agency_scope(agency):
        assert OutboundEmail.objects.get().status == OutboundEmail.Status.SENT


def test_unanswered_questions_are_not_in_the_search(anon, agency, member, pending):
    with agency_scope(agency):
        services.question_publish(question=pending, acting_user=member)
    assert f"/qa/{pending.public_id}/" not in anon.get("/qa/", {"q": "ใบอนุญาต"}).content.decode()


def test_a_rejected_question_never_appears_and_the_asker_sees_why(anon, agency, member, pending):
    with agency_scope(agency):
        services.question_reject(question=pending, acting_user=member, reason="เป็นข้อความโฆษณา")
        with pytest.raises(ValidationError):
            services.question_publish(question=pending, acting_user=member)
        assert OutboundEmail.objects.filter(to="asker@example.com").exists()
    assert anon.get(f"/qa/{pending.public_id}/").status_code == 404
    status = anon.get(f"/qa/track/{pending.display_code}/").content.decode()
    assert "ไม่เผยแพร่" in status and "เป็นข้อความโฆษณา" in status


def test_a_published_answer_changes_only_with_a_reason_and_keeps_its_history(anon, agency, member, pending):
    with agency_scope(agency):
        answered = services.question_answer(question=pending, acting_user=member, answer=ANSWER)
        with pytest.raises(ValidationError):
            services.question_revise_answer(question=answered, acting_user=member, answer="ใหม่", reason=" ")
        with pytest.raises(ValidationError):
            services.question_answer(question=answered, acting_user=member, answer="ตอบซ้ำ")
        services.question_revise_answer(
            question=answered,
            acting_user=member,
            answer=ANSWER + " ค่าธรรมเนียมตามพื้นที่อาคาร",
            reason="เพิ่มค่าธรรมเนียม",
        )
        revisions = list(Revision.objects.order_by("number"))
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[0].content["answer"] == ANSWER
    page = anon.get(f"/qa/{pending.public_id}/").content.decode()
    assert "ค่าธรรมเนียมตามพื้นที่อาคาร" in page and "เพิ่มค่าธรรมเนียม" in page
    assert revisions[1].content_hash in page


def test_the_status_cannot_be_assigned_directly(pending):
    with pytest.raises(AttributeError):
        pending.status = Question.Status.ANSWERED


def test_staff_moderate_and_answer_through_the_back_office(staff_client, anon, agency, pending):
    page = staff_client.get("/staff/qa/")
    assert page.status_code == 200 and TITLE in page.content.decode()
    response = staff_client.post(
        f"/staff/qa/{pending.pk}/moderate/",
        {"moderate-title": TITLE, "moderate-body": BODY, "moderate-answer": ANSWER, "action": "answer"},
    )
    assert response.status_code == 302
    with agency_scope(agency):
        pending.refresh_from_db()
    assert pending.status == Question.Status.ANSWERED and pending.answered_by.username == "officer"
    assert ANSWER in anon.get(f"/qa/track/{pending.display_code}/").content.decode()


def test_answering_without_an_answer_gets_a_thai_error(staff_client, agency, pending):
    response = staff_client.post(
        f"/staff/qa/{pending.pk}/moderate/",
        {"moderate-title": TITLE, "moderate-body": BODY, "moderate-answer": "", "action": "answer"},
    )
    assert response.status_code == 400
    assert "กรุณาพิมพ์คำตอบ" in response.content.decode()
    response = staff_client.post(f"/staff/qa/{pending.pk}/reject/", {"reject-reason": ""})
    assert response.status_code == 400
    assert "กรุณาระบุเหตุผลที่ไม่เผยแพร่" in response.content.decode()
    with agency_scope(agency):
        pending.refresh_from_db()
    assert pending.status == Question.Status.PENDING


def test_another_agency_sees_nothing_of_the_question(agency, other_agency, outsider, member, pending):
    with agency_scope(agency):
        services.question_answer(question=pending, acting_user=member, answer=ANSWER)
    elsewhere = Client(HTTP_HOST=OTHER_HOST)
    assert elsewhere.get(f"/qa/{pending.public_id}/").status_code == 404
    assert elsewhere.get(f"/qa/track/{pending.display_code}/").status_code == 404
    assert TITLE not in elsewhere.get("/qa/").content.decode()
    assert TITLE not in elsewhere.get("/qa/", {"q": "ใบอนุญาต"}).content.decode()
    # The other agency's administrator, in their own back office, cannot reach it by id either.
    own = login_verified(Client(HTTP_HOST=OTHER_HOST), outsider)
    assert own.get(f"/staff/qa/{pending.pk}/").status_code == 404
    assert (
        own.post(f"/staff/qa/{pending.pk}/revise/", {"revise-answer": "x", "revise-reason": "y"}).status_code
        == 404
    )
    assert TITLE not in own.get("/staff/qa/?status=all").content.decode()


def test_the_auditor_cannot_answer_questions(client, agency, pending):
    from conftest import AGENCY_HOST, make_member

    auditor = make_member(agency, "auditor", "internal_auditor")
    client.defaults["HTTP_HOST"] = AGENCY_HOST
    login_verified(client, auditor)
    assert client.get("/staff/qa/").status_code == 403


def test_the_board_counts_the_questions_of_the_fiscal_year(anon, agency, other_agency, member, pending):
    from django.utils import timezone

    from prongsai.core.thai import fiscal_year
    from prongsai.engagement import selectors

    with agency_scope(agency):
        services.question_answer(question=pending, acting_user=member, answer=ANSWER)
        services.question_submit(agency=agency, idempotency_key=uuid.uuid4(), title="ถามอีก", body="ถามอีก")
        year = fiscal_year(timezone.localdate())
        stats = selectors.question_statistics(agency, year)
        assert selectors.question_statistics(agency, year - 1).received == 0
    assert (stats.received, stats.answered, stats.awaiting, stats.not_published) == (2, 1, 1, 0)
    assert stats.median_days_to_answer is not None
    html = anon.get("/qa/").content.decode()
    assert f"ปีงบประมาณ {year}: รับคำถาม 2 เรื่อง ตอบแล้ว 1 เรื่อง" in html
    elsewhere = Client(HTTP_HOST=OTHER_HOST).get("/qa/").content.decode()
    assert f"ปีงบประมาณ {year}: รับคำถาม 0 เรื่อง" in elsewhere
