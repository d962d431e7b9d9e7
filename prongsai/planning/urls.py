from django.urls import path

from prongsai.planning import views_public, views_staff

app_name = "planning"

urlpatterns = [
    path("plans/", views_public.plan_list, name="plan_list"),
    path("plans/<str:public_id>/", views_public.plan_detail, name="plan_detail"),
    path("plans/<str:public_id>/progress/", views_public.plan_progress, name="plan_progress"),
    path("plans/<str:public_id>/results/", views_public.plan_results, name="plan_results"),
    path("staff/plans/", views_staff.plan_index, name="staff_plans"),
    path("staff/plans/new/", views_staff.plan_edit, name="staff_plan_new"),
    path("staff/plans/<int:pk>/", views_staff.plan_edit, name="staff_plan_edit"),
    path("staff/plans/<int:pk>/publish/", views_staff.plan_publish, name="staff_plan_publish"),
    path("staff/plans/<int:pk>/items/new/", views_staff.item_edit, name="staff_item_new"),
    path("staff/plans/<int:pk>/items/<int:item_pk>/", views_staff.item_edit, name="staff_item_edit"),
    path("staff/plans/<int:pk>/items/<int:item_pk>/result/", views_staff.result_new, name="staff_result_new"),
    path(
        "staff/plans/<int:pk>/items/<int:item_pk>/delete/", views_staff.item_delete, name="staff_item_delete"
    ),
    path("staff/plans/<int:pk>/results/<int:result_pk>/", views_staff.result_edit, name="staff_result_edit"),
    path("staff/plans/<int:pk>/progress/", views_staff.progress_edit, name="staff_progress"),
    path("staff/plans/<int:pk>/annual/", views_staff.annual_report_edit, name="staff_annual_report"),
]
