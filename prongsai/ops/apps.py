from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "prongsai.ops"
    label = "ops"
    verbose_name = _("การดูแลระบบ")

    def ready(self) -> None:
        # Declaring the periodic jobs registers them in the schedule registry.
        from prongsai.ops import jobs  # noqa: F401
