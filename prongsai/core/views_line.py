"""LINE: the webhook LINE calls with citizens' messages, and the staff page that sets up the channel."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from prongsai.core import line, selectors, services_line
from prongsai.core.http import AgencyRequest, StaffRequest
from prongsai.core.links import agency_url
from prongsai.core.permissions import public, staff
from prongsai.core.roles import Cap
from prongsai.core.views_forms import form_status, posted

logger = logging.getLogger(__name__)
MAX_BODY = 256 * 1024


class LineChannelForm(forms.Form):
    basic_id = forms.RegexField(
        label=gettext_lazy("LINE ID ของบัญชีทางการ"),
        regex=r"^@[a-z0-9._-]{2,30}$",
        error_messages={
            "invalid": gettext_lazy("LINE ID ต้องขึ้นต้นด้วย @ ตามด้วยอักษรอังกฤษตัวเล็กหรือตัวเลข เช่น @wangthong")
        },
    )
    token = forms.CharField(
        label=gettext_lazy("Channel access token"),
        widget=forms.PasswordInput(render_value=False),
        max_length=500,
        help_text=gettext_lazy(
            "คัดลอกจาก LINE Developers Console แท็บ Messaging API (ระบบเก็บแบบเข้ารหัสและจะไม่แสดงอีก)"
        ),
    )
    secret = forms.RegexField(
        label=gettext_lazy("Channel secret"),
        regex=r"^[0-9a-f]{32}$",
        widget=forms.PasswordInput(render_value=False),
        error_messages={
            "invalid": gettext_lazy("Channel secret คือเลขฐานสิบหก 32 ตัว คัดลอกจากแท็บ Basic settings")
        },
    )
    is_active = forms.BooleanField(
        label=gettext_lazy("เปิดใช้งานการแจ้งเตือนทาง LINE"), required=False, initial=True
    )


@staff(Cap.AGENCY_EDIT)
def channel_settings(request: StaffRequest) -> HttpResponse:
    agency = request.agency
    channel = selectors.line_channel(agency, active_only=False)
    form = LineChannelForm(posted(request), initial={"basic_id": channel.basic_id if channel else ""})
    if request.method == "POST" and form.is_valid():
        services_line.line_channel_save(agency=agency, acting_user=request.user, **form.cleaned_data)
        messages.success(request, _("บันทึกการตั้งค่าบัญชีทางการ LINE เรียบร้อยแล้ว"))
        return redirect("core:line_settings")
    context: dict[str, Any] = {
        "form": form,
        "channel": channel,
        "webhook_url": agency_url(agency, reverse("core:line_webhook"), request=request),
    }
    return render(request, "core/staff/line.html", context, status=form_status(form))


@staff(Cap.BACKOFFICE)
def my_alerts(request: StaffRequest) -> HttpResponse:
    """A member's own LINE alerts: ask for a one-time code to send to the agency's LINE account, or stop.

    The code is shown once, on the page that made it (a POST answered with the page, not a redirect).
    """
    agency = request.agency
    channel = selectors.line_channel(agency)
    code = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "start" and channel is not None:
            code = services_line.staff_link_start(agency=agency, acting_user=request.user)
        elif action == "stop":
            if services_line.staff_unlink(agency=agency, acting_user=request.user):
                messages.success(request, _("ยกเลิกการแจ้งเตือนทาง LINE เรียบร้อยแล้ว"))
            return redirect("core:line_my_alerts")
        else:
            messages.error(request, _("หน่วยงานยังไม่ได้เปิดใช้บัญชีทางการ LINE กรุณาติดต่อผู้ดูแลระบบ"))
            return redirect("core:line_my_alerts")
    context: dict[str, Any] = {
        "channel": channel,
        "link": selectors.staff_line_link(agency, request.user),
        "code": code,
        "chat_url": line.add_friend_url(channel.basic_id, code) if channel is not None and code else "",
    }
    return render(request, "core/staff/line_my_alerts.html", context)


_CODE = re.compile(r"[0-9A-Za-z\u0e50-\u0e59][0-9A-Za-z\u0e50-\u0e59 -]{9,20}")


@csrf_exempt
@public
def webhook(request: AgencyRequest) -> HttpResponse:
    """LINE's webhook: check the signature, link a sent tracking code, answer by reply.

    Always 200 to a correctly signed call (LINE retries otherwise); 403 to a missing or wrong signature,
    400 to a body that is not LINE's JSON, 404 when the agency has no LINE channel.
    """
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "POST"})
    agency = request.agency
    channel = selectors.line_channel(agency)
    if channel is None:
        return HttpResponse(status=404)
    body = request.body[: MAX_BODY + 1]
    if len(body) > MAX_BODY:
        return HttpResponse(status=413)
    try:
        secret = line.unseal(channel.secret_sealed)
    except line.LineError:
        logger.warning("LINE webhook for agency %s: the stored secret cannot be decrypted", agency.pk)
        return HttpResponse(status=503)
    if not line.signature_valid(secret, body, request.headers.get("X-Line-Signature", "")):
        return HttpResponse(status=403)
    try:
        events = json.loads(body).get("events", [])
        if not isinstance(events, list):
            raise ValueError
    except (ValueError, AttributeError):
        return HttpResponse(status=400)
    replies: list[tuple[str, str]] = []
    for event in events:
        if not isinstance(event, dict):
            continue
        source = event.get("source") or {}
        user_id = source.get("userId") if isinstance(source, dict) else None
        reply_token = event.get("replyToken")
        if event.get("type") == "follow" and reply_token:
            replies.append((reply_token, _welcome(agency.name_th)))
        elif event.get("type") == "message" and isinstance(event.get("message"), dict):
            text = str(event["message"].get("text") or "")
            if event["message"].get("type") != "text" or not user_id or not reply_token:
                continue
            if services_line.is_staff_code(text):
                # A member of staff linking their LINE account for queue alerts (never a tracking code).
                linked = services_line.staff_link_complete(
                    agency=agency, line_user_id=str(user_id)[:64], text=text
                )
                replies.append((reply_token, services_line.staff_link_reply(linked)))
                continue
            match = _CODE.search(text)
            found = (
                services_line.line_link(agency=agency, line_user_id=str(user_id)[:64], code=match.group(0))
                if match
                else None
            )
            replies.append((reply_token, services_line.link_reply(agency, found)))
    if replies:
        client = line.LineClient(token=line.unseal(channel.token_sealed))
        for token, text in replies:
            try:
                client.reply(token, text)
            except line.LineError as exc:
                logger.warning("LINE reply for agency %s failed: %s", agency.pk, exc.status)
    return HttpResponse(status=200)


def _welcome(agency_name: str) -> str:
    return _(
        "ขอบคุณที่เพิ่ม%(agency)sเป็นเพื่อน ส่งรหัสติดตามของคำขอรับบริการหรือเรื่องร้องเรียน (เช่น ABCD-2345-EFGH) "
        "มาที่แชตนี้ แล้วระบบจะแจ้งเมื่อสถานะเปลี่ยน"
    ) % {"agency": agency_name}
