"""Operator admin: instance-wide data only. Tenant data is edited in each agency's Thai back office."""

from django.contrib import admin

from prongsai.core.admin_site import operator_site
from prongsai.core.models import Agency, AgencyHost, Operator, OperatorMember, PublicHoliday, User


class AgencyHostInline(admin.TabularInline):
    model = AgencyHost
    extra = 1


@admin.register(Agency, site=operator_site)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name_th", "code", "kind", "province", "operator", "is_default", "is_active")
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


class OperatorMemberInline(admin.TabularInline):
    model = OperatorMember
    extra = 1
    autocomplete_fields = ("user",)


@admin.register(Operator, site=operator_site)
class OperatorAdmin(admin.ModelAdmin):
    """Hosting operators (ADR 0100): the instance's superuser creates them and names their members; the
    operators then create and run their agencies on their own pages (``/hosting/``)."""

    list_display = ("name_th", "code", "kind", "province")
    search_fields = ("name_th", "code")
    inlines = [OperatorMemberInline]
