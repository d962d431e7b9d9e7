"""Signing in with a password and a second factor (TOTP), and signing out."""

from __future__ import annotations

import base64
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from prongsai.core.forms import LoginForm, OTPTokenForm
from prongsai.core.http import SignedInRequest
from prongsai.core.permissions import capabilities_for, is_verified, operator_of, public, signed_in
from prongsai.core.services_auth import totp_confirm, totp_pending_device
from prongsai.core.services_onboarding import invitation_accept, invitation_for


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?{urlencode({'next': _next_url(request)})}"


def _explicit_next(request: HttpRequest) -> str:
    """The page the visitor was sent from (a safe local URL), or "" when none was given."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return ""


def _next_url(request: HttpRequest) -> str:
    explicit = _explicit_next(request)
    if explicit:
        return explicit
    # An operator's member who is no member of this agency starts on the operator's dashboard.
    if operator_of(request) is not None and not capabilities_for(request):
        return "/hosting/"
    return "/staff/"


@public
def language_view(request: HttpRequest, code: str) -> HttpResponse:
    """Switch the interface language (a cookie) and go back. A link, so public pages need no CSRF cookie."""
    candidate = request.GET.get("next") or "/"
    target = (
        candidate
        if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure())
        else "/"
    )
    response = redirect(target)
    if code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=365 * 24 * 60 * 60,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
    return response


@public
def login_view(request: HttpRequest) -> HttpResponse:
    """Step 1: username and password (throttled by django-axes)."""
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        login(request, user)
        target = (
            "core:otp_verify"
            if TOTPDevice.objects.filter(user=user, confirmed=True).exists()
            else "core:otp_setup"
        )
        return redirect(_with_next(target, request))
    # The default destination is decided after sign-in (it depends on who signed in), so only a page the
    # visitor came from travels in the form.
    return render(request, "core/auth/login.html", {"form": form, "next": _explicit_next(request)})


@signed_in
def otp_verify_view(request: SignedInRequest) -> HttpResponse:
    """Step 2: the 6-digit code of the user's authenticator app."""
    if is_verified(request):
        return redirect(_next_url(request))
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(_with_next("core:otp_setup", request))
    form = OTPTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("รหัสยืนยันไม่ถูกต้องหรือหมดอายุแล้ว กรุณากรอกรหัสล่าสุดจากแอป หากผิดหลายครั้งต้องรอสักครู่"))
    return render(request, "core/auth/otp_verify.html", {"form": form, "next": _next_url(request)})


@signed_in
def otp_setup_view(request: SignedInRequest) -> HttpResponse:
    """First sign-in: register an authenticator app by scanning a QR code, then confirm one code."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(_with_next("core:otp_verify", request))
    device = totp_pending_device(user=user)
    form = OTPTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if totp_confirm(
            device=device, token=form.cleaned_data["token"], agency=getattr(request, "agency", None)
        ):
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("รหัสยืนยันไม่ถูกต้อง กรุณาตรวจสอบเวลาในโทรศัพท์และกรอกรหัสล่าสุดจากแอป"))
    qr_svg = segno.make(device.config_url, error="m").svg_data_uri(scale=5)
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    return render(
        request,
        "core/auth/otp_setup.html",
        {"form": form, "qr": qr_svg, "secret": grouped, "next": _next_url(request)},
    )


@signed_in
@require_POST
def logout_view(request: SignedInRequest) -> HttpResponse:
    logout(request)
    return redirect("portal:home")


@public
def invitation_view(request: HttpRequest, token: str) -> HttpResponse:
    """A new account's first visit: set a password from a one-time link, then set up the authenticator.

    The link works only on its own agency's host, once, and until it expires; any other case gets the same
    Thai page (status 404), so a guessed or spent link reveals nothing.
    """
    agency = getattr(request, "agency", None)
    invitation = invitation_for(token)
    if invitation is None or agency is None or invitation.agency_id != agency.pk:
        return render(request, "core/auth/invitation_invalid.html", status=404)
    form = SetPasswordForm(invitation.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_accept(token=token, agency=agency, password=form.cleaned_data["new_password1"])
        except ValidationError:
            return render(request, "core/auth/invitation_invalid.html", status=404)
        if request.user.is_authenticated:
            logout(request)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(f"{reverse('core:otp_setup')}?{urlencode({'next': '/staff/'})}")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "core/auth/invitation.html",
        {"form": form, "invitation": invitation, "agency": agency},
        status=status,
    )
