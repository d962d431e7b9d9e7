from django.urls import path

from prongsai.assets import views_public, views_staff

app_name = "assets"

urlpatterns = [
    path("assets/", views_public.manual, name="manual"),
    path("assets/borrow/", views_public.borrow, name="borrow"),
    path("assets/borrow/<str:code>/", views_public.track, name="track"),
    path("staff/assets/", views_staff.asset_list, name="staff_list"),
    path("staff/assets/new/", views_staff.asset_new, name="staff_new"),
    path("staff/assets/import/", views_staff.ledger_import, name="staff_import"),
    path("staff/assets/types/", views_staff.type_list, name="staff_types"),
    path("staff/assets/types/new/", views_staff.type_edit, name="staff_type_new"),
    path("staff/assets/types/<int:pk>/", views_staff.type_edit, name="staff_type_edit"),
    path("staff/assets/rules/", views_staff.rules, name="staff_rules"),
    path("staff/assets/rules/publish/", views_staff.rules_publish, name="staff_rules_publish"),
    path("staff/assets/loans/", views_staff.loan_list, name="staff_loans"),
    path("staff/assets/loans/new/", views_staff.loan_new, name="staff_loan_new"),
    path("staff/assets/loans/<int:pk>/", views_staff.loan_detail, name="staff_loan"),
    path("staff/assets/loans/<int:pk>/approve/", views_staff.loan_approve, name="staff_loan_approve"),
    path("staff/assets/loans/<int:pk>/reject/", views_staff.loan_reject, name="staff_loan_reject"),
    path("staff/assets/loans/<int:pk>/hand-over/", views_staff.loan_hand_over, name="staff_loan_hand_over"),
    path("staff/assets/loans/<int:pk>/return/", views_staff.loan_return, name="staff_loan_return"),
    path("staff/assets/loans/<int:pk>/cancel/", views_staff.loan_cancel, name="staff_loan_cancel"),
    path("staff/assets/stocktakes/", views_staff.stocktake_list, name="staff_stocktakes"),
    path("staff/assets/stocktakes/<int:pk>/", views_staff.stocktake_detail, name="staff_stocktake"),
    path(
        "staff/assets/stocktakes/<int:pk>/check/", views_staff.stocktake_check, name="staff_stocktake_check"
    ),
    path(
        "staff/assets/stocktakes/<int:pk>/report/",
        views_staff.stocktake_report,
        name="staff_stocktake_report",
    ),
    path("staff/assets/<int:pk>/", views_staff.asset_detail, name="staff_detail"),
    path("staff/assets/<int:pk>/edit/", views_staff.asset_edit, name="staff_edit"),
    path("staff/assets/<int:pk>/photos/", views_staff.asset_photo_add, name="staff_photo_add"),
    path("staff/assets/<int:pk>/photos/<str:photo_id>/", views_staff.asset_photo, name="staff_photo"),
    path("staff/assets/<int:pk>/write-off/", views_staff.asset_write_off, name="staff_write_off"),
]
