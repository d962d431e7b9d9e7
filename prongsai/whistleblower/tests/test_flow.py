"""The reporter's path end to end over HTTP: submit, receipt once, follow up, messages both ways."""

from __future__ import annotations

from django.utils.html import strip_tags
from django_scopes import scopes_disabled

from prongsai.core.models import OutboundEmail
from prongsai.core.thai import to_thai_digits
from prongsai.whistleblower.models import Report, ReportMessage

from .conftest import jpeg_bytes, pdf_bytes, submit


def test_a_reporter_submits_gets_a_receipt_once_and_follows_up_with_thai_digits(
    reporter, committee, committee_client
):
    _done, receipt = submit(
        reporter, what="ปลัดเรียกรับเงินจากผู้รับเหมา", who="ปลัด", files=[("a.pdf", pdf_bytes("x"))]
    )
    assert receipt and len(receipt) == 16
    # Shown once: reloading the page shows no receipt.
    again = reporter.get("/integrity/report/done/")
    assert receipt not in again.content.decode().replace(" ", "")
    # The committee got a content-free e-mail.
    with scopes_disabled():
        sent = list(OutboundEmail.objects.values_list("to", "body"))
    assert [to for to, _body in sent] == ["committee@example.test"]
    assert "ปลัด" not in sent[0][1]

    follower = type(reporter)(HTTP_HOST="wangthong.test")
    typed = to_thai_digits(f"{receipt[:4]} {receipt[4:8]}-{receipt[8:12]} {receipt[12:]}")
    response = follower.post("/integrity/follow-up/", {"receipt": typed})
    assert response.status_code == 302
    page = follower.get("/integrity/follow-up/")
    assert "ปลัดเรียกรับเงินจากผู้รับเหมา" in page.content.decode()
    assert "รับเรื่องแล้ว" in page.content.decode()

    # The committee opens the report from its list and answers.
    home = committee_client.get("/staff/integrity/")
    handle = home.context["rows"][0][0]
    detail = committee_client.get(f"/staff/integrity/reports/{handle}/")
    assert "ปลัดเรียกรับเงินจากผู้รับเหมา" in detail.content.decode()
    committee_client.post(f"/staff/integrity/reports/{handle}/action/", {"action": "acknowledge"})
    answer = committee_client.post(
        f"/staff/integrity/reports/{handle}/action/", {"action": "message", "text": "ขอทราบวันที่โดยประมาณ"}
    )
    assert answer.status_code == 302

    page = follower.get("/integrity/follow-up/")
    assert "ขอทราบวันที่โดยประมาณ" in page.content.decode()
    assert "อยู่ระหว่างพิจารณา" in page.content.decode()
    reply = follower.post(
        "/integrity/follow-up/add/", {"text": "ประมาณต้นเดือนมีนาคม", "evidence": [], "strip_metadata": ""}
    )
    assert reply.status_code == 302
    detail = committee_client.get(f"/staff/integrity/reports/{handle}/")
    assert "ประมาณต้นเดือนมีนาคม" in detail.content.decode()
    with scopes_disabled():
        assert ReportMessage.objects.count() == 2


def test_resending_the_same_form_creates_no_second_report(reporter, committee):
    page = reporter.get("/integrity/report/")
    import re

    token = re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)
    first = reporter.post("/integrity/report/", {"what": "เรื่องหนึ่ง", "token": token})
    second = reporter.post("/integrity/report/", {"what": "เรื่องหนึ่ง", "token": token})
    assert first.status_code == second.status_code == 302
    with scopes_disabled():
        assert Report.objects.count() == 1


def test_bad_input_gets_a_thai_error_and_keeps_what_was_typed(reporter, committee):
    page = reporter.get("/integrity/report/")
    import re

    token = re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = reporter.post(
        "/integrity/report/",
        {
            "what": "",
            "who": "นายก",
            "token": token,
            "evidence": [SimpleUploadedFile("x.exe", b"MZ\x90\x00binary")],
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "กรุณาเล่าเหตุการณ์ที่เกิดขึ้น" in body
    assert "นายก" in body
    # The browser does not keep chosen files: the page says to choose them again, as E-Service does.
    assert "กรุณาเลือกไฟล์อีกครั้งก่อนส่ง" in body
    response = reporter.post(
        "/integrity/report/",
        {"what": "มีเรื่อง", "token": token, "evidence": [SimpleUploadedFile("x.exe", b"MZ\x90\x00binary")]},
    )
    assert response.status_code == 400
    assert "ไม่ใช่ชนิดที่รับได้" in response.content.decode()
    with scopes_disabled():
        assert Report.objects.count() == 0


def test_a_wrong_receipt_is_refused_with_a_thai_message(reporter, committee):
    submit(reporter)
    response = reporter.post("/integrity/follow-up/", {"receipt": "1234 5678 9012 3456"})
    assert response.status_code == 400
    assert "ไม่พบรายงานที่ตรงกับเลขรับแจ้งนี้" in response.content.decode()
    response = reporter.post("/integrity/follow-up/", {"receipt": "12ab"})
    assert response.status_code == 400
    assert "ต้องเป็นตัวเลข 16 หลัก" in response.content.decode()


def test_the_channel_refuses_reports_nobody_could_read_with_a_normal_page_not_an_outage(reporter, agency):
    for response in (reporter.get("/integrity/report/"), reporter.post("/integrity/report/", {"what": "x"})):
        # A monitoring probe sees a working page; the citizen sees why and where to report meanwhile.
        assert response.status_code == 200
        page = response.content.decode()
        # The heading keeps its Thai words whole with markup between them (core.thai_words): read as text.
        assert "ยังไม่พร้อมรับเรื่อง" in strip_tags(page)
        assert 'href="https://www.nacc.go.th/"' in page and 'href="https://www.pacc.go.th/"' in page
        assert 'name="what"' not in page, "no form that nobody could read"


def test_evidence_files_come_back_byte_for_byte_to_the_committee(reporter, committee, committee_client):
    jpeg = jpeg_bytes(b"camera comment")
    submit(reporter, files=[("photo.jpg", jpeg), ("doc.pdf", pdf_bytes("evidence"))])
    handle = committee_client.get("/staff/integrity/").context["rows"][0][0]
    detail = committee_client.get(f"/staff/integrity/reports/{handle}/")
    files = detail.context["opened"].files
    got = {}
    for item, meta in files:
        response = committee_client.get(f"/staff/integrity/reports/{handle}/files/{item.public_id}/")
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        got[meta["name"]] = response.content
    assert got["photo.jpg"] == jpeg
    assert got["doc.pdf"].startswith(b"%PDF-")


def test_an_upload_over_the_request_limit_is_refused_whole_rather_than_saved_without_its_files(
    reporter, committee, settings
):
    import re

    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.WHISTLEBLOWER_MAX_REQUEST_UPLOAD = 2000
    page = reporter.get("/integrity/report/")
    token = re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)
    big = SimpleUploadedFile("big.pdf", pdf_bytes("x" * 5000))
    response = reporter.post("/integrity/report/", {"what": "มีหลักฐานแนบ", "token": token, "evidence": [big]})
    assert response.status_code == 400
    assert "มีขนาดใหญ่เกินกว่าที่รับได้" in response.content.decode()
    with scopes_disabled():
        assert not Report.objects.exists()
