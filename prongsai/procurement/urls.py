from django.urls import path

from prongsai.procurement import views_public, views_staff

app_name = "procurement"

urlpatterns = [
    path("", views_public.index, name="index"),
    path("plan/", views_public.plan_list, name="plan_list"),
    path("plan/<int:fiscal_year>/", views_public.plan_detail, name="plan_detail"),
    path("announcements/", views_public.announcement_list, name="announcement_list"),
    path("announcements/<str:public_id>/", views_public.announcement_detail, name="announcement_detail"),
    path("files/<str:public_id>/", views_public.public_file, name="file"),
    path("register/", views_public.register, name="register"),
    path("register.csv", views_public.register_csv, name="register_csv"),
    path("register.xlsx", views_public.register_xlsx, name="register_xlsx"),
    path("register/<str:public_id>/", views_public.procurement_detail, name="procurement_detail"),
    path("reports/", views_public.reports_index, name="reports"),
    path("reports/progress/", views_public.report_progress, name="report_progress"),
    path("reports/sorkhor1/<int:be_year>/<int:month>/", views_public.report_sorkhor1, name="report_sorkhor1"),
    path(
        "reports/sorkhor1/<int:fiscal_year>/", views_public.report_sorkhor1_year, name="report_sorkhor1_year"
    ),
    path("reports/dataset/<int:fiscal_year>/", views_public.report_dataset, name="report_dataset"),
    path("reports/annual/<int:fiscal_year>/", views_public.report_annual, name="report_annual"),
    path("ocds/", views_public.ocds_index, name="ocds"),
    path("ocds/<int:fiscal_year>.json", views_public.ocds_year, name="ocds_year"),
    path("ocds/<int:be_year>-<int:month>.json", views_public.ocds_month, name="ocds_month"),
    path("ocds/records/<str:ocid_local>.json", views_public.ocds_record, name="ocds_record"),
    # Back office
    path("staff/", views_staff.dashboard, name="staff_home"),
    path("staff/register/", views_staff.register_list, name="staff_register"),
    path("staff/register/new/", views_staff.procurement_edit, name="staff_procurement_new"),
    path("staff/register/publish/", views_staff.publish_year, name="staff_publish_year"),
    path("staff/register/<int:pk>/", views_staff.procurement_edit, name="staff_procurement_edit"),
    path("staff/register/<int:pk>/bidders/", views_staff.bidder_add, name="staff_bidder_add"),
    path("staff/register/<int:pk>/bidders/remove/", views_staff.bidder_remove, name="staff_bidder_remove"),
    path("staff/register/<int:pk>/amendments/", views_staff.amendment_add, name="staff_amendment_add"),
    path("staff/import/", views_staff.import_index, name="staff_import"),
    path("staff/import/template.csv", views_staff.import_template, name="staff_import_template"),
    path("staff/import/<int:pk>/", views_staff.import_detail, name="staff_import_detail"),
    path("staff/import/<int:pk>/commit/", views_staff.import_commit, name="staff_import_commit"),
    path("staff/plans/", views_staff.plan_index, name="staff_plans"),
    path("staff/plans/new/", views_staff.plan_edit, name="staff_plan_new"),
    path("staff/plans/<int:pk>/", views_staff.plan_edit, name="staff_plan_edit"),
    path("staff/plans/<int:pk>/items/", views_staff.plan_item_add, name="staff_plan_item_add"),
    path("staff/plans/<int:pk>/items/remove/", views_staff.plan_item_remove, name="staff_plan_item_remove"),
    path("staff/plans/<int:pk>/publish/", views_staff.plan_publish, name="staff_plan_publish"),
    path("staff/announcements/", views_staff.announcement_index, name="staff_announcements"),
    path("staff/announcements/new/", views_staff.announcement_edit, name="staff_announcement_new"),
    path("staff/announcements/<int:pk>/", views_staff.announcement_edit, name="staff_announcement_edit"),
    path(
        "staff/announcements/<int:pk>/files/",
        views_staff.announcement_attach,
        name="staff_announcement_attach",
    ),
    path(
        "staff/announcements/<int:pk>/publish/",
        views_staff.announcement_publish,
        name="staff_announcement_publish",
    ),
    path("staff/annual/", views_staff.annual_edit, name="staff_annual"),
    path("staff/annual/publish/", views_staff.annual_publish, name="staff_annual_publish"),
    path("staff/red-flags/", views_staff.red_flags, name="staff_red_flags"),
    path("staff/red-flags/review/", views_staff.red_flag_review, name="staff_red_flag_review"),
    path("staff/settings/", views_staff.settings_edit, name="staff_settings"),
]
