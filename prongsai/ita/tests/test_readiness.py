"""The OIT index and the readiness check: every item answerable, links or a clear "missing" state, and the
predicted scores follow the evidence."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from prongsai.core.demo import create_structure
from prongsai.core.demo_images import document_pdf
from prongsai.core.models import Person, Position
from prongsai.ita import services
from prongsai.ita.models import Catalogue
from prongsai.ita.readiness import Status, readiness

AS_OF = date(2024, 4, 30)


@pytest.fixture
def structure(agency, admin_member, in_scope):
    """The demo structure and people of อบต.วังทอง (executives with photos and contacts)."""
    with in_scope(agency):
        create_structure(agency, admin_member)


def _state(agency, in_scope, code="2567-A"):
    with in_scope(agency):
        return readiness(agency, Catalogue.objects.get(code=code), as_of=AS_OF)


def _item(state, code):
    return next(s for s in state.items if s.item.code == code)


@pytest.mark.parametrize("year", [2567, 2568])
def test_every_item_of_the_year_appears_on_the_public_index_with_a_link_or_a_missing_state(
    anon, agency, catalogues, structure, year
):
    response = anon.get(f"/ita/{year}/")
    assert response.status_code == 200
    page = response.content.decode()
    catalogue = Catalogue.objects.filter(fiscal_year=year, is_default=True).get()
    for item in catalogue.oit_items.all():
        assert f'id="item-{item.code}"' in page, item.code
        section = page.split(f'id="item-{item.code}"', 1)[1].split("</li>\n", 1)[0]
        for element in item.elements.all():
            assert escape(element.label_th) in page
        assert ("<a href=" in section) or ("หน่วยงานอยู่ระหว่างรวบรวมข้อมูลของข้อนี้" in section), item.code
    # The structure and executives pages the assessor opens are linked from their items, by name.
    assert '<a href="/structure/">แผนผังโครงสร้างหน่วยงาน</a>' in page
    assert '<a href="/executives/">ข้อมูลผู้บริหาร</a>' in page
    # Gaps belong on the staff readiness page: the public never reads "no data" in red, nor a raw path.
    assert "ยังไม่มีข้อมูล" not in page and "oit-missing" not in page
    assert not re.search(r'<a href="(/[^"]*)">\1</a>', page), "a link whose text is its own path"


def test_the_index_of_a_year_without_a_catalogue_is_not_found(anon, agency, catalogues):
    assert anon.get("/ita/2550/").status_code == 404


def test_site_items_are_ready_from_the_structure_and_people(agency, catalogues, structure, in_scope):
    state = _state(agency, in_scope)
    assert _item(state, "o1").status == Status.READY
    assert _item(state, "o2").status == Status.READY
    contact = _item(state, "o4")
    assert [e.element.check_key for e in contact.missing] == ["map"]  # the test agency has no coordinates
    agency.latitude, agency.longitude = 16.0203, 101.4386
    agency.save(update_fields=["latitude", "longitude"])
    assert _item(_state(agency, in_scope), "o4").status == Status.READY


def test_removing_an_element_lowers_the_predicted_score(agency, catalogues, structure, in_scope):
    before = _state(agency, in_scope)
    with in_scope(agency):
        deputy = Person.objects.filter(
            position__level=Position.Level.DEPUTY_EXECUTIVE, position__unit__side="political"
        ).first()
        deputy.photo = ""
        deputy.save(update_fields=["photo"])
    after = _state(agency, in_scope)
    item = _item(after, "o2")
    assert item.status == Status.MISSING
    assert [e.element.check_key for e in item.missing] == ["photo"]
    assert after.indicator_scores[9] < before.indicator_scores[9]
    assert after.oit_score < before.oit_score


def test_manual_evidence_answers_a_subject_no_app_provides_with_the_same_checks(
    agency, admin_member, catalogues, structure, in_scope
):
    assert _item(_state(agency, in_scope), "o24").status == Status.NO_EVIDENCE
    with in_scope(agency):
        services.manual_evidence_add(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            subject="corruption_complaint_stats",
            title="สถิติเรื่องร้องเรียนการทุจริต รอบ 6 เดือน",
            upload=SimpleUploadedFile("stats.pdf", document_pdf("stats"), "application/pdf"),
            document_date=date(2024, 3, 31),
            confirmed_checks=["total", "done"],
        )
    partial = _item(_state(agency, in_scope), "o24")
    assert partial.status == Status.MISSING
    assert [e.element.check_key for e in partial.missing] == ["pending"]
    with in_scope(agency):
        services.manual_evidence_add(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            subject="corruption_complaint_stats",
            title="สถิติเรื่องที่อยู่ระหว่างดำเนินการ",
            url="https://wangthong.test/pages/complaint-stats/",
            document_date=date(2024, 3, 31),
            confirmed_checks=["pending"],
        )
    ready = _item(_state(agency, in_scope), "o24")
    assert ready.status == Status.READY
    assert any(url.startswith("/ita/evidence/") for url in ready.urls)


def test_evidence_dated_outside_the_window_is_flagged_as_wrong_period(
    agency, admin_member, catalogues, in_scope
):
    with in_scope(agency):
        services.manual_evidence_add(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            subject="gift_declaration",
            title="ประกาศเจตนารมณ์ No Gift Policy (ปีเก่า)",
            url="https://wangthong.test/pages/no-gift/",
            document_date=date(2022, 11, 1),
            confirmed_checks=["signed"],
        )
    assert _item(_state(agency, in_scope), "o26").status == Status.WRONG_PERIOD


def test_a_monthly_report_needs_every_month_from_october_to_march(agency, admin_member, catalogues, in_scope):
    months = ["2023-10", "2023-11", "2023-12", "2024-01", "2024-02"]
    with in_scope(agency):
        evidence = services.manual_evidence_add(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            subject="procurement_progress",
            title="รายงานความก้าวหน้าการจัดซื้อจัดจ้างรายเดือน",
            url="https://wangthong.test/pages/procurement/",
            confirmed_checks=["monthly", "fields"],
        )
        evidence.months = months
        evidence.save(update_fields=["months"])
    assert _item(_state(agency, in_scope), "o15").status == Status.WRONG_PERIOD
    with in_scope(agency):
        evidence.months = [*months, "2024-03"]
        evidence.save(update_fields=["months"])
    assert _item(_state(agency, in_scope), "o15").status == Status.READY


def test_manual_evidence_on_another_site_is_refused(agency, admin_member, catalogues, in_scope):
    from django.core.exceptions import ValidationError

    agency.website = "https://wangthong.go.th"
    agency.save(update_fields=["website"])
    with in_scope(agency), pytest.raises(ValidationError) as caught:
        services.manual_evidence_add(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            subject="laws",
            title="กฎหมาย",
            url="https://drive.example.com/file",
            confirmed_checks=["exists"],
        )
    assert "เว็บไซต์หลักของหน่วยงาน" in str(caught.value)


def test_the_staff_readiness_page_shows_the_predicted_scores(admin_client, agency, catalogues, structure):
    response = admin_client.get("/staff/ita/2567/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-score="oit"' in page
    assert "องค์ประกอบไม่ครบ" in page or "ยังไม่มีหลักฐาน" in page


def test_the_answer_sheet_lists_every_item_with_absolute_urls(admin_client, agency, catalogues, structure):
    import csv
    import io

    response = admin_client.get("/staff/reports/ita-answer-sheet/?fiscal_year=2567&fmt=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["ข้อ", "หัวข้อ", "URL", "คำอธิบายเพิ่มเติม"]
    assert [r[0] for r in rows[1:]] == [f"o{n}" for n in range(1, 36)]
    structure_row = rows[1]
    assert structure_row[2] == "https://wangthong.test/structure/"
    xlsx = admin_client.get("/staff/reports/ita-answer-sheet/?fiscal_year=2567&fmt=xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    codes = [row[0].value for row in sheet.iter_rows(min_row=5)]
    assert codes[:3] == ["o1", "o2", "o3"]


def test_snapshots_freeze_each_evidence_page_with_its_hash(
    admin_client, agency, catalogues, structure, in_scope
):
    import hashlib

    from prongsai.ita.models import EvidenceSnapshot

    response = admin_client.post("/staff/ita/2567/snapshots/")
    assert response.status_code == 302
    with in_scope(agency):
        snapshot = EvidenceSnapshot.objects.filter(item_code="o2").get()
        content = snapshot.file.read()
    assert snapshot.status_code == 200
    assert hashlib.sha256(content).hexdigest() == snapshot.content_sha256
    assert "ข้อมูลผู้บริหาร".encode() in content


def test_an_outsider_sees_nothing_of_the_agency_readiness(outsider_client, agency, catalogues):
    assert outsider_client.get("/staff/ita/2567/").status_code == 403


def test_the_public_index_runs_a_bounded_number_of_queries(anon, agency, catalogues, structure, seed_fy2567):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    anon.get("/ita/2567/")  # warm the agency cache
    with CaptureQueriesContext(connection) as first:
        anon.get("/ita/2567/")
    # More evidence must not mean more queries per item: the count depends on the subjects, not the data.
    with CaptureQueriesContext(connection) as again:
        anon.get("/ita/2567/")
    assert len(again) == len(first)
    assert len(first) < 120


def test_the_staff_readiness_page_names_manual_evidence_by_its_subject_title(
    admin_client, admin_member, agency, catalogues, in_scope
):
    with in_scope(agency):
        services.manual_evidence_add(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            subject="corruption_complaint_stats",
            title="สถิติเรื่องร้องเรียนการทุจริต รอบ 6 เดือน",
            upload=SimpleUploadedFile("stats.pdf", document_pdf("stats"), "application/pdf"),
            document_date=date(2024, 3, 31),
            confirmed_checks=["total", "done"],
        )
    page = admin_client.get("/staff/ita/2567/").content.decode()
    assert "<td>corruption_complaint_stats</td>" not in page
    assert "<td>ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</td>" in page


def test_evidence_links_are_named_by_manual_title_record_title_page_or_kind(
    agency, admin_member, catalogues, in_scope
):
    from prongsai.ita.evidence_names import evidence_names
    from prongsai.ita.readiness import manual_evidence_url

    with in_scope(agency):
        manual = services.manual_evidence_add(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            subject="corruption_complaint_stats",
            title="สถิติเรื่องร้องเรียนการทุจริต รอบ 6 เดือน",
            upload=SimpleUploadedFile("stats.pdf", document_pdf("stats"), "application/pdf"),
            document_date=date(2024, 3, 31),
            confirmed_checks=["total", "done"],
        )
        names = evidence_names(
            agency,
            [
                manual_evidence_url(manual),
                "/structure/",
                "/documents/integrity-measures-results.pdf?fiscal_year=2567",
                "/no/such/page/",
            ],
            [manual],
        )
    assert names[manual_evidence_url(manual)] == "สถิติเรื่องร้องเรียนการทุจริต รอบ 6 เดือน"
    assert names["/structure/"] == "แผนผังโครงสร้างหน่วยงาน"
    assert names["/documents/integrity-measures-results.pdf?fiscal_year=2567"] == (
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (PDF) ปีงบประมาณ 2567"
    )
    assert names["/no/such/page/"] == "หน้าเว็บไซต์หลักฐาน"
