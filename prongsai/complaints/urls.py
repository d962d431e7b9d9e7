from django.urls import path

from prongsai.complaints import views_public, views_staff

app_name = "complaints"

urlpatterns = [
    path("complaints/", views_public.landing, name="landing"),
    path("complaints/new/", views_public.new, name="new"),
    path("complaints/track/", views_public.track, name="track"),
    path("complaints/track/<str:code>/", views_public.track_code, name="track_code"),
    path("complaints/track/<str:code>/respond/", views_public.respond, name="respond"),
    path("complaints/track/<str:code>/files/<str:file_id>/", views_public.public_file, name="public_file"),
    path("complaints/statistics/", views_public.statistics, name="statistics"),
    path("staff/complaints/", views_staff.complaint_list, name="staff_list"),
    path("staff/complaints/new/", views_staff.intake, name="staff_intake"),
    path("staff/complaints/categories/", views_staff.categories, name="staff_categories"),
    path("staff/complaints/categories/new/", views_staff.category_edit, name="staff_category_new"),
    path("staff/complaints/categories/<int:pk>/", views_staff.category_edit, name="staff_category_edit"),
    path("staff/complaints/<int:pk>/", views_staff.complaint_detail, name="staff_detail"),
    path("staff/complaints/<int:pk>/accept/", views_staff.accept, name="staff_accept"),
    path("staff/complaints/<int:pk>/start/", views_staff.start, name="staff_start"),
    path("staff/complaints/<int:pk>/resolve/", views_staff.resolve, name="staff_resolve"),
    path("staff/complaints/<int:pk>/reject/", views_staff.reject, name="staff_reject"),
    path("staff/complaints/<int:pk>/forward/", views_staff.forward, name="staff_forward"),
    path("staff/complaints/<int:pk>/reopen/", views_staff.reopen, name="staff_reopen"),
    path("staff/complaints/<int:pk>/route/", views_staff.route, name="staff_route"),
    path("staff/complaints/<int:pk>/note/", views_staff.note, name="staff_note"),
    path("staff/complaints/<int:pk>/move/", views_staff.move, name="staff_move"),
    path("staff/complaints/<int:pk>/files/<str:file_id>/", views_staff.staff_file, name="staff_file"),
]
