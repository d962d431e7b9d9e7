"""The staff register's "publish the drafts" button publishes exactly the drafts the page counts.

The bug (issue 18): with a search active the page said "3 drafts" and the button published every draft of
the year (40).
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from django_scopes import scopes_disabled

from prongsai.core.models import PublicationStatus
from prongsai.procurement.models import Procurement
from prongsai.procurement.tests.factories import profile_without_review, row

REGISTER = "/procurement/staff/register/"


@pytest.fixture
def drafts(agency, admin_member, in_scope) -> dict[str, list[Procurement]]:
    with in_scope(agency):
        profile_without_review(agency, admin_member)
        roads = [row(agency, admin_member, title=f"ก่อสร้างถนน คสล. หมู่ที่ {n}", contract_no="") for n in (1, 2)]
        others = [row(agency, admin_member, title=f"จัดซื้อวัสดุสำนักงาน ครั้งที่ {n}") for n in range(1, 5)]
        next_year = [row(agency, admin_member, fiscal_year=2568, title="ก่อสร้างถนนลูกรัง หมู่ที่ 9")]
    return {"roads": roads, "others": others, "next_year": next_year}


def publish_form(html: str) -> tuple[str, dict[str, str]]:
    """The action and the fields of the page's publish form, as a browser would send them."""
    form = re.search(r'<form method="post" action="([^"]*/publish/)"[^>]*>(.*?)</form>', html, re.S)
    assert form is not None, "the page offers no publish form"
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.group(2)))
    fields.pop("csrfmiddlewaretoken", None)
    return form.group(1), {k: unescape(v) for k, v in fields.items()}


def statuses() -> dict[str, str]:
    with scopes_disabled():
        return dict(Procurement.objects.values_list("title", "status"))


def test_with_a_search_active_the_button_publishes_only_the_drafts_the_page_counts(admin_client, drafts):
    page = admin_client.get(REGISTER, {"fy": 2567, "q": "ถนน"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "2 รายการ" in re.sub(r"\s+", " ", html)  # what the page says it will publish
    action, fields = publish_form(html)

    response = admin_client.post(action, fields, follow=True)

    assert response.status_code == 200
    assert "เผยแพร่ 2 รายการเรียบร้อยแล้ว" in response.content.decode()
    now = statuses()
    assert {now[r.title] for r in drafts["roads"]} == {PublicationStatus.PUBLISHED}
    assert {now[r.title] for r in drafts["others"]} == {PublicationStatus.DRAFT}
    assert {now[r.title] for r in drafts["next_year"]} == {PublicationStatus.DRAFT}


def test_without_a_search_the_button_publishes_every_draft_of_the_year_it_counts(admin_client, drafts):
    html = admin_client.get(REGISTER, {"fy": 2567}).content.decode()
    assert "6 รายการ" in re.sub(r"\s+", " ", html)
    action, fields = publish_form(html)
    admin_client.post(action, fields)
    now = statuses()
    assert {now[r.title] for r in drafts["roads"] + drafts["others"]} == {PublicationStatus.PUBLISHED}
    assert {now[r.title] for r in drafts["next_year"]} == {PublicationStatus.DRAFT}
