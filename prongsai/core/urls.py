from django.urls import path

from prongsai.core import views_auth, views_line, views_staff

app_name = "core"

urlpatterns = [
    path("language/<str:code>/", views_auth.language_view, name="language"),
    path("accounts/login/", views_auth.login_view, name="login"),
    path("accounts/verify/", views_auth.otp_verify_view, name="otp_verify"),
    path("accounts/two-factor/", views_auth.otp_setup_view, name="otp_setup"),
    path("accounts/logout/", views_auth.logout_view, name="logout"),
    path("accounts/invitation/<str:token>/", views_auth.invitation_view, name="invitation"),
    path("staff/structure/", views_staff.org_overview, name="org_overview"),
    path("staff/structure/units/new/", views_staff.unit_edit, name="unit_new"),
    path("staff/structure/units/<int:pk>/", views_staff.unit_edit, name="unit_edit"),
    path("staff/structure/units/<int:pk>/delete/", views_staff.unit_delete, name="unit_delete"),
    path("staff/structure/positions/new/", views_staff.position_edit, name="position_new"),
    path("staff/structure/positions/<int:pk>/", views_staff.position_edit, name="position_edit"),
    path("staff/structure/positions/<int:pk>/delete/", views_staff.position_delete, name="position_delete"),
    path("staff/structure/people/new/", views_staff.person_edit, name="person_new"),
    path("staff/structure/people/<int:pk>/", views_staff.person_edit, name="person_edit"),
    path("staff/structure/people/<int:pk>/delete/", views_staff.person_delete, name="person_delete"),
    path("staff/agency/", views_staff.agency_profile, name="agency_profile"),
    path("staff/members/", views_staff.members, name="members"),
    path("staff/members/<int:pk>/revoke/", views_staff.member_revoke, name="member_revoke"),
    path("staff/members/<int:pk>/unlock/", views_staff.member_unlock, name="member_unlock"),
    path("staff/calendar/", views_staff.calendar_view, name="calendar"),
    path("staff/calendar/<int:pk>/delete/", views_staff.day_off_delete, name="day_off_delete"),
    path("staff/audit/", views_staff.audit_log, name="audit_log"),
    path("staff/line/", views_line.channel_settings, name="line_settings"),
    path("staff/line/me/", views_line.my_alerts, name="line_my_alerts"),
    path("line/webhook/", views_line.webhook, name="line_webhook"),
]
