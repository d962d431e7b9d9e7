"""Public pages of government property: the asset-use manual, the loan statistics and the stock-take results,
and the community's requests to borrow what the agency lends (tents, chairs, a water truck)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from prongsai.assets import access, selectors, services
from prongsai.assets.forms import PublicLoanForm
from prongsai.assets.models import Loan
from prongsai.core.http import AgencyRequest
from prongsai.core.permissions import public
from prongsai.core.safeguards import RATE_LIMITED, limits_for
from prongsai.core.thai import fiscal_year
from prongsai.core.views_forms import apply_errors, form_status


@public
def manual(request: AgencyRequest) -> HttpResponse:
    """The published asset-use manual with what the agency lends, this year's loans and the stock-takes."""
    agency = request.agency
    this_year = fiscal_year(services.today_local())
    years = sorted({this_year, *selectors.loan_years(agency)}, reverse=True)[:4]
    return render(
        request,
        "assets/manual.html",
        {
            "rules": selectors.published_rules(agency),
            "this_year": this_year,
            "public_items": selectors.lendable_assets(agency, public=True),
            "statistics": [selectors.loan_statistics(agency, year) for year in years],
            "stocktakes": [selectors.stocktake_result(s) for s in selectors.reported_stocktakes(agency)[:3]],
        },
    )


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


@public
def borrow(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    limits = limits_for(request, "asset-loan")
    context = {"rules": selectors.published_rules(agency)}
    if request.method != "POST":
        form = PublicLoanForm(limits=limits, agency=agency)
        return render(request, "assets/borrow.html", {**context, "form": form})
    form = PublicLoanForm(request.POST, limits=limits, agency=agency)
    if form.is_valid():
        if limits.exceeded():
            form.add_error(None, RATE_LIMITED)
            return render(request, "assets/borrow.html", {**context, "form": form}, status=429)
        data = form.cleaned_data
        try:
            loan, _created = services.loan_request(
                agency=agency,
                acting_user=None,
                idempotency_key=form.idempotency_key,
                asset=data["asset"],
                purpose=Loan.Purpose.PUBLIC_BENEFIT,
                reason=data["reason"],
                place=Loan.Place.OUTSIDE,
                use_location=data["use_location"],
                starts_on=data["starts_on"],
                due_on=data["due_on"],
                borrower_name=data["borrower_name"],
                borrower_phone=data["borrower_phone"],
                borrower_email=data["borrower_email"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            limits.record()
            messages.success(
                request,
                _("ได้รับคำขอยืมของท่านแล้ว รหัสติดตามคือ %(code)s กรุณาจดรหัสนี้ไว้เพื่อติดตามผลการพิจารณา")
                % {"code": loan.display_code},
            )
            return redirect("assets:track", code=loan.display_code)
    elif form.looked_automated:
        limits.record()
    return render(request, "assets/borrow.html", {**context, "form": form}, status=form_status(form))


@public
def track(request: AgencyRequest, code: str) -> HttpResponse:
    loan = access.get_loan_by_code(request.agency, code)
    return _private(render(request, "assets/track.html", {"loan": loan}))
