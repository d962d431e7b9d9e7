from django.urls import path

from prongsai.engagement import views_public, views_staff

app_name = "engagement"

urlpatterns = [
    path("participate/", views_public.hub, name="hub"),
    path("qa/", views_public.qa_board, name="qa_board"),
    path("qa/ask/", views_public.question_ask, name="question_ask"),
    path("qa/track/", views_public.question_track, name="question_track"),
    path("qa/track/<str:code>/", views_public.question_track_code, name="question_track_code"),
    path("qa/<str:public_id>/", views_public.question_detail, name="question_detail"),
    path("participation/", views_public.participation_list, name="participation_list"),
    path("participation/files/<str:public_id>/", views_public.participation_file, name="participation_file"),
    path(
        "participation/files/<str:public_id>/preview/",
        views_public.participation_file_preview,
        name="participation_file_preview",
    ),
    path("participation/<str:public_id>/", views_public.participation_detail, name="participation_detail"),
    path("staff/participate/", views_staff.overview, name="staff_overview"),
    path("staff/qa/", views_staff.question_index, name="staff_questions"),
    path("staff/qa/<int:pk>/", views_staff.question_detail, name="staff_question"),
    path("staff/qa/<int:pk>/moderate/", views_staff.question_moderate, name="staff_question_moderate"),
    path("staff/qa/<int:pk>/answer/", views_staff.question_answer, name="staff_question_answer"),
    path("staff/qa/<int:pk>/reject/", views_staff.question_reject, name="staff_question_reject"),
    path("staff/qa/<int:pk>/revise/", views_staff.question_revise, name="staff_question_revise"),
    path("staff/participation/", views_staff.participation_index, name="staff_participation"),
    path("staff/participation/new/", views_staff.participation_edit, name="staff_participation_new"),
    path("staff/participation/<int:pk>/", views_staff.participation_edit, name="staff_participation_edit"),
    path(
        "staff/participation/<int:pk>/publish/",
        views_staff.participation_publish,
        name="staff_participation_publish",
    ),
    path(
        "staff/participation/<int:pk>/attachments/",
        views_staff.participation_attach,
        name="staff_participation_attach",
    ),
]
