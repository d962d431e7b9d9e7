from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "prongsai.engagement"
    label = "engagement"
    verbose_name = _("ถาม-ตอบและการมีส่วนร่วมของประชาชน")
