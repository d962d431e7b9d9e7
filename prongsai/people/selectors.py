"""Reads of the people app shared by its pages, the official documents, the ITA evidence and the API.

Statistics are counted from the records as of a date, never typed: the staffing table of the HR report from
the posts and their tenures, the training table from the courses and who attended them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from prongsai.core.models import Agency, Attachment, Membership, Person, PublicationStatus, User
from prongsai.core.thai import fiscal_year_range
from prongsai.people import catalogue
from prongsai.people.models import (
    Acknowledgement,
    Attendance,
    ConductGuide,
    Course,
    EthicsCode,
    EthicsReport,
    GroupMember,
    HrRule,
    StaffPost,
    Tenure,
    WorkingGroup,
)

PUBLISHED = PublicationStatus.PUBLISHED

# --- staffing ----------------------------------------------------------------------------------------------


@dataclass
class StaffingRow:
    key: str
    label: str
    side: str
    approved: int = 0
    filled: int = 0

    @property
    def vacant(self) -> int:
        return self.approved - self.filled


@dataclass
class Staffing:
    as_of: date
    rows: list[StaffingRow]

    def side(self, side: str) -> list[StaffingRow]:
        return [r for r in self.rows if r.side == side]

    def total(self, side: str) -> StaffingRow:
        rows = self.side(side)
        return StaffingRow(
            key="total",
            label="",
            side=side,
            approved=sum(r.approved for r in rows),
            filled=sum(r.filled for r in rows),
        )

    @property
    def career_total(self) -> StaffingRow:
        return self.total("career")

    @property
    def political_total(self) -> StaffingRow:
        return self.total("political")

    @property
    def is_empty(self) -> bool:
        return not any(r.approved for r in self.rows)


def _active_posts(agency: Agency, as_of: date) -> QuerySet[StaffPost]:
    return StaffPost.objects.filter(agency=agency, established_on__lte=as_of).filter(
        Q(abolished_on__isnull=True) | Q(abolished_on__gt=as_of)
    )


def _holding(as_of: date) -> Q:
    return Q(tenures__started_on__lte=as_of) & (
        Q(tenures__ended_on__isnull=True) | Q(tenures__ended_on__gte=as_of)
    )


def staffing_as_of(agency: Agency, as_of: date) -> Staffing:
    """Approved posts, filled and vacant, per position type (the order of the data file), as of a day."""
    counted = {
        row["position_type"]: row
        for row in _active_posts(agency, as_of)
        .values("position_type")
        .annotate(
            approved=Count("pk", distinct=True), filled=Count("pk", filter=_holding(as_of), distinct=True)
        )
    }
    rows = []
    for kind in catalogue.position_types():
        found = counted.get(kind.key, {})
        rows.append(
            StaffingRow(
                key=kind.key,
                label=kind.label,
                side=kind.side,
                approved=int(found.get("approved", 0)),
                filled=int(found.get("filled", 0)),
            )
        )
    return Staffing(as_of=as_of, rows=rows)


def posts_for_staff(agency: Agency) -> QuerySet[StaffPost]:
    current = Tenure.objects.filter(ended_on__isnull=True).select_related("person")
    return (
        StaffPost.objects.filter(agency=agency)
        .select_related("position", "position__unit")
        .prefetch_related(Prefetch("tenures", queryset=current, to_attr="current_tenures"))
    )


def tenures_of(post: StaffPost) -> QuerySet[Tenure]:
    return (
        Tenure.objects.filter(agency=post.agency, post=post).select_related("person").order_by("-started_on")
    )


def people_choices(agency: Agency) -> QuerySet[Person]:
    """Core people an officer may pick (current ones first, then former office holders)."""
    return (
        Person.objects.filter(agency=agency)
        .select_related("position")
        .order_by("-is_current", "first_name", "last_name")
    )


# --- HR rules ----------------------------------------------------------------------------------------------


def rules_for_staff(agency: Agency) -> QuerySet[HrRule]:
    return HrRule.objects.filter(agency=agency).select_related("document")


def published_rules(agency: Agency, *, in_force_on: date | None = None) -> list[HrRule]:
    rules = HrRule.objects.filter(agency=agency, status=PUBLISHED).select_related("document")
    if in_force_on is not None:
        rules = rules.filter(effective_on__lte=in_force_on)
    return list(rules)


# --- training ----------------------------------------------------------------------------------------------


@dataclass
class TrainingStats:
    fiscal_year: int
    courses: int = 0
    attendances: int = 0
    people: int = 0
    hours: Decimal = Decimal(0)  # person-hours: each attendance counts the course's hours
    cost: Decimal = Decimal(0)
    ethics_courses: int = 0
    ethics_attendances: int = 0
    by_topic: list[tuple[str, int, int]] = field(default_factory=list)  # label, courses, attendances


def courses_of_year(agency: Agency, fiscal_year: int) -> QuerySet[Course]:
    return (
        Course.objects.filter(agency=agency, fiscal_year=fiscal_year)
        .annotate(attendance_count=Count("attendances"))
        .order_by("starts_on", "title")
    )


def attendance_count(course: Course) -> int:
    """The number of attendances ``courses_of_year`` counted for a course."""
    return int(getattr(course, "attendance_count", 0))


def training_stats(agency: Agency, fiscal_year: int) -> TrainingStats:
    """The year's training statistics, counted from the courses and their attendance (two queries)."""
    courses = list(courses_of_year(agency, fiscal_year))
    stats = TrainingStats(fiscal_year=fiscal_year, courses=len(courses))
    per_topic: dict[str, list[int]] = {}
    for course in courses:
        count = attendance_count(course)
        stats.attendances += count
        stats.hours += course.hours * count
        stats.cost += course.cost
        per_topic.setdefault(course.topic, [0, 0])
        per_topic[course.topic][0] += 1
        per_topic[course.topic][1] += count
        if course.topic == Course.Topic.ETHICS:
            stats.ethics_courses += 1
            stats.ethics_attendances += count
    stats.people = (
        Attendance.objects.filter(agency=agency, course__agency=agency, course__fiscal_year=fiscal_year)
        .values("person")
        .distinct()
        .count()
    )
    stats.by_topic = [
        (str(label), per_topic[value][0], per_topic[value][1])
        for value, label in Course.Topic.choices
        if value in per_topic
    ]
    return stats


