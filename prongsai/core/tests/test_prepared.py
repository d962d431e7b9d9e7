"""A ``TenantQuery`` gives the queryset's own rows, in one query, for the agency in scope and no other."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.db import connection
from django.db.models import Count, QuerySet
from django.test.utils import CaptureQueriesContext
from django_scopes import ScopeError, scope, scopes_disabled

from prongsai.core.models import OrgUnit, Person, Position
from prongsai.core.prepared import TenantQuery
from prongsai.core.tests import factories

pytestmark = pytest.mark.django_db


def _positions(agency_id: int, level: str) -> QuerySet[Any]:
    return (
        Position.objects.filter(agency_id=agency_id, level=level)
        .values_list("title_th", "unit__name_th", "order", "created_at")
        .order_by("order", "pk")
    )


def _per_unit(agency_id: int) -> QuerySet[Any]:
    return (
        Position.objects.filter(agency_id=agency_id)
        .values_list("unit__name_th")
        .annotate(n=Count("pk"))
        .order_by("unit__name_th")
    )


POSITIONS = TenantQuery(_positions, level=str)
PER_UNIT = TenantQuery(_per_unit)


@pytest.fixture
def two_agencies(agency, other_agency, admin_member):
    with scopes_disabled():
        for each, names in ((agency, ["กองคลัง", "กองช่าง"]), (other_agency, ["สำนักปลัด"])):
            for name in names:
                unit = factories.org_unit(each, admin_member, name_th=name)
                for order, level in enumerate(["unit_head", "staff", "staff"]):
                    factories.position(
                        unit, admin_member, title_th=f"{name} {order}", level=level, order=order
                    )
    return agency, other_agency


def test_the_rows_are_the_querysets_own_for_each_agency_and_value(two_agencies):
    for each in two_agencies:
        with scope(agency=each):
            for level in ("unit_head", "staff", "deputy"):
                assert POSITIONS.rows(each, level=level) == list(_positions(each.pk, level))
            assert PER_UNIT.rows(each) == list(_per_unit(each.pk))
            assert POSITIONS.rows(each, level="staff")  # not trivially empty


def test_one_query_per_call(two_agencies):
    agency, _other = two_agencies
    with scope(agency=agency):
        POSITIONS.rows(agency, level="staff")
        with CaptureQueriesContext(connection) as queries:
            POSITIONS.rows(agency, level="staff")
    assert len(queries) == 1
    assert queries[0]["sql"].count(str(agency.pk)) >= 1


def test_outside_the_agencys_scope_it_refuses_as_the_scoped_manager_does(two_agencies):
    agency, other = two_agencies
    with pytest.raises(ScopeError):
        POSITIONS.rows(agency, level="staff")
    with scope(agency=other), pytest.raises(ScopeError):
        POSITIONS.rows(agency, level="staff")
    with scope(agency=[]), pytest.raises(ScopeError):  # an empty scope covers nothing
        POSITIONS.rows(agency, level="staff")
    with scope(agency=[other.pk]), pytest.raises(ScopeError):
        POSITIONS.rows(agency, level="staff")
    with scope(agency=[other.pk, agency.pk]):  # an operator's scope over the agencies it hosts
        assert POSITIONS.rows(agency, level="staff") == list(_positions(agency.pk, "staff"))
    with scopes_disabled():  # where the scoped manager would answer too
        assert POSITIONS.rows(agency, level="staff") == list(_positions(agency.pk, "staff"))


def test_values_must_be_the_declared_ones(two_agencies):
    agency, _other = two_agencies
    with scope(agency=agency):
        with pytest.raises(TypeError):
            POSITIONS.rows(agency)
        with pytest.raises(TypeError):
            POSITIONS.rows(agency, level=1)


def test_a_value_the_orm_rewrites_cannot_stand_in(two_agencies):
    agency, _other = two_agencies
    searching = TenantQuery(
        lambda agency_id, words: OrgUnit.objects.filter(agency_id=agency_id, name_th__contains=words),
        words=str,
    )
    with scope(agency=agency), pytest.raises(ValueError, match="words"):
        searching.rows(agency, words="คลัง")


def _person(agency_id: int, public_id: uuid.UUID) -> QuerySet[Any]:
    return Person.objects.filter(agency_id=agency_id, public_id=public_id).values_list(
        "public_id", "first_name"
    )


PERSON = TenantQuery(_person, public_id=uuid.UUID)


def test_a_uuid_stands_in_as_the_database_receives_it(two_agencies):
    """A UUID reaches SQLite as its hex digits and PostgreSQL as it is: either way the slot takes it so."""
    agency, other = two_agencies
    with scopes_disabled():
        position = Position.objects.filter(agency=agency).first()
        someone = Person.objects.create(agency=agency, position=position, first_name="สมชาย", last_name="ใจดี")
        elsewhere = Person.objects.create(
            agency=other, position=Position.objects.filter(agency=other).first(), first_name="สมหญิง"
        )
    with scope(agency=agency):
        assert PERSON.rows(agency, public_id=someone.public_id) == [(someone.public_id, "สมชาย")]
        assert PERSON.rows(agency, public_id=elsewhere.public_id) == []  # another agency's person
        assert PERSON.rows(agency, public_id=uuid.uuid4()) == []
        with pytest.raises(TypeError):
            PERSON.rows(agency, public_id=str(someone.public_id))
    with scope(agency=other):
        assert PERSON.rows(other, public_id=elsewhere.public_id) == [(elsewhere.public_id, "สมหญิง")]
