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
