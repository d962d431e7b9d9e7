from django.urls import path

from prongsai.integrity import views_public, views_staff

app_name = "integrity"

urlpatterns = [
    path("no-gift/", views_public.index, name="index"),
    path("no-gift/declarations/<str:public_id>/", views_public.declaration_detail, name="declaration"),
    path("no-gift/activities/<str:public_id>/", views_public.activity_detail, name="activity"),
    path(
        "no-gift/activities/<str:public_id>/photos/<str:photo_id>/",
        views_public.activity_photo,
        name="activity_photo",
    ),
    path(
        "no-gift/activities/<str:public_id>/photos/<str:photo_id>/preview/",
        views_public.activity_photo_preview,
        name="activity_photo_preview",
    ),
    path("no-gift/reports/<str:public_id>/", views_public.gift_report_detail, name="gift_report"),
    path("corruption-risk/<str:public_id>/", views_public.assessment_detail, name="assessment"),
    path(
        "corruption-risk/<str:public_id>/report/",
        views_public.treatment_report_detail,
        name="treatment_report",
    ),
    path("staff/no-gift/", views_staff.home, name="staff_home"),
    path("staff/no-gift/declarations/new/", views_staff.declaration_edit, name="staff_declaration_new"),
    path("staff/no-gift/declarations/<int:pk>/", views_staff.declaration_edit, name="staff_declaration"),
    path(
        "staff/no-gift/declarations/<int:pk>/publish/",
        views_staff.declaration_publish,
        name="staff_declaration_publish",
    ),
    path(
        "staff/no-gift/declarations/<int:pk>/acknowledge/",
        views_staff.declaration_acknowledge,
        name="staff_declaration_acknowledge",
    ),
    path("staff/no-gift/activities/new/", views_staff.activity_edit, name="staff_activity_new"),
    path("staff/no-gift/activities/<int:pk>/", views_staff.activity_edit, name="staff_activity"),
    path(
        "staff/no-gift/activities/<int:pk>/photos/", views_staff.activity_photo, name="staff_activity_photo"
    ),
    path(
        "staff/no-gift/activities/<int:pk>/publish/",
        views_staff.activity_publish,
        name="staff_activity_publish",
    ),
    path("staff/no-gift/gifts/", views_staff.gift_list, name="staff_gifts"),
    path("staff/no-gift/gifts/new/", views_staff.gift_new, name="staff_gift_new"),
    path("staff/no-gift/gifts/<int:pk>/", views_staff.gift_detail, name="staff_gift"),
    path("staff/no-gift/gifts/<int:pk>/close/", views_staff.gift_close, name="staff_gift_close"),
    path("staff/no-gift/gift-reports/new/", views_staff.gift_report_new, name="staff_gift_report_new"),
    path(
        "staff/no-gift/gift-reports/<int:pk>/publish/",
        views_staff.gift_report_publish,
        name="staff_gift_report_publish",
    ),
    path("staff/corruption-risk/areas/new/", views_staff.area_new, name="staff_area_new"),
    path("staff/corruption-risk/new/", views_staff.assessment_new, name="staff_assessment_new"),
    path("staff/corruption-risk/<int:pk>/", views_staff.assessment_detail, name="staff_assessment"),
    path(
        "staff/corruption-risk/<int:pk>/publish/",
        views_staff.assessment_publish,
        name="staff_assessment_publish",
    ),
    path("staff/corruption-risk/<int:pk>/events/new/", views_staff.event_edit, name="staff_event_new"),
    path("staff/corruption-risk/<int:pk>/events/<int:item_pk>/", views_staff.event_edit, name="staff_event"),
    path(
        "staff/corruption-risk/<int:pk>/events/<int:item_pk>/measures/new/",
        views_staff.measure_new,
        name="staff_measure_new",
    ),
    path(
        "staff/corruption-risk/<int:pk>/measures/<int:item_pk>/",
        views_staff.measure_edit,
        name="staff_measure",
    ),
    path(
        "staff/corruption-risk/<int:pk>/measures/<int:item_pk>/progress/",
        views_staff.progress_new,
        name="staff_progress_new",
    ),
    path("staff/corruption-risk/<int:pk>/report/", views_staff.treatment_report_edit, name="staff_report"),
    path(
        "staff/corruption-risk/<int:pk>/report/publish/",
        views_staff.treatment_report_publish,
        name="staff_report_publish",
    ),
]
