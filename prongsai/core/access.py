"""Guarded accessors for back-office objects of the core app: same 404 for "missing" and "not yours"."""

from __future__ import annotations

import uuid

from django.http import Http404

from prongsai.core.models import Agency, AgencyDayOff, Membership, OrgUnit, Person, Position


def get_unit(agency: Agency, pk: int) -> OrgUnit:
    unit = OrgUnit.objects.filter(agency=agency, pk=pk).first()
    if unit is None:
        raise Http404
    return unit


def get_position(agency: Agency, pk: int) -> Position:
    position = Position.objects.filter(agency=agency, pk=pk).select_related("unit").first()
    if position is None:
        raise Http404
    return position


def get_person(agency: Agency, pk: int) -> Person:
    person = Person.objects.filter(agency=agency, pk=pk).select_related("position").first()
    if person is None:
        raise Http404
    return person


def get_membership(agency: Agency, pk: int) -> Membership:
    membership = Membership.objects.filter(agency=agency, pk=pk).select_related("user").first()
    if membership is None:
        raise Http404
    return membership


def get_day_off(agency: Agency, pk: int) -> AgencyDayOff:
    entry = AgencyDayOff.objects.filter(agency=agency, pk=pk).first()
    if entry is None:
        raise Http404
    return entry


def parse_public_id(value: str) -> uuid.UUID:
    """A public id from a URL; anything that is not a UUID is simply "not found"."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def get_public_person(agency: Agency, public_id: str) -> Person:
    person = Person.objects.filter(agency=agency, public_id=parse_public_id(public_id)).first()
    if person is None:
        raise Http404
    return person
