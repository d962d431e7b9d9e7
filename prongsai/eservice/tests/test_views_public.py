"""Citizen pages through the real HTTP interface: catalogue, manual, online request (idempotent, bad input),
tracking without personal data, survey, statistics with SVG charts and the XLSX download."""

from __future__ import annotations

import io
import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import strip_tags
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from conftest import make_member
from prongsai.core.roles import Role
from prongsai.core.safeguards import FormToken, aged_token, challenge_answer
from prongsai.eservice import services
from prongsai.eservice.models import Channel, RequestFile, ServiceRequest

from .conftest import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db

ELDERLY_FORM = {
    "applicant_name": "นางสมศรี ใจงาม",
    "applicant_phone": "081-234-5678",
    "applicant_email": "",
    "a_citizen_id": "1-3604-00012-34-6",
    "a_birth_date": "1/5/2507",
    "a_home_address": "12 หมู่ที่ 3 ตำบลวังทอง อำเภอภักดีชุมพล จังหวัดชัยภูมิ 36260",
    "a_payment": "bank",
    "consent": "on",
}


def post_request(client, code, data, files=None):
    """Post the online form as a person's browser would: a form token issued a minute ago (carrying the
    idempotency key the test names), the arithmetic question answered, the honeypot empty."""
    data = dict(data)
    key = data.pop("idempotency_key", None)
    try:
        token = aged_token("eservice-request", key=uuid.UUID(key) if key else None, nonce="n0nce")
    except ValueError:
        token = str(key)  # a token we never issued
    answer = str(challenge_answer("n0nce"))
    payload = {"form_token": token, "challenge_answer": answer, "website": "", **data, **(files or {})}
    return client.post(f"/eservice/services/{code}/request/", payload)


def count_requests():
    with scopes_disabled():
        return ServiceRequest.objects.count()


def test_the_catalogue_lists_published_services_with_their_fee(anon, catalogue):
    page = anon.get("/eservice/").content.decode()
    assert "การลงทะเบียนและยื่นคำขอรับเงินเบี้ยยังชีพผู้สูงอายุ" in page
    assert "ไม่มีค่าธรรมเนียม" in page
    assert "20.00 บาท" in page  # garbage collection


def test_the_catalogue_filters_by_category_and_name(anon, catalogue):
    page = strip_tags(anon.get("/eservice/?category=welfare").content.decode())
    assert "เบี้ยยังชีพผู้สูงอายุ" in page and "ขออนุญาตก่อสร้าง ดัดแปลง" not in page
    # Service names are headings whose Thai words are kept whole with markup between them
    # (core.thai_words): the page is read as text, so an unmatched name is absent whatever markup it had.
    page = strip_tags(anon.get("/eservice/?q=ก่อสร้าง").content.decode())
    assert "ขออนุญาตก่อสร้าง" in page and "เบี้ยยังชีพ" not in page


def test_the_manual_states_every_element_the_act_and_the_oit_item_require(anon, catalogue):
    response = anon.get("/eservice/services/elderly-allowance/")
    # The headings keep their Thai words whole with markup between them (core.thai_words): read as text.
    page = strip_tags(response.content.decode())
    for element in (
        "หน่วยงานเจ้าของกระบวนงาน",
        "กฎหมายที่ให้อำนาจ",
        "ช่องทางการให้บริการ",
        "ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ",
        "ระยะเวลาดำเนินการรวม",
        "รายการเอกสารหลักฐานประกอบ",
        "ไม่มีค่าธรรมเนียม",
        "ช่องทางการร้องเรียน",
        "9 วันทำการ",
        "ฉบับจริงและสำเนา",
        "One Stop Service",
    ):
        assert element in page, element
    assert "@media print" in (catalogue and open_css())


def open_css():
    from pathlib import Path

    return (Path(__file__).resolve().parents[2] / "portal" / "static" / "portal" / "site.css").read_text()


def test_a_manual_of_another_agency_or_an_unknown_service_is_not_found(anon, other_catalogue, catalogue):
    assert anon.get("/eservice/services/no-such-service/").status_code == 404
    other = anon.get("/eservice/services/elderly-allowance/", HTTP_HOST="other.test")
    assert other.status_code == 200
    with scopes_disabled():
        assert other.context["service"].agency.code == "other"


def test_the_form_shows_the_privacy_notice_and_a_fresh_form_token(anon, catalogue):
    first = anon.get("/eservice/services/elderly-allowance/request/").content.decode()
    second = anon.get("/eservice/services/elderly-allowance/request/").content.decode()
    assert "ประกาศความเป็นส่วนตัว" in first and "เลขประจำตัวประชาชน" in first
    tokens = [re.search(r'name="form_token" value="([^"]+)"', p).group(1) for p in (first, second)]
    keys = [FormToken.decode(t, "eservice-request").key for t in tokens]
    assert keys[0] != keys[1]
    assert 'name="website"' in first, "the honeypot of every citizen form"


