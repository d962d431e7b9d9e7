"""Importing e-GP exports: Thai dates, commas and Thai digits are read; every bad row is listed in Thai;
nothing is written until the whole file is clean; the commit is all or nothing; the same file twice is a
no-op."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from prongsai.core.models import AuditEvent, Revision
from prongsai.procurement import egp_import, import_staging, services, services_import
from prongsai.procurement.egp_import import FileProblem, ParsedRow, Problem, detect_kind, iter_parsed
from prongsai.procurement.models import EgpStatus, ImportBatch, ImportProblem, Method, Procurement, Vendor
from prongsai.procurement.tests.factories import COMPANY, PERSON, profile_without_review, tax_id

HEADER = [
    "(๑) งานที่ซื้อหรือจ้าง",
    "(๒) วงเงินงบประมาณที่ได้รับจัดสรร (บาท)",
    "(๓) แหล่งที่มาของงบประมาณ",
    "(๔) สถานะการจัดซื้อจัดจ้างฯ",
    "(๕) วิธีการจัดซื้อจัดจ้างฯ",
    "(๖) ราคากลาง (บาท)",
    "(๗) ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
    "(๘) เลขประจำตัวผู้เสียภาษี/เลขประจำตัวประชาชนของผู้ประกอบการที่ได้รับการคัดเลือก",
    "(๙) รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
    "(๑๐) เลขที่โครงการ",
    "(๑๑) วันที่ลงนามในสัญญา",
    "(๑๒) วันสิ้นสุดสัญญา",
    "ปีงบประมาณ",
]
GOOD = [
    [
        "จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓",
        "1,500,000.00",
        "เงินอุดหนุนเฉพาะกิจ",
        "อยู่ระหว่างระยะสัญญา",
        "e-bidding",
        "1,480,000",
        "1,250,000.00",
        COMPANY,
        "บริษัท ทดสอบก่อสร้าง จำกัด",
        "67019000001",
        "15 ม.ค. 67",
        "15 พ.ค. 67",
    ],
    [
        "ซื้อวัสดุสำนักงาน",
        "๒๕,๐๐๐",
        "เงินงบประมาณรายจ่ายประจำปี",
        "สิ้นสุดระยะสัญญา",
        "เฉพาะเจาะจง",
        "25,000",
        "24,500",
        PERSON,
        "นายสมชาย ใจดี",
        "67019000002",
        "๒ ก.พ. ๖๗",
        "12/02/2567",
    ],
    ["จ้างเหมาบริการกำจัดขยะ", "120,000", "", "ยกเลิก", "คัดเลือก", "", "", "", "", "67019000003", "", "", "67"],
]
BAD = [
    [
        "ซื้อครุภัณฑ์",
        "1,2a0",
        "เงินงบประมาณ",
        "อยู่ระหว่างระยะสัญญา",
        "ประมูล",
        "",
        "10,000",
        "0105550123456",
        "บริษัท ผิด จำกัด",
        "67019000004",
        "31 ก.พ. 67",
        "1 มี.ค. 67",
    ],
]


def csv_bytes(rows: list[list[str]], *, title: bool = True) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    if title:
        writer.writerow(["รายงานผลการจัดซื้อจัดจ้าง องค์การบริหารส่วนตำบลวังทอง"])
    writer.writerow(HEADER)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def upload(agency, user, content: bytes, name: str = "egp.csv"):
    return services_import.import_upload(
        agency=agency, acting_user=user, upload=SimpleUploadedFile(name, content)
    )


# --- reading --------------------------------------------------------------------------------------------


def test_thai_short_dates_commas_and_thai_digits_are_read():
    rows = list(iter_parsed(csv_bytes(GOOD), "csv"))
    assert all(isinstance(r, ParsedRow) for r in rows)
    road, supplies, cancelled = rows
    assert road.contract_signed_on == date(2024, 1, 15)
    assert road.contract_ends_on == date(2024, 5, 15)
    assert road.budget == Decimal("1500000.00")
    assert road.method == Method.E_BIDDING and road.fiscal_year == 2567
    assert supplies.budget == Decimal("25000.00")
    assert supplies.contract_signed_on == date(2024, 2, 2)
    assert supplies.vendor_tax_id == PERSON
    assert cancelled.egp_status == EgpStatus.CANCELLED
    assert cancelled.budget_source == "เงินงบประมาณรายจ่ายประจำปี"
    assert road.row_number == 3  # the title line and the header come first, as a spreadsheet counts


def test_every_problem_of_a_bad_row_is_listed_in_thai():
    (problems,) = list(iter_parsed(csv_bytes(BAD), "csv"))
    assert isinstance(problems, list)
    messages = " | ".join(p.message for p in problems)
    assert "อ่านจำนวนเงิน “1,2a0” ไม่ได้" in messages
    assert "ไม่รู้จักวิธีการจัดซื้อจัดจ้าง “ประมูล”" in messages
    assert "เลขหลักสุดท้ายไม่ตรงกับเลขตรวจสอบ" in messages
    assert "ไม่มีวันที่ “31 ก.พ. 67” ในปฏิทิน" in messages
    assert {p.row_number for p in problems} == {3}


def test_a_file_without_the_required_columns_is_refused_with_their_names():
    content = "ชื่อโครงการ,เลขที่โครงการ,ราคากลาง\nก,1234,5\n".encode()
    with pytest.raises(FileProblem, match="วงเงินงบประมาณที่ได้รับจัดสรร"):
        list(iter_parsed(content, "csv"))


def test_a_repeated_project_number_is_a_problem_of_the_second_row():
    rows = list(iter_parsed(csv_bytes([GOOD[0], GOOD[0]], title=False), "csv"))
    assert isinstance(rows[0], ParsedRow)
    assert "ซ้ำกับแถวที่ 2" in rows[1][0].message


def test_legacy_xls_and_pdf_files_are_refused():
    with pytest.raises(FileProblem, match="xlsx"):
        detect_kind(b"\xd0\xcf\x11\xe0\x00\x00\x00\x00")
    with pytest.raises(FileProblem):
        detect_kind(b"PK\x03\x04not a zip")


def test_an_xlsx_export_with_date_cells_and_a_title_row_is_read():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["รายงานจากระบบ e-GP"])
    sheet.append(
        [
            "เลขที่โครงการ",
            "ชื่อโครงการ",
            "วงเงินงบประมาณ (บาท)",
            "สถานะ",
            "วิธีการจัดหา",
            "ราคาที่ตกลง",
            "เลขประจำตัวผู้เสียภาษี",
            "ชื่อผู้ประกอบการ",
            "วันที่ลงนามในสัญญา",
        ]
    )
    sheet.append(
        [
            67019000010,
            "ซื้อน้ำมันเชื้อเพลิง",
            30000,
            "สิ้นสุดสัญญา",
            "วิธีเฉพาะเจาะจง",
            29500.5,
            COMPANY,
            "หจก. ปั๊มทดสอบ",
            datetime(2024, 3, 4),  # noqa: DTZ001 - spreadsheets store naive date-times
        ]
    )
    out = io.BytesIO()
    workbook.save(out)
    content = out.getvalue()
    assert detect_kind(content) == "xlsx"
    (row,) = list(iter_parsed(content, "xlsx"))
    assert isinstance(row, ParsedRow)
    assert row.egp_project_no == "67019000010"
    assert row.agreed_price == Decimal("29500.50")
    assert row.contract_signed_on == date(2024, 3, 4)


# --- preview and commit ---------------------------------------------------------------------------------


def test_a_file_imports_only_after_its_problems_are_fixed_and_reimporting_is_a_noop(
    scoped, admin_member, run_tasks
):
    agency = scoped
    first = run_tasks(upload, agency, admin_member, csv_bytes(GOOD + BAD)).batch
    first.refresh_from_db()
    assert first.status == ImportBatch.Status.HAS_PROBLEMS
    assert first.problem_count >= 4
    assert ImportProblem.objects.filter(batch=first, row_number=6).exists()
    with pytest.raises(Exception, match="นำเข้าไฟล์นี้ไม่ได้"):
        services_import.import_commit_request(batch=first, acting_user=admin_member)
    assert not Procurement.objects.exists()

    fixed = run_tasks(upload, agency, admin_member, csv_bytes(GOOD)).batch
    fixed.refresh_from_db()
    assert fixed.status == ImportBatch.Status.READY
    assert (fixed.new_count, fixed.changed_count, fixed.unchanged_count) == (3, 0, 0)
    assert fixed.preview[0]["action"] == "new"
    run_tasks(services_import.import_commit_request, batch=fixed, acting_user=admin_member)
    fixed.refresh_from_db()
    assert fixed.status == ImportBatch.Status.COMMITTED
    assert Procurement.objects.count() == 3
    assert Procurement.objects.filter(status="draft").count() == 3
    road = Procurement.objects.get(egp_project_no="67019000001")
    assert road.ocid_local == "67019000001"
    assert road.vendor.tax_id == COMPANY and road.contract_signed_on == date(2024, 1, 15)
    assert Vendor.objects.count() == 2

    state = list(Procurement.objects.order_by("pk").values())
    again = upload(agency, admin_member, csv_bytes(GOOD))
    assert again.already_imported and again.batch.pk == fixed.pk
    assert ImportBatch.objects.count() == 2
    assert list(Procurement.objects.order_by("pk").values()) == state

    # The same rows in another file (another hash): checked, nothing new, nothing changed.
    other = run_tasks(upload, agency, admin_member, csv_bytes(GOOD, title=False)).batch
    other.refresh_from_db()
    assert (other.new_count, other.changed_count, other.unchanged_count) == (0, 0, 3)
    run_tasks(services_import.import_commit_request, batch=other, acting_user=admin_member)
    assert list(Procurement.objects.order_by("pk").values()) == state


def test_a_reimport_skips_rows_by_digest_and_a_staff_correction_makes_it_compare_again(
    scoped, admin_member, run_tasks, monkeypatch
):
    agency = scoped
    first = run_tasks(upload, agency, admin_member, csv_bytes(GOOD)).batch
    run_tasks(services_import.import_commit_request, batch=first, acting_user=admin_member)
    digests = dict(Procurement.objects.values_list("egp_project_no", "import_digest"))
    assert all(len(d) == 32 for d in digests.values()) and len(set(digests.values())) == 3

    # The same rows again (another file): not one row is parsed, all three are unchanged.
    parsed = []
    real_parse = services_import.parse_row
    monkeypatch.setattr(services_import, "parse_row", lambda *a: parsed.append(a) or real_parse(*a))
    again = run_tasks(upload, agency, admin_member, csv_bytes(GOOD, title=False)).batch
    again.refresh_from_db()
    assert (again.new_count, again.changed_count, again.unchanged_count) == (0, 0, 3)
    assert parsed == []

    # A staff correction clears the row's digest: the next import reads it and puts the file's title back.
    road = Procurement.objects.get(egp_project_no="67019000001")
    road.title = "แก้ไขโดยเจ้าหน้าที่"
    road.save()
    assert Procurement.objects.get(pk=road.pk).import_digest == ""
    third = run_tasks(upload, agency, admin_member, csv_bytes([*GOOD, [""] * 12])).batch
    third.refresh_from_db()
    assert (third.new_count, third.changed_count, third.unchanged_count) == (0, 1, 2)
    assert len(parsed) == 1
    run_tasks(services_import.import_commit_request, batch=third, acting_user=admin_member)
    road.refresh_from_db()
    assert road.title == GOOD[0][0] and road.import_digest == digests["67019000001"]


def test_a_row_written_differently_but_equal_is_unchanged_and_gets_the_new_digest(
    scoped, admin_member, run_tasks
):
    agency = scoped
    first = run_tasks(upload, agency, admin_member, csv_bytes(GOOD[:1])).batch
    run_tasks(services_import.import_commit_request, batch=first, acting_user=admin_member)
    before = Procurement.objects.get()
    # The same values written with Thai digits: another digest, the same register row.
    thai = [[cell.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) for cell in GOOD[0]]]
    batch = run_tasks(upload, agency, admin_member, csv_bytes(thai)).batch
    batch.refresh_from_db()
    assert (batch.new_count, batch.changed_count, batch.unchanged_count) == (0, 0, 1)
    run_tasks(services_import.import_commit_request, batch=batch, acting_user=admin_member)
    after = Procurement.objects.get()
    assert after.import_digest not in ("", before.import_digest)
    assert after.title == before.title and after.updated_at == before.updated_at


def test_a_later_export_updates_a_published_row_through_a_revision_naming_the_file(
    scoped, admin_member, run_tasks
):
    agency = scoped
    profile_without_review(agency, admin_member)
    batch = run_tasks(upload, agency, admin_member, csv_bytes(GOOD[:1])).batch
    run_tasks(services_import.import_commit_request, batch=batch, acting_user=admin_member)
    road = Procurement.objects.get()
    services.procurement_publish_many(agency=agency, acting_user=admin_member, ids=[road.pk])
    later = [list(GOOD[0])]
    later[0][3] = "สิ้นสุดระยะสัญญา"
    batch2 = run_tasks(upload, agency, admin_member, csv_bytes(later)).batch
    batch2.refresh_from_db()
    assert batch2.changed_count == 1 and batch2.preview[0]["fields"] == ["egp_status"]
    run_tasks(services_import.import_commit_request, batch=batch2, acting_user=admin_member)
    road.refresh_from_db()
    assert road.egp_status == EgpStatus.COMPLETED and road.revision_count == 2
    revision = Revision.objects.get(record_id=road.pk, number=2)
    assert "egp.csv" in revision.reason and revision.content["egp_status"] == "completed"


def test_a_commit_that_fails_half_way_writes_nothing(scoped, admin_member, run_tasks, monkeypatch):
    agency = scoped
    monkeypatch.setattr(services_import, "CHUNK", 1)
    batch = run_tasks(upload, agency, admin_member, csv_bytes(GOOD)).batch
    calls = {"n": 0}
    real = services_import._resolve_vendors

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(services_import, "_resolve_vendors", failing)
    # The task fails (the task backend records the error); the batch says so in Thai.
    run_tasks(services_import.import_commit_request, batch=batch, acting_user=admin_member)
    assert calls["n"] == 3
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.READY
    assert "ไม่มีข้อมูลใดถูกบันทึก" in batch.last_error
    assert not Procurement.objects.exists() and not Vendor.objects.exists()


def test_a_problem_found_at_commit_time_leaves_nothing_of_the_batch(
    scoped, admin_member, run_tasks, monkeypatch
):
    """The commit reads the file again; a row refused then, in a later chunk, undoes the earlier chunks too:
    no new rows, no new vendors, no revision of the published row the first chunk changed."""
    agency = scoped
    profile_without_review(agency, admin_member)
    earlier = run_tasks(upload, agency, admin_member, csv_bytes(GOOD[:1])).batch
    run_tasks(services_import.import_commit_request, batch=earlier, acting_user=admin_member)
    road = Procurement.objects.get()
    services.procurement_publish_many(agency=agency, acting_user=admin_member, ids=[road.pk])
    later = [list(GOOD[0]), *GOOD[1:]]
    later[0][3] = "สิ้นสุดระยะสัญญา"  # the published road is completed: a revision in the first chunk
    monkeypatch.setattr(services_import, "CHUNK", 1)
    batch = run_tasks(upload, agency, admin_member, csv_bytes(later)).batch
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.READY
    assert (batch.new_count, batch.changed_count) == (2, 1)

    refusal = "เลขที่โครงการนี้ถูกยกเลิกในระบบ e-GP แล้ว กรุณาตรวจสอบกับระบบ e-GP"
    real = services_import.parse_row

    def stricter(row_number, cells, columns):
        parsed = real(row_number, cells, columns)
        if isinstance(parsed, ParsedRow) and parsed.egp_project_no == "67019000003":
            return [Problem(row_number, "เลขที่โครงการ", parsed.egp_project_no, refusal)]
        return parsed

    # The rules changed after the check, as a new parser version would: the rows the validation staged are
    # not used, and the commit reads the file again.
    monkeypatch.setattr(services_import, "parse_row", stricter)
    monkeypatch.setattr(egp_import, "PARSER_VERSION", "stricter")
    events = AuditEvent.objects.count()
    run_tasks(services_import.import_commit_request, batch=batch, acting_user=admin_member)

    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.HAS_PROBLEMS and batch.problem_count == 1
    assert list(batch.problems.values_list("row_number", "message")) == [(5, refusal)]
    assert list(Procurement.objects.values_list("egp_project_no", flat=True)) == ["67019000001"]
    road.refresh_from_db()
    assert road.egp_status == EgpStatus.UNDER_CONTRACT and road.revision_count == 1
    assert Revision.objects.filter(record_id=road.pk).count() == 1
    assert list(Vendor.objects.values_list("tax_id", flat=True)) == [COMPANY]
    # Only the request to commit is in the audit chain, not a commit.
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True)[events:])
    assert actions == ["procurement.import.commit_requested"]


def _count_parses(monkeypatch) -> list[object]:
    parsed: list[object] = []
    real_parse = services_import.parse_row
    monkeypatch.setattr(services_import, "parse_row", lambda *a: parsed.append(a) or real_parse(*a))
    return parsed


def _staging_name(batch) -> str:
    return batch.file.name + import_staging.SUFFIX


def test_the_commit_writes_the_rows_the_validation_parsed_without_parsing_the_file_again(
    scoped, admin_member, run_tasks, monkeypatch
):
    agency = scoped
    batch = run_tasks(upload, agency, admin_member, csv_bytes(GOOD)).batch
    batch.refresh_from_db()
    storage = batch.file.storage
    assert storage.exists(_staging_name(batch))
    parsed = _count_parses(monkeypatch)
    run_tasks(services_import.import_commit_request, batch=batch, acting_user=admin_member)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED and batch.new_count == 3
    assert parsed == []
    road = Procurement.objects.get(egp_project_no="67019000001")
    assert (road.budget, road.contract_signed_on, road.method) == (
        Decimal("1500000.00"),
        date(2024, 1, 15),
        Method.E_BIDDING,
    )
    assert road.vendor is not None and road.vendor.tax_id == COMPANY
    assert not storage.exists(_staging_name(batch))  # deleted once the commit is done


def test_an_altered_staging_file_is_not_trusted_and_the_file_is_read_again(
    scoped, admin_member, run_tasks, monkeypatch
):
    agency = scoped
    batch = run_tasks(upload, agency, admin_member, csv_bytes(GOOD)).batch
    batch.refresh_from_db()
    storage = batch.file.storage
    with storage.open(_staging_name(batch), "rb") as handle:
        content = handle.read()
    assert b"1500000.00" in content
    storage.delete(_staging_name(batch))
    with storage.open(_staging_name(batch), "wb") as handle:
        handle.write(content.replace(b"1500000.00", b"9500000.00"))
    parsed = _count_parses(monkeypatch)
    run_tasks(services_import.import_commit_request, batch=batch, acting_user=admin_member)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED and batch.new_count == 3
    assert len(parsed) == 3
    assert Procurement.objects.get(egp_project_no="67019000001").budget == Decimal("1500000.00")


def test_a_row_edited_between_the_check_and_the_commit_is_read_from_the_file(
    scoped, admin_member, run_tasks, monkeypatch
):
    """The validation skipped the unchanged road unparsed; a clerk corrects it before the commit. The staged
    rows hold nothing for it, so the commit reads the file and puts the file's values back, as before."""
    agency = scoped
    first = run_tasks(upload, agency, admin_member, csv_bytes(GOOD)).batch
    run_tasks(services_import.import_commit_request, batch=first, acting_user=admin_member)
    later = [*GOOD, [*GOOD[1][:9], "67019000009", *GOOD[1][10:]]]
    batch = run_tasks(upload, agency, admin_member, csv_bytes(later, title=False)).batch
    batch.refresh_from_db()
    assert (batch.new_count, batch.unchanged_count) == (1, 3)
    road = Procurement.objects.get(egp_project_no="67019000001")
    road.title = "แก้ไขโดยเจ้าหน้าที่"
    road.save()
    run_tasks(services_import.import_commit_request, batch=batch, acting_user=admin_member)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED
    assert (batch.new_count, batch.changed_count, batch.unchanged_count) == (1, 1, 2)
    road.refresh_from_db()
    assert road.title == GOOD[0][0]
    assert Procurement.objects.filter(egp_project_no="67019000009").exists()


