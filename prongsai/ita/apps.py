from django.apps import AppConfig


class ItaConfig(AppConfig):
    name = "prongsai.ita"
    label = "ita"
    verbose_name = "ITA"

    def ready(self) -> None:
        # Fill the evidence-provider registry: ita's own providers for core, portal and planning, then
        # every installed app's ``ita_evidence`` module (see prongsai/ita/providers.py).
        from prongsai.ita import providers

        providers.autodiscover()
        # A publication outdates the stored readiness; it is recomputed in the background after the commit.
        from prongsai.core.pagecache import public_pages_changed
        from prongsai.ita.readiness_store import enqueue_refresh

        public_pages_changed.connect(enqueue_refresh, dispatch_uid="ita-refresh-readiness")
        # A new hosted agency starts on the current year's catalogue with the answer date the operator set.
        from prongsai.core.services_onboarding import agency_onboarded
        from prongsai.ita.services import year_setting_for_new_agency

        agency_onboarded.connect(year_setting_for_new_agency, dispatch_uid="ita-new-agency-year")
