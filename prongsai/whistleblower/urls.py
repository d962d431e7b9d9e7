from django.urls import path

from prongsai.whistleblower import views_public, views_staff

app_name = "whistleblower"

urlpatterns = [
    path("integrity/", views_public.landing, name="landing"),
    path("integrity/report/", views_public.report_form, name="report"),
    path("integrity/report/done/", views_public.report_done, name="report_done"),
    path("integrity/follow-up/", views_public.follow_up, name="follow_up"),
    path("integrity/follow-up/add/", views_public.follow_up_add, name="follow_up_add"),
    path("integrity/follow-up/leave/", views_public.follow_up_leave, name="follow_up_leave"),
    path("integrity/guideline/", views_public.guideline, name="guideline"),
    path("integrity/statistics/", views_public.statistics, name="statistics"),
    path("integrity/statistics.csv", views_public.statistics_csv, name="statistics_csv"),
    path("staff/integrity/", views_staff.home, name="staff_home"),
    path("staff/integrity/key/setup/", views_staff.key_setup, name="key_setup"),
    path("staff/integrity/key/unlock/", views_staff.key_unlock, name="key_unlock"),
    path("staff/integrity/key/lock/", views_staff.key_lock, name="key_lock"),
    path("staff/integrity/key/recover/", views_staff.key_recover, name="key_recover"),
    path("staff/integrity/reports/<str:handle>/", views_staff.report_detail, name="report_detail"),
    path("staff/integrity/reports/<str:handle>/action/", views_staff.report_action, name="report_action"),
    path(
        "staff/integrity/reports/<str:handle>/files/<str:file_id>/",
        views_staff.report_file,
        name="report_file",
    ),
    path(
        "staff/integrity/reports/<str:handle>/identity/", views_staff.report_identity, name="report_identity"
    ),
    path("staff/integrity/custody/", views_staff.custody, name="custody"),
    path("staff/integrity/custody/<int:pk>/", views_staff.custody_decide, name="custody_decide"),
    path("staff/integrity/settings/", views_staff.channel_settings_view, name="settings"),
    path("staff/integrity/guideline/", views_staff.guideline_edit, name="guideline_edit"),
    path("staff/integrity/guideline/publish/", views_staff.guideline_publish_view, name="guideline_publish"),
]