def test_an_empty_or_foreign_file_is_refused_in_thai(scoped, admin_member):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="ว่างเปล่า"):
        upload(scoped, admin_member, b"")
    with pytest.raises(ValidationError, match="ไม่ใช่ไฟล์"):
        upload(scoped, admin_member, b"\x00\x01binary")


# --- through the pages ----------------------------------------------------------------------------------


def test_staff_upload_preview_and_commit_through_the_pages(
    admin_client, agency, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/procurement/staff/import/", {"file": SimpleUploadedFile("bad.csv", csv_bytes(GOOD + BAD))}
        )
    assert response.status_code == 302
    page = admin_client.get(response["Location"]).content.decode()
    assert "ไฟล์นี้มีปัญหา" in page and "ไม่รู้จักวิธีการจัดซื้อจัดจ้าง" in page
    assert "ยืนยันนำเข้าทั้งไฟล์" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/procurement/staff/import/", {"file": SimpleUploadedFile("good.csv", csv_bytes(GOOD))}
        )
    detail = response["Location"]
    assert "ยืนยันนำเข้าทั้งไฟล์" in admin_client.get(detail).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(detail + "commit/")
    assert "นำเข้าเรียบร้อย" in admin_client.get(detail).content.decode()
    again = admin_client.post(
        "/procurement/staff/import/", {"file": SimpleUploadedFile("good.csv", csv_bytes(GOOD))}, follow=True
    )
    assert "ไฟล์นี้นำเข้าแล้ว" in again.content.decode()


