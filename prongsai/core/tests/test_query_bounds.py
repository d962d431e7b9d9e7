"""Each public page and each staff list does a bounded number of queries, whatever the data size.

For every page, data like the demo's is built once (one "unit": a few news, executives, services, requests,
complaints, questions, register rows, assets, people) and the page's queries are counted with the page
cache bypassed; then nine more units are added (ten times the data) and the page must not need more queries
than before (``django_assert_max_num_queries``). A query inside a loop over rows (an N+1) fails this.
Data is built with each app's factories and bulk inserts, not with the full demo seed (slow).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from prongsai.core.models import Agency, OrgUnit, Position, User
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories as core_factories
from prongsai.ita.tests.fixtures import catalogues  # noqa: F401

pytestmark = pytest.mark.django_db

Builder = Callable[[Agency, User, int], Any]


def _news(agency: Agency, user: User, start: int) -> None:
    from prongsai.core.demo_images import activity_photo_jpeg
    from prongsai.portal.models import NewsCategory
    from prongsai.portal.tests.factories import news

    category = NewsCategory.objects.filter(agency=agency).first() or NewsCategory.objects.create(
        agency=agency, slug="news", name_th="ข่าวประชาสัมพันธ์"
    )
    for n in range(start * 4, start * 4 + 4):
        # Every other item with a picture, as the home page and the news list show them.
        picture = activity_photo_jpeg(n, with_gps=False) if n % 2 else None
        news(agency, user, category, published=True, picture=picture, title=f"ข่าวประชาสัมพันธ์ ฉบับที่ {n}")


def _unit(agency: Agency, user: User, side: str, name: str) -> OrgUnit:
    return OrgUnit.objects.filter(agency=agency, name_th=name).first() or core_factories.org_unit(
        agency, user, side=side, name_th=name
    )


def _people(agency: Agency, user: User, start: int) -> None:
    from prongsai.people.tests.factories import person

    council = _unit(agency, user, OrgUnit.Side.POLITICAL, "ฝ่ายบริหาร")
    office = _unit(agency, user, OrgUnit.Side.CAREER, "สำนักปลัด")
    for n in range(start * 4, start * 4 + 4):
        side, level = (council, Position.Level.DEPUTY_EXECUTIVE) if n % 2 else (office, Position.Level.STAFF)
        post = core_factories.position(side, user, title_th=f"ตำแหน่งที่ {n}", level=level, order=n)
        person(agency, user, first_name=f"สมชาย{n}", last_name="ใจดี", position=post)


def _services(agency: Agency, user: User, start: int) -> None:
    from prongsai.eservice.models import Service
    from prongsai.eservice.tests.factories import catalogue

    if start == 0:
        catalogue(agency, user)
        return
    # More services like the demo's: copies of the catalogue under other codes.
    originals = list(Service.objects.filter(agency=agency, code__regex=r"^[a-z-]+$"))
    copies = []
    for service in originals:
        service.pk = None
        service.id = None
        service.code = f"{service.code}-{start}"
        service.public_id = Service._meta.get_field("public_id").get_default()
        copies.append(service)
    Service.objects.bulk_create(copies)


def _requests(agency: Agency, user: User, start: int) -> None:
    from prongsai.eservice.models import Service
    from prongsai.eservice.tests.factories import catalogue, service_request

    services = catalogue(agency, user, "official-information") if start == 0 else {}
    service = services.get("official-information") or Service.objects.get(
        agency=agency, code="official-information"
    )
    for _n in range(5):
        service_request(agency, service)


def _complaints(agency: Agency, user: User, start: int) -> None:
    from prongsai.complaints.models import ComplaintCategory
    from prongsai.complaints.tests import factories

    unit = _unit(agency, user, OrgUnit.Side.CAREER, "กองช่าง")
    category = ComplaintCategory.objects.filter(agency=agency).first() or factories.category(
        agency, user, unit
    )
    for _n in range(5):
        factories.complaint(agency, category)


def _questions(agency: Agency, user: User, start: int) -> None:
    from prongsai.engagement.tests.factories import answered_question, question

    for n in range(5):
        if n % 2:
            answered_question(agency, user, title=f"คำถามที่ {start}-{n}")
        else:
            question(agency, title=f"คำถามที่ {start}-{n}")


def _register(agency: Agency, user: User, start: int) -> None:
    from prongsai.procurement.tests.factories import many_rows

    many_rows(agency, 60, fiscal_year=2560 + start, published=True)
    many_rows(agency, 10, fiscal_year=2540 + start, published=False)


def _assets(agency: Agency, user: User, start: int) -> None:
    from prongsai.assets.models import AssetType
    from prongsai.assets.tests.factories import asset, asset_type

    unit = _unit(agency, user, OrgUnit.Side.CAREER, "สำนักปลัด")
    kind = AssetType.objects.filter(agency=agency).first() or asset_type(agency, user)
    for n in range(5):
        asset(agency, user, kind, unit, name=f"เครื่องคอมพิวเตอร์ เครื่องที่ {start}-{n}")


@dataclass(frozen=True)
class Case:
    path: str
    build: Builder
    staff: bool = False


CASES: dict[str, Case] = {
    "home": Case("/", _news),
    "executives": Case("/executives/", _people),
    "news list": Case("/news/", _news),
    "E-Service list": Case("/eservice/", _services),
    "procurement register": Case("/procurement/register/", _register),
    "staff requests": Case("/staff/eservice/", _requests, staff=True),
    "staff complaints": Case("/staff/complaints/", _complaints, staff=True),
    "staff questions": Case("/staff/qa/", _questions, staff=True),
    "staff procurement register": Case("/procurement/staff/register/?fy=2560", _register, staff=True),
    "staff assets": Case("/staff/assets/", _assets, staff=True),
    "staff people": Case("/staff/people/", _people, staff=True),
}


_visits = itertools.count()


def _uncached(path: str) -> str:
    """The path with a parameter never asked before: the page cache has no answer for it, so the page is
    rendered (the pages ignore the parameter). Emptying the whole cache instead would also drop the
    agency's publication version, which the stored OIT readiness is checked against."""
    return f"{path}{'&' if '?' in path else '?'}uncached={next(_visits)}"


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(_uncached(path))
    assert response.status_code == 200, path
    return len(captured)


