"""The OIT subjects answered from the people app's data, with the dates of each piece of evidence."""

from __future__ import annotations

from datetime import date

from prongsai.ita.providers import autodiscover, evidence_from_provider
from prongsai.people import services
from prongsai.people.tests import factories


def _evidence(agency, subject, year, in_scope):
    autodiscover()
    with in_scope(agency):
        return evidence_from_provider(agency, year, subject)


def test_nothing_is_answered_without_data(agency, in_scope):
    for subject in ("hr_policy", "hr_rules", "ethics_code", "ethics_promotion", "ethics_assessment"):
        assert _evidence(agency, subject, 2567, in_scope) is None, subject


def test_hr_rules_checks_follow_the_topics_published(agency, admin_member, in_scope):
    with in_scope(agency):
        factories.hr_rule(agency, admin_member)
        factories.hr_rule(agency, admin_member, topic="appraisal", title="หลักเกณฑ์การประเมิน")
        factories.hr_rule(agency, admin_member, topic="development", title="หลักเกณฑ์การพัฒนา", publish=False)
    found = _evidence(agency, "hr_rules", 2567, in_scope)
    assert found.checks == {"recruitment": True, "development": False, "appraisal": True, "reward": False}
    assert found.urls == ["/people/rules/"] and found.dates and found.source == "app"


def test_ethics_promotion_needs_ethics_training_of_the_year_the_group_and_the_dos_and_donts(
    agency, admin_member, in_scope
):
    with in_scope(agency):
        who = factories.person(agency, admin_member)
        factories.conduct_guide(agency, admin_member)
    partial = _evidence(agency, "ethics_promotion", 2567, in_scope)
    assert partial.checks == {"training": False, "team": False, "dos_donts": True}
    with in_scope(agency):
        factories.working_group(agency, admin_member, [who])
        course = factories.course(
            agency, admin_member, topic="ethics", starts_on=date(2024, 1, 10), ends_on=date(2024, 1, 10)
        )
        services.attendance_add(course=course, acting_user=admin_member, person=who)
    full = _evidence(agency, "ethics_promotion", 2567, in_scope)
    assert full.checks == {"training": True, "team": True, "dos_donts": True}
    assert date(2024, 1, 10) in full.dates and 2567 in full.fiscal_years


def test_the_hr_policy_needs_the_signature_of_the_head_of_the_agency(agency, admin_member, in_scope):
    with in_scope(agency):
        factories.hr_rule(agency, admin_member, topic="policy", title="นโยบาย", signer_name="")
    assert _evidence(agency, "hr_policy", 2567, in_scope).checks == {"exists": False}


def test_the_ethics_assessment_comes_from_the_yearly_ethics_report(agency, admin_member, in_scope):
    with in_scope(agency):
        factories.ethics_report(agency, admin_member, fiscal_year=2566)
    found = _evidence(agency, "ethics_assessment", 2567, in_scope)
    assert found.checks == {"exists": True} and found.fiscal_years == {2566}
    assert found.urls == ["/people/ethics/reports/2566/"]