@dataclass
class PersonTraining:
    person: Person
    courses: int
    hours: Decimal


def training_per_person(agency: Agency, fiscal_year: int) -> list[PersonTraining]:
    """Per-person totals of a year (staff pages only: who attended is personal data)."""
    rows = (
        Attendance.objects.filter(agency=agency, course__agency=agency, course__fiscal_year=fiscal_year)
        .values("person")
        .annotate(courses=Count("pk"), hours=Sum("course__hours"))
    )
    people = {p.pk: p for p in Person.objects.filter(agency=agency, pk__in=[r["person"] for r in rows])}
    return sorted(
        (
            PersonTraining(person=people[r["person"]], courses=r["courses"], hours=r["hours"] or Decimal(0))
            for r in rows
        ),
        key=lambda t: (-t.hours, t.person.first_name),
    )


def attendances_of(course: Course) -> QuerySet[Attendance]:
    return Attendance.objects.filter(agency=course.agency, course=course).select_related(
        "person", "person__position", "certificate"
    )


def training_years(agency: Agency) -> list[int]:
    return sorted(
        set(Course.objects.filter(agency=agency).values_list("fiscal_year", flat=True)), reverse=True
    )


# --- the ethics programme ----------------------------------------------------------------------------------


def codes_for_staff(agency: Agency) -> QuerySet[EthicsCode]:
    return EthicsCode.objects.filter(agency=agency).select_related("document")


def published_codes(agency: Agency) -> list[EthicsCode]:
    return list(EthicsCode.objects.filter(agency=agency, status=PUBLISHED).select_related("document"))


