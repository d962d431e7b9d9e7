from django.urls import path

from prongsai.eservice import views_public, views_staff

app_name = "eservice"

urlpatterns = [
    path("eservice/", views_public.catalogue, name="catalogue"),
    path("eservice/services/<slug:code>/", views_public.service_detail, name="service_detail"),
    path("eservice/services/<slug:code>/request/", views_public.request_new, name="request_new"),
    path("eservice/track/", views_public.track_lookup, name="track_lookup"),
    path("eservice/track/<str:code>/", views_public.track, name="track"),
    path("eservice/track/<str:code>/survey/", views_public.survey, name="survey"),
    path("eservice/statistics/", views_public.statistics_page, name="statistics"),
    path("eservice/statistics/download.xlsx", views_public.statistics_xlsx, name="statistics_xlsx"),
    path("staff/eservice/", views_staff.queue, name="staff_queue"),
    path("staff/eservice/requests/<int:pk>/", views_staff.request_detail, name="staff_request"),
    path("staff/eservice/requests/<int:pk>/assign/", views_staff.request_assign, name="staff_assign"),
    path(
        "staff/eservice/requests/<int:pk>/complete-step/",
        views_staff.request_complete_step,
        name="staff_step",
    ),
    path(
        "staff/eservice/requests/<int:pk>/ask-documents/",
        views_staff.request_ask_documents,
        name="staff_ask_documents",
    ),
    path(
        "staff/eservice/requests/<int:pk>/documents-received/",
        views_staff.request_documents_received,
        name="staff_documents_received",
    ),
    path("staff/eservice/requests/<int:pk>/approve/", views_staff.request_approve, name="staff_approve"),
    path("staff/eservice/requests/<int:pk>/reject/", views_staff.request_reject, name="staff_reject"),
    path("staff/eservice/files/<int:pk>/", views_staff.request_file, name="staff_file"),
    path("staff/eservice/walk-in/", views_staff.walk_in_index, name="staff_walk_in"),
    path("staff/eservice/walk-in/<int:pk>/", views_staff.walk_in_new, name="staff_walk_in_new"),
    path("staff/eservice/services/", views_staff.service_index, name="staff_services"),
    path("staff/eservice/services/new/", views_staff.service_edit, name="staff_service_new"),
    path("staff/eservice/services/<int:pk>/", views_staff.service_edit, name="staff_service_edit"),
    path(
        "staff/eservice/services/<int:pk>/publish/", views_staff.service_publish, name="staff_service_publish"
    ),
]
