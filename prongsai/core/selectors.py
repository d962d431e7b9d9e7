"""Reads of the core app shared by views, reports and (later) the API."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple, TypeVar

from django.db.models import Prefetch, QuerySet
from django_scopes import scopes_disabled

from prongsai.core.models import (
    Agency,
    AgencyDayOff,
    AgencyHost,
    AuditEvent,
    LineChannel,
    Membership,
    OrgUnit,
    Person,
    Position,
    PublicHoliday,
    StaffLineLink,
    User,
)
from prongsai.core.models.org import person_name
from prongsai.core.prepared import TenantQuery
from prongsai.core.roles import ROLE_CAPABILITIES, Cap


@dataclass
class UnitNode:
    unit: OrgUnit
    positions: list[Position]
    children: list[UnitNode] = field(default_factory=list)


def agency_hosts(agency: Agency) -> list[str]:
    """The host names the agency answers on, the first one it was given first (its main address)."""
    with scopes_disabled():
        return list(AgencyHost.objects.filter(agency=agency).order_by("pk").values_list("host", flat=True))


def _current_people() -> Prefetch[str]:
    return Prefetch("people", queryset=Person.objects.filter(is_current=True).order_by("order", "first_name"))


def structure_tree(agency: Agency) -> dict[str, list[UnitNode]]:
    """The org chart of ``agency`` per side (political, career) as trees of units with positions and people.

    Three queries whatever the size of the structure.
    """
    units = list(OrgUnit.objects.filter(agency=agency).order_by("order", "name_th"))
    positions = (
        Position.objects.filter(agency=agency)
        .prefetch_related(_current_people())
        .order_by("order", "title_th")
    )
    by_unit: dict[int, list[Position]] = {}
    for position in positions:
        by_unit.setdefault(position.unit_id, []).append(position)
    nodes = {u.pk: UnitNode(unit=u, positions=by_unit.get(u.pk, [])) for u in units}
    roots: dict[str, list[UnitNode]] = {OrgUnit.Side.POLITICAL: [], OrgUnit.Side.CAREER: []}
    for unit in units:
        node = nodes[unit.pk]
        if unit.parent_id is not None and unit.parent_id in nodes:
            nodes[unit.parent_id].children.append(node)
        else:
            roots.setdefault(unit.side, []).append(node)
    return roots


# What a person's card on the public pages shows (portal/templatetags/people_tags.py) and what orders the
# cards: a page of cards reads only these columns, not the audit dates and every other column of 3 tables.
CARD_FIELDS = (
    "public_id",
    "prefix",
    "first_name",
    "last_name",
    "photo",
    "phone",
    "email",
    "order",
    "position__title_th",
    "position__level",
    "position__order",
    "position__unit__side",
)


_EXECUTIVE_LEVELS = (Position.Level.TOP_EXECUTIVE, Position.Level.DEPUTY_EXECUTIVE)


def executives(agency: Agency) -> dict[str, list[Person]]:
    """Current top and deputy executives of both sides (OIT "ข้อมูลผู้บริหาร"), top first."""
    people = (
        Person.objects.filter(
            agency=agency,
            is_current=True,
            position__agency=agency,
            position__level__in=_EXECUTIVE_LEVELS,
        )
        .select_related("position", "position__unit")
        .order_by("position__unit__side", "position__level", "position__order", "order")
    )
    return _by_side(people, lambda person: (person.position.level, person.position.unit.side))


_RANK: dict[str, int] = {Position.Level.TOP_EXECUTIVE: 0, Position.Level.DEPUTY_EXECUTIVE: 1}
T = TypeVar("T")


def _by_side(people: Iterable[T], level_and_side: Callable[[T], tuple[str, str]]) -> dict[str, list[T]]:
    # Top executives first. The sort is stable, so each level keeps the query's order (the post's order,
    # then the person's); the query orders levels by name, which is not their rank.
    result: dict[str, list[T]] = {OrgUnit.Side.POLITICAL: [], OrgUnit.Side.CAREER: []}
    for person in sorted(people, key=lambda p: _RANK[level_and_side(p)[0]]):
        result.setdefault(level_and_side(person)[1], []).append(person)
    return result


class PersonCard(NamedTuple):
    """A person as the public cards show them: a row of ``CARD_FIELDS``, not a model instance."""

    public_id: uuid.UUID
    prefix: str
    first_name: str
    last_name: str
    photo: str  # the file's name; empty when there is none
    phone: str
    email: str
    order: int
    title_th: str
    level: str
    position_order: int
    side: str

    @property
    def full_name(self) -> str:
        return person_name(self.prefix, self.first_name, self.last_name)


def _executive_rows(agency_id: int, *, levels: tuple[str, ...]) -> QuerySet[Any]:
    return (
        Person.objects.filter(
            agency=agency_id,
            is_current=True,
            # Bounded by the agency on every joined table, as the people are.
            position__agency=agency_id,
            position__unit__agency=agency_id,
            position__level__in=levels,
        )
        .order_by("position__unit__side", "position__level", "position__order", "order")
        .values_list(*CARD_FIELDS)
    )


# The executives page and the home page read their cards with SQL built once per connection (ADR 0131).
_EXECUTIVE_CARDS = {
    levels: TenantQuery(functools.partial(_executive_rows, levels=levels))
    for levels in (_EXECUTIVE_LEVELS, (Position.Level.TOP_EXECUTIVE,))
}


def executive_cards(agency: Agency, *, top_only: bool = False) -> dict[str, list[PersonCard]]:
    """The cards of ``executives``: the same people in the same order, with only what a card shows.
    ``top_only``: the top executives alone."""
    levels = (Position.Level.TOP_EXECUTIVE,) if top_only else _EXECUTIVE_LEVELS
    cards = [PersonCard(*row) for row in _EXECUTIVE_CARDS[levels].rows(agency)]
    return _by_side(cards, lambda card: (card.level, card.side))


def first_executives(agency: Agency) -> dict[str, list[PersonCard]]:
    """The first of ``executive_cards`` on each side (the home page's cards). The top executives usually
    answer it (one per side); only a side without one needs its deputies read too."""
    tops = executive_cards(agency, top_only=True)
    found = tops if all(tops.values()) else executive_cards(agency)
    return {side: people[:1] for side, people in found.items()}


def units_for_staff(agency: Agency) -> QuerySet[OrgUnit]:
    return OrgUnit.objects.filter(agency=agency).select_related("parent").order_by("side", "order", "name_th")


def positions_for_staff(agency: Agency) -> QuerySet[Position]:
    return (
        Position.objects.filter(agency=agency)
        .select_related("unit")
        .order_by("unit__side", "unit__order", "order")
    )


def people_for_staff(agency: Agency) -> QuerySet[Person]:
    return (
        Person.objects.filter(agency=agency)
        .select_related("position", "position__unit")
        .order_by("position__unit__side", "position__unit__order", "position__order", "order")
    )


def members_of(agency: Agency) -> QuerySet[Membership]:
    return Membership.objects.filter(agency=agency).select_related("user").order_by("user__username", "role")


def members_with(agency: Agency, cap: Cap) -> QuerySet[User]:
    """The active members of ``agency`` whose role grants ``cap`` (the people who work a queue)."""
    roles = [role for role, caps in ROLE_CAPABILITIES.items() if cap in caps]
    user_ids = Membership.objects.filter(agency=agency, is_active=True, role__in=roles).values_list(
        "user_id", flat=True
    )
    return User.objects.filter(pk__in=list(user_ids), is_active=True).order_by("first_name", "username")


def holidays_between(start: date, end: date) -> QuerySet[PublicHoliday]:
    return PublicHoliday.objects.filter(date__range=(start, end)).order_by("date")


def audit_events(agency: Agency, *, limit: int = 200) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(agency=agency).select_related("actor").order_by("-seq")[:limit]


def days_off(agency: Agency, *, since: date) -> QuerySet[AgencyDayOff]:
    return AgencyDayOff.objects.filter(agency=agency, date__gte=since).order_by("date")


def line_channel(agency: Agency, *, active_only: bool = True) -> LineChannel | None:
    """The agency's LINE Official Account channel (one per agency); by default only while switched on."""
    channels = LineChannel.objects.filter(agency=agency)
    if active_only:
        channels = channels.filter(is_active=True)
    return channels.first()


def staff_line_link(agency: Agency, user: User) -> StaffLineLink | None:
    """The member's LINE alert link in ``agency`` (linked or waiting for its code), if any."""
    return StaffLineLink.objects.filter(agency=agency, user=user).first()


def staff_line_recipients(agency: Agency) -> QuerySet[StaffLineLink]:
    """The members of staff with a linked LINE account who are still active members of ``agency``."""
    members = Membership.objects.filter(agency=agency, is_active=True).values_list("user_id", flat=True)
    return (
        StaffLineLink.objects.filter(agency=agency, user__is_active=True, user_id__in=list(members))
        .exclude(line_user_id="")
        .select_related("user")
        .order_by("pk")
    )
