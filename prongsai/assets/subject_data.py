"""What the assets app holds about a requester (PDPA access requests, ``core.subject_data``): the loans they
asked for, found by the loan's tracking code, the borrower's e-mail address or phone, or the e-mail address
of the staff account that borrowed."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from prongsai.core.models import Agency
from prongsai.core.subject_data import Holding, SubjectQuery, inventoried_fields
from prongsai.core.thai import format_date

from .models import Loan


def find(agency: Agency, query: SubjectQuery) -> list[Holding]:
    match = Q(tracking_code__in=query.codes)
    if query.email:
        match |= Q(borrower_email__iexact=query.email) | Q(borrower__email__iexact=query.email)
    if query.phone:
        match |= Q(borrower_phone=query.phone)
    loans = (
        Loan.objects.filter(agency=agency).filter(match).select_related("asset").order_by("starts_on", "pk")
    )
    return [
        Holding(
            source=_("การยืมทรัพย์สินของราชการ %(code)s") % {"code": loan.display_code},
            fields=[
                (_("ครุภัณฑ์"), f"{loan.asset.code} {loan.asset.name}"),
                (_("ระยะเวลายืม"), f"{format_date(loan.starts_on)} – {format_date(loan.due_on)}"),
                *inventoried_fields(loan, extra=("created_at", "status", "purpose", "reason", "place")),
            ],
        )
        for loan in loans
    ]


FINDERS = [find]
