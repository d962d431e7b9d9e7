from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcurementConfig(AppConfig):
    name = "prongsai.procurement"
    label = "procurement"
    verbose_name = _("การจัดซื้อจัดจ้าง")
    default_auto_field = "django.db.models.BigAutoField"
