from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "prongsai.portal"
    label = "portal"
    verbose_name = _("เว็บไซต์หน่วยงาน")

    def ready(self) -> None:
        # A new hosted agency's site starts with the usual news categories, so its staff can publish at once.
        from prongsai.core.services_onboarding import agency_onboarded
        from prongsai.portal.defaults import news_categories_create

        agency_onboarded.connect(news_categories_create, dispatch_uid="portal-new-agency-categories")