def test_an_upload_of_the_wrong_kind_is_a_400_with_a_thai_message(admin_client, agency):
    response = admin_client.post(
        "/procurement/staff/import/", {"file": SimpleUploadedFile("x.xls", b"\xd0\xcf\x11\xe0\x00\x00")}
    )
    assert response.status_code == 400
    assert "กรุณาบันทึกเป็น .xlsx หรือ .csv" in response.content.decode()
    response = admin_client.post("/procurement/staff/import/", {})
    assert response.status_code == 400


def test_another_agency_cannot_see_a_batch(outsider_client, admin_member, agency, in_scope, run_tasks):
    with in_scope(agency):
        batch = run_tasks(upload, agency, admin_member, csv_bytes(GOOD)).batch
    assert outsider_client.get(f"/procurement/staff/import/{batch.pk}/").status_code == 403


def test_the_import_template_is_itself_importable(scoped, admin_member, run_tasks):
    from prongsai.procurement.exporters import import_template_csv

    batch = run_tasks(upload, scoped, admin_member, import_template_csv().encode("utf-8")).batch
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.READY, list(batch.problems.values_list("message", flat=True))


def test_tax_ids_are_normalised_from_dashes_and_thai_digits():
    dashed = f"{COMPANY[0]}-{COMPANY[1:5]}-{COMPANY[5:10]}-{COMPANY[10:12]}-{COMPANY[12]}"
    row = list(GOOD[0])
    row[7] = dashed.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    (parsed,) = list(iter_parsed(csv_bytes([row]), "csv"))
    assert parsed.vendor_tax_id == COMPANY
    assert tax_id("010555012345") == COMPANY
