from django.urls import path

from prongsai.hosting import views

app_name = "hosting"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("agencies/new/", views.agency_new, name="agency_new"),
    path("agencies/removed/", views.removals, name="removals"),
    path("settings/", views.operator_settings, name="settings"),
    path("agencies/<slug:code>/", views.agency_detail, name="agency_detail"),
    path("agencies/<slug:code>/suspend/", views.agency_suspend_view, name="agency_suspend"),
    path("agencies/<slug:code>/resume/", views.agency_resume_view, name="agency_resume"),
    path("agencies/<slug:code>/invite/", views.agency_reinvite, name="agency_reinvite"),
    path("agencies/<slug:code>/export/", views.agency_export_view, name="agency_export"),
    path("agencies/<slug:code>/delete/", views.agency_delete_view, name="agency_delete"),
    path("exports/<int:pk>/download/", views.export_download, name="export_download"),
]
