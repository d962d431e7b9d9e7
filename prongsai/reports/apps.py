from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "prongsai.reports"
    label = "reports"
    verbose_name = _("เอกสารและรายงาน")

    def ready(self) -> None:
        # Importing the exporter modules fills the registry.
        from prongsai.reports import exporters  # noqa: F401
