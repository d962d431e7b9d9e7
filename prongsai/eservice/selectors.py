"""Reads of the E-Service app shared by its views, the API and (later) the reports."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any, NamedTuple

from django.db.models import Q, QuerySet

from prongsai.core.models import Agency, AuditEvent, OrgUnit, PublicationStatus, User
from prongsai.core.prepared import TenantQuery

from . import clock
from .models import OPEN_STATUSES, RequestStatus, RequestStep, Service, ServiceRequest, describe_fee


def published_services(agency: Agency | int, *, category: str | None = None) -> QuerySet[Service]:
    """The public catalogue, in the agency's order."""
    qs = Service.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED).select_related(
        "owner_unit"
    )
    if category:
        qs = qs.filter(category=category)
    return qs.order_by("order", "name_th")


# The columns of a catalogue card (eservice/templatetags/eservice_tags.py).
SERVICE_CARD_FIELDS = (
    "code",
    "name_th",
    "description",
    "category",
    "channel_eservice",
    "is_accepting",
    "has_fee",
    "fee_amount",
    "fee_description",
    "owner_unit__name_th",
)


class ServiceCard(NamedTuple):
    """One service as the catalogue shows it: a row of ``SERVICE_CARD_FIELDS``, not a model instance."""

    code: str
    name_th: str
    description: str
    category: str
    channel_eservice: bool
    is_accepting: bool
    has_fee: bool
    fee_amount: Decimal | None
    fee_description: str
    owner_unit_name: str

    @property
    def category_label(self) -> str:
        return str(_CATEGORY_LABELS.get(self.category, self.category))

    @property
    def fee_text(self) -> str:
        return describe_fee(self.has_fee, self.fee_amount, self.fee_description)


_CATEGORY_LABELS = dict(Service.Category.choices)


def _cards(agency_id: int, category: str | None = None) -> QuerySet[Any]:
    # The owner unit is joined within the agency too, so the join is bounded by it as the services are.
    services = published_services(agency_id, category=category).filter(owner_unit__agency_id=agency_id)
    return services.values_list(*SERVICE_CARD_FIELDS)


# The catalogue as citizens open it, whole or by category: an agency lists 30 to 70 services, and building
# that many model instances (with their units) was a third of the page; a TenantQuery (core/prepared.py)
# reads the same rows with SQL built once per connection (ADR 0131).
_ALL_CARDS = TenantQuery(_cards)
_CATEGORY_CARDS = TenantQuery(_cards, category=str)


def catalogue_cards(agency: Agency, *, category: str = "", query: str = "") -> list[ServiceCard]:
    """The catalogue's published services in the agency's order, of one category when given, and whose
    name contains ``query`` when given."""
    if query:
        # A search is rare and its text is not a plain parameter (``%…%``): the queryset reads it.
        rows = _cards(agency.pk, category or None).filter(name_th__icontains=query)
        return [ServiceCard(*row) for row in rows]
    found = _CATEGORY_CARDS.rows(agency, category=str(category)) if category else _ALL_CARDS.rows(agency)
    return [ServiceCard(*row) for row in found]


def published_manuals(agency: Agency) -> list[Service]:
    """The published services with everything their manuals state (steps and units, documents, forms)."""
    return list(
        published_services(agency).prefetch_related("steps__responsible_unit", "documents", "sample_forms")
    )


def service_manual(agency: Agency, code: str) -> Service | None:
    """One service of ``agency`` by its code, published or draft, with what its manual states.

    For the manual document: staff may print a draft to check it; the public download asks
    ``access.get_public_service`` first, so citizens only ever reach published manuals.
    """
    return (
        Service.objects.filter(agency=agency, code=code)
        .select_related("owner_unit")
        .prefetch_related("steps__responsible_unit", "documents", "sample_forms")
        .first()
    )


def request_by_idempotency_key(agency: Agency, key: uuid.UUID) -> ServiceRequest | None:
    """The request a citizen's form (identified by its token's key) already created, if any."""
    return ServiceRequest.objects.filter(agency=agency, idempotency_key=key).first()


def services_for_staff(agency: Agency) -> QuerySet[Service]:
    return Service.objects.filter(agency=agency).select_related("owner_unit").order_by("order", "name_th")


