"""The public site in a real browser: every page answers in Thai, passes axe-core, fits a phone screen;
the skip link works from the keyboard; the back office denies anonymous visitors."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.e2e.helpers import (
    AGENCY_NAME,
    DESKTOP,
    MOBILE,
    axe_violations,
    describe_violations,
    duplicate_ids,
    horizontal_overflow,
    minimal_agency,
    screenshot,
    seed_demo,
    slug_for,
)

pytestmark = pytest.mark.browser

SIMPLE_PAGES = ["/", "/structure/", "/executives/", "/duties/", "/contact/", "/news/", "/pages/privacy/"]
SEARCH_TERM = "ภาษี"


def test_public_pages_are_thai_accessible_and_fit_a_phone(live_server, page, axe_source, artifacts_dir):
    seed_demo()
    base = live_server.url
    problems: list[str] = []
    counts: dict[str, int] = {}

    def check(label: str, response) -> None:
        """Checks of the page now shown, which ``response`` (its main document) produced."""
        assert response is not None, f"{label}: no response"
        if response.status != 200:
            problems.append(f"{label}: HTTP {response.status}")
            return
        if page.evaluate("() => document.documentElement.lang") != "th":
            problems.append(f"{label}: <html lang> is not 'th'")
        if AGENCY_NAME not in page.inner_text("body"):
            problems.append(f"{label}: the agency name {AGENCY_NAME} is not on the page")
        if not page.title().strip():
            problems.append(f"{label}: empty <title>")
        if duplicates := duplicate_ids(page):
            problems.append(f"{label}: duplicate element ids {duplicates}")

        page.set_viewport_size(DESKTOP)
        violations = axe_violations(page, axe_source)
        counts[label] = len(violations)
        problems.extend(describe_violations(label, violations))
        screenshot(page, artifacts_dir, f"public-{slug_for(label)}-desktop")

        page.set_viewport_size(MOBILE)
        overflow = horizontal_overflow(page)
        if overflow is not None:
            problems.append(f"{label}: wider than a 375px screen: {overflow}")
        screenshot(page, artifacts_dir, f"public-{slug_for(label)}-mobile")
        page.set_viewport_size(DESKTOP)

    for path in SIMPLE_PAGES:
        check(path, page.goto(base + path))
        if path == "/news/":
            # Follow the first news item, as a reader would.
            first = page.locator(".news-list a").first
            with page.expect_navigation() as nav:
                first.click()
            assert "/news/" in urlsplit(page.url).path and urlsplit(page.url).path != "/news/"
            check("/news/<first item>/", nav.value)

    # Search from the header's search box, as a visitor would (we are on the privacy page now).
    box = page.get_by_role("search").get_by_label("ค้นหาในเว็บไซต์")
    box.fill(SEARCH_TERM)
    with page.expect_navigation() as nav:
        box.press("Enter")
    url = urlsplit(page.url)
    assert url.path == "/search/"
    assert parse_qs(url.query).get("q") == [SEARCH_TERM]
    check(f"/search/?q={SEARCH_TERM}", nav.value)
    assert page.locator("main .news-list li").count() >= 1, "searching ภาษี finds the demo tax news"
    assert "ภาษีที่ดินและสิ่งปลูกสร้าง" in page.inner_text("main")

    check("/accounts/login/", page.goto(base + "/accounts/login/"))

    print(f"axe-core violations (all impacts) per page: {counts}")  # noqa: T201 - shown with -s
    assert not problems, "Problems on the public pages:\n" + "\n".join(problems)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(live_server, page, artifacts_dir):
    minimal_agency()
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({text: document.activeElement.textContent.trim(), cls: document.activeElement.className})"
    )
    assert focused == {"text": "ข้ามไปยังเนื้อหาหลัก", "cls": "skip-link"}
    skip = page.get_by_role("link", name="ข้ามไปยังเนื้อหาหลัก")
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0 and box["x"] >= 0, "the focused skip link is shown on screen"
    screenshot(page, artifacts_dir, "keyboard-skip-link-focused")

    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'main'")
    assert page.evaluate("() => document.activeElement.tagName") == "MAIN"
    assert urlsplit(page.url).fragment == "main"


def test_back_office_redirects_anonymous_visitors_to_the_login_page(live_server, page):
    minimal_agency()
    response = page.goto(live_server.url + "/staff/")
    url = urlsplit(page.url)
    assert url.path == "/accounts/login/"
    assert parse_qs(url.query).get("next") == ["/staff/"]
    assert response is not None and response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "เข้าสู่ระบบสำหรับเจ้าหน้าที่"
    # The redirect itself was a 302 from /staff/, not a page rendered at /staff/.
    first = response.request.redirected_from
    assert first is not None and urlsplit(first.url).path == "/staff/"
    assert first.response().status == 302
