from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "prongsai.reports"
    label = "reports"
    verbose_name = "เอกสารและรายงาน"

    def ready(self) -> None:
        # Importing the exporter modules fills the registry.
        from prongsai.reports import exporters  # noqa: F401
