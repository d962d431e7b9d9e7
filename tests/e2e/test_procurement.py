"""Procurement pages in a real browser: Thai, axe-core clean (serious/critical), fit a phone screen; the
register's filter form works from the keyboard; the auditor's red-flag page renders."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.e2e.helpers import (
    DESKTOP,
    MOBILE,
    axe_violations,
    describe_violations,
    duplicate_ids,
    horizontal_overflow,
    screenshot,
    seed_demo,
    slug_for,
)

pytestmark = pytest.mark.browser

PAGES = [
    "/procurement/",
    "/procurement/plan/2567/",
    "/procurement/plan/2569/",
    "/procurement/announcements/",
    "/procurement/register/?fy=2567",
    "/procurement/reports/",
    "/procurement/reports/progress/?as_of=31/03/2567",
    "/procurement/reports/sorkhor1/2567/4/",
    "/procurement/reports/dataset/2568/",
    "/procurement/reports/annual/2567/",
    "/procurement/ocds/",
]


def test_procurement_pages_are_thai_accessible_and_fit_a_phone(live_server, page, axe_source, artifacts_dir):
    seed_demo()
    problems: list[str] = []
    for path in PAGES:
        response = page.goto(live_server.url + path)
        assert response is not None
        if response.status != 200:
            problems.append(f"{path}: HTTP {response.status}")
            continue
        if page.evaluate("() => document.documentElement.lang") != "th":
            problems.append(f"{path}: <html lang> is not 'th'")
        if duplicates := duplicate_ids(page):
            problems.append(f"{path}: duplicate element ids {duplicates}")
        page.set_viewport_size(DESKTOP)
        problems.extend(describe_violations(path, axe_violations(page, axe_source)))
        screenshot(page, artifacts_dir, f"procurement-{slug_for(path)}-desktop")
        page.set_viewport_size(MOBILE)
        if (overflow := horizontal_overflow(page)) is not None:
            problems.append(f"{path}: wider than a 375px screen: {overflow}")
        page.set_viewport_size(DESKTOP)
    assert not problems, "Problems on the procurement pages:\n" + "\n".join(problems)


def test_the_register_is_filtered_and_searched_from_its_form(live_server, page):
    seed_demo()
    page.goto(live_server.url + "/procurement/register/")
    page.get_by_label("ปีงบประมาณ").select_option("2567")
    page.get_by_label("ค้นหา", exact=True).fill("ถนน")
    with page.expect_navigation():
        page.get_by_label("ค้นหา", exact=True).press("Enter")
    query = parse_qs(urlsplit(page.url).query)
    assert query["fy"] == ["2567"] and query["q"] == ["ถนน"]
    rows = page.locator("table.register tbody tr")
    assert rows.count() >= 3
    assert all("ถนน" in rows.nth(i).inner_text() for i in range(rows.count()))
