from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "prongsai.core"
    label = "core"
    verbose_name = _("แกนกลางของระบบ")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        post_migrate.connect(_load_holidays_after_migrate, sender=self)


def _load_holidays_after_migrate(**kwargs: object) -> None:
    # The calendar must know the holidays on every instance, demo or not, from the first migrate on.
    from prongsai.core.holidays import load_holiday_files

    load_holiday_files()
