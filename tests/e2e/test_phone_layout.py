"""The public site on a 390 px phone: no page scrolls sideways, the main menu folds behind one button, and
the complaint form's location fields fit. Only a bare agency is created (no demo data): quick."""

from __future__ import annotations

import pytest

from prongsai.complaints.tests import factories as complaint_factories
from prongsai.core.demo_images import activity_photo_jpeg
from prongsai.core.roles import Role
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories
from prongsai.portal.tests import factories as portal_factories
from tests.e2e.helpers import horizontal_overflow, minimal_agency, screenshot, slug_for

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PAGES = [
    "/",
    "/structure/",
    "/executives/",
    "/duties/",
    "/contact/",
    "/news/",
    "/search/?q=ร้องเรียน",
    "/track/",
    "/plans/",
    "/eservice/",
    "/complaints/",
    "/complaints/new/",
    "/participate/",
    "/qa/",
    "/integrity/",
    "/procurement/register/",
    "/no-gift/",
    "/privacy/",
    "/data/",
]


def test_public_pages_fit_a_phone_and_the_menu_folds(live_server, browser, artifacts_dir):
    agency = minimal_agency()
    # One complaint category, so the complaint form (with its location fields) is offered.
    clerk = factories.member(agency, "clerk", Role.ADMINISTRATOR)
    with agency_scope(agency):
        complaint_factories.category(agency, clerk, factories.org_unit(agency, clerk))
        # The latest news on the home page: one with a picture, one without.
        news = portal_factories.news_category(agency)
        portal_factories.news(
            agency,
            clerk,
            news,
            published=True,
            title="โครงการอบรมคุณธรรม จริยธรรม และประมวลจริยธรรมสำหรับผู้บริหารและพนักงาน",
            picture=activity_photo_jpeg(3),
            picture_title="ภาพผู้เข้าอบรมคุณธรรม จริยธรรม",
        )
        portal_factories.news(agency, clerk, news, published=True, title="ประกาศรับลงทะเบียนผู้สูงอายุ")
    context = browser.new_context(locale="th-TH", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        wide = []
        for path in PAGES:
            response = page.goto(live_server.url + path)
            assert response is not None, path
            assert response.status == 200, f"{path} answered {response.status}"
            overflow = horizontal_overflow(page)
            if overflow is not None:
                wide.append(f"{path}: {overflow}")
                screenshot(page, artifacts_dir, f"phone-{slug_for(path)}")
        assert not wide, "pages wider than a 390 px phone:\n" + "\n".join(wide)

        page.goto(live_server.url + "/")
        # The news picture loads from the site itself and fits the phone; the card without one has no image.
        picture = page.get_by_role("img", name="ภาพผู้เข้าอบรมคุณธรรม จริยธรรม")
        picture.scroll_into_view_if_needed()
        loaded = picture.evaluate("(img) => img.decode().then(() => img.naturalWidth > 0, () => false)")
        assert loaded, "the news picture did not load"
        box = picture.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        plain = page.locator("li.news-card", has_text="ประกาศรับลงทะเบียนผู้สูงอายุ")
        assert plain.locator("img").count() == 0
        menu = page.get_by_role("button", name="เมนู")
        links = page.get_by_role("navigation", name="เมนูหลัก").get_by_role("link")
        assert menu.is_visible() and not links.first.is_visible(), "the menu is folded on a phone"
        menu.click()
        assert menu.get_attribute("aria-expanded") == "true"
        assert links.first.is_visible()
        page.goto(live_server.url + "/complaints/new/")
        box = page.locator("fieldset.location-fields").bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE["width"], box
    finally:
        context.close()
