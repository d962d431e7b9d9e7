"""The register pages by keyset: every row once, in a stable order, forward and back, filters kept, no count
of the whole list; a cursor edited by hand gives the first page, not an error."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prongsai.procurement import selectors
from prongsai.procurement.tests.factories import many_rows
from prongsai.procurement.views_public import PER_PAGE

pytestmark = pytest.mark.django_db

TITLE = re.compile(r'<td><a href="/procurement/register/[^"]+/">([^<]+)</a>')


def _titles(body: str) -> list[str]:
    return TITLE.findall(body)


def _link(body: str, rel: str) -> str | None:
    found = re.search(rf'<a href="\?([^"]*)" rel="{rel}">', body)
    return unescape(found.group(1)) if found else None


@pytest.fixture
def rows(scoped):
    made = many_rows(scoped, PER_PAGE * 2 + 7)
    many_rows(scoped, 5, fiscal_year=2566)  # another year: kept out by the year filter
    return made


def test_walking_the_pages_forward_and_back_shows_every_row_once_in_order(rows, scoped, anon):
    expected = list(
        selectors.register(scoped, selectors.RegisterFilter(fiscal_year=2567)).values_list("title", flat=True)
    )
    assert len(expected) == PER_PAGE * 2 + 7
    pages: list[list[str]] = []
    query: str | None = "fy=2567"
    while query is not None:
        body = anon.get(f"/procurement/register/?{query}").content.decode()
        pages.append(_titles(body))
        query = _link(body, "next")
        if query is not None:
            assert "fy=2567" in query  # the filter stays
    assert [len(p) for p in pages] == [PER_PAGE, PER_PAGE, 7]
    assert [title for page in pages for title in page] == expected

    # Back from the last page: the same pages in reverse.
    back = [pages[-1]]
    query = _link(body, "prev")
    while query is not None:
        body = anon.get(f"/procurement/register/?{query}").content.decode()
        back.append(_titles(body))
        query = _link(body, "prev")
    assert list(reversed(back)) == pages


def test_a_page_reads_a_bounded_number_of_rows_and_counts_nothing(rows, anon):
    first = anon.get("/procurement/register/?fy=2567").content.decode()
    query = _link(first, "next")
    with CaptureQueriesContext(connection) as queries:
        response = anon.get(f"/procurement/register/?{query}")
    assert response.status_code == 200
    sql = [q["sql"].upper() for q in queries.captured_queries]
    assert not any("COUNT(*)" in q for q in sql)
    assert any(f"LIMIT {PER_PAGE + 1}" in q for q in sql)


@pytest.mark.parametrize("cursor", ["after=garbage", "after=2024-13-01~-~5", "before=~~", "after=-~-~-"])
def test_a_cursor_edited_by_hand_gives_the_first_page(rows, anon, cursor):
    response = anon.get(f"/procurement/register/?fy=2567&{cursor}")
    assert response.status_code == 200
    assert len(_titles(response.content.decode())) == PER_PAGE


def test_the_register_rows_are_written_as_the_template_wrote_them_escaped():
    from datetime import date
    from decimal import Decimal

    from django.template import Context, Template

    from prongsai.core.thai import format_baht, format_date
    from prongsai.procurement.selectors import RegisterLine
    from prongsai.procurement.templatetags.procurement_tags import register_rows

    line = RegisterLine(
        url="/procurement/p/1/?a=1&b=2",
        title='ซ่อมถนน <script>alert("x")</script> & ท่อ',
        method="เฉพาะเจาะจง",
        status="ลงนามในสัญญา",
        publication="published",
        publication_label="เผยแพร่แล้ว",
        vendor="หจก. ก & ข",
        budget=format_baht(Decimal("1234567.5")),
        agreed="–",
        signed=format_date(date(2024, 1, 1), month="abbr"),
        project_no="67019000001",
    )
    # The markup the register template used to write for each line, cell by cell.
    cells = Template(
        '<tr><td><a href="{{ l.url }}">{{ l.title }}</a></td><td>{{ l.method }}</td><td>{{ l.status }}</td>'
        '<td>{{ l.vendor }}</td><td class="num">{{ l.budget }}</td><td class="num">{{ l.agreed }}</td>'
        "<td>{{ l.signed }}</td><td>{{ l.project_no }}</td></tr>"
    )
    expected = cells.render(Context({"l": line}))
    assert "<script>" not in expected
    assert register_rows([line, line]) == f"{expected}\n  {expected}"
    assert register_rows([]) == ""
