"""The staff home per role (what waits today, linking to the filtered queues), the sidebar that offers a role
only what it can open, and the 403 page inside the back-office frame naming who can open the page."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.html import strip_tags

from conftest import AGENCY_HOST, login_verified
from prongsai.complaints.tests import factories as complaint_factories
from prongsai.core import staff_menu
from prongsai.core.models import PublicationStatus
from prongsai.core.roles import Cap, Role, capabilities_of, roles_granting, who_can
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories
from prongsai.portal.tests import factories as portal_factories

NAV = re.compile(r'<nav class="staff-nav[^"]*"[^>]*>(.*?)</nav>', re.S)
HREF = re.compile(r'href="([^"]+)"')


def _client_for(agency, role: str) -> Client:
    user = factories.member(agency, f"user-{role}", role)
    return login_verified(Client(HTTP_HOST=AGENCY_HOST), user)


def _sidebar_links(html: str) -> list[str]:
    found = NAV.search(html)
    assert found, "the page has no staff sidebar"
    return [unescape(href) for href in HREF.findall(found.group(1))]


@pytest.mark.parametrize("role", list(Role.values))
def test_every_sidebar_link_opens_for_the_role_that_sees_it(agency, role):
    client = _client_for(agency, role)
    home = client.get("/staff/")
    assert home.status_code == 200
    links = _sidebar_links(home.content.decode())
    assert links[0] == "/staff/"
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, f"{role}: {link} answered {response.status_code}"
    # Every entry left out of this role's menu is one it cannot use: its page refuses the role, or the page
    # admits every member but holds nothing for this role.
    caps = capabilities_of([role])
    shown = {entry.url for entry in staff_menu.entries_for(caps)}
    assert shown == set(links)
    for entry in staff_menu.ENTRIES:
        if entry.url in shown:
            continue
        status = client.get(entry.url).status_code
        assert status == 403 or not (entry.shown_to & caps), f"{role}: {entry.url} hidden but usable"


def test_an_officer_sees_fewer_entries_than_the_administrator_and_no_forbidden_ones(agency):
    officer = {e.url_name for e in staff_menu.entries_for(capabilities_of([Role.OFFICER]))}
    admin = {e.url_name for e in staff_menu.entries_for(capabilities_of([Role.ADMINISTRATOR]))}
    assert {"core:members", "core:audit_log", "ops:status", "privacy:staff_queue"} <= admin - officer
    assert "whistleblower:staff_home" not in officer | admin  # sealed: key holders only
    assert "ita:staff_home" not in officer


def test_the_403_page_keeps_the_back_office_frame_and_names_who_can_open_it(agency):
    client = _client_for(agency, Role.OFFICER)
    response = client.get("/staff/members/")
    assert response.status_code == 403
    html = response.content.decode()
    assert _sidebar_links(html)[0] == "/staff/", "the officer's own menu is still there"
    assert "ไม่มีสิทธิ์เข้าถึงหน้านี้" in html
    assert f"ผู้ที่เปิดหน้านี้ได้: {who_can(Cap.MEMBERS_MANAGE)}" in html
    assert "ผู้ดูแลระบบของหน่วยงาน" in who_can(Cap.MEMBERS_MANAGE)


def test_the_403_page_of_the_sealed_channel_names_the_key_holders(agency):
    client = _client_for(agency, Role.ADMINISTRATOR)
    response = client.get("/staff/integrity/")
    assert response.status_code == 403
    html = response.content.decode()
    assert str(Role.INTEGRITY_COMMITTEE.label) in html and str(Role.IDENTITY_CUSTODIAN.label) in html


def test_a_visitor_without_a_role_gets_the_public_403_frame(agency, other_agency):
    outsider = factories.member(other_agency, "outsider", Role.ADMINISTRATOR)
    client = login_verified(Client(HTTP_HOST=AGENCY_HOST), outsider)
    response = client.get("/staff/members/")
    assert response.status_code == 403
    assert not NAV.search(response.content.decode()), "no back-office menu of an agency one is not in"


def test_who_can_reads_the_role_table():
    assert roles_granting(Cap.GIFT_DECIDE) == [Role.EXECUTIVE]
    assert who_can(Cap.GIFT_DECIDE) == str(Role.EXECUTIVE.label)
    assert who_can(Cap.ESERVICE_DECIDE) == "หัวหน้าส่วนราชการ, ผู้บริหาร หรือ ผู้ดูแลระบบของหน่วยงาน"


def _work(html: str) -> dict[str, tuple[int, str]]:
    """label → (count, link) of the staff home's work items."""
    items = re.findall(r'<a href="([^"]+)"><span class="count">(\d+)</span> (.+?)</a>', html)
    # The labels keep their Thai words whole with markup between them (core.thai_words): read as text.
    return {unescape(strip_tags(label)).strip(): (int(count), unescape(href)) for href, count, label in items}


def _read(client: Client) -> str:
    """The staff home as text (its words are kept whole with markup between them)."""
    return unescape(strip_tags(client.get("/staff/").content.decode()))


def test_the_home_counts_what_waits_and_links_to_the_filtered_queue(agency):
    head = factories.member(agency, "head", Role.HEAD_OF_DIVISION)
    with agency_scope(agency):
        category = portal_factories.news_category(agency)
        portal_factories.news(agency, head, category, title="ร่างข่าวที่หนึ่ง")
        portal_factories.news(agency, head, category, title="ร่างข่าวที่สอง")
        portal_factories.news(agency, head, category, title="ข่าวที่เผยแพร่แล้ว", published=True)
        unit = factories.org_unit(agency, head)
        complaint_category = complaint_factories.category(agency, head, unit)
    complaint_factories.complaint(agency, complaint_category)
    late = complaint_factories.complaint(agency, complaint_category)
    with agency_scope(agency):
        type(late).objects.filter(pk=late.pk).update(ack_due=timezone.now() - timedelta(days=1))

    client = login_verified(Client(HTTP_HOST=AGENCY_HOST), head)
    work = _work(client.get("/staff/").content.decode())
    count, link = work["ข่าวฉบับร่างรอเผยแพร่"]
    assert count == 2
    listed = client.get(link).content.decode()
    assert "ร่างข่าวที่หนึ่ง" in listed and "ร่างข่าวที่สอง" in listed and "ข่าวที่เผยแพร่แล้ว" not in listed
    assert link.endswith(f"state={PublicationStatus.DRAFT}")
    assert work["เรื่องใหม่ รอตอบรับ"][0] == 2
    assert work["เรื่องเกินกำหนด"][0] == 1
    assert work["เรื่องเกินกำหนด"][1].endswith("view=overdue")
    assert work["คำถามรอตรวจสอบก่อนเผยแพร่"][0] == 0


def test_each_role_sees_only_its_own_queues(agency):
    officer_home = _read(_client_for(agency, Role.OFFICER))
    assert "คำขอใหม่ ยังไม่เริ่มดำเนินการ" in officer_home
    assert "ข่าวฉบับร่างรอเผยแพร่" not in officer_home, "an officer does not publish news"
    custodian_home = _read(_client_for(agency, Role.IDENTITY_CUSTODIAN))
    assert "คำขอเปิดเผยตัวตนผู้แจ้งรอพิจารณา" in custodian_home
    assert "คำขอใหม่" not in custodian_home
    executive_home = _read(_client_for(agency, Role.EXECUTIVE))
    assert "ของขวัญรอหัวหน้าหน่วยงานวินิจฉัย" in executive_home
    assert "คำขอยืมรออนุมัติ" in executive_home
