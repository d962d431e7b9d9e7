"""The analysis of a year's ITA result (seed measure 8.10): edited by staff, published, exported."""

from __future__ import annotations

import io
from datetime import date

from django.core.management import call_command
from django.utils.html import strip_tags

from prongsai.ita.models import Analysis, EvidenceSnapshot


def _post(year: int) -> dict[str, str]:
    data = {
        "result_year": str(year - 1),
        "summary": "สรุป",
        "limitations": "ข้อจำกัด",
        "problems": "ปัญหา",
        "suggestions": "ข้อเสนอแนะ",
    }
    for n in range(1, 8):
        data.update(
            {
                f"topic_{n}_findings": f"ผลการวิเคราะห์ {n}",
                f"topic_{n}_method": "วิธีการ",
                f"topic_{n}_owner": "สำนักปลัด",
                f"topic_{n}_steps": "ขั้นตอน",
                f"topic_{n}_period": "ตลอดปี",
            }
        )
    return data


def test_staff_write_publish_and_the_public_reads_the_analysis(
    admin_client, anon, agency, catalogues, in_scope
):
    assert admin_client.get("/staff/ita/2569/analysis/").status_code == 200
    assert admin_client.post("/staff/ita/2569/analysis/", _post(2569)).status_code == 302
    assert anon.get("/ita/2569/analysis/").status_code == 404  # still a draft
    assert admin_client.post("/staff/ita/2569/analysis/publish/").status_code == 302
    page = anon.get("/ita/2569/analysis/").content.decode()
    assert "ผลการวิเคราะห์ 7" in page and "การให้บริการและระบบ E-Service" in page
    with in_scope(agency):
        assert Analysis.objects.get(fiscal_year=2569).topics.count() == 7
    # The published analysis now answers the ITA-analysis item (O25) of FY2569.
    index = anon.get("/ita/2569/").content.decode()
    assert 'href="/ita/2569/analysis/"' in index


def test_a_bad_analysis_year_is_a_thai_400(admin_client, agency, catalogues):
    data = _post(2568)
    data["result_year"] = "ปีที่แล้ว"
    response = admin_client.post("/staff/ita/2568/analysis/", data)
    assert response.status_code == 400
    assert "วิเคราะห์ผลการประเมินของปีงบประมาณ (พ.ศ.): กรอกหมายเลข" in response.content.decode()
    assert 'value="ปีที่แล้ว"' in response.content.decode()  # what was typed is kept


def test_results_can_be_typed_in_instead_of_a_file(admin_client, agency, catalogues, in_scope):
    from prongsai.ita.models import ItaResult

    response = admin_client.post(
        "/staff/ita/results/import/",
        {"fiscal_year": "2567", "text": "kind,code,score\ntotal,,93.50\nindicator,1,98.38\n"},
    )
    assert response.status_code == 302
    with in_scope(agency):
        assert ItaResult.objects.get().total_check == "incomplete"
    empty = admin_client.post("/staff/ita/results/import/", {"fiscal_year": "2567"})
    assert empty.status_code == 400
    assert "กรุณาแนบไฟล์ CSV หรือกรอกคะแนน" in empty.content.decode()


def test_the_daily_job_snapshots_the_evidence_on_the_answer_date(agency, admin_member, catalogues, in_scope):
    from prongsai.core.demo import create_structure
    from prongsai.ita import services

    with in_scope(agency):
        create_structure(agency, admin_member)
        services.year_setting_choose(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            catalogue=catalogues["2567-A"],
            answer_date=date(2024, 4, 30),
        )
    out = io.StringIO()
    call_command("take_ita_snapshots", "--date", "2024-04-29", stdout=out)
    assert "no agency" in out.getvalue()
    call_command("take_ita_snapshots", "--date", "30 เมษายน 2567", stdout=out)
    with in_scope(agency):
        codes = set(EvidenceSnapshot.objects.values_list("item_code", flat=True))
        assert {"o1", "o2", "o4"} <= codes
        assert (
            EvidenceSnapshot.objects.filter(taken_by__isnull=True).count() == EvidenceSnapshot.objects.count()
        )


def test_a_published_analysis_is_corrected_as_a_public_revision_with_a_reason(
    admin_client, anon, agency, catalogues, in_scope
):
    from prongsai.core.publication import revisions_of

    admin_client.post("/staff/ita/2568/analysis/", _post(2568))
    admin_client.post("/staff/ita/2568/analysis/publish/")
    corrected = {**_post(2568), "topic_3_findings": "ผลการวิเคราะห์ที่แก้ไขแล้ว"}
    refused = admin_client.post("/staff/ita/2568/analysis/", corrected)
    assert refused.status_code == 400
    assert "กรุณาระบุเหตุผลของการแก้ไข" in refused.content.decode()
    assert "ผลการวิเคราะห์ที่แก้ไขแล้ว" not in strip_tags(anon.get("/ita/2568/analysis/").content.decode())

    unchanged = admin_client.post("/staff/ita/2568/analysis/", {**_post(2568), "reason": "ทดลอง"})
    assert unchanged.status_code == 400 and "ไม่มีการเปลี่ยนแปลงเนื้อหา" in unchanged.content.decode()

    response = admin_client.post("/staff/ita/2568/analysis/", {**corrected, "reason": "แก้ผลประเด็นที่ 3"})
    assert response.status_code == 302
    page = anon.get("/ita/2568/analysis/").content.decode()
    assert "ผลการวิเคราะห์ที่แก้ไขแล้ว" in page and "แก้ผลประเด็นที่ 3" in page
    with in_scope(agency):
        revisions = revisions_of(Analysis.objects.get(fiscal_year=2568))
    assert [r.number for r in revisions] == [1, 2]
    # What was published first stays readable in the first revision, topics included.
    assert revisions[0].content["topics"][2]["findings"] == "ผลการวิเคราะห์ 3"
    assert revisions[1].content["topics"][2]["findings"] == "ผลการวิเคราะห์ที่แก้ไขแล้ว"