def groups_for_staff(agency: Agency) -> QuerySet[WorkingGroup]:
    return WorkingGroup.objects.filter(agency=agency).annotate(member_count=Count("members"))


def members_of(group: WorkingGroup) -> QuerySet[GroupMember]:
    return GroupMember.objects.filter(agency=group.agency, group=group).select_related(
        "person", "person__position"
    )


def published_group(agency: Agency, fiscal_year: int) -> WorkingGroup | None:
    return (
        WorkingGroup.objects.filter(agency=agency, status=PUBLISHED, fiscal_year__lte=fiscal_year)
        .select_related("order_document")
        .order_by("-fiscal_year")
        .first()
    )


def guides_for_staff(agency: Agency) -> QuerySet[ConductGuide]:
    return ConductGuide.objects.filter(agency=agency)


def published_guide(agency: Agency, fiscal_year: int) -> ConductGuide | None:
    return (
        ConductGuide.objects.filter(agency=agency, status=PUBLISHED, fiscal_year__lte=fiscal_year)
        .order_by("-fiscal_year")
        .first()
    )


def reports_for_staff(agency: Agency) -> QuerySet[EthicsReport]:
    return EthicsReport.objects.filter(agency=agency)


def published_report(agency: Agency, fiscal_year: int) -> EthicsReport | None:
    return EthicsReport.objects.filter(agency=agency, status=PUBLISHED, fiscal_year=fiscal_year).first()


def published_reports(agency: Agency) -> QuerySet[EthicsReport]:
    return EthicsReport.objects.filter(agency=agency, status=PUBLISHED).order_by("-fiscal_year")


def ethics_courses(agency: Agency, fiscal_year: int) -> QuerySet[Course]:
    return courses_of_year(agency, fiscal_year).filter(topic=Course.Topic.ETHICS)


# --- acknowledgements --------------------------------------------------------------------------------------


def acknowledgement_of(agency: Agency, user: User, fiscal_year: int) -> Acknowledgement | None:
    return Acknowledgement.objects.filter(agency=agency, user=user, fiscal_year=fiscal_year).first()


@dataclass
class AcknowledgementStatus:
    fiscal_year: int
    done: list[tuple[User, Acknowledgement]]
    pending: list[User]


def acknowledgement_status(agency: Agency, fiscal_year: int) -> AcknowledgementStatus:
    """Every active member of the agency: who has acknowledged the codes this year and who has not yet."""
    users: dict[int, User] = {}
    for membership in Membership.objects.filter(agency=agency, is_active=True).select_related("user"):
        if membership.user.is_active:
            users[membership.user.pk] = membership.user
    acks = {a.user_id: a for a in Acknowledgement.objects.filter(agency=agency, fiscal_year=fiscal_year)}
    ordered = sorted(users.values(), key=lambda u: u.get_full_name() or u.get_username())
    return AcknowledgementStatus(
        fiscal_year=fiscal_year,
        done=[(u, acks[u.pk]) for u in ordered if u.pk in acks],
        pending=[u for u in ordered if u.pk not in acks],
    )


def year_bounds(fiscal_year: int) -> tuple[date, date]:
    return fiscal_year_range(fiscal_year)


def published_document(agency: Agency, public_id: uuid.UUID) -> Attachment | None:
    """The attachment ``public_id`` if a published HR rule, code of ethics or working-group order carries it
    (anything else, published or not, is not served by the people app)."""
    published = PublicationStatus.PUBLISHED
    carried = (
        HrRule.objects.filter(agency=agency, status=published, document__public_id=public_id).exists()
        or EthicsCode.objects.filter(agency=agency, status=published, document__public_id=public_id).exists()
        or WorkingGroup.objects.filter(
            agency=agency, status=published, order_document__public_id=public_id
        ).exists()
    )
    return Attachment.objects.filter(agency=agency, public_id=public_id).first() if carried else None
