"""The OIT items of the No Gift Policy and of corruption risk answer from the integrity data of the demo
agency: o26–o30 of FY2567 (the catalogue) and O20–O22 of FY2569 (their subjects and windows)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from prongsai.core.demo import DemoContext
from prongsai.core.roles import Role
from prongsai.integrity import demo, services
from prongsai.integrity.tests import factories
from prongsai.ita.models import ManualEvidence
from prongsai.ita.providers import autodiscover, evidence_from_provider
from prongsai.ita.readiness import Status, readiness, window_ok

SUBJECTS = (
    "gift_declaration",
    "gift_culture",
    "gift_report",
    "gift_rules",
    "corruption_risk_assessment",
    "corruption_risk_actions",
)


@pytest.fixture
def demo_agency(agency, admin_member, member, executive, in_scope):
    autodiscover()
    with in_scope(agency):
        demo.seed(
            DemoContext(agency=agency, admin=admin_member, users={"officer": member, "executive": executive})
        )
    return agency


def test_the_app_answers_its_six_subjects():
    autodiscover()
    from prongsai.ita.providers import provided_subjects

    assert set(SUBJECTS) <= provided_subjects()


def test_o26_to_o30_of_fy2567_are_ready_from_the_register(demo_agency, catalogues, in_scope):
    with in_scope(demo_agency):
        state = readiness(demo_agency, catalogues["2567-A"], as_of=date(2024, 6, 30))
    items = {s.item.code: s for s in state.items}
    for code in ("o26", "o27", "o28", "o29", "o30"):
        assert items[code].status == Status.READY, (code, items[code].status)
        assert all(source == "app" for source in (e.source for e in items[code].elements))


def test_the_fy2568_items_are_ready_too(demo_agency, catalogues, in_scope):
    with in_scope(demo_agency):
        state = readiness(demo_agency, catalogues["2568"], as_of=date(2025, 6, 30))
    items = {s.item.code: s for s in state.items}
    for code in ("O21", "O22", "O23", "O24"):
        assert items[code].status == Status.READY, (code, items[code].status)


# FY2569: O20 the declaration and the previous year's report, O21 the year's assessment, O22 the previous
# year's treatment report (domain spec §2.5). (subject, check keys, window)
FY2569 = [
    ("gift_declaration", ["signed"], "CUR_FY"),
    ("gift_report", ["report"], "PREV_FY"),
    ("gift_rules", ["exists"], "STANDING"),
    ("corruption_risk_assessment", ["events", "measures"], "CUR_FY"),
    ("corruption_risk_actions", ["events", "measures", "results"], "PREV_FY"),
]


@pytest.mark.parametrize(("subject", "checks", "window"), FY2569)
def test_o20_to_o22_of_fy2569_answer_from_the_register(demo_agency, in_scope, subject, checks, window):
    with in_scope(demo_agency):
        evidence = evidence_from_provider(demo_agency, 2569, subject)
    assert evidence is not None
    assert all(evidence.checks[key] for key in checks)
    assert evidence.dates, "every piece of evidence gives its publication date"
    assert window_ok(window, 2569, evidence, date(2026, 6, 30))


def test_o20_to_o22_of_fy2569_are_ready_on_the_answer_date_from_the_register_alone(
    demo_agency, catalogues, in_scope
):
    """Judged as the assessor does on the FY2569 answer date (30 April 2569), with no manual evidence."""
    with in_scope(demo_agency):
        state = readiness(demo_agency, catalogues["2569"], as_of=date(2026, 4, 30))
        manual = ManualEvidence.objects.filter(
            agency=demo_agency, fiscal_year=2569, subject__in=[*SUBJECTS, "gift_rules"]
        )
        assert not manual.exists()
    items = {s.item.code: s for s in state.items}
    for code in ("O20", "O21", "O22"):
        item = items[code]
        assert {e.element.subject for e in item.elements} <= set(SUBJECTS), code
        assert item.status == Status.READY, (
            code,
            [(e.element.subject, e.element.check_key, e.present, e.problem) for e in item.elements],
        )
        assert {e.source for e in item.elements} == {"app"}, code
    assert "gift_rules" in {e.element.subject for e in items["O20"].elements}


def test_the_no_gift_page_shows_the_rules_on_accepting_gifts(demo_agency, anon):
    response = anon.get(reverse("integrity:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "หลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา (มาตรา 128)" in page
    assert "3,000.00 บาท" in page
    assert "30 วัน" in page
    assert "1 มกราคม 2563" in page  # the rule's first day, in the Buddhist era


def test_without_a_published_declaration_the_rules_are_not_evidence_yet(scoped, admin_member):
    autodiscover()
    factories.declaration(scoped, admin_member)  # a draft: the No Gift page is not public yet
    assert evidence_from_provider(scoped, 2569, "gift_rules") is None
    factories.published_declaration(scoped, admin_member, fiscal_year=2569)
    evidence = evidence_from_provider(scoped, 2569, "gift_rules")
    assert evidence is not None and evidence.checks["exists"] and evidence.dates


def test_a_stated_zero_is_a_nil_report(demo_agency, in_scope):
    with in_scope(demo_agency):
        evidence = evidence_from_provider(demo_agency, 2567, "gift_report")
    assert evidence is not None and evidence.nil_report and evidence.fiscal_years == {2566}


def test_nothing_published_means_no_evidence(scoped, admin_member):
    autodiscover()
    factories.declaration(scoped, admin_member)  # a draft
    for subject in SUBJECTS:
        assert evidence_from_provider(scoped, 2567, subject) is None


def test_an_unsigned_declaration_does_not_pass_the_signed_check(scoped, admin_member):
    autodiscover()
    declaration = factories.published_declaration(scoped, admin_member)
    services.declaration_update(
        declaration=declaration, acting_user=admin_member, signer_name="", reason="ทดสอบ"
    )
    evidence = evidence_from_provider(scoped, 2567, "gift_declaration")
    assert evidence is not None and evidence.checks["signed"] is False


def test_the_executive_role_decides_in_the_demo(demo_agency, in_scope, executive):
    from prongsai.integrity.models import GiftEntry

    with in_scope(demo_agency):
        decided = GiftEntry.objects.get(decision=GiftEntry.Decision.HAND_OVER)
        assert decided.decided_by == executive and decided.estimated_value > decided.threshold_baht
        assert Role.EXECUTIVE in {m.role for m in executive.memberships.all()}
