"""Thai words are never broken inside at 390 px: the structure chart, the executives page, the home page (its
tiles and latest news cards) and a news item are rendered in Chromium, each rendered line's text is read back
(a Range per character tells which line box it is on) and every line break must fall where PyThaiNLP's
segmentation puts a word boundary (core/thai_words.py). On an E-Service manual and the complaints page only
the headings and card titles are kept whole (their running text is the browser's to break), so there the
headings alone are read."""

from __future__ import annotations

from typing import Any

import pytest

from prongsai.core import demo
from prongsai.core.demo_images import activity_photo_jpeg
from prongsai.core.roles import Role
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories
from prongsai.core.thai_words import boundaries
from prongsai.eservice.demo_catalogue import create_catalogue
from prongsai.portal.demo import NEWS
from prongsai.portal.tests import factories as portal_factories
from tests.e2e.helpers import horizontal_overflow, minimal_agency, screenshot, slug_for

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

# For every run of text in one block (its text nodes between block boundaries), the visible text and the
# offsets in it at which the rendered line changes. A character whose rectangle starts lower than the
# previous character's by more than half its height is the first of a new line.
RENDERED_LINES = """
(root) => {
  const isBlock = (el) => !getComputedStyle(el).display.startsWith("inline");
  const blockOf = (node) => {
    let el = node.parentElement;
    while (el && !isBlock(el)) el = el.parentElement;
    return el;
  };
  const runs = [];
  let run = null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = blockOf(node);
    if (!run || run.block !== block) {
      run = {block, text: "", breaks: [], lastTop: null, lastHeight: 0};
      runs.push(run);
    }
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
      if (!rects.length) continue;  // collapsed white space
      const char = /\\s/.test(data[i]) ? " " : data[i];
      if (char === " " && (run.text === "" || run.text.endsWith(" "))) continue;
      const top = rects[0].top;
      if (run.lastTop !== null && top > run.lastTop + run.lastHeight / 2) run.breaks.push(run.text.length);
      run.lastTop = top;
      run.lastHeight = rects[0].height;
      run.text += char;
    }
  }
  return runs.filter((r) => r.text.trim()).map((r) => ({text: r.text, breaks: r.breaks}));
}
"""


# The same reading for each heading in <main>, one after another.
RENDERED_HEADING_LINES = f"(headings) => headings.flatMap({RENDERED_LINES.strip()})"


def broken_words(page: Any, *, headings_only: bool = False) -> tuple[list[str], int]:
    """The lines broken inside a word (as "…before|after…") and how many line breaks were checked."""
    if headings_only:
        runs = page.locator("main :is(h1, h2, h3)").evaluate_all(RENDERED_HEADING_LINES)
    else:
        runs = page.locator("main").evaluate(RENDERED_LINES)
    bad, checked = [], 0
    for run in runs:
        text, allowed = run["text"], boundaries(run["text"])
        for offset in run["breaks"]:
            checked += 1
            if offset not in allowed:
                bad.append(f"{text[max(0, offset - 15) : offset]}|{text[offset : offset + 15]}")
    return bad, checked


def test_no_thai_word_is_broken_inside_at_390_px_on_the_structure_executives_home_and_news(
    live_server, browser, artifacts_dir
):
    agency = minimal_agency()
    admin = factories.member(agency, "admin", Role.ADMINISTRATOR)
    with agency_scope(agency):
        demo.create_structure(agency, admin)  # the demo's units, positions and people, with photos
        # Two of the demo's news, with their long titles, summaries and bodies; one with a picture.
        category = portal_factories.news_category(agency)
        articles = [
            portal_factories.news(
                agency,
                admin,
                category,
                published=True,
                title=title,
                summary=summary,
                body=body,
                picture=activity_photo_jpeg(index) if index else None,
                picture_title="ภาพกิจกรรมจิตอาสาพัฒนาพื้นที่สาธารณะ",
            )
            for index, (_cat, title, summary, body, _day, _file) in enumerate(NEWS[:2])
        ]
    context = browser.new_context(locale="th-TH", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for path in ("/structure/", "/executives/", "/", f"/news/{articles[0].public_id}/"):
            response = page.goto(live_server.url + path)
            assert response is not None and response.status == 200
            bad, checked = broken_words(page)
            if bad:
                screenshot(page, artifacts_dir, f"thai-breaks-{slug_for(path)}")
            assert checked > 5, f"{path}: no line wrapped at 390 px: the test measured nothing"
            assert not bad, f"{path}: Thai words broken inside at 390 px:\n" + "\n".join(bad)
            # Words kept whole must still fit the phone.
            assert horizontal_overflow(page) is None, path
    finally:
        context.close()


def test_no_thai_word_in_a_heading_is_broken_inside_at_390_px_on_an_eservice_manual_and_the_complaints_page(
    live_server, browser, artifacts_dir
):
    agency = minimal_agency()
    admin = factories.member(agency, "admin", Role.ADMINISTRATOR)
    with agency_scope(agency):
        # The demo's building permit: a long service name as the manual's heading.
        create_catalogue(agency, admin, only={"building-permit"})
    context = browser.new_context(locale="th-TH", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for path in ("/eservice/services/building-permit/", "/complaints/"):
            response = page.goto(live_server.url + path)
            assert response is not None and response.status == 200
            bad, checked = broken_words(page, headings_only=True)
            if bad:
                screenshot(page, artifacts_dir, f"thai-breaks-{slug_for(path)}")
            assert checked > 0, f"{path}: no heading wrapped at 390 px: the test measured nothing"
            assert not bad, f"{path}: Thai words broken inside a heading at 390 px:\n" + "\n".join(bad)
            assert horizontal_overflow(page) is None, path
    finally:
        context.close()
