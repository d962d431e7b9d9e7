"""The public way in to plans and reports: the "แผนงานและรายงาน" page and menu, the official
integrity-measures report downloadable for each published year (never for a draft), and site search that
finds the plans and the citizen channels."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from prongsai.planning.models import Plan
from prongsai.planning.tests import factories

DOWNLOAD = "/documents/integrity-measures-results.pdf"


@pytest.fixture
def plans(agency, admin_member, in_scope):
    with in_scope(agency):
        published = factories.published_plan(agency, admin_member, fiscal_year=2567)
        factories.plan(agency, admin_member, fiscal_year=2568)  # a draft: never offered to the public
        development = factories.published_plan(
            agency,
            admin_member,
            kind=Plan.Kind.DEVELOPMENT,
            fiscal_year=2566,
            first_year=2566,
            last_year=2570,
            title="แผนฯ ท้องถิ่น (พ.ศ. 2566–2570)",
        )
    return published, development


def test_the_menu_and_the_page_lead_to_every_published_plan_and_its_report(anon, plans):
    home = anon.get("/").content.decode()
    assert 'href="/plans/"' in home and "แผนงานและรายงาน" in home
    page = anon.get("/plans/").content.decode()
    # Headings keep their Thai words whole with markup between them (core.thai_words): read as text.
    assert [strip_tags(h1) for h1 in re.findall(r"<h1>(.*?)</h1>", page)] == ["แผนงานและรายงาน"]
    assert f"{DOWNLOAD}?fiscal_year=2567" in page
    assert f"{DOWNLOAD}?fiscal_year=2568" not in page, "the draft year's report is not offered"
    for name in ("ita:results", "procurement:reports", "whistleblower:statistics", "opendata:index"):
        assert f'href="{reverse(name)}"' in page, name


def test_the_public_downloads_the_published_years_report_and_never_a_drafts(anon, plans):
    response = anon.get(f"{DOWNLOAD}?fiscal_year=2567")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    draft = anon.get(f"{DOWNLOAD}?fiscal_year=2568")
    assert draft.status_code == 400
    assert "%PDF" not in draft.content.decode(errors="ignore")[:10]


def test_site_search_finds_the_channels_and_the_plans(anon, plans):
    complaints = anon.get("/search/", {"q": "ร้องเรียน"}).content.decode()
    assert 'href="/complaints/"' in complaints, "the complaint channel"
    assert 'href="/integrity/"' in complaints, "the corruption channel"
    development = anon.get("/search/", {"q": "แผนพัฒนา"}).content.decode()
    _published, plan = plans
    assert f'href="/plans/{plan.public_id}/"' in development, "the published development plan"
    assert 'href="/plans/"' in development, "the plans and reports page"
    ita = anon.get("/search/", {"q": "ITA"}).content.decode()
    assert 'href="/ita/"' in ita and 'href="/ita/results/"' in ita
    nothing = anon.get("/search/", {"q": "คำที่ไม่มีในเว็บไซต์แน่นอน"}).content.decode()
    assert 'href="/complaints/"' not in nothing


def test_every_link_of_the_list_answers_and_a_plan_without_progress_says_so(anon, plans):
    """A plan with no progress report yet is not linked to a progress page that would answer 404."""
    import re

    page = anon.get("/plans/").content.decode()
    links = set(re.findall(r'href="(/plans/[^"]+)"', page))
    assert links
    for link in links:
        assert anon.get(link).status_code == 200, link
    assert "ยังไม่มีรายงานความก้าวหน้า" in page
