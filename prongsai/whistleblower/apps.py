from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WhistleblowerConfig(AppConfig):
    name = "prongsai.whistleblower"
    label = "whistleblower"
    verbose_name = _("ช่องทางแจ้งเบาะแสการทุจริต")
    default_auto_field = "django.db.models.BigAutoField"
