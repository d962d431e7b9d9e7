"""The committee's and custodians' pages under /staff/integrity/.

Reports are addressed by a random handle that is valid in this browser session only (never by their id),
and a report opens only with the recipient's private key, unlocked for the session with the key passphrase
and kept encrypted in the session under a key held in a separate cookie (vault.STAFF).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from prongsai.core.downloads import file_download
from prongsai.core.http import StaffRequest
from prongsai.core.permissions import capabilities_for, forbidden, staff
from prongsai.core.publication import revisions_of
from prongsai.core.roles import Cap, Role
from prongsai.core.views_forms import apply_errors, form_action, form_status, posted
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
    """Only key holders open the channel: the integrity working group and the identity custodians."""
    who = _("%(first)s หรือ %(second)s") % {
        "first": Role.INTEGRITY_COMMITTEE.label,
        "second": Role.IDENTITY_CUSTODIAN.label,
    }
    return forbidden(request, who=who)


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
    form = KeySetupForm(posted(request))
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
        status=form_status(form),
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
    form = UnlockForm(posted(request))
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
        status=form_status(form),
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
    form = RecoverForm(posted(request))
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
        status=form_status(form),
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


@dataclass(frozen=True)
class _Opened:
    """A report opened for one action: who acts, with which report key and key holder."""

    request: StaffRequest
    report: Report
    key: bytes
    holder: KeyHolder


@dataclass(frozen=True)
class _Action:
    """One action of the report page: the form it posts (None for a button), where the page shows that form,
    what to say when the form is invalid, and the ONE service it calls."""

    perform: Callable[[_Opened, dict[str, Any]], object]
    form: Callable[[_Opened], BaseForm] | None = None
    form_key: str = ""
    invalid: str | Promise = ""


def _unknown_action(opened: _Opened, data: dict[str, Any]) -> None:
    raise ValidationError(_("ไม่รู้จักคำสั่งนี้ กรุณาลองใหม่จากหน้ารายงาน"))


# The page posts ``action=<name>``; a name not in this table is refused, never guessed.
_REPORT_ACTIONS: dict[str, _Action] = {
    "acknowledge": _Action(
        lambda o, d: services_case.report_acknowledge(report=o.report, acting_user=o.request.user)
    ),
    "investigate": _Action(
        lambda o, d: services_case.report_investigate(report=o.report, acting_user=o.request.user)
    ),
    "forward": _Action(
        lambda o, d: services_case.report_forward(
            report=o.report, acting_user=o.request.user, authority=d["authority"], other_name=d["other_name"]
        ),
        form=lambda o: ForwardForm(o.request.POST),
        form_key="forward_form",
        invalid=gettext_lazy("กรุณาแก้ไขข้อมูลการส่งต่อ"),
    ),
    "close": _Action(
        lambda o, d: services_case.report_close(
            report=o.report,
            report_key=o.key,
            acting_user=o.request.user,
            outcome=d["outcome"],
            note=d["note"],
        ),
        form=lambda o: CloseForm(o.request.POST),
        form_key="close_form",
        invalid=gettext_lazy("กรุณาเลือกผลการดำเนินการ"),
    ),
    "message": _Action(
        lambda o, d: services.staff_message_add(
            report=o.report,
            report_key=o.key,
            acting_user=o.request.user,
            text=d["text"],
            internal=d["internal"],
        ),
        form=lambda o: MessageForm(o.request.POST),
        form_key="message_form",
        invalid=gettext_lazy("กรุณาพิมพ์ข้อความก่อนส่ง"),
    ),
    "grant": _Action(
        lambda o, d: services_case.report_grant(
            report=o.report, report_key=o.key, acting_user=o.request.user, holder=d["holder"]
        ),
        form=lambda o: GrantForm(o.request.POST, candidates=selectors.recipient_holders(o.request.agency)),
        form_key="grant_form",
        invalid=gettext_lazy("กรุณาเลือกผู้รับเรื่อง"),
    ),
    "identity": _Action(
        lambda o, d: services_identity.identity_request(
            report=o.report,
            report_key=o.key,
            requester=o.holder,
            acting_user=o.request.user,
            reason=d["reason"],
        ),
        form=lambda o: IdentityRequestForm(o.request.POST),
        form_key="identity_form",
        invalid=gettext_lazy("กรุณาระบุเหตุผล"),
    ),
}


@staff(Cap.WHISTLEBLOWER_RECEIVE)
@require_POST
def report_action(request: StaffRequest, handle: str) -> HttpResponseBase:
    found = _open(request, handle)
    if not isinstance(found, tuple):
        return found
    report, key, holder = found
    opened = _Opened(request=request, report=report, key=key, holder=holder)
    action = _REPORT_ACTIONS.get(request.POST.get("action", ""), _Action(_unknown_action))
    form = action.form(opened) if action.form is not None else None

    def page() -> HttpResponse:
        report.refresh_from_db()
        content = services.decrypt_report(report, key, for_reporter=False)
        forms = {action.form_key: form} if form is not None else {}
        return render(
            request,
            "whistleblower/staff/report.html",
            _detail_context(request, handle, report, content, holder, **forms),
        )

    return form_action(
        request,
        form,
        lambda data: action.perform(opened, data),
        success=_("บันทึกเรียบร้อยแล้ว"),
        done=reverse("whistleblower:report_detail", args=[handle]),
        page=page,
        invalid=str(action.invalid),
    )


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
    return form_action(
        request,
        DecisionForm(request.POST),
        lambda data: services_identity.identity_decide(
            request=identity_request,
            custodian=holder,
            custodian_private_key=private_key,
            acting_user=request.user,
            approve=data["decision"] == "approve",
            reason=data["reason"],
        ),
        success=_("บันทึกผลการพิจารณาแล้ว"),
        done=reverse("whistleblower:custody"),
        invalid=_("กรุณาเลือกผลการพิจารณาและระบุเหตุผล"),
    )


@staff(Cap.WHISTLEBLOWER_RECEIVE)
def channel_settings_view(request: StaffRequest) -> HttpResponseBase:
    current = selectors.channel_settings(request.agency)
    form = ChannelSettingsForm(posted(request), instance=current)
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
        status=form_status(form),
    )


@staff(Cap.CONTENT_EDIT)
def guideline_edit(request: StaffRequest) -> HttpResponseBase:
    agency = request.agency
    current = selectors.guideline_for_staff(agency)
    initial = {f: getattr(current, f) for f in services_case.GUIDELINE_FIELDS} if current else {}
    form = GuidelineForm(posted(request), initial=initial)
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
        status=form_status(form),
    )


@staff(Cap.CONTENT_PUBLISH)
@require_POST
def guideline_publish_view(request: StaffRequest) -> HttpResponseBase:
    current = selectors.guideline_for_staff(request.agency)
    if current is None:
        raise Http404
    return form_action(
        request,
        None,
        lambda _data: services_case.guideline_publish(guideline=current, acting_user=request.user),
        success=_("เผยแพร่แนวปฏิบัติเรียบร้อยแล้ว"),
        done=reverse("whistleblower:guideline_edit"),
    )
