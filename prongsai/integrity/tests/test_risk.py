"""The corruption-risk register: areas as data, the 5×5 matrix, measures, progress, the treatment report."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from prongsai.core.models import Revision
from prongsai.integrity import rules, selectors, services
from prongsai.integrity.models import RiskArea, RiskAssessment, RiskMeasure
from prongsai.integrity.tests import factories


@pytest.mark.parametrize(
    ("likelihood", "impact", "level"),
    [
        (1, 1, "low"),
        (2, 2, "low"),
        (1, 5, "medium"),
        (3, 3, "medium"),
        (2, 5, "high"),
        (4, 4, "high"),
        (5, 4, "very_high"),
    ],
)
def test_the_level_of_a_cell_comes_from_the_bands_of_the_rules_file(likelihood, impact, level):
    assert rules.level_of(likelihood, impact).level == level


def test_the_method_follows_the_fiscal_year():
    assert rules.method_for(2566) == rules.method_for(2568) == "bribery4"
    assert rules.method_for(2569) == "nacc5"


def test_a_new_assessment_brings_the_four_bribery_topics_and_the_fy2569_areas(scoped, admin_member):
    assessment = factories.assessment(scoped, admin_member, fiscal_year=2567)
    assert assessment.method == RiskAssessment.Method.BRIBERY4
    codes = list(RiskArea.objects.filter(agency=scoped).values_list("code", flat=True))
    assert codes[:4] == ["approval", "legal_power", "procurement", "personnel"]
    sections = selectors.sections(assessment)
    assert [s.area.code for s in sections] == ["approval", "legal_power", "procurement", "personnel"]
    later = factories.assessment(scoped, admin_member, fiscal_year=2569)
    assert later.method == RiskAssessment.Method.NACC5
    assert {a.code for a in selectors.areas_for_year(scoped, 2569)} >= {
        "disbursement",
        "position",
        "property",
    }
    assert "disbursement" not in {a.code for a in selectors.areas_for_year(scoped, 2567)}


def test_an_administrator_adds_an_area(scoped, admin_member):
    area = services.area_create(
        agency=scoped, acting_user=admin_member, code="land", name_th="การออกใบอนุญาตก่อสร้าง"
    )
    assert area.position >= 1
    with pytest.raises(ValidationError):
        services.area_create(agency=scoped, acting_user=admin_member, code="land", name_th="ซ้ำ")


def test_an_assessment_without_measures_cannot_be_published(scoped, admin_member):
    assessment = factories.assessment(scoped, admin_member)
    with pytest.raises(ValidationError, match="ยังไม่มีเหตุการณ์"):
        services.assessment_publish(assessment=assessment, acting_user=admin_member)
    factories.event(assessment, admin_member)
    with pytest.raises(ValidationError, match="ยังไม่มีมาตรการ"):
        services.assessment_publish(assessment=assessment, acting_user=admin_member)


def test_likelihood_outside_one_to_five_is_refused(scoped, admin_member):
    assessment = factories.assessment(scoped, admin_member)
    with pytest.raises(ValidationError) as error:
        factories.event(assessment, admin_member, likelihood=6)
    assert "likelihood" in error.value.error_dict


def test_the_matrix_places_each_event_in_its_cell(scoped, admin_member):
    assessment = factories.assessment(scoped, admin_member)
    factories.event(assessment, admin_member, likelihood=3, impact=4)
    matrix = selectors.matrix(assessment)
    assert len(matrix.cells) == 25
    cell = next(c for c in matrix.cells if (c.likelihood, c.impact) == (3, 4))
    assert cell.numbers == ["1"] and cell.level == "high"


def test_changing_a_published_register_needs_a_reason_and_keeps_a_revision(scoped, admin_member):
    assessment = factories.published_assessment(scoped, admin_member)
    event = assessment.events.get()
    with pytest.raises(ValidationError) as error:
        services.event_save(assessment=assessment, acting_user=admin_member, event=event, likelihood=5)
    assert "reason" in error.value.error_dict
    services.event_save(
        assessment=assessment, acting_user=admin_member, event=event, likelihood=5, reason="ทบทวนโอกาสที่จะเกิด"
    )
    revisions = Revision.objects.filter(
        record_type="integrity.riskassessment", record_id=assessment.pk
    ).order_by("number")
    assert [r.content["events"][0]["likelihood"] for r in revisions] == [3, 5]


def test_progress_moves_the_measure_to_done(scoped, admin_member):
    assessment = factories.published_assessment(scoped, admin_member)
    measure = RiskMeasure.objects.get(event__assessment=assessment)
    services.progress_record(
        measure=measure, acting_user=admin_member, reported_on=date(2024, 3, 31), percent=50, note="ครึ่งทาง"
    )
    measure.refresh_from_db()
    assert (measure.status, measure.progress_percent) == (RiskMeasure.Status.IN_PROGRESS, 50)
    services.progress_record(
        measure=measure, acting_user=admin_member, reported_on=date(2024, 9, 1), percent=100, note="เสร็จ"
    )
    measure.refresh_from_db()
    assert measure.status == RiskMeasure.Status.DONE


def test_progress_above_one_hundred_percent_is_refused(scoped, admin_member):
    assessment = factories.published_assessment(scoped, admin_member)
    measure = RiskMeasure.objects.get(event__assessment=assessment)
    with pytest.raises(ValidationError):
        services.progress_record(
            measure=measure, acting_user=admin_member, reported_on=date(2024, 3, 31), percent=120, note="x"
        )


def test_the_treatment_report_needs_every_result(scoped, admin_member):
    assessment = factories.published_assessment(scoped, admin_member)
    with pytest.raises(ValidationError, match="ยังไม่ได้บันทึกผล"):
        services.treatment_report_publish(assessment=assessment, acting_user=admin_member)
    measure = RiskMeasure.objects.get(event__assessment=assessment)
    services.measure_save(
        event=measure.event,
        acting_user=admin_member,
        measure=measure,
        result="เผยแพร่ร่าง TOR ครบทุกโครงการ",
        reason="บันทึกผล",
    )
    published = services.treatment_report_publish(assessment=assessment, acting_user=admin_member)
    assert published.report_is_published


def test_an_officer_can_draft_but_not_publish_an_assessment(scoped, member):
    assessment = factories.assessment(scoped, member)
    factories.measure(factories.event(assessment, member), member)
    with pytest.raises(PermissionError):
        services.assessment_publish(assessment=assessment, acting_user=member)
