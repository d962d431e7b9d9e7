"""Public pages come from the shared cache per agency and language until the agency publishes again."""

from __future__ import annotations

import gzip
from html import unescape

import pytest
from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags

from conftest import AGENCY_HOST, OTHER_HOST, login_verified
from prongsai.core import pagecache
from prongsai.core.pagecache import (
    PublicPageCacheMiddleware,
    affects_public_pages,
    cache_public_page,
    public_version,
)
from prongsai.core.services_onboarding import agency_suspend
from prongsai.core.tenancy import agency_scope, invalidate_agencies, resolve_agency
from prongsai.portal import services
from prongsai.portal.tests import factories


@pytest.fixture
def category(agency):
    with agency_scope(agency):
        return factories.news_category(agency)


def _read(html: str | bytes) -> str:
    """A page as text: news titles keep their Thai words whole with markup between them (core.thai_words)."""
    return unescape(strip_tags(html.decode() if isinstance(html, bytes) else html))


def _queries(client: Client, path: str, **headers: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    assert response.status_code == 200
    return len(captured), response.content


def test_a_second_visit_is_served_from_the_cache_with_fewer_queries(anon, agency, admin_member, category):
    with agency_scope(agency):
        factories.news(agency, admin_member, category, published=True, title="ข่าวแรก")
    first, body = _queries(anon, "/news/")
    second, again = _queries(anon, "/news/")
    assert "ข่าวแรก" in _read(body)
    assert again == body
    assert first >= 3
    assert second < first
    assert second == 0  # the page is one cache read, before the agency lookup


def test_publishing_outdates_the_cached_page_at_once(anon, agency, admin_member, category):
    with agency_scope(agency):
        draft = factories.news(agency, admin_member, category, title="ข่าวใหม่ล่าสุด")
    assert "ข่าวใหม่ล่าสุด" not in _read(anon.get("/news/").content)
    assert "ข่าวใหม่ล่าสุด" not in _read(anon.get("/news/").content)  # cached
    with agency_scope(agency):
        services.news_publish(article=draft, acting_user=admin_member)
    assert "ข่าวใหม่ล่าสุด" in _read(anon.get("/news/").content)
    with agency_scope(agency):
        services.news_revise(article=draft, acting_user=admin_member, reason="แก้คำผิด", title="ข่าวแก้แล้ว")
    page = _read(anon.get("/news/").content)
    assert "ข่าวแก้แล้ว" in page
    assert "ข่าวใหม่ล่าสุด" not in page


def test_a_draft_does_not_outdate_the_pages(agency, admin_member, category):
    before = public_version(agency.pk)
    with agency_scope(agency):
        factories.news(agency, admin_member, category)
    assert public_version(agency.pk) == before


def test_another_agency_publishing_leaves_this_agency_cached(anon, agency, other_agency, category):
    from conftest import make_member
    from prongsai.core.roles import Role

    anon.get("/news/")
    editor = make_member(other_agency, "editor", Role.ADMINISTRATOR)
    with agency_scope(other_agency):
        other_category = factories.news_category(other_agency)
        factories.news(other_agency, editor, other_category, published=True, title="ข่าวของอีกแห่ง")
    count, body = _queries(anon, "/news/")
    assert count <= 1
    assert "ข่าวของอีกแห่ง" not in _read(body)
    assert "ข่าวของอีกแห่ง" in _read(Client(HTTP_HOST=OTHER_HOST).get("/news/").content)


def test_the_browser_revalidates_for_nothing(anon, agency):
    first = anon.get("/executives/")
    etag = first["ETag"]
    assert etag.startswith('W/"')
    assert first["Last-Modified"]
    assert first["Cache-Control"] == "no-cache"
    assert "Accept-Language" in first["Vary"]
    not_modified = anon.get("/executives/", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    since = anon.get("/executives/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_a_publication_changes_the_etag(anon, agency, admin_member, category):
    etag = anon.get("/news/")["ETag"]
    with agency_scope(agency):
        factories.news(agency, admin_member, category, published=True, title="ข่าวเปลี่ยนป้าย")
    response = anon.get("/news/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_the_cached_page_goes_out_gzipped_to_who_accepts_it(anon, agency):
    plain = anon.get("/executives/").content
    packed = anon.get("/executives/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain
    assert len(packed.content) * 2 < len(plain)


def test_thai_and_english_are_cached_apart(agency):
    thai = Client(HTTP_HOST=AGENCY_HOST).get("/executives/").content.decode()
    english = Client(HTTP_HOST=AGENCY_HOST, HTTP_ACCEPT_LANGUAGE="en").get("/executives/")
    assert english["Content-Language"] == "en"
    assert english.content.decode() != thai
    assert 'lang="en"' in english.content.decode()


def test_staff_with_a_session_get_the_live_page(agency, member, category, admin_member):
    anon = Client(HTTP_HOST=AGENCY_HOST)
    anon.get("/news/")
    staff = login_verified(Client(HTTP_HOST=AGENCY_HOST), member)
    with CaptureQueriesContext(connection) as cached:
        anon.get("/news/")
    with CaptureQueriesContext(connection) as live:
        staff.get("/news/")
    assert len(live) > len(cached)
    assert "ETag" not in staff.get("/news/")


def _through_the_cache(agency, view):
    """The view behind the page-cache middleware, with the agency set as the inner layers set it."""

    def inner(request):
        request.agency = agency
        return view(request)

    return PublicPageCacheMiddleware(inner)


def test_a_page_that_rendered_a_csrf_token_is_never_stored(agency):
    resolve_agency(AGENCY_HOST)  # the host mapping's version exists, as after any earlier request
    calls: list[str] = []

    @cache_public_page
    def form_page(request):
        calls.append("form")
        return HttpResponse(f"<form>{get_token(request)}</form>")

    @cache_public_page
    def plain_page(request):
        calls.append("plain")
        return HttpResponse("<p>ประกาศ</p>")

    factory = RequestFactory(HTTP_HOST=AGENCY_HOST)
    for view, path in ((form_page, "/form/"), (plain_page, "/plain/")):
        stack = _through_the_cache(agency, view)
        for _ in range(2):
            assert stack(factory.get(path)).status_code == 200
    assert calls == ["form", "form", "plain"]  # the page without a token came from the cache the second time


def test_a_cached_page_is_answered_before_the_rest_of_the_stack(anon, agency):
    first = anon.get("/executives/")
    with CaptureQueriesContext(connection) as captured:
        again = anon.get("/executives/")
    assert len(captured) == 0  # no agency lookup, no session, no access rule: one cache read
    assert again.content == first.content
    # What the inner middleware added to the page is stored with it.
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Content-Type"):
        assert again[header] == first[header]
    assert again["ETag"] == first["ETag"]


def test_a_host_given_to_another_agency_never_gets_the_old_page(anon, agency):
    anon.get("/executives/")
    invalidate_agencies()  # what any save of an Agency or AgencyHost does
    count, _body = _queries(anon, "/executives/")
    assert count >= 1  # resolved and rendered again


def test_a_suspended_agency_is_not_served_from_the_cache(anon, agency, admin_member):
    assert anon.get("/executives/").status_code == 200
    agency_suspend(agency=agency, acting_user=admin_member, reason="ย้ายไปผู้ให้บริการรายอื่น")
    assert anon.get("/executives/").status_code == 503


def test_the_language_cookie_chooses_the_cached_language(agency):
    Client(HTTP_HOST=AGENCY_HOST).get("/executives/")  # the Thai page is cached
    english = Client(HTTP_HOST=AGENCY_HOST)
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = english.get("/executives/")
    assert page["Content-Language"] == "en"
    assert 'lang="en"' in page.content.decode()
    again = english.get("/executives/")
    assert again["Content-Language"] == "en"
    assert again.content == page.content


def test_a_hit_with_an_unknown_host_hint_still_checks_the_agency(agency, other_agency):
    pages = {host: Client(HTTP_HOST=host).get("/executives/").content for host in (AGENCY_HOST, OTHER_HOST)}
    assert pages[AGENCY_HOST] != pages[OTHER_HOST]
    pagecache._AGENCY_HINTS.clear()  # a new worker process knows no host yet
    for host, body in pages.items():
        assert Client(HTTP_HOST=host).get("/executives/").content == body


def test_the_channel_and_drafts_never_move_the_version():
    assert affects_public_pages("portal.news.published")
    assert affects_public_pages("procurement.import.committed")
    assert affects_public_pages("whistleblower.guideline.published")
    assert not affects_public_pages("whistleblower.report.submitted")
    assert not affects_public_pages("whistleblower.message.internal")
    assert not affects_public_pages("portal.news.drafted")
    assert not affects_public_pages("portal.page.draft_updated")


def test_uncached_html_is_compressed_but_not_the_corruption_channel(anon, agency):
    search = anon.get("/search/?q=ทดสอบ", HTTP_ACCEPT_ENCODING="gzip")
    assert search["Content-Encoding"] == "gzip"
    assert "ETag" not in search  # search results are not cached
    channel = anon.get("/integrity/", HTTP_ACCEPT_ENCODING="gzip")
    assert channel.status_code == 200
    assert not channel.has_header("Content-Encoding")


def test_one_transaction_of_many_writes_sends_one_signal(
    agency, admin_member, category, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from prongsai.core.pagecache import public_pages_changed

    received: list[int] = []

    def receiver(*, agency_id, **_kwargs):
        received.append(agency_id)

    public_pages_changed.connect(receiver, dispatch_uid="test-one-signal")
    try:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic(), agency_scope(agency):
            for number in range(3):
                factories.news(agency, admin_member, category, published=True, title=f"ข่าว {number}")
        assert received == [agency.pk]
    finally:
        public_pages_changed.disconnect(dispatch_uid="test-one-signal")


def test_a_shared_link_with_tracking_parameters_is_the_same_cached_page(anon, agency, admin_member, category):
    with agency_scope(agency):
        factories.news(agency, admin_member, category, published=True, title="ข่าวแรก")
    first, body = _queries(anon, "/news/?fbclid=IwAR0abc123&utm_source=facebook")
    assert first >= 3
    assert b"fbclid" not in body and b"utm_" not in body  # the language links repeat the address without them
    # Another click from the same post (a new fbclid), and the plain address: the same stored page.
    for path in ("/news/?fbclid=IwAR9xyz789", "/news/", "/news/?UTM_Campaign=x&gclid=y"):
        count, again = _queries(anon, path)
        assert count == 0, path
        assert again == body


def test_the_other_parameters_are_kept_in_their_order(anon, agency, admin_member, category):
    with agency_scope(agency):
        for number in range(25):
            factories.news(agency, admin_member, category, published=True, title=f"ข่าวที่ {number}")
    _count, second_page = _queries(anon, "/news/?page=2")
    count, tracked = _queries(anon, "/news/?utm_medium=social&page=2&fbclid=a")
    assert count == 0
    assert tracked == second_page
    _count, first_page = _queries(anon, "/news/")
    assert first_page != second_page


def test_staff_keep_the_address_as_it_came(agency, member):
    # Only what the page cache serves is normalised; a request it bypasses reaches the view untouched.
    seen: list[str] = []

    def view(request):
        seen.append(request.GET.urlencode())
        return HttpResponse("ok")

    request = RequestFactory().get("/news/?utm_source=line&page=2", HTTP_HOST=AGENCY_HOST)
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "x"
    PublicPageCacheMiddleware(view)(request)
    assert seen == ["utm_source=line&page=2"]
