"""The ITA catalogues in the operator admin: where NACC's wording, weights and bands are corrected.

Catalogues are national criteria shared by every agency of the instance, so only instance operators
(OTPAdminSite: staff with a verified second factor) change them; Django's admin log records who did.
"""

from __future__ import annotations

from django.contrib import admin

from prongsai.core.admin_site import operator_site
from prongsai.ita.models import Catalogue, GradeBand, Indicator, OitElement, OitItem, Question


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
