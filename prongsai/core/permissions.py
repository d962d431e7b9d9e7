"""Deny by default: every view declares who may call it, and a middleware enforces the declaration.

A view without a rule is refused (and ``tests/test_url_rules.py`` fails), so forgetting a decorator can never
publish a back-office page. The rules are:

* ``public``      anyone, including anonymous visitors;
* ``signed_in``   a logged-in user, before two-factor verification (the OTP pages themselves, logout);
* ``staff(cap)``  a logged-in, two-factor-verified user who is an active member of the request's agency with a
  role that grants ``cap``;
* ``operator``    a logged-in, two-factor-verified member of a hosting operator (ADR 0100), whatever the host;
  the view itself limits what it shows to the agencies that operator hosts (``request.operator``).

The Django admin (instance operators only) keeps its own checks, tightened by django-otp's OTPAdminSite.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.models import Agency, Membership, Operator, OperatorMember
from prongsai.core.roles import Cap, capabilities_of, who_can

V = TypeVar("V", bound=Callable[..., Any])


@dataclass(frozen=True)
class AccessRule:
    kind: Literal["public", "signed_in", "staff", "operator"]
    capability: Cap | None = None


def public(view: V) -> V:
    view.access_rule = AccessRule("public")  # type: ignore[attr-defined]
    return view


def signed_in(view: V) -> V:
    view.access_rule = AccessRule("signed_in")  # type: ignore[attr-defined]
    return view


def operator_member(view: V) -> V:
    view.access_rule = AccessRule("operator")  # type: ignore[attr-defined]
    return view


def operator_of(request: HttpRequest) -> Operator | None:
    """The hosting operator the request's user works for (cached on the request), or None."""
    if hasattr(request, "_prongsai_operator"):
        cached: Operator | None = request._prongsai_operator
        return cached
    user = request.user
    found: Operator | None = None
    if user.is_authenticated and user.is_active:
        member = (
            OperatorMember.objects.filter(user=user, is_active=True)
            .select_related("operator")
            .order_by("pk")
            .first()
        )
        found = member.operator if member is not None else None
    request._prongsai_operator = found  # type: ignore[attr-defined]
    return found


def staff(capability: Cap) -> Callable[[V], V]:
    def decorate(view: V) -> V:
        view.access_rule = AccessRule("staff", capability)  # type: ignore[attr-defined]
        return view

    return decorate


def rule_of(view: Callable[..., Any]) -> AccessRule | None:
    return getattr(view, "access_rule", None)


def capabilities_for(request: HttpRequest) -> frozenset[Cap]:
    """The capabilities of the request's user in the request's agency (cached on the request)."""
    cached = getattr(request, "_prongsai_capabilities", None)
    if cached is not None:
        return frozenset(cached)
    agency: Agency | None = getattr(request, "agency", None)
    user = request.user
    caps: frozenset[Cap] = frozenset()
    if agency is not None and user.is_authenticated and user.is_active:
        roles = set(
            Membership.objects.filter(agency=agency, user=user, is_active=True).values_list("role", flat=True)
        )
        caps = capabilities_of(roles)
    request._prongsai_capabilities = caps  # type: ignore[attr-defined]
    return caps


def has_capability(request: HttpRequest, capability: Cap) -> bool:
    return capability in capabilities_for(request)


def is_verified(request: HttpRequest) -> bool:
    """Whether the user passed the second factor in this session (set by django-otp's middleware)."""
    check = getattr(request.user, "is_verified", None)
    return bool(check()) if callable(check) else False


def _login_redirect(request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse('core:login')}?{urlencode({'next': request.get_full_path()})}")


def forbidden(request: HttpRequest, capability: Cap | None = None, *, who: str = "") -> HttpResponse:
    """The 403 page. A verified member of the agency stays in the back-office frame (with the sidebar of
    what they can open) and is told which roles can open the page; anyone else gets the public frame.
    ``who`` names the roles when the page decides by something other than one capability."""
    in_backoffice = is_verified(request) and has_capability(request, Cap.BACKOFFICE)
    if not who and capability is not None and capability != Cap.BACKOFFICE:
        who = who_can(capability)
    template = "core/staff/forbidden.html" if in_backoffice else "core/forbidden.html"
    return render(request, template, {"who": who}, status=403)


class AccessRuleMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> HttpResponseBase | None:
        match = request.resolver_match
        if match is not None and match.app_name == "admin":
            return None  # OTPAdminSite: active staff superusers with a verified second factor only.
        rule = rule_of(view_func)
        if rule is None:
            return forbidden(request)
        if rule.kind == "public":
            return None
        user = request.user
        if not user.is_authenticated:
            return _login_redirect(request)
        if rule.kind == "signed_in":
            return None
        if not is_verified(request):
            return redirect(f"{reverse('core:otp_verify')}?{urlencode({'next': request.get_full_path()})}")
        if rule.kind == "operator":
            operator = operator_of(request)
            if operator is None:
                return forbidden(request, who=str(_("เจ้าหน้าที่ของหน่วยงานผู้ให้บริการระบบ")))
            request.operator = operator  # type: ignore[attr-defined]
            return None
        assert rule.capability is not None  # noqa: S101 - staff() always sets it
        if not has_capability(request, rule.capability):
            return forbidden(request, rule.capability)
        return None
