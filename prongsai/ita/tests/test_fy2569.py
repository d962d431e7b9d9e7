"""The year agencies live in now: the FY2569 catalogue, catalogue files with a preview, the answer-date rule
and the provisional catalogue of a year NACC has not published yet (issue 11, "Done when")."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils.html import strip_tags

from prongsai.core.demo import create_structure
from prongsai.core.thai import BANGKOK
from prongsai.ita import services
from prongsai.ita.catalogue_files import DATA_DIR
from prongsai.ita.models import Catalogue
from prongsai.ita.providers import Evidence
from prongsai.ita.readiness import Problem, Status, judge, readiness

ANSWER = date(2026, 4, 30)  # the ITAS calendar's default answer date of FY2569
TODAY = "2026-12-07 10:00 +07:00"  # 7 ธ.ค. 2569, fiscal year 2570


@pytest.fixture
def structure(agency, admin_member, in_scope):
    with in_scope(agency):
        create_structure(agency, admin_member)


def _state(agency, in_scope, *, as_of=ANSWER, code="2569"):
    with in_scope(agency):
        return readiness(agency, Catalogue.objects.get(code=code), as_of=as_of)


def _element(state, code, subject):
    item = next(s for s in state.items if s.item.code == code)
    return item, [e for e in item.elements if e.element.subject == subject]


def _manual(agency, admin_member, in_scope, **fields):
    with in_scope(agency):
        return services.manual_evidence_add(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2569,
            url="https://wangthong.test/pages/evidence/",
            **fields,
        )


def test_the_fy2568_catalogue_ends_at_o26_and_fy2569_has_o1_to_o26_mapped_from_fy2568(catalogues):
    assert list(catalogues["2568"].oit_items.values_list("code", flat=True)) == [
        f"O{n}" for n in range(1, 27)
    ]
    fy2569 = catalogues["2569"]
    assert list(fy2569.oit_items.values_list("code", flat=True)) == [f"O{n}" for n in range(1, 27)]
    assert fy2569.previous_code == "2568"
    items = {item.code: item for item in fy2569.oit_items.all()}
    assert items["O10"].replaces == ["O10", "O11"]
    assert items["O11"].replaces == ["O12"] and items["O12"].replaces == ["O13"]
    assert items["O20"].replaces == ["O21", "O22"]
    assert items["O26"].title_th == "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert {i.indicator.number for i in items.values() if int(i.code[1:]) < 20} == {9}
    assert {i.indicator.number for i in items.values() if int(i.code[1:]) >= 20} == {10}


# --- the answer-date rule ---------------------------------------------------------------------------------


def test_evidence_published_a_day_after_the_answer_date_does_not_count(
    agency, admin_member, catalogues, in_scope
):
    late = _manual(
        agency,
        admin_member,
        in_scope,
        subject="gift_declaration",
        title="ประกาศเจตนารมณ์ No Gift Policy",
        document_date=date(2026, 5, 1),
        confirmed_checks=["signed"],
    )
    _item, (element,) = _element(_state(agency, in_scope), "O20", "gift_declaration")
    assert not element.counts
    assert element.problem == Problem.LATE and element.needed_by == ANSWER
    with in_scope(agency):
        late.document_date = ANSWER
        late.save(update_fields=["document_date"])
    _item, (element,) = _element(_state(agency, in_scope), "O20", "gift_declaration")
    assert element.counts and element.needed_by is None


def test_a_six_month_report_dated_in_the_first_quarter_does_not_pass(
    agency, admin_member, catalogues, in_scope
):
    report = _manual(
        agency,
        admin_member,
        in_scope,
        subject="operations_progress",
        title="รายงานการกำกับติดตาม รอบ 6 เดือน",
        document_date=date(2025, 12, 20),
        confirmed_checks=["results", "spending"],
    )
    _item, elements = _element(_state(agency, in_scope), "O6", "operations_progress")
    assert [e.problem for e in elements] == [Problem.HALF_YEAR, Problem.HALF_YEAR]
    with in_scope(agency):
        report.document_date = date(2026, 4, 5)
        report.save(update_fields=["document_date"])
    _item, elements = _element(_state(agency, in_scope), "O6", "operations_progress")
    assert all(e.counts for e in elements)


def test_a_stated_zero_passes(agency, admin_member, catalogues, in_scope):
    _manual(
        agency,
        admin_member,
        in_scope,
        subject="corruption_complaint_stats",
        title="สถิติเรื่องร้องเรียนการทุจริต: ไม่มีเรื่องร้องเรียน",
        document_date=date(2026, 4, 1),
        confirmed_checks=["total", "done", "pending", "files"],
        nil_report=True,
    )
    item, _elements = _element(_state(agency, in_scope), "O18", "corruption_complaint_stats")
    assert item.status == Status.READY


def test_a_month_that_has_not_ended_is_never_counted_as_a_zero():
    months = {"2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"}
    claimed = Evidence(subject="procurement_monthly", months=months, nil_report=True)
    # On 20 March a provider that reports March as "no procurement" is not believed.
    assert judge("MONTHLY_H1", 2569, claimed, date(2026, 3, 20)) == Problem.MONTHS
    assert judge("MONTHLY_H1", 2569, claimed, date(2026, 4, 1)) == Problem.NONE


def test_standing_evidence_must_have_been_online_on_the_answer_date():
    evidence = Evidence(subject="contact", checks={"address": True}, dates=[date(2026, 5, 2)])
    assert judge("STANDING", 2569, evidence, ANSWER) == Problem.LATE
    evidence.dates.append(date(2025, 1, 1))
    assert judge("STANDING", 2569, evidence, ANSWER) == Problem.NONE


def test_the_staff_page_says_per_item_what_is_missing_and_by_when(admin_client, agency, catalogues):
    with time_machine.travel(date(2026, 3, 1), tick=False):
        page = admin_client.get("/staff/ita/2569/").content.decode()
    assert "30 เมษายน 2569" in page  # the default answer date from the ITAS calendar
    assert "ต้องมีภายใน" in page and "ยังไม่มีหลักฐาน" in page
    assert 'data-element="integrity_measures_report.items"' in page


def test_the_answer_date_setting_moves_the_readiness_and_the_scheduler(
    admin_client, agency, admin_member, catalogues, in_scope
):
    from prongsai.ita.selectors import answer_date_for, latest_answer_days

    with in_scope(agency):
        assert answer_date_for(agency, 2569) == ANSWER
        services.year_setting_choose(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2569,
            catalogue=catalogues["2569"],
            answer_date=date(2026, 4, 20),
        )
        assert answer_date_for(agency, 2569) == date(2026, 4, 20)
    assert latest_answer_days(date(2026, 4, 25))[agency.pk] == date(2026, 4, 20)
    assert latest_answer_days(date(2026, 5, 1))[agency.pk] == date(2026, 4, 20)
    assert agency.pk not in latest_answer_days(date(2021, 1, 1))


# --- the public index of the current year -------------------------------------------------------------------


def test_the_index_opens_on_the_current_year_with_the_previous_catalogue_marked_provisional(
    anon, admin_client, agency, catalogues, structure
):
    with time_machine.travel(TODAY, tick=False):
        response = anon.get("/ita/")
        assert response.status_code == 302 and response["Location"] == "/ita/2570/"
        page = anon.get("/ita/2570/").content.decode()
        staff_page = admin_client.get("/staff/ita/2570/").content.decode()
    assert "data-provisional" in page and "data-provisional" in staff_page
    assert all(f'id="item-O{n}"' in page for n in range(1, 27))
    # The headings keep their Thai words whole with markup between them (core.thai_words): read as text.
    assert "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร" in strip_tags(page)


def test_the_fy2569_index_lists_o1_to_o26_and_every_link_on_the_agency_site_answers(
    anon, agency, catalogues, structure
):
    with time_machine.travel(TODAY, tick=False):
        response = anon.get("/ita/2569/")
        assert response.status_code == 200
        page = response.content.decode()
        assert [f"O{n}" for n in range(1, 27)] == re.findall(r'id="item-(O\d+)"', page)
        evidence = [line for line in page.splitlines() if 'class="oit-evidence"' in line]
        links = {link for line in evidence for link in re.findall(r'<a href="(/[^"]*)"', line)}
        assert links
        for link in sorted(links):
            assert anon.get(link.replace("&amp;", "&")).status_code == 200, link


# --- catalogue files --------------------------------------------------------------------------------------


def _changed_file(tmp_path: Path) -> Path:
    text = (DATA_DIR / "catalogue-2569.yaml").read_text(encoding="utf-8")
    text = text.replace("title: ข้อมูลการติดต่อและช่องทางการสอบถาม,", "title: ข้อมูลการติดต่อและช่องทางถามตอบ,")
    text += (
        "  - {code: O27, indicator: 10, title: ข้อทดสอบที่ ป.ป.ช. เพิ่ม, window: STANDING,\n"
        "     elements: [[laws, exists, รายการกฎหมายที่เกี่ยวข้อง]]}\n"
    )
    path = tmp_path / "catalogue-2569.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "framework-2563.yaml").write_bytes((DATA_DIR / "framework-2563.yaml").read_bytes())
    return path


def test_a_changed_catalogue_file_is_previewed_then_applied_and_the_readiness_page_follows(
    admin_client, agency, catalogues, tmp_path
):
    path = _changed_file(tmp_path)
    out = io.StringIO()
    call_command("load_ita_catalogue", str(path), "--dry-run", stdout=out)
    preview = out.getvalue()
    assert "+ O27 ข้อทดสอบที่ ป.ป.ช. เพิ่ม" in preview
    assert "title: ข้อมูลการติดต่อและช่องทางการสอบถาม -> ข้อมูลการติดต่อและช่องทางถามตอบ" in preview
    assert "nothing written" in preview
    assert not catalogues["2569"].oit_items.filter(code="O27").exists()
    out = io.StringIO()
    call_command("load_ita_catalogue", str(path), "--yes", stdout=out)
    assert "applied: 2569, 27 OIT items" in out.getvalue()
    page = admin_client.get("/staff/ita/2569/").content.decode()
    assert 'id="item-O27"' in page and "ข้อมูลการติดต่อและช่องทางถามตอบ" in page
    # Applying the same file again changes nothing.
    out = io.StringIO()
    call_command("load_ita_catalogue", str(path), stdout=out)
    assert "no change" in out.getvalue()


def test_a_file_that_breaks_the_schema_is_refused_with_the_place_it_breaks(catalogues, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "bad.yaml"
    path.write_text(
        "code: '2570'\nfiscal_year: 2570\ntitle_th: เกณฑ์\ninclude: framework-2563.yaml\n"
        "oit_items:\n  - {code: O1, indicator: 9, title: ข้อ, window: STANDING, elements: [[contact]]}\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="oit_items/0/elements/0"):
        call_command("load_ita_catalogue", str(path), "--yes", stdout=io.StringIO())
    assert not Catalogue.objects.filter(code="2570").exists()


def _operator(client):
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from prongsai.core.models import User

    operator = User.objects.create_superuser("operator", password="correct horse battery staple")
    device = TOTPDevice.objects.create(user=operator, name="t", confirmed=True)
    client.force_login(operator)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def test_an_administrator_uploads_the_file_sees_the_same_preview_and_applies_it(
    catalogues, client, agency, tmp_path
):
    operator = _operator(client)
    path = _changed_file(tmp_path)
    url = "/operator/ita/catalogue/upload/"
    assert operator.get(url, HTTP_HOST="wangthong.test").status_code == 200
    with path.open("rb") as handle:
        response = operator.post(url, {"file": handle}, HTTP_HOST="wangthong.test")
    page = response.content.decode()
    assert response.status_code == 200 and "data-preview" in page
    assert "+ O27 ข้อทดสอบที่ ป.ป.ช. เพิ่ม" in page
    assert not catalogues["2569"].oit_items.filter(code="O27").exists()
    content = re.search(r'name="content" value="([^"]*)"', page, re.S)
    assert content is not None
    import html

    response = operator.post(
        url,
        {"content": html.unescape(content.group(1)), "name": "catalogue-2569.yaml", "apply": "1"},
        HTTP_HOST="wangthong.test",
    )
    assert response.status_code == 302
    assert catalogues["2569"].oit_items.filter(code="O27").exists()


def test_a_broken_upload_is_a_thai_error_on_the_page_not_a_500(catalogues, client, agency):
    operator = _operator(client)
    bad = SimpleUploadedFile("bad.yaml", b"code: [unclosed", "application/x-yaml")
    response = operator.post("/operator/ita/catalogue/upload/", {"file": bad}, HTTP_HOST="wangthong.test")
    assert response.status_code == 400
    assert "ไฟล์ไม่ถูกต้องตามรูปแบบชุดเกณฑ์" in response.content.decode()


# --- monthly totals from before go-live -------------------------------------------------------------------


def _backdate_go_live(agency, day):
    from django_scopes import scopes_disabled

    from prongsai.core.models import Agency

    with scopes_disabled():
        Agency.objects.filter(pk=agency.pk).update(created_at=day)
    agency.refresh_from_db()


def test_totals_entered_for_months_before_go_live_answer_the_statistics_and_are_shown_as_such(
    admin_client, anon, agency, admin_member, catalogues, in_scope
):
    from datetime import datetime

    _backdate_go_live(agency, datetime(2026, 1, 15, tzinfo=BANGKOK))
    with time_machine.travel("2026-02-01 10:00 +07:00", tick=False):
        response = admin_client.post(
            "/staff/ita/2569/counts/",
            {
                "month": "15/11/2568",
                "kind": "online",
                "count": "12",
                "reason": "สรุปจากทะเบียนรับคำขอออนไลน์เดิม",
            },
        )
    assert response.status_code == 302
    with in_scope(agency):
        state = readiness(agency, catalogues["2569"], as_of=ANSWER)
    _item, (element,) = _element(state, "O10", "service_stats")
    assert element.counts and element.element.check_key == "online"
    page = anon.get("/ita/2569/counts/").content.decode()
    assert "ยอดที่บันทึกย้อนหลัง" in page and "สรุปจากทะเบียนรับคำขอออนไลน์เดิม" in page
    staff_page = admin_client.get("/staff/ita/2569/counts/").content.decode()
    assert 'data-count="2025-11-online"' in staff_page
    assert "สรุปจากทะเบียนรับคำขอออนไลน์เดิม" in staff_page


def test_a_month_after_go_live_or_a_missing_reason_is_refused_on_the_page(admin_client, agency, catalogues):
    from datetime import datetime

    _backdate_go_live(agency, datetime(2026, 1, 15, tzinfo=BANGKOK))
    response = admin_client.post(
        "/staff/ita/2569/counts/",
        {"month": "10/01/2569", "kind": "walk_in", "count": "5", "reason": "ทะเบียนเดิม"},
    )
    assert response.status_code == 400
    assert "บันทึกย้อนหลังได้เฉพาะเดือนที่สิ้นสุดก่อนเริ่มใช้ระบบ" in response.content.decode()
    assert 'value="5"' in response.content.decode()
    response = admin_client.post(
        "/staff/ita/2569/counts/", {"month": "10/12/2568", "kind": "walk_in", "count": "5", "reason": ""}
    )
    assert response.status_code == 400


def test_the_integrity_measures_report_of_fy2568_cites_fy2568_scores_and_is_signed_on_the_report_date(
    agency, admin_member, catalogues, in_scope, tmp_path
):
    from decimal import Decimal

    import docx

    from prongsai.planning.demo import seed_integrity_measures_year

    with in_scope(agency):
        seed_integrity_measures_year(agency, admin_member, 2568, reported_on=date(2025, 10, 24))
        services.result_save(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2568,
            catalogue=catalogues["2568"],
            total=Decimal("94.46"),
            indicators={1: Decimal("97.10")},
        )
    output = tmp_path / "report.docx"
    call_command(
        "export_report",
        "integrity-measures-results",
        "--fiscal-year",
        "2568",
        "--format",
        "docx",
        "--output",
        str(output),
        "--agency",
        agency.code,
        stdout=io.StringIO(),
    )
    document = docx.Document(str(output))
    paragraphs = [p.text for p in document.paragraphs]
    assert "ประจำปีงบประมาณ พ.ศ.๒๕๖๘" in paragraphs
    assert paragraphs[-1] == "๒๔ ตุลาคม ๒๕๖๘"  # the annual report's date, not the plan's approval
    cells = "\n".join(cell.text for row in document.tables[0].rows for cell in row.cells)
    assert "คะแนนรวมที่ได้ ๙๔.๔๖" in cells


def test_a_past_year_shows_each_item_with_the_copy_taken_on_its_answer_date(
    admin_client, anon, agency, catalogues, structure
):
    assert admin_client.post("/staff/ita/2567/snapshots/").status_code == 302
    page = anon.get("/ita/2567/").content.decode()
    assert "สำเนาหลักฐาน ณ วันที่ตอบแบบ:" in page
    copy = re.search(r'href="(/ita/2567/copies/[0-9a-f]{64}/)"', page)
    assert copy is not None
    response = anon.get(copy.group(1))
    assert response.status_code == 200 and response["Content-Type"].startswith(("text/plain", "image/"))
    assert anon.get("/ita/2567/copies/" + "0" * 64 + "/").status_code == 404
    assert anon.get("/ita/2567/copies/not-a-hash/").status_code == 404
