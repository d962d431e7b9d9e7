"""How every view handles a form: its status code, a service's errors on it, and a one-service staff action.

* ``form_status(*forms)``: the status of a page that shows forms: 400 when one of them was sent (posted,
  or a filter or look-up in the query string) and refused, else 200.
* ``posted(request)`` / ``posted_files(request)``: what a form page binds its form with (``request.POST or
  None`` would leave an empty POST unbound: shown blank, with no error).
* ``apply_errors(form, error)``: a service's ``ValidationError`` shown on the form instead of a 500.
* ``form_action(...)``: parse a form, call ONE service, redirect with a Thai success message; on a refusal
  re-render the page with the errors and status 400 (docs/decisions/0008-staff-actions-and-tasks.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.forms import BaseForm, BaseFormSet
from django.http import HttpRequest, HttpResponse, HttpResponseBase, QueryDict
from django.shortcuts import redirect
from django.utils.datastructures import MultiValueDict


def posted(request: HttpRequest) -> QueryDict | None:
    """The data to bind a form page's form with: the POST, even an empty one (so that it is refused with
    its errors shown, not shown blank), else None (a GET shows the empty form)."""
    return request.POST if request.method == "POST" else None


def posted_files(request: HttpRequest) -> MultiValueDict[str, UploadedFile] | None:
    """The uploaded files to bind a form page's form with, on a POST."""
    return request.FILES if request.method == "POST" else None


def form_status(*forms: BaseForm | BaseFormSet[Any]) -> int:
    """400 when one of ``forms`` (forms or formsets) was sent and refused (bound, with errors), else 200."""
    for form in forms:
        if not form.is_bound:
            continue
        if isinstance(form, BaseFormSet) and form.total_error_count():
            return 400
        if isinstance(form, BaseForm) and form.errors:
            return 400
    return 200


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
    success: str | Callable[[Any], str],
    done: str,
    page: Callable[[], HttpResponse] | None = None,
    invalid: str = "",
) -> HttpResponseBase:
    """One action of a staff page: a valid ``form`` → ``perform(cleaned_data)`` (ONE service) → ``done``.

    * ``form`` is None for a button without input (``perform`` gets ``{}``).
    * ``success`` is the Thai message shown after the redirect to ``done`` (a URL); a callable gets what
      the service returned (e.g. "3 rows published").
    * A refusal (an invalid form, or a ``ValidationError`` from the service) with a ``page`` renders that page
      again (a closure holding the bound form) with status 400: field errors next to their fields, the others
      at the top. Without a ``page`` (a button) the errors go to the top of ``done`` after a redirect.
    * ``invalid`` is a message for the top of the page when the form itself is invalid.
    """
    if form is None or form.is_valid():
        try:
            result = perform(form.cleaned_data if form is not None else {})
        except ValidationError as exc:
            _report(request, form if page is not None else None, exc)
        else:
            messages.success(request, success(result) if callable(success) else success)
            return redirect(done)
    elif invalid:
        messages.error(request, invalid)
    elif page is None:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
    if page is None:
        return redirect(done)
    response = page()
    response.status_code = 400
    return response
