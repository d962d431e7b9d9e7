"""How every view handles a form: its status code, a service's errors on it, and a one-service staff action.

* ``form_status(request, *forms)``: the status of a page that shows forms. A view re-renders a posted form
  only when it refused it (success redirects), so a POST that comes back is 400; on GET a bound form with
  errors (a filter, a look-up) is 400 too. Everything else is 200.
* ``apply_errors(form, error)``: a service's ``ValidationError`` shown on the form instead of a 500.
* ``form_action(...)``: parse a form, call ONE service, redirect with a Thai success message; on a refusal
  re-render the page with the errors and status 400 (docs/decisions/0008-staff-actions-and-tasks.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect


def form_status(request: HttpRequest, *forms: BaseForm) -> int:
    """400 when the request sent a form and it was refused, else 200 (see the module's docstring)."""
    if request.method == "POST":
        return 400
    return 400 if any(form.is_bound and form.errors for form in forms) else 200


def apply_errors(form: BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: next to its field, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errs in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, error)


def _report(request: HttpRequest, form: BaseForm | None, error: ValidationError) -> None:
    """Field errors go next to their field; the others at the top of the page, where they are seen whichever
    forms the page shows now (the action's own form may be gone, e.g. the record changed state meanwhile)."""
    if form is not None and hasattr(error, "error_dict"):
        for field, errs in error.error_dict.items():
            if field in form.fields:
                form.add_error(field, errs)
            else:
                for err in errs:
                    messages.error(request, " ".join(err.messages))
        return
    for message in error.messages:
        messages.error(request, message)


def form_action(
    request: HttpRequest,
    form: BaseForm | None,
    perform: Callable[[dict[str, Any]], object],
    *,
    success: str,
    done: str,
    page: Callable[[], HttpResponse],
    invalid: str = "",
) -> HttpResponseBase:
    """One action of a staff page: a valid ``form`` → ``perform(cleaned_data)`` (one service) → ``done``.

    ``form`` is None for an action without input (``perform`` gets ``{}``). ``success`` is the Thai message
    shown after the redirect to ``done`` (a URL). On an invalid form, or a ``ValidationError`` from the
    service, ``page()`` renders the page again (with the bound form, which the caller's closure holds) and
    the answer is 400; ``invalid`` is an optional message shown at the top when the form itself is invalid.
    """
    if form is None or form.is_valid():
        try:
            perform(form.cleaned_data if form is not None else {})
        except ValidationError as exc:
            _report(request, form, exc)
        else:
            messages.success(request, success)
            return redirect(done)
    elif invalid:
        messages.error(request, invalid)
    response = page()
    response.status_code = 400
    return response
