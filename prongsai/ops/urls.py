from django.urls import path

from prongsai.ops import views_public, views_staff

app_name = "ops"

urlpatterns = [
    # Answered by HealthCheckMiddleware before routing; routed too so that it has a name and a rule.
    path("healthz", views_public.healthz, name="healthz"),
    path("staff/system/", views_staff.status, name="status"),
]
