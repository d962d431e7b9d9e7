"""Deny by default: every URL pattern's view declares an access rule, and the rules are enforced."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from prongsai.core.permissions import rule_of


def walk(patterns, prefix="", namespace=None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), entry.app_name or namespace)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry, namespace


ALL_ROUTES = list(walk(get_resolver().url_patterns))


def test_the_walk_finds_the_routes_of_every_app():
    names = {route.name for _path, route, _ns in ALL_ROUTES}
    assert {"home", "login", "staff_home", "audit_log", "news_detail"} <= names


@pytest.mark.parametrize(("path", "route", "namespace"), ALL_ROUTES, ids=[p for p, _r, _n in ALL_ROUTES])
def test_every_view_declares_an_access_rule(path, route, namespace):
    if namespace == "admin":
        # The operator admin is guarded by OTPAdminSite (staff + verified second factor), tested below.
        return
    assert rule_of(route.callback) is not None, f"{path} ({route.name}) has no access rule"


def test_a_view_without_a_rule_is_refused(anon, agency, settings):
    from django.http import HttpResponse
    from django.urls import include, path

    def naked(request):
        return HttpResponse("secret")

    urlconf = type("Urls", (), {"urlpatterns": [path("naked/", naked), path("", include("prongsai.urls"))]})
    settings.ROOT_URLCONF = urlconf
    response = anon.get("/naked/")
    assert response.status_code == 403
    assert b"secret" not in response.content


STAFF_ROUTES = [
    (path, route)
    for path, route, ns in ALL_ROUTES
    if ns != "admin" and rule_of(route.callback) is not None and rule_of(route.callback).kind == "staff"
]


def _concrete(path: str) -> str:
    return "/" + (
        path.replace("<int:pk>", "1")
        .replace("<int:item_pk>", "1")
        .replace("<int:result_pk>", "1")
        .replace("<int:year>", "2567")
        .replace("<str:identifier>", "integrity-measures-results")
    )


@pytest.mark.parametrize(("path", "route"), STAFF_ROUTES, ids=[p for p, _r in STAFF_ROUTES])
def test_staff_pages_send_anonymous_visitors_to_the_login_page(anon, agency, path, route):
    response = anon.get(_concrete(path))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(("path", "route"), STAFF_ROUTES, ids=[p for p, _r in STAFF_ROUTES])
def test_staff_pages_refuse_a_member_of_another_agency(outsider_client, agency, path, route):
    response = outsider_client.get(_concrete(path))
    assert response.status_code == 403


@pytest.mark.parametrize(("path", "route"), STAFF_ROUTES, ids=[p for p, _r in STAFF_ROUTES])
def test_staff_pages_ask_for_the_second_factor_first(client, member, path, route):
    client.defaults["HTTP_HOST"] = "wangthong.test"
    client.force_login(member)
    response = client.get(_concrete(path))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/verify/")


def test_the_operator_admin_refuses_an_agency_administrator(admin_client):
    response = admin_client.get("/operator/")
    assert response.status_code == 302
    assert "/operator/login/" in response["Location"]
