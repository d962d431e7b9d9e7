"""Back-office pages for the public site's content."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.core import worklist
from prongsai.core.http import StaffRequest
from prongsai.core.models import PublicationStatus
from prongsai.core.permissions import capabilities_for, staff
from prongsai.core.publication import revisions_of
from prongsai.core.roles import Cap
from prongsai.core.thai import BANGKOK
from prongsai.core.views_forms import apply_errors, form_action, form_status, posted
from prongsai.core.worklist import WorkContext
from prongsai.portal import access, selectors, services
from prongsai.portal.forms import AttachmentForm, NewsForm, PageForm


@staff(Cap.BACKOFFICE)
def dashboard(request: StaffRequest) -> HttpResponse:
    """What waits for this member today, per their roles: counts linking to the filtered queues."""
    caps = capabilities_for(request)
    today = timezone.now().astimezone(BANGKOK).date()
    items = worklist.work_for(WorkContext(agency=request.agency, user=request.user, caps=caps, today=today))
    return render(
        request,
        "portal/staff/dashboard.html",
        {
            "caps": caps,
            "groups": worklist.grouped(items),
            "waiting": sum(item.count for item in items),
            "today": today,
        },
    )


def _state(request: StaffRequest) -> str:
    state = request.GET.get("state", "")
    return state if state in PublicationStatus.values else ""


@staff(Cap.CONTENT_EDIT)
def news_index(request: StaffRequest) -> HttpResponse:
    state = _state(request)
    return render(
        request,
        "portal/staff/news_index.html",
        {
            "articles": selectors.news_for_staff(request.agency, state=state),
            "state": state,
            "states": PublicationStatus.choices,
        },
    )


@staff(Cap.CONTENT_EDIT)
def news_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    agency = request.agency
    article = access.get_news_for_staff(agency, pk) if pk else None
    form = NewsForm(posted(request), instance=article, agency=agency)
    if request.method == "POST" and form.is_valid():
        fields = {k: form.cleaned_data[k] for k in NewsForm.Meta.fields}
        try:
            if article is None:
                article = services.news_create_draft(agency=agency, acting_user=request.user, **fields)
            elif article.is_published:
                services.news_revise(
                    article=article,
                    acting_user=request.user,
                    reason=form.cleaned_data["reason"],
                    **fields,
                )
            else:
                services.news_update_draft(article=article, acting_user=request.user, **fields)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกข่าวเรียบร้อยแล้ว"))
            return redirect("portal:staff_news_edit", pk=article.pk)
    return render(
        request,
        "portal/staff/news_edit.html",
        {
            "form": form,
            "article": article,
            "attachment_form": AttachmentForm(prefix=AttachmentForm.prefix),
            "revisions": revisions_of(article) if article and article.is_published else [],
            "can_publish": Cap.CONTENT_PUBLISH in capabilities_for(request),
        },
        status=form_status(form),
    )


@staff(Cap.CONTENT_PUBLISH)
@require_POST
def news_publish_view(request: StaffRequest, pk: int) -> HttpResponseBase:
    article = access.get_news_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services.news_publish(article=article, acting_user=request.user),
        success=_("เผยแพร่ข่าวเรียบร้อยแล้ว"),
        done=resolve_url("portal:staff_news_edit", pk=article.pk),
    )


@staff(Cap.CONTENT_EDIT)
@require_POST
def news_attach(request: StaffRequest, pk: int) -> HttpResponseBase:
    article = access.get_news_for_staff(request.agency, pk)
    form = AttachmentForm(request.POST, request.FILES, prefix=AttachmentForm.prefix)
    return form_action(
        request,
        form,
        lambda data: services.news_attach_file(
            article=article,
            acting_user=request.user,
            upload=data["file"],
            title=data["title"],
            reason=data["reason"],
        ),
        success=_("แนบไฟล์เรียบร้อยแล้ว"),
        done=resolve_url("portal:staff_news_edit", pk=article.pk),
        page=lambda: render(
            request,
            "portal/staff/news_edit.html",
            {
                "form": NewsForm(instance=article, agency=request.agency),
                "article": article,
                "attachment_form": form,
                "revisions": revisions_of(article) if article.is_published else [],
                "can_publish": Cap.CONTENT_PUBLISH in capabilities_for(request),
            },
        ),
    )


@staff(Cap.CONTENT_EDIT)
def page_index(request: StaffRequest) -> HttpResponse:
    state = _state(request)
    return render(
        request,
        "portal/staff/page_index.html",
        {
            "pages": selectors.pages_for_staff(request.agency, state=state),
            "state": state,
            "states": PublicationStatus.choices,
        },
    )


@staff(Cap.CONTENT_EDIT)
def page_edit(request: StaffRequest, pk: int | None = None) -> HttpResponse:
    agency = request.agency
    info = access.get_page_for_staff(agency, pk) if pk else None
    form = PageForm(posted(request), instance=info)
    if request.method == "POST" and form.is_valid():
        try:
            if info is None:
                info = services.page_create_draft(
                    agency=agency,
                    acting_user=request.user,
                    **{k: form.cleaned_data[k] for k in PageForm.Meta.fields},
                )
            elif info.is_published:
                services.page_revise(
                    page=info,
                    acting_user=request.user,
                    reason=form.cleaned_data["reason"],
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                )
            else:
                services.page_update_draft(
                    page=info,
                    acting_user=request.user,
                    **{k: form.cleaned_data[k] for k in PageForm.Meta.fields},
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกหน้าข้อมูลเรียบร้อยแล้ว"))
            return redirect("portal:staff_page_edit", pk=info.pk)
    return render(
        request,
        "portal/staff/page_edit.html",
        {
            "form": form,
            "page": info,
            "revisions": revisions_of(info) if info and info.is_published else [],
            "can_publish": Cap.CONTENT_PUBLISH in capabilities_for(request),
        },
        status=form_status(form),
    )


@staff(Cap.CONTENT_PUBLISH)
@require_POST
def page_publish_view(request: StaffRequest, pk: int) -> HttpResponseBase:
    info = access.get_page_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services.page_publish(page=info, acting_user=request.user),
        success=_("เผยแพร่หน้าข้อมูลเรียบร้อยแล้ว"),
        done=resolve_url("portal:staff_page_edit", pk=info.pk),
    )
