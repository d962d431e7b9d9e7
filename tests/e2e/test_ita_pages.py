"""The ITA and plan pages in a real browser: Thai, accessible (axe-core), fit a phone; the OIT index links
work and the trend chart loads."""

from __future__ import annotations

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

PAGES = ["/ita/2567/", "/ita/2568/", "/ita/results/", "/ita/results/2567/", "/ita/2567/analysis/", "/plans/"]


def test_ita_and_plan_pages_are_thai_accessible_and_fit_a_phone(live_server, page, axe_source, artifacts_dir):
    seed_demo()
    base = live_server.url
    problems: list[str] = []

    def check(label: str) -> None:
        if page.evaluate("() => document.documentElement.lang") != "th":
            problems.append(f"{label}: <html lang> is not 'th'")
        if duplicates := duplicate_ids(page):
            problems.append(f"{label}: duplicate element ids {duplicates}")
        page.set_viewport_size(DESKTOP)
        problems.extend(describe_violations(label, axe_violations(page, axe_source)))
        screenshot(page, artifacts_dir, f"ita-{slug_for(label)}-desktop")
        page.set_viewport_size(MOBILE)
        if (overflow := horizontal_overflow(page)) is not None:
            problems.append(f"{label}: wider than a 375px screen: {overflow}")
        screenshot(page, artifacts_dir, f"ita-{slug_for(label)}-mobile")
        page.set_viewport_size(DESKTOP)

    for path in PAGES:
        response = page.goto(base + path)
        assert response is not None and response.status == 200, path
        check(path)

    # The assessor follows the executives link of item o2 from the FY2567 index.
    page.goto(base + "/ita/2567/")
    with page.expect_navigation():
        page.locator("#item-o2 a").first.click()
    assert page.url.endswith("/executives/")

    # The trend chart is a real image.
    page.goto(base + "/ita/results/")
    loaded = page.evaluate(
        "() => { const i = document.querySelector('.chart img'); return i && i.naturalWidth > 0; }"
    )
    assert loaded

    # A plan page, as a citizen reaches it from the list.
    page.goto(base + "/plans/")
    with page.expect_navigation():
        page.locator("table a").first.click()
    check("/plans/<first>/")
    assert not problems, "\n".join(problems)
