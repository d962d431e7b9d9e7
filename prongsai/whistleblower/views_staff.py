"""The committee's and custodians' pages under /staff/integrity/.

Reports are addressed by a random handle that is valid in this browser session only (never by their id),
and a report opens only with the recipient's private key, unlocked for the session with the key passphrase
and kept encrypted in the session under a key held in a separate cookie (vault.STAFF).
"""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.core.downloads import file_download
from prongsai.core.http import StaffRequest
from prongsai.core.permissions import capabilities_for, staff
from prongsai.core.publication import revisions_of
from prongsai.core.roles import Cap
from prongsai.core.views_staff import apply_errors
from prongsai.whistleblower import (
    access,
    selectors,
    services,
    services_case,
    services_identity,
    services_keys,
    vault,
)
from prongsai.whistleblower.forms import (
    ChannelSettingsForm,
    CloseForm,
    DecisionForm,
    ForwardForm,
    GrantForm,
    GuidelineForm,
    IdentityRequestForm,
    KeySetupForm,
    MessageForm,
    RecoverForm,
    UnlockForm,
)
from prongsai.whistleblower.models import IdentityRequestStatus, KeyHolder, Report, ReportStatus

HANDLES = "pswb_handles"


def _forbidden(request: StaffRequest) -> HttpResponse:
    return render(request, "core/forbidden.html", status=403)


def _key_role(request: StaffRequest) -> bool:
    caps = capabilities_for(request)
    return Cap.WHISTLEBLOWER_RECEIVE in caps or Cap.WHISTLEBLOWER_CUSTODIAN in caps


def _unlocked(request: StaffRequest) -> tuple[KeyHolder, bytes] | None:
    """The user's key holder and private key when unlocked in this session, else None."""
    holder = selectors.holder_of(request.agency, request.user)
    payload = vault.get(request, vault.STAFF)
    if holder is None or not payload or payload.get("holder") != str(holder.pk):
        return None
    return holder, vault.unb64(payload["sk"])


def _handle_for(request: StaffRequest, report_id: int) -> str:
    handles: dict[str, int] = request.session.get(HANDLES, {})
    for handle, pk in handles.items():
        if pk == report_id:
            return handle
    handle = secrets.token_urlsafe(12)
    handles[handle] = report_id
    request.session[HANDLES] = handles
    return handle


def _report_id(request: StaffRequest, handle: str) -> int:
    report_id = request.session.get(HANDLES, {}).get(handle)
    if report_id is None:
        raise Http404
    return int(report_id)


def _require_unlocked(request: StaffRequest) -> tuple[KeyHolder, bytes] | HttpResponseBase:
    found = _unlocked(request)
    if found is None:
        messages.info(request, _("กรุณาปลดล็อกกุญแจด้วยรหัสผ่านกุญแจก่อนเปิดรายงาน"))
        return redirect(f"{_url('whistleblower:key_unlock')}?next={request.path}")
    return found


def _url(name: str) -> str:
    from django.urls import reverse

    return reverse(name)


@staff(Cap.BACKOFFICE)
def home(request: StaffRequest) -> HttpResponse:
    if not _key_role(request):
        return _forbidden(request)
    agency = request.agency
    holder = selectors.holder_of(agency, request.user)
    caps = capabilities_for(request)
    rows = []
    if holder is not None and Cap.WHISTLEBLOWER_RECEIVE in caps:
        for grant in selectors.grants_for(holder):
            rows.append((_handle_for(request, grant.report_id), grant.report))
    return render(
        request,
        "whistleblower/staff/home.html",
        {
            "holder": holder,
            "unlocked": _unlocked(request) is not None,
            "rows": rows,
            "is_recipient": Cap.WHISTLEBLOWER_RECEIVE in caps,
            "is_custodian": Cap.WHISTLEBLOWER_CUSTODIAN in caps,
            "pending": selectors.pending_identity_requests(agency).count()
            if Cap.WHISTLEBLOWER_CUSTODIAN in caps
            else 0,
            "ready": selectors.channel_ready(agency),
        },
    )