@pytest.mark.parametrize("name", list(CASES))
def test_a_page_does_no_more_queries_with_ten_times_the_data(
    name, agency, admin_member, admin_client, anon, django_assert_max_num_queries
):
    case = CASES[name]
    client = admin_client if case.staff else anon
    with agency_scope(agency):
        case.build(agency, admin_member, 0)
    once = _queries(client, case.path)
    with agency_scope(agency):
        for start in range(1, 10):
            case.build(agency, admin_member, start)
    with django_assert_max_num_queries(once):
        response = client.get(_uncached(case.path))
    assert response.status_code == 200


def test_a_news_item_does_no_more_queries_with_ten_times_the_data(
    agency, admin_member, anon, django_assert_max_num_queries
):
    from prongsai.portal.models import NewsArticle

    with agency_scope(agency):
        _news(agency, admin_member, 0)
        first = NewsArticle.objects.filter(agency=agency).order_by("pk").first()
    assert first is not None
    path = f"/news/{first.public_id}/"
    once = _queries(anon, path)
    with agency_scope(agency):
        for start in range(1, 10):
            _news(agency, admin_member, start)
    with django_assert_max_num_queries(once):
        assert anon.get(_uncached(path)).status_code == 200


def test_the_oit_index_does_no_more_queries_with_ten_times_the_data(
    agency,
    admin_member,
    anon,
    catalogues,  # noqa: F811 - the fixture imported above
    django_assert_max_num_queries,
):
    from django.utils import timezone

    from prongsai.core.thai import fiscal_year
    from prongsai.procurement.tests.factories import profile_without_review

    with agency_scope(agency):
        profile_without_review(agency, admin_member)
        _news(agency, admin_member, 0)
        _register(agency, admin_member, 0)
    year = fiscal_year(timezone.localdate())
    path = f"/ita/{year}/"
    anon.get(_uncached(path))  # the first visit computes and stores the readiness
    once = _queries(anon, path)
    with agency_scope(agency):
        for start in range(1, 10):
            _news(agency, admin_member, start)
            _register(agency, admin_member, start)
    anon.get(path)
    with django_assert_max_num_queries(once):
        assert anon.get(_uncached(path)).status_code == 200
