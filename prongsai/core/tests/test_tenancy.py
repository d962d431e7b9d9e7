"""One instance, several agencies: the scope fails closed and no page shows another agency's rows."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils.html import strip_tags
from django_scopes import ScopeError, scopes_disabled

from conftest import OTHER_HOST, login_verified
from prongsai.core.models import AuditEvent, Membership, OrgUnit, Person, Position
from prongsai.core.tenancy import agency_scope, resolve_agency
from prongsai.portal.models import NewsArticle
from prongsai.portal.tests import factories as portal_factories


def test_a_query_that_forgets_the_scope_raises(agency):
    with pytest.raises(ScopeError):
        list(OrgUnit.objects.all())
    with pytest.raises(ScopeError):
        NewsArticle.objects.filter(title="x").exists()
    with pytest.raises(ScopeError):
        AuditEvent.objects.count()


def test_a_scope_without_an_agency_matches_nothing(agency):
    with scopes_disabled():
        OrgUnit.objects.create(agency=agency, side="career", name_th="กองคลัง")
    with agency_scope(None):
        assert list(OrgUnit.objects.all()) == []


def test_the_scope_filters_by_the_agency_even_without_an_explicit_filter(agency, other_agency):
    with scopes_disabled():
        OrgUnit.objects.create(agency=agency, side="career", name_th="กองคลัง")
        OrgUnit.objects.create(agency=other_agency, side="career", name_th="กองช่าง")
    with agency_scope(other_agency):
        assert [u.name_th for u in OrgUnit.objects.all()] == ["กองช่าง"]


def test_the_agency_comes_from_the_host_name_else_the_default(agency, other_agency):
    assert resolve_agency("other.test") == other_agency
    assert resolve_agency("OTHER.test:8000") == other_agency
    assert resolve_agency("127.0.0.1:8000") == agency
    assert resolve_agency("localhost") == agency


def test_without_any_agency_the_site_says_so_in_thai(db):
    response = Client(HTTP_HOST="localhost").get("/")
    assert response.status_code == 503
    assert "ยังไม่ได้ตั้งค่าหน่วยงาน" in response.content.decode()


@pytest.fixture
def two_agencies_with_content(agency, other_agency, admin_member, outsider):
    """The same kinds of rows in both agencies, with distinctive names."""
    made = {}
    for ag, user, tag in ((agency, admin_member, "วังทอง"), (other_agency, outsider, "ความลับอื่น")):
        with agency_scope(ag):
            unit = OrgUnit.objects.create(agency=ag, side="political", name_th=f"คณะผู้บริหาร{tag}")
            position = Position.objects.create(agency=ag, unit=unit, title_th=f"นายก{tag}", level="top")
            Person.objects.create(agency=ag, position=position, first_name=f"ชื่อ{tag}", last_name="ทดสอบ")
            category = portal_factories.news_category(ag, name_th=f"ข่าว{tag}")
            made[tag] = portal_factories.news(
                ag, user, category, title=f"ข่าว{tag}", body=f"เนื้อหา{tag}", published=True
            )
    return made


PUBLIC_PAGES = ["/", "/structure/", "/executives/", "/duties/", "/news/"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_no_public_page_shows_another_agencys_rows(anon, two_agencies_with_content, path):
    # Read as text: headings carry word-break markup (thai_wrap), which would hide a leaked title from a raw
    # "not in" on the HTML.
    body = strip_tags(anon.get(path).content.decode())
    assert "ความลับอื่น" not in body


def test_site_search_finds_only_the_agencys_own_pages(anon, two_agencies_with_content):
    assert "พบ 0 รายการ" in strip_tags(anon.get("/search/", {"q": "ความลับอื่น"}).content.decode())
    assert "พบ 1 รายการ" in strip_tags(anon.get("/search/", {"q": "วังทอง"}).content.decode())
    other = strip_tags(Client(HTTP_HOST=OTHER_HOST).get("/search/", {"q": "ความลับอื่น"}).content.decode())
    assert "พบ 1 รายการ" in other


def test_another_agencys_news_is_not_found_by_its_public_id(anon, two_agencies_with_content):
    foreign = two_agencies_with_content["ความลับอื่น"]
    assert anon.get(f"/news/{foreign.public_id}/").status_code == 404
    assert Client(HTTP_HOST=OTHER_HOST).get(f"/news/{foreign.public_id}/").status_code == 200


def test_staff_pages_show_only_the_members_own_agency(admin_client, two_agencies_with_content):
    for path in ("/staff/news/", "/staff/structure/", "/staff/members/", "/staff/audit/"):
        body = admin_client.get(path).content.decode()
        assert "ความลับอื่น" not in body, path


def test_a_staff_url_with_another_agencys_id_is_not_found(admin_client, two_agencies_with_content):
    foreign = two_agencies_with_content["ความลับอื่น"]
    assert admin_client.get(f"/staff/news/{foreign.pk}/").status_code == 404
    assert admin_client.post(f"/staff/news/{foreign.pk}/publish/").status_code == 404


def test_membership_in_one_agency_grants_nothing_in_another(outsider, agency, other_agency):
    client = login_verified(Client(HTTP_HOST=OTHER_HOST), outsider)
    assert client.get("/staff/").status_code == 200
    client.defaults["HTTP_HOST"] = "wangthong.test"
    assert client.get("/staff/").status_code == 403
    with scopes_disabled():
        assert not Membership.objects.filter(agency=agency, user=outsider).exists()
