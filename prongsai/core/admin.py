"""Operator admin: instance-wide data only. Tenant data is edited in each agency's Thai back office."""

from django.contrib import admin

from prongsai.core.admin_site import operator_site
from prongsai.core.models import Agency, AgencyHost, PublicHoliday, User


class AgencyHostInline(admin.TabularInline):
    model = AgencyHost
    extra = 1


@admin.register(Agency, site=operator_site)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name_th", "code", "kind", "province", "is_default", "is_active")
    search_fields = ("name_th", "code")
    inlines = [AgencyHostInline]


@admin.register(PublicHoliday, site=operator_site)
class PublicHolidayAdmin(admin.ModelAdmin):
    list_display = ("date", "name_th", "source")
    date_hierarchy = "date"


@admin.register(User, site=operator_site)
class UserAdmin(admin.ModelAdmin):
    list_display = ("username", "first_name", "last_name", "is_active", "is_superuser")
    search_fields = ("username", "first_name", "last_name")
    fields = ("username", "first_name", "last_name", "email", "is_active", "is_staff", "is_superuser")
