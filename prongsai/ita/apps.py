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
        # Cache invalidation only (STYLE.md B2): processes keep the catalogues under the instance-wide
        # version (selectors._catalogues), so a catalogue saved or deleted outside the loader and the admin
        # (a shell, a data migration) still outdates them.
        from django.db.models.signals import post_delete, post_save

        from prongsai.core.pagecache import bump_global
        from prongsai.ita.models import Catalogue

        post_save.connect(bump_global, sender=Catalogue, dispatch_uid="ita-catalogue-saved")
        post_delete.connect(bump_global, sender=Catalogue, dispatch_uid="ita-catalogue-deleted")
