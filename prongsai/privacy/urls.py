"""PDPA: the privacy notice, data subjects' requests (public) and their staff queue."""

from django.urls import path

from . import views_public, views_staff

app_name = "privacy"

urlpatterns = [
    path("privacy/", views_public.privacy_notice, name="notice"),
    path("privacy/request/", views_public.new_request, name="new"),
    path("privacy/request/track/", views_public.track, name="track"),
    path("privacy/request/track/<str:code>/", views_public.track_code, name="track_code"),
    path("staff/privacy/", views_staff.queue, name="staff_queue"),
    path("staff/privacy/<int:pk>/", views_staff.detail, name="staff_detail"),
    path("staff/privacy/<int:pk>/start/", views_staff.start, name="staff_start"),
    path("staff/privacy/<int:pk>/close/", views_staff.close, name="staff_close"),
    path("staff/privacy/<int:pk>/export.xlsx", views_staff.export, name="staff_export"),
]
