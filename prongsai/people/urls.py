from django.urls import path

from prongsai.people import views_public, views_staff

app_name = "people"

urlpatterns = [
    path("people/rules/", views_public.rules, name="rules"),
    path("people/rules/<str:public_id>/", views_public.rule_detail, name="rule_detail"),
    path("people/statistics/", views_public.statistics, name="statistics"),
    path("people/ethics/", views_public.ethics, name="ethics"),
    path("people/ethics/reports/<int:year>/", views_public.ethics_report, name="ethics_report"),
    path("people/documents/<str:public_id>/", views_public.document, name="document"),
    path("staff/people/", views_staff.index, name="staff_index"),
    path("staff/people/posts/", views_staff.posts, name="staff_posts"),
    path("staff/people/posts/new/", views_staff.post_edit, name="staff_post_new"),
    path("staff/people/posts/<int:pk>/", views_staff.post_edit, name="staff_post_edit"),
    path("staff/people/posts/<int:pk>/tenures/", views_staff.tenure_start, name="staff_tenure_start"),
    path(
        "staff/people/posts/<int:pk>/tenures/<int:item_pk>/end/",
        views_staff.tenure_end,
        name="staff_tenure_end",
    ),
    path("staff/people/rules/", views_staff.rules, name="staff_rules"),
    path("staff/people/ethics/", views_staff.ethics, name="staff_ethics"),
    path("staff/people/training/", views_staff.training, name="staff_training"),
    path("staff/people/training/new/", views_staff.course_edit, name="staff_course_new"),
    path("staff/people/training/<int:pk>/", views_staff.course_edit, name="staff_course_edit"),
    path(
        "staff/people/training/<int:pk>/attendances/", views_staff.attendance_add, name="staff_attendance_add"
    ),
    path(
        "staff/people/training/<int:pk>/attendances/<int:item_pk>/remove/",
        views_staff.attendance_remove,
        name="staff_attendance_remove",
    ),
    path(
        "staff/people/training/<int:pk>/attendances/<int:item_pk>/certificate/",
        views_staff.certificate,
        name="staff_certificate",
    ),
    path("staff/people/ethics/groups/<int:pk>/members/", views_staff.member_add, name="staff_member_add"),
    path(
        "staff/people/ethics/groups/<int:pk>/members/<int:item_pk>/remove/",
        views_staff.member_remove,
        name="staff_member_remove",
    ),
    path("staff/people/acknowledge/", views_staff.acknowledge, name="staff_acknowledge"),
    path("staff/people/acknowledgements/", views_staff.acknowledgements, name="staff_acknowledgements"),
]

# The published records share one edit page and one publish action (views_staff.KINDS).
_PREFIXES = {
    "rule": "staff/people/rules",
    "code": "staff/people/ethics/codes",
    "group": "staff/people/ethics/groups",
    "guide": "staff/people/ethics/guides",
    "report": "staff/people/ethics/reports",
}
for _kind, _prefix in _PREFIXES.items():
    urlpatterns += [
        path(f"{_prefix}/new/", views_staff.record_edit, {"kind": _kind}, name=f"staff_{_kind}_new"),
        path(f"{_prefix}/<int:pk>/", views_staff.record_edit, {"kind": _kind}, name=f"staff_{_kind}_edit"),
        path(
            f"{_prefix}/<int:pk>/publish/",
            views_staff.record_publish,
            {"kind": _kind},
            name=f"staff_{_kind}_publish",
        ),
    ]
