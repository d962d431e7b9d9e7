"""Official results: imported from CSV, the total recomputed with the year's weights, a mismatch flagged."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from prongsai.ita import scoring, services
from prongsai.ita.models import ItaResult
from prongsai.ita.results_csv import parse_results_csv

# Indicator scores whose weighted total (0.06·I1–5 + 0.10·I6–8 + 0.20·I9–10) is 93.50 exactly.
INDICATORS = {
    1: "98.38",
    2: "99.03",
    3: "98.86",
    4: "95.61",
    5: "97.12",
    6: "82.55",
    7: "90.48",
    8: "85.03",
    9: "93.00",
    10: "98.77",
}


def _total(indicators: dict[int, str]) -> Decimal:
    weights = {
        n: Decimal("6") if n <= 5 else Decimal("10") if n <= 8 else Decimal("20") for n in range(1, 11)
    }
    return sum((weights[n] * Decimal(v) for n, v in indicators.items()), Decimal(0)) / 100


def _csv(total: str, indicators: dict[int, str] | None = None, extra: str = "") -> bytes:
    lines = ["kind,code,score", f"total,,{total}"]
    lines += [f"indicator,{n},{v}" for n, v in (indicators or INDICATORS).items()]
    return ("\n".join(lines) + "\n" + extra).encode("utf-8")


def test_the_fixture_scores_reproduce_their_total():
    assert scoring.q2(_total(INDICATORS)) == Decimal("93.50")


def test_a_csv_whose_indicators_reproduce_the_total_is_accepted(admin_client, agency, catalogues, in_scope):
    upload = SimpleUploadedFile("r.csv", _csv("93.50", extra="question,i9,100\noit,o24,100\n"), "text/csv")
    response = admin_client.post("/staff/ita/results/import/", {"fiscal_year": "2567", "file": upload})
    assert response.status_code == 302
    with in_scope(agency):
        result = ItaResult.objects.get(fiscal_year=2567)
        assert result.total_check == ItaResult.TotalCheck.MATCHES
        assert result.rating_label in {"ผ่าน", "ผ่านดี"}
        assert result.legacy_grade == "A"
        assert result.scores.filter(kind="question", code="i9").get().score == Decimal("100.00")


def test_a_csv_whose_indicators_do_not_reproduce_the_total_is_flagged_not_accepted(
    admin_client, agency, catalogues, in_scope
):
    upload = SimpleUploadedFile("r.csv", _csv("95.00"), "text/csv")
    response = admin_client.post("/staff/ita/results/import/", {"fiscal_year": "2567", "file": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert "ไม่ตรงกับคะแนนที่คำนวณจากคะแนนตัวชี้วัด" in page
    assert "93.50" in page  # the total the weights give
    with in_scope(agency):
        assert not ItaResult.objects.exists()


def test_a_confirmed_mismatch_is_kept_with_its_reason_and_stays_flagged(
    admin_client, anon, agency, catalogues, in_scope
):
    upload = SimpleUploadedFile("r.csv", _csv("95.00"), "text/csv")
    response = admin_client.post(
        "/staff/ita/results/import/",
        {
            "fiscal_year": "2567",
            "file": upload,
            "mismatch_reason": "ตรงกับประกาศผลของ ป.ป.ช. ฉบับวันที่ 30 ก.ค. 2567",
        },
    )
    assert response.status_code == 302
    with in_scope(agency):
        result = ItaResult.objects.get(fiscal_year=2567)
    assert result.total_check == ItaResult.TotalCheck.MISMATCH
    assert result.recomputed_total == Decimal("93.500")
    public = anon.get("/ita/results/2567/").content.decode()
    assert "ไม่ตรงกับคะแนนตัวชี้วัด" in public


def test_a_result_without_every_indicator_cannot_be_checked_and_says_so(
    agency, admin_member, catalogues, in_scope
):
    with in_scope(agency):
        result = services.result_save(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            catalogue=catalogues["2567-A"],
            total=Decimal("93.50"),
            indicators={1: Decimal("98.38")},
        )
    assert result.total_check == ItaResult.TotalCheck.INCOMPLETE
    assert result.rating_label == "ผ่าน"  # the best label the known total proves


def test_bad_rows_are_reported_with_their_line_numbers():
    parsed = parse_results_csv(b"kind,code,score\ntotal,,abc\nindicator,11,90\nfoo,1,2\n")
    assert any("บรรทัดที่ 2" in e for e in parsed.errors)
    assert any("บรรทัดที่ 3" in e for e in parsed.errors)
    assert any("บรรทัดที่ 4" in e for e in parsed.errors)
    assert parse_results_csv("ไม่ใช่ CSV".encode("utf-16")).errors


def test_a_bad_file_is_a_thai_400_and_saves_nothing(admin_client, agency, catalogues, in_scope):
    upload = SimpleUploadedFile("r.csv", b"kind,code,score\nindicator,1,250\n", "text/csv")
    response = admin_client.post("/staff/ita/results/import/", {"fiscal_year": "2567", "file": upload})
    assert response.status_code == 400
    assert "ต้องเป็นตัวเลขระหว่าง 0 ถึง 100" in response.content.decode()
    with in_scope(agency):
        assert not ItaResult.objects.exists()


def test_thai_digits_in_the_file_are_read(catalogues):
    parsed = parse_results_csv("kind,code,score\ntotal,,๙๓.๕๐\nindicator,๑,๙๘.๓๘\n".encode())
    assert parsed.total == Decimal("93.50")
    assert parsed.indicators == {1: Decimal("98.38")}


def test_an_unknown_oit_item_of_the_year_is_refused(agency, admin_member, catalogues, in_scope):
    message = "ไม่มีข้อ OIT o99 ในเกณฑ์ของปีนี้ กรุณาตรวจสอบรหัสข้อหรือชุดเกณฑ์ที่เลือก"
    with in_scope(agency), pytest.raises(ValidationError, match=message):
        services.result_save(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2568,
            catalogue=catalogues["2568"],
            total=Decimal("90"),
            indicators={},
            oit={"o99": Decimal("100")},
        )


def test_the_public_results_page_draws_the_trend_as_an_svg_image(
    anon, agency, admin_member, catalogues, in_scope
):
    with in_scope(agency):
        for year, total in ((2566, "91.20"), (2567, "93.50")):
            services.result_save(
                agency=agency,
                acting_user=admin_member,
                fiscal_year=year,
                catalogue=catalogues["2567-A" if year == 2567 else "2566"],
                total=Decimal(total),
                indicators={1: Decimal("97.10") if year == 2566 else Decimal("98.38")},
            )
    page = anon.get("/ita/results/").content.decode()
    assert 'src="/ita/results/chart.svg"' in page
    # Each indicator with scores has its own trend; one without scores has none.
    assert 'src="/ita/results/indicator-1.svg"' in page and "indicator-2.svg" not in page
    indicator = anon.get("/ita/results/indicator-1.svg").content.decode()
    assert "๙๗.๑๐" in indicator and "๙๘.๓๘" in indicator and "ตัวชี้วัดที่ ๑" in indicator
    assert anon.get("/ita/results/indicator-2.svg").status_code == 404
    chart = anon.get("/ita/results/chart.svg")
    assert chart["Content-Type"].startswith("image/svg+xml")
    svg = chart.content.decode()
    assert "๙๓.๕๐" in svg and "๒๕๖๖" in svg and "<polyline" in svg


def test_another_agency_does_not_see_the_results(
    outsider, other_agency, agency, admin_member, catalogues, in_scope
):
    from django.test import Client

    with in_scope(agency):
        services.result_save(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            catalogue=catalogues["2567-A"],
            total=Decimal("93.50"),
            indicators={},
        )
    other = Client(HTTP_HOST="other.test")
    assert other.get("/ita/results/2567/").status_code == 404
    assert "93.50" not in other.get("/ita/results/").content.decode()


def test_fy2569_results_import_with_their_o_items_and_the_trend_charts_include_them(
    admin_client, anon, agency, admin_member, catalogues, in_scope
):
    with in_scope(agency):
        services.result_save(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2568,
            catalogue=catalogues["2568"],
            total=Decimal("91.20"),
            indicators={1: Decimal("97.10")},
        )
    upload = SimpleUploadedFile("r.csv", _csv("93.50", extra="oit,O26,100\noit,O11,0\n"), "text/csv")
    response = admin_client.post("/staff/ita/results/import/", {"fiscal_year": "2569", "file": upload})
    assert response.status_code == 302
    with in_scope(agency):
        result = ItaResult.objects.get(fiscal_year=2569)
        assert result.catalogue == catalogues["2569"]
        assert result.total_check == ItaResult.TotalCheck.MATCHES
        assert result.scores.filter(kind="oit", code="O11").get().score == Decimal("0.00")
    assert "๒๕๖๙" in anon.get("/ita/results/chart.svg").content.decode()
    indicator = anon.get("/ita/results/indicator-1.svg").content.decode()
    assert "๙๗.๑๐" in indicator and "๙๘.๓๘" in indicator


def test_the_charts_alt_text_carries_the_values_and_a_single_year_is_a_value_not_a_trend(
    anon, agency, admin_member, catalogues, in_scope
):
    with in_scope(agency):
        services.result_save(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2566,
            catalogue=catalogues["2566"],
            total=Decimal("91.20"),
            indicators={1: Decimal("97.10")},
        )
    single = anon.get("/ita/results/").content.decode()
    assert "chart.svg" not in single and "indicator-1.svg" not in single, "no trend of one point"
    assert "97.10" in single and "91.20" in single
    with in_scope(agency):
        services.result_save(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            catalogue=catalogues["2567-A"],
            total=Decimal("93.50"),
            indicators={1: Decimal("98.38")},
        )
    two = anon.get("/ita/results/").content.decode()
    assert 'alt="กราฟคะแนนรวม ITA รายปี: ปี 2566: 91.20, ปี 2567: 93.50"' in two
    assert "ปี 2566: 97.10, ปี 2567: 98.38" in two
