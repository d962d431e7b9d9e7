from django.urls import path

from prongsai.reports import views_public, views_staff

app_name = "reports"

urlpatterns = [
    # Public documents sit under the owning app's path, so their addresses read as part of its pages.
    path(
        "eservice/services/<slug:code>/manual.<str:fmt>", views_public.service_manual, name="service_manual"
    ),
    path("staff/reports/", views_staff.report_index, name="index"),
    path("staff/reports/<str:identifier>/", views_staff.report_download, name="download"),
    path("documents/<slug:identifier>.<slug:fmt>", views_public.public_download, name="public_download"),
]
