from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "prongsai.opendata"
    label = "opendata"
    verbose_name = _("ข้อมูลเปิด")

    def ready(self) -> None:
        # Fill the data-set registry from every installed app's ``datasets`` module (core/datasets.py).
        from prongsai.opendata import catalog

        catalog.autodiscover()
