"""The agency's public pages (OIT basic items) built from structured data."""

from __future__ import annotations

import pytest
from django.utils.html import strip_tags

from prongsai.core.services import person_save, position_save
from prongsai.core.tenancy import agency_scope
from prongsai.portal import services
from prongsai.portal.models import NewsCategory
from prongsai.portal.tests import factories


def _read(html: str) -> str:
    """The text as read: these pages keep Thai words whole with markup between them (core.thai_words)."""
    return strip_tags(html)


def test_the_executives_page_lists_every_top_and_deputy_executive_with_photo_and_contact(anon, structure):
    body = anon.get("/executives/").content.decode()
    text_read = _read(body)
    for text in (
        "นายชาญชัย ศรีวังทอง",
        "นายก อบต.",
        "สมบัติ พลนาค",
        "รองนายก อบต.",
        "พรทิพย์ เจริญสุข",
        "081-234-5678",
    ):
        assert text in text_read
    assert f"/people/{structure.public_id}/photo/" in body
    assert "อดีต" not in text_read
    photo = anon.get(f"/people/{structure.public_id}/photo/")
    assert photo.status_code == 200
    assert photo["Content-Type"] == "image/jpeg"


def test_the_structure_chart_shows_both_sides_as_nested_lists(anon, structure):
    body = anon.get("/structure/").content.decode()
    assert 'class="org-chart"' in body
    body = _read(body)
    assert "ฝ่ายการเมือง" in body and "ฝ่ายประจำ" in body
    assert body.index("ปลัด อบต.") < body.index("กองคลัง")
    assert "ผู้อำนวยการกองคลัง" in body


def test_the_duties_page_shows_the_published_text_and_each_units_duties(
    anon, agency, admin_member, structure
):
    with agency_scope(agency):
        page = factories.info_page(agency, admin_member)
    assert "มาตรา 67" not in strip_tags(anon.get("/duties/").content.decode())
    with agency_scope(agency):
        services.page_publish(page=page, acting_user=admin_member)
    body = anon.get("/duties/").content.decode()
    assert "มาตรา 67" in body
    assert "งานการเงินและบัญชี" in body


def test_the_contact_page_has_address_phone_email_and_a_map_link(anon, agency):
    agency.latitude, agency.longitude = 16.0203, 101.4386
    agency.save()
    body = anon.get("/contact/").content.decode()
    assert "044-056-789" in body
    assert "tel:+6644056789" in body
    assert agency.email in body
    assert "openstreetmap.org/?mlat=16.0203" in body


def test_the_news_list_filters_by_category_and_paginates(anon, agency, admin_member):
    with agency_scope(agency):
        news = factories.news_category(agency, name_th="ข่าว")
        events = factories.news_category(agency, slug="events", name_th="กิจกรรม")
        for i in range(15):
            category = news if i % 2 else events
            factories.news(agency, admin_member, category, title=f"เรื่องที่ {i}", body="x", published=True)
    first = anon.get("/news/").content.decode()
    assert "หน้า 1 จาก 2" in first
    only_events = _read(anon.get("/news/?category=events").content.decode())
    assert "เรื่องที่ 0\n" in only_events and "เรื่องที่ 1\n" not in only_events
    assert anon.get("/news/?page=999").status_code == 200
    assert anon.get("/news/?page=abc").status_code == 200


def test_site_search_finds_a_thai_word_inside_running_text(anon, agency, admin_member):
    with agency_scope(agency):
        category = NewsCategory.objects.create(agency=agency, slug="news", name_th="ข่าว")
        article = services.news_create_draft(
            agency=agency,
            acting_user=admin_member,
            category=category,
            title="ประกาศรับสมัครอาสาสมัคร",
            body="ขอเชิญประชาชนชำระภาษีที่ดินและสิ่งปลูกสร้างภายในเดือนเมษายน",
        )
        services.news_publish(article=article, acting_user=admin_member)
    for query in ("ภาษีที่ดิน", "สิ่งปลูกสร้าง", "เมษายน", "อาสาสมัคร", "๒๕๖๗ ภาษี"[5:]):
        body = _read(anon.get("/search/", {"q": query}).content.decode())
        assert "ประกาศรับสมัครอาสาสมัคร" in body, query
    assert "พบ 0 รายการ" in _read(anon.get("/search/", {"q": "ฟุตบอล"}).content.decode())