def request_steps(request: ServiceRequest) -> list[RequestStep]:
    """The steps of a request in order, with their responsible units."""
    return list(
        RequestStep.objects.filter(request=request).select_related("responsible_unit").order_by("order")
    )


def is_overdue(request: ServiceRequest, at: datetime | None = None) -> bool:
    """Late: open, the clock running, and past the due date of the current step or of the whole request."""
    moment = at or clock.now()
    if request.status not in (RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS):
        return False
    step_due = request.current_step.due_at if request.current_step else None
    return bool((step_due and step_due < moment) or (request.due_at and request.due_at < moment))


def staff_queue(
    agency: Agency,
    *,
    unit: OrgUnit | None = None,
    assignee: User | None = None,
    state: str = "open",
    service: Service | None = None,
) -> QuerySet[ServiceRequest]:
    """Requests for the back-office queue: open ones first by due date; filters by unit, assignee, service.

    ``state``: "new" (received, no step done yet), "open", "overdue", "awaiting", "closed" or "all".
    """
    qs = ServiceRequest.objects.filter(agency=agency).select_related(
        "service", "current_step", "assigned_to", "queue_unit"
    )
    now = clock.now()
    if state == "open":
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif state == "new":
        qs = qs.filter(status=RequestStatus.RECEIVED)
    elif state == "overdue":
        qs = qs.filter(status__in=[RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS]).filter(
            Q(due_at__lt=now) | Q(current_step__due_at__lt=now)
        )
    elif state == "awaiting":
        qs = qs.filter(status=RequestStatus.AWAITING_DOCUMENTS)
    elif state == "closed":
        qs = qs.filter(status__in=[RequestStatus.APPROVED, RequestStatus.REJECTED])
    if unit is not None:
        qs = qs.filter(queue_unit=unit)
    if assignee is not None:
        qs = qs.filter(assigned_to=assignee)
    if service is not None:
        qs = qs.filter(service=service)
    if state == "closed":
        return qs.order_by("-completed_at")
    return qs.order_by("current_step__due_at", "due_at", "received_at")


def handlers(agency: Agency) -> QuerySet[User]:
    """Members who may be given a request (roles with the E-Service capability)."""
    from prongsai.core.roles import Cap
    from prongsai.core.selectors import members_with

    return members_with(agency, Cap.ESERVICE_HANDLE)


def requests_for_open311(
    agency: Agency,
    *,
    codes: list[str] | None = None,
    service_code: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    status: str | None = None,
    limit: int = 1000,
) -> list[ServiceRequest]:
    """Requests as Open311 lists them (GeoReport v2 filters), newest first."""
    qs = ServiceRequest.objects.filter(agency=agency).select_related(
        "service", "service__owner_unit", "current_step"
    )
    if codes:
        qs = qs.filter(tracking_code__in=codes)
    if service_code:
        qs = qs.filter(service__agency=agency, service__code=service_code)
    if start:
        qs = qs.filter(received_at__gte=start)
    if end:
        qs = qs.filter(received_at__lte=end)
    if status == "open":
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif status == "closed":
        qs = qs.exclude(status__in=OPEN_STATUSES)
    return list(qs.order_by("-received_at")[:limit])


def queue_units(agency: Agency) -> QuerySet[OrgUnit]:
    """The units whose queues staff can filter by (the career side handles requests)."""
    return OrgUnit.objects.filter(agency=agency, side=OrgUnit.Side.CAREER)


def request_history(req: ServiceRequest) -> QuerySet[AuditEvent]:
    """The audit events of one request, oldest first (its history on the staff page)."""
    return (
        AuditEvent.objects.filter(agency=req.agency, object_type=req._meta.label_lower, object_id=str(req.pk))
        .select_related("actor")
        .order_by("seq")
    )


def overdue_counts(agency_ids: list[int]) -> dict[int, int]:
    """Overdue requests per agency (the queue's "overdue" filter), one query for many agencies.

    Runs inside a scope that covers these agencies (the operator's dashboard scopes to those it hosts)."""
    from django.db.models import Count

    now = clock.now()
    rows = (
        ServiceRequest.objects.filter(agency_id__in=agency_ids)
        .filter(status__in=[RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS])
        .filter(Q(due_at__lt=now) | Q(current_step__due_at__lt=now))
        .values("agency_id")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    return {row["agency_id"]: row["n"] for row in rows}
