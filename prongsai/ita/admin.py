"""The ITA catalogues in the operator admin: where NACC's wording, weights and bands are corrected.

Catalogues are national criteria shared by every agency of the instance, so only instance operators
(OTPAdminSite: staff with a verified second factor) change them; Django's admin log records who did.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core.admin_site import operator_site
from prongsai.ita.catalogue_files import CatalogueFileError, apply_catalogue, preview, read_upload
from prongsai.ita.models import Catalogue, GradeBand, Indicator, OitElement, OitItem, Question

MAX_CATALOGUE_FILE = 1024 * 1024


class CatalogueUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("ไฟล์ชุดเกณฑ์ (YAML หรือ JSON)"), required=False)
    content = forms.CharField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(widget=forms.HiddenInput, required=False)


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ("number", "name_th", "instrument", "weight", "confidence")


class GradeBandInline(admin.TabularInline):
    model = GradeBand
    extra = 0
    fields = ("scheme", "order", "label", "min_total", "min_each_instrument", "passes", "confidence")


@admin.register(Catalogue, site=operator_site)
class CatalogueAdmin(admin.ModelAdmin):
    list_display = ("code", "fiscal_year", "variant", "title_th", "is_default", "source_file")
    list_filter = ("fiscal_year",)
    readonly_fields = ("source_file", "source_sha256")
    inlines = [IndicatorInline, GradeBandInline]
    change_list_template = "admin/ita/catalogue/change_list.html"

    def get_urls(self) -> list[URLPattern]:
        upload = path("upload/", self.admin_site.admin_view(self.upload_view), name="ita_catalogue_upload")
        return [upload, *super().get_urls()]

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        """Upload a catalogue file, see what it would change, then apply it (the command's preview)."""
        if not self.has_change_permission(request) or not self.has_add_permission(request):
            raise PermissionDenied
        form = CatalogueUploadForm(request.POST or None, request.FILES or None)
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "form": form,
            "opts": self.model._meta,
        }
        context["title"] = _("นำเข้าไฟล์ชุดเกณฑ์ ITA")
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            if upload is not None:
                if upload.size > MAX_CATALOGUE_FILE:
                    form.add_error("file", _("ไฟล์ใหญ่เกิน 1 เมกะไบต์ กรุณาตรวจสอบว่าเป็นไฟล์ชุดเกณฑ์"))
                    return TemplateResponse(request, "admin/ita/catalogue/upload.html", context, status=400)
                content, name = upload.read(), upload.name
            else:
                content, name = form.cleaned_data["content"].encode("utf-8"), form.cleaned_data["name"]
            if not content:
                form.add_error("file", _("กรุณาเลือกไฟล์ชุดเกณฑ์"))
                return TemplateResponse(request, "admin/ita/catalogue/upload.html", context, status=400)
            try:
                parsed = read_upload(content, name or "catalogue.yaml")
            except CatalogueFileError as exc:
                form.add_error("file", _("ไฟล์ไม่ถูกต้องตามรูปแบบชุดเกณฑ์: %(error)s") % {"error": exc})
                return TemplateResponse(request, "admin/ita/catalogue/upload.html", context, status=400)
            if "apply" in request.POST and upload is None:
                catalogue = apply_catalogue(parsed.data, source_file=parsed.name, digest=parsed.digest)
                self.log_change(request, catalogue, f"loaded from {parsed.name}")
                messages.success(
                    request,
                    _("นำเข้าชุดเกณฑ์ %(code)s แล้ว (%(n)s ข้อ)")
                    % {"code": catalogue.code, "n": catalogue.oit_items.count()},
                )
                return redirect("operator:ita_catalogue_changelist")
            context["preview"] = preview(parsed.data)
            context["form"] = CatalogueUploadForm(
                initial={"content": content.decode("utf-8"), "name": parsed.name}
            )
        return TemplateResponse(request, "admin/ita/catalogue/upload.html", context)


class OitElementInline(admin.TabularInline):
    model = OitElement
    extra = 0
    fields = ("order", "label_th", "subject", "check_key", "window")


@admin.register(OitItem, site=operator_site)
class OitItemAdmin(admin.ModelAdmin):
    list_display = ("code", "title_th", "catalogue", "group_code", "window", "confidence")
    list_filter = ("catalogue", "window", "confidence")
    search_fields = ("code", "title_th")
    ordering = ("catalogue", "order")
    inlines = [OitElementInline]


@admin.register(Question, site=operator_site)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("code", "catalogue", "instrument", "indicator", "scale", "reverse_keyed", "confidence")
    list_filter = ("catalogue", "instrument")
    search_fields = ("code", "text_th", "text_en")
