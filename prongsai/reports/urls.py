from django.urls import path

from prongsai.reports import views_staff

app_name = "reports"

urlpatterns = [
    path("staff/reports/", views_staff.report_index, name="index"),
    path("staff/reports/<str:identifier>/", views_staff.report_download, name="download"),
]
