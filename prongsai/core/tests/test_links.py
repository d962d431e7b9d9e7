"""One way to build an absolute link to an agency's public site."""

from __future__ import annotations

from django.test import RequestFactory

from conftest import AGENCY_HOST
from prongsai.core.links import agency_site, agency_url
from prongsai.core.models import AgencyHost


def test_without_a_declared_website_the_first_host_name_is_used_over_https(agency):
    assert (
        agency_url(agency, "/qa/track/ABCD-2345-EFGH/") == f"https://{AGENCY_HOST}/qa/track/ABCD-2345-EFGH/"
    )
    AgencyHost.objects.create(agency=agency, host="second.example.go.th")
    assert agency_site(agency) == f"https://{AGENCY_HOST}/"


def test_development_hosts_are_served_over_http_while_debugging(agency, settings):
    settings.DEBUG = True
    assert agency_url(agency, "/") == f"http://{AGENCY_HOST}/"


def test_the_declared_main_website_comes_first(agency):
    agency.website = "https://www.wangthong.go.th/"
    assert agency_url(agency, "/eservice/") == "https://www.wangthong.go.th/eservice/"
    agency.website = "https://www.wangthong.go.th/site"
    assert agency_url(agency, "eservice/") == "https://www.wangthong.go.th/site/eservice/"


def test_a_visitors_request_gives_the_host_they_are_using(agency, settings):
    settings.ALLOWED_HOSTS = ["other.example.go.th"]
    request = RequestFactory().get("/", HTTP_HOST="other.example.go.th", secure=True)
    assert agency_url(agency, "/ocds/", request=request) == "https://other.example.go.th/ocds/"


def test_an_agency_without_any_host_gets_the_bare_path_and_absolute_urls_are_kept(agency):
    AgencyHost.objects.filter(agency=agency).delete()
    assert agency_url(agency, "/news/") == "/news/"
    assert agency_url(agency, "https://www.dla.go.th/x") == "https://www.dla.go.th/x"
