"""Whoever publishes or audits the register can read it: an executive publishes from the register, the
auditor follows a red flag to its rows. Neither can change a row, and the page says who can."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import Client
from django.utils.html import strip_tags
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST, login_verified, make_member
from prongsai.core.models import PublicationStatus
from prongsai.core.roles import Cap, Role, who_can
from prongsai.procurement.models import Procurement
from prongsai.procurement.tests import factories
from prongsai.procurement.tests.factories import profile_without_review, row
from prongsai.procurement.tests.test_staff_register_publish import publish_form

REGISTER = "/procurement/staff/register/"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(strip_tags(html)))


@pytest.fixture
def draft(agency, admin_member, in_scope) -> Procurement:
    with in_scope(agency):
        profile_without_review(agency, admin_member)
        return row(agency, admin_member, title="ก่อสร้างถนน คสล. หมู่ที่ 4")


def _posts(html: str) -> list[str]:
    """Where the page's own forms post to (the header's sign-out form left out)."""
    main = html[html.index('<main id="main"') :]
    tags = re.findall(r'<form method="post"[^>]*>', main)
    return [found.group(1) if (found := re.search(r'action="([^"]*)"', tag)) else "" for tag in tags]


def _client(agency, role: str) -> Client:
    return login_verified(Client(HTTP_HOST=AGENCY_HOST), make_member(agency, f"reader-{role}", role))


def test_an_executive_reads_the_register_and_publishes_from_it(agency, draft):
    executive = _client(agency, Role.EXECUTIVE)
    home = executive.get("/staff/").content.decode()
    assert "/procurement/staff/register/?fy=2567" in home  # the work item: drafts waiting for publication
    page = executive.get(REGISTER, {"fy": 2567})
    html = page.content.decode()
    assert page.status_code == 200
    assert "ก่อสร้างถนน คสล. หมู่ที่ 4" in _text(html)
    assert "/procurement/staff/register/new/" not in html  # no "add a row", no import
    action, fields = publish_form(html)
    assert executive.post(action, fields).status_code == 302
    with scopes_disabled():
        assert Procurement.objects.get(pk=draft.pk).status == PublicationStatus.PUBLISHED


def test_a_reader_sees_the_row_but_cannot_change_it_and_is_told_who_can(agency, draft):
    auditor = _client(agency, Role.INTERNAL_AUDITOR)
    address = f"/procurement/staff/register/{draft.pk}/"
    page = auditor.get(address)
    html = page.content.decode()
    assert page.status_code == 200
    assert "ก่อสร้างถนน คสล. หมู่ที่ 4" in html
    assert _posts(html) == []  # no form to save, no bidder or amendment to add
    assert f"การแก้ไขเป็นหน้าที่ของ {who_can(Cap.PROCUREMENT_EDIT)}" in _text(html)
    refused = auditor.post(address, {"title": "แก้ไขโดยผู้ไม่มีสิทธิ์"})
    assert refused.status_code == 403
    assert who_can(Cap.PROCUREMENT_EDIT) in _text(refused.content.decode())
    assert auditor.get("/procurement/staff/register/new/").status_code == 403
    assert auditor.post(f"/procurement/staff/register/{draft.pk}/bidders/", {}).status_code == 403
    with scopes_disabled():
        assert Procurement.objects.get(pk=draft.pk).title == "ก่อสร้างถนน คสล. หมู่ที่ 4"


def test_a_role_that_neither_edits_publishes_nor_audits_gets_no_register(agency, draft):
    committee = _client(agency, Role.INTEGRITY_COMMITTEE)
    assert committee.get(REGISTER).status_code == 403
    assert committee.get(f"/procurement/staff/register/{draft.pk}/").status_code == 403
    dashboard = committee.get("/procurement/staff/").content.decode()
    assert 'href="/procurement/staff/register/' not in dashboard  # the years are not links it cannot open


def test_the_officer_still_edits(agency, draft):
    officer = _client(agency, Role.OFFICER)
    html = officer.get(f"/procurement/staff/register/{draft.pk}/").content.decode()
    assert "" in _posts(html)  # the form saving the row itself (no action: the page's own address)
    assert "ดูได้อย่างเดียว" not in _text(html)


@pytest.mark.parametrize("kind", ["plans", "announcements"])
def test_an_executive_reads_a_draft_plan_or_announcement_and_publishes_it(
    agency, admin_member, in_scope, kind
):
    with in_scope(agency):
        if kind == "plans":
            record = factories.plan(agency, admin_member)
            factories.plan_item(record, admin_member)
        else:
            record = factories.announcement(agency, admin_member)
    executive = _client(agency, Role.EXECUTIVE)
    index = executive.get(f"/procurement/staff/{kind}/").content.decode()
    assert f"/procurement/staff/{kind}/{record.pk}/" in index
    assert f"/procurement/staff/{kind}/new/" not in index
    page = executive.get(f"/procurement/staff/{kind}/{record.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert record.title in unescape(html)
    assert f"การแก้ไขเป็นหน้าที่ของ {who_can(Cap.PROCUREMENT_EDIT)}" in _text(html)
    posts = _posts(html)
    assert posts == [f"/procurement/staff/{kind}/{record.pk}/publish/"]  # publishing is all it can do here
    assert executive.post(f"/procurement/staff/{kind}/{record.pk}/", {"title": "x"}).status_code == 403
    assert executive.get(f"/procurement/staff/{kind}/new/").status_code == 403
    assert executive.post(posts[0]).status_code == 302
    record.refresh_from_db()
    assert record.status == PublicationStatus.PUBLISHED
