from django.urls import path

from prongsai.ita import views_public, views_staff

app_name = "ita"

urlpatterns = [
    path("ita/", views_public.current, name="current"),
    path("ita/<int:year>/", views_public.index, name="index"),
    path("ita/<int:year>/analysis/", views_public.analysis, name="analysis"),
    path("ita/<int:year>/copies/<str:digest>/", views_public.snapshot_file, name="snapshot_file"),
    path("ita/<int:year>/counts/", views_public.counts, name="counts"),
    path("staff/ita/<int:year>/counts/", views_staff.counts, name="staff_counts"),
    path("ita/results/", views_public.results, name="results"),
    path("ita/results/chart.svg", views_public.results_chart, name="results_chart"),
    path("ita/results/indicator-<int:number>.svg", views_public.indicator_chart, name="indicator_chart"),
    path("ita/results/<int:year>/", views_public.results_year, name="results_year"),
    path("ita/evidence/<str:public_id>/", views_public.evidence_file, name="evidence_file"),
    path("staff/ita/", views_staff.home, name="staff_home"),
    path("staff/ita/<int:year>/", views_staff.readiness_view, name="staff_readiness"),
    path("staff/ita/<int:year>/check/", views_staff.readiness_check_now, name="staff_check_now"),
    path("staff/ita/<int:year>/settings/", views_staff.year_settings, name="staff_settings"),
    path("staff/ita/<int:year>/evidence/new/", views_staff.evidence_new, name="staff_evidence_new"),
    path("staff/ita/<int:year>/snapshots/", views_staff.snapshots_take, name="staff_snapshots"),
    path("staff/ita/<int:year>/analysis/", views_staff.analysis_edit, name="staff_analysis"),
    path(
        "staff/ita/<int:year>/analysis/publish/", views_staff.analysis_publish, name="staff_analysis_publish"
    ),
    path(
        "staff/ita/evidence/<int:pk>/withdraw/", views_staff.evidence_withdraw, name="staff_evidence_withdraw"
    ),
    path("staff/ita/results/import/", views_staff.results_import, name="staff_results_import"),
]