def test_a_citizen_submits_online_and_lands_on_the_tracking_page(anon, catalogue, now):
    key = str(uuid.uuid4())
    response = post_request(
        anon,
        "elderly-allowance",
        {**ELDERLY_FORM, "idempotency_key": key},
        {"a_id_card": SimpleUploadedFile("id.png", png_bytes(), content_type="image/png")},
    )
    assert response.status_code == 302
    with scopes_disabled():
        req = ServiceRequest.objects.get()
        stored = RequestFile.objects.get()
    assert response["Location"] == f"/eservice/track/{req.display_code}/"
    assert req.channel == Channel.ESERVICE
    assert req.answers["citizen_id"] == "1360400012346"
    assert req.answers["birth_date"] == "1964-05-01"
    assert stored.kind == "png" and stored.original_name == "id.png"
    assert "id.png" not in stored.file.name  # stored under a generated name

    # Re-sending the same form (double click, back button, flaky network) creates nothing new.
    again = post_request(anon, "elderly-allowance", {**ELDERLY_FORM, "idempotency_key": key})
    assert again.status_code == 302 and again["Location"] == response["Location"]
    assert count_requests() == 1
    page = anon.get(again["Location"]).content.decode()
    assert "ไม่ได้สร้างคำขอซ้ำ" in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"a_citizen_id": "1234567890123"}, "เลขประจำตัว 13 หลักไม่ถูกต้อง"),
        ({"a_birth_date": "31/02/2507"}, "วันที่"),
        ({"a_birth_date": "1/5/2580"}, "วันที่นี้ต้องไม่เกินวันนี้"),
        ({"a_home_address": "บ้านเลขที่ 12"}, "รหัสไปรษณีย์ 5 หลัก"),
        ({"applicant_phone": "12345", "applicant_email": ""}, "หมายเลขโทรศัพท์"),
        ({"applicant_phone": "", "applicant_email": ""}, "หมายเลขโทรศัพท์หรืออีเมล"),
        ({"consent": ""}, "ประกาศความเป็นส่วนตัว"),
        ({"a_payment": "cheque"}, "ตัวเลือก"),
        ({"applicant_name": ""}, "กรุณากรอกชื่อ-นามสกุล"),
        ({"idempotency_key": "not-a-key"}, "แบบฟอร์มไม่สมบูรณ์"),
    ],
)
def test_bad_input_is_refused_with_a_thai_sentence_and_nothing_is_saved(
    anon, catalogue, now, change, message
):
    data = {**ELDERLY_FORM, "idempotency_key": str(uuid.uuid4()), **change}
    response = post_request(anon, "elderly-allowance", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert count_requests() == 0
    # What the citizen typed is still there to correct.
    assert "นางสมศรี" in response.content.decode() or change.get("applicant_name") == ""


def test_a_disguised_file_is_refused_by_its_content(anon, catalogue, now):
    fake = SimpleUploadedFile("id.png", b"<html><script>alert(1)</script></html>", content_type="image/png")
    response = post_request(
        anon, "elderly-allowance", {**ELDERLY_FORM, "idempotency_key": str(uuid.uuid4())}, {"a_id_card": fake}
    )
    assert response.status_code == 400
    assert "ไม่ใช่ชนิดที่รับได้" in response.content.decode()
    assert count_requests() == 0


def test_an_oversized_file_is_refused_with_the_limit(anon, catalogue, now):
    big = SimpleUploadedFile("id.pdf", pdf_bytes(6 * 1024 * 1024), content_type="application/pdf")
    response = post_request(
        anon, "elderly-allowance", {**ELDERLY_FORM, "idempotency_key": str(uuid.uuid4())}, {"a_id_card": big}
    )
    assert response.status_code == 400
    assert "เกินกว่าที่รับได้" in response.content.decode()
    assert count_requests() == 0


def test_a_file_of_an_allowed_kind_for_the_site_but_not_for_the_field_is_refused(
    anon, catalogue, now, submit
):
    # The building permit's plans must be PDF; a PNG is refused there.
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "applicant_name": "นายก่อ สร้าง",
        "applicant_phone": "0812345678",
        "a_owner_id": "1360400012346",
        "a_work": "build",
        "a_deed_no": "1234",
        "a_floor_area": "๑๒๐",
        "a_site_address": "5 หมู่ที่ 2 ตำบลวังทอง อำเภอภักดีชุมพล จังหวัดชัยภูมิ 36260",
        "consent": "on",
    }
    response = post_request(
        anon, "building-permit", data, {"a_plans": SimpleUploadedFile("p.png", png_bytes())}
    )
    assert response.status_code == 400
    ok = post_request(anon, "building-permit", data, {"a_plans": SimpleUploadedFile("p.pdf", pdf_bytes())})
    assert ok.status_code == 302, ok.context["form"].errors
    with scopes_disabled():
        assert ServiceRequest.objects.get().answers["floor_area"] == "120"  # Thai digits read


