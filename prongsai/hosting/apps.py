from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HostingConfig(AppConfig):
    name = "prongsai.hosting"
    label = "hosting"
    verbose_name = _("ผู้ให้บริการระบบ")