@pytest.mark.parametrize(
    "query", ["", "   ", '"', "*", "AND OR NOT", "a" * 500, 'ภาษี" OR 1=1 --', "'; DROP TABLE x"]
)
def test_odd_search_input_never_crashes(anon, agency, query):
    assert anon.get("/search/", {"q": query}).status_code == 200


def test_pages_switch_to_english_on_request(anon, agency):
    response = anon.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert anon.get("/")["Content-Language"] == "en"


def test_public_pages_send_security_headers(anon, agency):
    response = anon.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert 'lang="th"' in response.content.decode()


def test_an_unknown_page_is_a_thai_404(anon, agency):
    response = anon.get("/pages/nothing-here/")
    assert response.status_code == 404
    assert "ไม่พบหน้าที่ต้องการ" in response.content.decode()


def test_the_language_link_switches_to_english_and_back_without_a_form(anon, agency):
    home = anon.get("/")
    assert "csrftoken" not in home.cookies
    response = anon.get("/language/en/", {"next": "/news/"})
    assert response.status_code == 302
    assert response["Location"] == "/news/"
    assert anon.get("/news/")["Content-Language"] == "en"
    anon.get("/language/th/", {"next": "/"})
    assert anon.get("/")["Content-Language"] == "th"


def test_the_language_link_never_redirects_to_another_site(anon, agency):
    response = anon.get("/language/en/", {"next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert anon.get("/language/xx/").status_code == 302


def test_site_search_finds_units_and_executives(anon, structure):
    body = anon.get("/search/", {"q": "กองคลัง"}).content.decode()
    assert "/structure/" in body
    body = anon.get("/search/", {"q": "ชาญชัย"}).content.decode()
    assert "นายชาญชัย ศรีวังทอง – นายก อบต." in _read(body)
    assert "/executives/" in body


def test_the_home_page_shows_the_first_executive_of_each_side_from_the_cards_columns(
    anon, agency, admin_member, structure
):
    from prongsai.core import selectors as core_selectors

    with agency_scope(agency):
        # A deputy whose post is listed before the mayor's still comes after the top executive.
        mayor = structure.position
        mayor.order = 99
        mayor.save(update_fields=["order"])
        early = position_save(
            agency=agency, acting_user=admin_member, unit=mayor.unit, title_th="รองนายกคนที่หนึ่ง", level="deputy"
        )
        assert early.order < mayor.order
        person_save(
            agency=agency, acting_user=admin_member, position=early, first_name="ก่อน", last_name="ลำดับ"
        )
        full = core_selectors.executives(agency)
        cards = core_selectors.executive_cards(agency)
        first = core_selectors.first_executives(agency)

    def ids(sides: dict) -> dict:
        return {side: [person.public_id for person in people] for side, people in sides.items()}

    assert ids(cards) == ids(full)  # the same people in the same order, with fewer columns read
    assert ids(first) == {side: ids(full)[side][:1] for side in full}
    assert [p.full_name for p in first["political"]] == ["นายชาญชัย ศรีวังทอง"]
    assert [p.first_name for p in first["career"]] == ["พรทิพย์"]
    page = _read(anon.get("/").content.decode())
    assert "นายชาญชัย ศรีวังทอง" in page and "พรทิพย์ เจริญสุข" in page
    assert "สมบัติ พลนาค" not in page and "ก่อน ลำดับ" not in page
    # A side whose top post is vacant shows its first deputy.
    with agency_scope(agency):
        structure.is_current = False
        structure.save(update_fields=["is_current"])
        first = core_selectors.first_executives(agency)
        full = core_selectors.executives(agency)
        assert ids(first) == {side: ids(full)[side][:1] for side in full}
    assert [p.first_name for p in first["political"]] == ["สมบัติ"]  # the deputy post listed first