def test_the_tracking_page_shows_steps_and_due_dates_but_no_personal_data(anon, catalogue, submit, now):
    req = submit(catalogue["elderly-allowance"], email="somchai@example.com").request
    response = anon.get(f"/eservice/track/{req.display_code}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "8 ธันวาคม 2569" in page  # the first step's due date (after the substitution holiday)
    assert "ตรวจสอบคุณสมบัติและเอกสารหลักฐาน" in page
    for personal in ("สมชาย", "081-234-5678", "somchai@example.com", "1360400012346", "ตำบลวังทอง อำเภอ"):
        assert personal not in page
    assert 'src="data:image/png;base64,' in page  # the QR code
    assert response["Cache-Control"] == "private, no-store"


def test_tracking_codes_are_read_forgivingly_and_unknown_ones_are_not_found(anon, catalogue, submit, now):
    req = submit(catalogue["elderly-allowance"]).request
    messy = req.display_code.lower().replace("-", " ")
    found = anon.get("/eservice/track/", {"code": messy})
    assert found.status_code == 302 and found["Location"] == f"/eservice/track/{req.display_code}/"
    missing = anon.get("/eservice/track/", {"code": "AAAA-BBBB-CCCC"})
    assert missing.status_code == 400 and "ไม่พบคำขอ" in missing.content.decode()
    assert anon.get("/eservice/track/AAAA-BBBB-CCCC/").status_code == 404


def test_another_agency_cannot_see_a_request_by_its_code(anon, catalogue, other_catalogue, submit, now):
    req = submit(catalogue["elderly-allowance"]).request
    assert anon.get(f"/eservice/track/{req.display_code}/", HTTP_HOST="other.test").status_code == 404


def test_the_survey_opens_after_completion_and_is_answered_once(
    anon, catalogue, submit, now, agency, in_scope
):
    head = make_member(agency, "head", Role.HEAD_OF_DIVISION)
    req = submit(catalogue["elderly-allowance"]).request
    url = f"/eservice/track/{req.tracking_code}/survey/"
    assert anon.get(url).status_code == 302  # still open
    with in_scope(agency):
        services.request_reject(request=req, acting_user=head, reason="ไม่มีภูมิลำเนาในตำบล")
    assert "ตอบแบบสำรวจความพึงพอใจ" in anon.get(f"/eservice/track/{req.display_code}/").content.decode()
    bad = anon.post(url, {"speed": "9"})
    assert bad.status_code == 400 and "กรุณาเลือกคะแนน" in bad.content.decode()
    good = anon.post(url, {"speed": "5", "staff": "4", "clarity": "4", "overall": "5", "comment": "รวดเร็ว"})
    assert good.status_code == 302
    again = anon.post(url, {"speed": "1", "staff": "1", "clarity": "1", "overall": "1"})
    assert again.status_code == 400 and "ตอบแบบสำรวจแล้ว" in again.content.decode()


def test_statistics_count_channels_and_offer_svg_charts_and_an_xlsx(anon, catalogue, submit, now, member):
    submit(catalogue["elderly-allowance"])
    submit(catalogue["elderly-allowance"], channel=Channel.WALK_IN, acting_user=member)
    submit(catalogue["official-information"])
    response = anon.get("/eservice/statistics/?fy=2570")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<svg class="chart"') == 2
    report = response.context["report"]
    assert (report.total.walk_in, report.total.eservice) == (1, 2)
    download = anon.get("/eservice/statistics/download.xlsx?fy=2570")
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(download.content))
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    dec = [r for r in rows if r[0] and "เบี้ยยังชีพผู้สูงอายุ" in str(r[0]) and r[1] == "ธันวาคม 2569"]
    assert dec and dec[0][2:5] == (1, 1, 2)
    assert book.worksheets[1].title == "ความพึงพอใจ"


def test_statistics_survive_a_nonsense_year(anon, catalogue):
    assert anon.get("/eservice/statistics/?fy=abc").status_code == 200
    assert anon.get("/eservice/statistics/download.xlsx?fy=99999").status_code == 200


def test_a_birth_date_with_a_two_digit_year_asks_for_the_four_digit_year_and_keeps_what_was_typed(
    anon, catalogue, now
):
    """Issue 19 item 11: "15/06/62" is not read as 2562 without a word (it may be a CE 1962 birth year)."""
    data = {**ELDERLY_FORM, "idempotency_key": str(uuid.uuid4()), "a_birth_date": "15/06/62"}
    response = post_request(anon, "elderly-allowance", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "ปี “62” มีเพียง 2 หลัก กรุณากรอกปี พ.ศ. ให้ครบ 4 หลัก เช่น 15/06/2562" in page
    assert count_requests() == 0
    # Everything typed is still there: the date as typed, the name, the address.
    assert 'value="15/06/62"' in page
    assert 'value="นางสมศรี ใจงาม"' in page and "12 หมู่ที่ 3 ตำบลวังทอง" in page
    # Written in full, the same form goes through.
    fixed = post_request(anon, "elderly-allowance", {**data, "a_birth_date": "15/06/2505"})
    assert fixed.status_code == 302
    with scopes_disabled():
        assert ServiceRequest.objects.get().answers["birth_date"] == "1962-06-15"
