"""``{% memo %}`` renders a block once per set of inputs, with nothing but those inputs, and never stale.

The site's header and footer use it (portal/templates/base.html); the page tests below check that each
agency, language and page still gets its own."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.template.defaulttags import LoadNode
from django.test import Client
from django.utils import translation
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST, OTHER_HOST
from prongsai.core.templatetags.memo import MAX_ENTRIES, MemoNode


def _memo(source: str) -> tuple[Template, MemoNode]:
    template = Template(source)
    node = next(n for n in template.nodelist if not isinstance(n, LoadNode))
    assert isinstance(node, MemoNode)
    return template, node


def test_the_block_is_rendered_once_per_set_of_inputs():
    template, node = _memo("{% memo name=agency.name %}<b>{{ name }}</b>{% endmemo %}")
    rendered = []
    original = node.nodelist.render
    node.nodelist.render = lambda context: rendered.append(1) or original(context)  # type: ignore[method-assign]
    for name in ("ก", "ข", "ก", "ก", "ข"):
        assert template.render(Context({"agency": {"name": name}})) == f"<b>{name}</b>"
    assert len(rendered) == 2


def test_the_block_sees_only_the_named_inputs():
    """A variable the tag does not name is empty in the block: it can never be remembered with the markup."""
    template, _node = _memo("{% memo a=x %}[{{ a }}|{{ y }}|{{ x }}]{% endmemo %}")
    assert template.render(Context({"x": "1", "y": "2"})) == "[1||]"


def test_values_are_escaped_as_outside_a_memo():
    template, _node = _memo("{% memo a=x %}{{ a }}{% endmemo %}")
    assert template.render(Context({"x": "<script>"})) == "&lt;script&gt;"


def test_the_language_is_part_of_the_key():
    template, _node = _memo('{% load i18n %}{% memo %}{% translate "หน้าแรก" %}{% endmemo %}')
    assert template.render(Context()) == "หน้าแรก"
    with translation.override("en"):
        assert template.render(Context()) == "Home"
    assert template.render(Context()) == "หน้าแรก"


def test_lists_and_dates_are_keys_and_other_objects_are_rendered_every_time():
    template, node = _memo("{% memo a=x %}{{ a }}{% endmemo %}")
    assert template.render(Context({"x": ["081", "082"]})) == "[&#x27;081&#x27;, &#x27;082&#x27;]"
    assert template.render(Context({"x": datetime.date(2026, 12, 7)}))
    assert len(node.rendered) == 2

    class Thing:
        def __init__(self, text: str) -> None:
            self.text = text

        def __str__(self) -> str:
            return self.text

    assert template.render(Context({"x": Thing("หนึ่ง")})) == "หนึ่ง"
    assert template.render(Context({"x": Thing("สอง")})) == "สอง"
    assert len(node.rendered) == 2


def test_the_number_of_remembered_blocks_is_bounded():
    template, node = _memo("{% memo a=x %}{{ a }}{% endmemo %}")
    for number in range(MAX_ENTRIES + 10):
        template.render(Context({"x": number}))
    assert len(node.rendered) == MAX_ENTRIES
    assert template.render(Context({"x": MAX_ENTRIES + 9})) == str(MAX_ENTRIES + 9)


def test_arguments_must_be_named():
    with pytest.raises(TemplateSyntaxError):
        Template("{% memo agency.name %}{% endmemo %}")


def test_starts_with():
    template = Template("{{ p|starts_with:'/integrity/' }} {{ q|starts_with:'/integrity/' }}")
    assert template.render(Context({"p": "/integrity/report/", "q": "/news/integrity/"})) == "True False"


# --- the site's header and footer ------------------------------------------------------------------------


def _page(host: str, path: str = "/", language: str = "th") -> str:
    client = Client(HTTP_HOST=host)
    client.cookies["django_language"] = language
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def _header(page: str) -> str:
    return page[page.index('<header class="site-header">') : page.index("</header>")]


def _footer(page: str) -> str:
    return page[page.index('<footer class="site-footer">') : page.index("</footer>")]


@pytest.mark.django_db
def test_each_agency_gets_its_own_header_and_footer(agency, other_agency):
    with scopes_disabled():
        agency.phones = ["044123456"]
        agency.email = "saraban@wangthong.go.th"
        agency.save()
    for _round in range(2):  # the second round is answered from the remembered blocks
        mine, theirs = _page(AGENCY_HOST), _page(OTHER_HOST)
        assert agency.name_th in _header(mine) and agency.name_th in _footer(mine)
        assert other_agency.name_th in _header(theirs) and other_agency.name_th in _footer(theirs)
        assert agency.name_th not in theirs
        assert "saraban@wangthong.go.th" in _footer(mine)
        assert "saraban@wangthong.go.th" not in theirs


@pytest.mark.django_db
def test_a_changed_agency_shows_at_once(agency):
    _page(AGENCY_HOST)
    with scopes_disabled():
        agency.name_th = "องค์การบริหารส่วนตำบลวังทองใหม่"
        agency.office_hours = "จันทร์–ศุกร์ 08.30–16.30 น."
        agency.save()
    page = _page(AGENCY_HOST)
    assert "องค์การบริหารส่วนตำบลวังทองใหม่" in _header(page)
    assert "จันทร์–ศุกร์ 08.30–16.30 น." in _footer(page)


@pytest.mark.django_db
def test_the_menu_marks_the_current_page_and_follows_the_language(agency):
    home, contact = _page(AGENCY_HOST), _page(AGENCY_HOST, "/contact/")
    integrity = _page(AGENCY_HOST, "/integrity/")
    assert '<a href="/" aria-current="page">หน้าแรก</a>' in _header(home)
    assert '<a href="/contact/" aria-current="page">ติดต่อเรา</a>' in _header(contact)
    assert 'aria-current="page">แจ้งเบาะแสการทุจริต</a>' in _header(integrity)
    assert _header(contact).count('aria-current="page"') == 1
    english = _header(_page(AGENCY_HOST, "/contact/", language="en"))
    assert 'aria-current="page">Contact us</a>' in english
    assert "ติดต่อเรา" not in english


@pytest.mark.django_db
def test_a_search_shows_its_words_in_the_box_without_filing_them(agency):
    from django.template.loader import get_template

    base = get_template("base.html").template
    memos = [node for node in base.nodelist.get_nodes_by_type(MemoNode)]
    assert memos and not any("query" in node.inputs for node in memos)
    for words in ("ถนนลาดยาง", 'ท่อ "ประปา" <หมู่ 3>'):
        page = _page(AGENCY_HOST, f"/search/?q={words}")
        escaped = words.replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
        assert f'name="q" value="{escaped}"' in _header(page)
    sizes = [len(node.rendered) for node in memos]
    assert all(sizes)  # these are the blocks the pages were rendered with
    _page(AGENCY_HOST, "/search/?q=อีกคำหนึ่ง")
    assert [len(node.rendered) for node in memos] == sizes