@staff(Cap.BACKOFFICE)
def key_setup(request: StaffRequest) -> HttpResponse:
    if not _key_role(request):
        return _forbidden(request)
    form = KeySetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _holder, recovery_key = services_keys.key_setup(
                agency=request.agency, acting_user=request.user, passphrase=form.cleaned_data["passphrase"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            # Shown once, on this response only (no-store): it is not kept anywhere.
            return render(request, "whistleblower/staff/recovery_key.html", {"recovery_key": recovery_key})
    return render(
        request,
        "whistleblower/staff/key_setup.html",
        {"form": form, "has_key": selectors.holder_of(request.agency, request.user) is not None},
        status=400 if request.method == "POST" else 200,
    )


def _next(request: StaffRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/staff/integrity/") and url_has_allowed_host_and_scheme(
        candidate, {request.get_host()}, request.is_secure()
    ):
        return candidate
    return _url("whistleblower:staff_home")


@staff(Cap.BACKOFFICE)
def key_unlock(request: StaffRequest) -> HttpResponseBase:
    if not _key_role(request):
        return _forbidden(request)
    holder = selectors.holder_of(request.agency, request.user)
    if holder is None:
        return redirect("whistleblower:key_setup")
    form = UnlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            private_key = services_keys.key_unlock(
                holder=holder, acting_user=request.user, passphrase=form.cleaned_data["passphrase"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            response = redirect(_next(request))
            vault.put(
                request, response, vault.STAFF, {"holder": str(holder.pk), "sk": vault.b64(private_key)}
            )
            return response
    return render(
        request,
        "whistleblower/staff/key_unlock.html",
        {"form": form, "next": _next(request)},
        status=400 if request.method == "POST" else 200,
    )


@staff(Cap.BACKOFFICE)
@require_POST
def key_lock(request: StaffRequest) -> HttpResponse:
    response = redirect("whistleblower:staff_home")
    vault.clear(request, response, vault.STAFF)
    request.session.pop(HANDLES, None)
    messages.success(request, _("ล็อกกุญแจแล้ว"))
    return response


@staff(Cap.BACKOFFICE)
def key_recover(request: StaffRequest) -> HttpResponseBase:
    if not _key_role(request):
        return _forbidden(request)
    holder = selectors.holder_of(request.agency, request.user)
    if holder is None:
        return redirect("whistleblower:key_setup")
    form = RecoverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            private_key = services_keys.key_recover(
                holder=holder,
                acting_user=request.user,
                recovery_key=form.cleaned_data["recovery_key"],
                new_passphrase=form.cleaned_data["passphrase"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            response = redirect("whistleblower:staff_home")
            vault.put(
                request, response, vault.STAFF, {"holder": str(holder.pk), "sk": vault.b64(private_key)}
            )
            messages.success(request, _("ตั้งรหัสผ่านกุญแจใหม่แล้ว รหัสกู้คืนเดิมยังใช้ได้ กรุณาเก็บไว้ในที่ปลอดภัย"))
            return response
    return render(
        request,
        "whistleblower/staff/key_recover.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


def _detail_context(
    request: StaffRequest,
    handle: str,
    report: Report,
    opened: services.OpenedReport,
    holder: KeyHolder,
    **forms: Any,
) -> dict[str, Any]:
    granted = {g.holder_id for g in report.grants.all()}
    excluded = set(opened.content.excluded_holders)
    candidates = [h for h in selectors.recipient_holders(request.agency) if h.pk not in granted | excluded]
    requests = list(report.identity_requests.filter(requester=holder))
    return {
        "handle": handle,
        "report": report,
        "opened": opened,
        "excluded_names": [
            h.user.get_full_name() or h.user.get_username()
            for h in selectors.holders_by_id(request.agency, excluded)
        ],
        "message_form": forms.get("message_form") or MessageForm(),
        "forward_form": forms.get("forward_form") or ForwardForm(),
        "close_form": forms.get("close_form") or CloseForm(),
        "grant_form": forms.get("grant_form") or GrantForm(candidates=candidates),
        "identity_form": forms.get("identity_form") or IdentityRequestForm(),
        "has_candidates": bool(candidates),
        "identity_requests": requests,
        "approved_request": next((r for r in requests if r.status == IdentityRequestStatus.APPROVED), None),
        "pending_request": any(r.status == IdentityRequestStatus.PENDING for r in requests),
        "Status": ReportStatus,
    }


def _open(request: StaffRequest, handle: str) -> tuple[Report, bytes, KeyHolder] | HttpResponseBase:
    unlocked = _require_unlocked(request)
    if not isinstance(unlocked, tuple):
        return unlocked
    holder, private_key = unlocked
    report, grant = access.get_granted_report(request.agency, holder, _report_id(request, handle))
    return report, access.report_key(grant, private_key), holder


@staff(Cap.WHISTLEBLOWER_RECEIVE)
def report_detail(request: StaffRequest, handle: str) -> HttpResponseBase:
    found = _open(request, handle)
    if not isinstance(found, tuple):
        return found
    report, key, holder = found
    opened = services.report_read(report=report, report_key=key, acting_user=request.user)
    return render(
        request, "whistleblower/staff/report.html", _detail_context(request, handle, report, opened, holder)
    )


@staff(Cap.WHISTLEBLOWER_RECEIVE)
@require_POST
def report_action(request: StaffRequest, handle: str) -> HttpResponseBase:
    found = _open(request, handle)
    if not isinstance(found, tuple):
        return found
    report, key, holder = found
    action = request.POST.get("action", "")
    user = request.user
    forms: dict[str, Any] = {}
    form: Any
    try:
        if action == "acknowledge":
            services_case.report_acknowledge(report=report, acting_user=user)
        elif action == "investigate":
            services_case.report_investigate(report=report, acting_user=user)
        elif action == "forward":
            form = forms["forward_form"] = ForwardForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("กรุณาแก้ไขข้อมูลการส่งต่อ"))
            services_case.report_forward(
                report=report,
                acting_user=user,
                authority=form.cleaned_data["authority"],
                other_name=form.cleaned_data["other_name"],
            )
        elif action == "close":
            form = forms["close_form"] = CloseForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("กรุณาเลือกผลการดำเนินการ"))
            services_case.report_close(
                report=report,
                report_key=key,
                acting_user=user,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
            )
        elif action == "message":
            form = forms["message_form"] = MessageForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("กรุณาพิมพ์ข้อความก่อนส่ง"))
            services.staff_message_add(
                report=report,
                report_key=key,
                acting_user=user,
                text=form.cleaned_data["text"],
                internal=form.cleaned_data["internal"],
            )
        elif action == "grant":
            candidates = selectors.recipient_holders(request.agency)
            form = forms["grant_form"] = GrantForm(request.POST, candidates=candidates)
            if not form.is_valid():
                raise ValidationError(_("กรุณาเลือกผู้รับรายงาน"))
            services_case.report_grant(
                report=report, report_key=key, acting_user=user, holder=form.cleaned_data["holder"]
            )
        elif action == "identity":
            form = forms["identity_form"] = IdentityRequestForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("กรุณาระบุเหตุผล"))
            services_identity.identity_request(
                report=report,
                report_key=key,
                requester=holder,
                acting_user=user,
                reason=form.cleaned_data["reason"],
            )
        else:
            raise ValidationError(_("ไม่รู้จักคำสั่งนี้ กรุณาลองใหม่จากหน้ารายงาน"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        report.refresh_from_db()
        opened = services.decrypt_report(report, key, for_reporter=False)
        return render(
            request,
            "whistleblower/staff/report.html",
            _detail_context(request, handle, report, opened, holder, **forms),
            status=400,
        )
    messages.success(request, _("บันทึกเรียบร้อยแล้ว"))
    return redirect("whistleblower:report_detail", handle=handle)


@staff(Cap.WHISTLEBLOWER_RECEIVE)
def report_file(request: StaffRequest, handle: str, file_id: str) -> HttpResponseBase:
    found = _open(request, handle)
    if not isinstance(found, tuple):
        return found
    report, key, _holder = found
    try:
        evidence = services.file_read(
            report=report, report_key=key, file_public_id=file_id, acting_user=request.user
        )
    except (ValidationError, ValueError):
        raise Http404 from None
    # Evidence may be hostile: always a download, never rendered as a page of ours.
    return file_download(
        evidence.content, content_type=evidence.content_type, filename=evidence.name or "evidence"
    )


@staff(Cap.WHISTLEBLOWER_RECEIVE)
def report_identity(request: StaffRequest, handle: str) -> HttpResponseBase:
    found = _open(request, handle)
    if not isinstance(found, tuple):
        return found
    report, key, holder = found
    approved = report.identity_requests.filter(
        requester=holder, status=IdentityRequestStatus.APPROVED
    ).first()
    if approved is None:
        raise Http404
    unlocked = _unlocked(request)
    assert unlocked is not None  # noqa: S101 - _open checked it
    identity = services_identity.identity_open(
        request=approved, report_key=key, requester_private_key=unlocked[1], acting_user=request.user
    )
    return render(
        request,
        "whistleblower/staff/identity.html",
        {"identity": identity, "handle": handle, "request_obj": approved},
    )


@staff(Cap.WHISTLEBLOWER_CUSTODIAN)
def custody(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    return render(
        request,
        "whistleblower/staff/custody.html",
        {
            "pending": selectors.pending_identity_requests(agency),
            "decided": selectors.decided_identity_requests(agency),
            "unlocked": _unlocked(request) is not None,
            "form": DecisionForm(),
        },
    )


@staff(Cap.WHISTLEBLOWER_CUSTODIAN)
@require_POST
def custody_decide(request: StaffRequest, pk: int) -> HttpResponseBase:
    unlocked = _require_unlocked(request)
    if not isinstance(unlocked, tuple):
        return unlocked
    holder, private_key = unlocked
    identity_request = access.get_identity_request(request.agency, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services_identity.identity_decide(
                request=identity_request,
                custodian=holder,
                custodian_private_key=private_key,
                acting_user=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("บันทึกผลการพิจารณาแล้ว"))
            return redirect("whistleblower:custody")
    else:
        messages.error(request, _("กรุณาเลือกผลการพิจารณาและระบุเหตุผล"))
    return redirect("whistleblower:custody")


@staff(Cap.WHISTLEBLOWER_RECEIVE)
def channel_settings_view(request: StaffRequest) -> HttpResponseBase:
    current = selectors.channel_settings(request.agency)
    form = ChannelSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services_case.settings_update(
                agency=request.agency,
                acting_user=request.user,
                **{k: form.cleaned_data[k] for k in ChannelSettingsForm.Meta.fields},
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกการตั้งค่าแล้ว"))
            return redirect("whistleblower:settings")
    return render(
        request,
        "whistleblower/staff/settings.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@staff(Cap.CONTENT_EDIT)
def guideline_edit(request: StaffRequest) -> HttpResponseBase:
    agency = request.agency
    current = selectors.guideline_for_staff(agency)
    initial = {f: getattr(current, f) for f in services_case.GUIDELINE_FIELDS} if current else {}
    form = GuidelineForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {f: form.cleaned_data[f] for f in services_case.GUIDELINE_FIELDS}
        try:
            if current is not None and current.is_published:
                services_case.guideline_revise(
                    guideline=current, acting_user=request.user, reason=form.cleaned_data["reason"], **fields
                )
            else:
                services_case.guideline_save_draft(agency=agency, acting_user=request.user, **fields)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกแนวปฏิบัติเรียบร้อยแล้ว"))
            return redirect("whistleblower:guideline_edit")
    return render(
        request,
        "whistleblower/staff/guideline_edit.html",
        {
            "form": form,
            "guideline": current,
            "revisions": revisions_of(current) if current and current.is_published else [],
            "can_publish": Cap.CONTENT_PUBLISH in capabilities_for(request),
        },
        status=400 if request.method == "POST" else 200,
    )


@staff(Cap.CONTENT_PUBLISH)
@require_POST
def guideline_publish_view(request: StaffRequest) -> HttpResponseBase:
    current = selectors.guideline_for_staff(request.agency)
    if current is None:
        raise Http404
    try:
        services_case.guideline_publish(guideline=current, acting_user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("เผยแพร่แนวปฏิบัติเรียบร้อยแล้ว"))
    return redirect("whistleblower:guideline_edit")
