from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "prongsai.core"
    label = "core"
    verbose_name = _("แกนกลางของระบบ")

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_delete, post_migrate, post_save

        from prongsai.core.models import Agency, AgencyHost
        from prongsai.core.pagecache import bump_global
        from prongsai.core.tenancy import invalidate_agencies

        post_migrate.connect(_load_holidays_after_migrate, sender=self)
        # Cache invalidation only (STYLE.md B2): cached host → agency answers are dropped on any change.
        for model in (Agency, AgencyHost):
            post_save.connect(invalidate_agencies, sender=model, dispatch_uid=f"invalidate-{model.__name__}")
            post_delete.connect(
                invalidate_agencies, sender=model, dispatch_uid=f"invalidate-d-{model.__name__}"
            )
            # The header and footer of every cached public page show the agency's name and contacts.
            post_save.connect(bump_global, sender=model, dispatch_uid=f"pages-{model.__name__}")
            post_delete.connect(bump_global, sender=model, dispatch_uid=f"pages-d-{model.__name__}")
        # An operator's edit in the admin site bypasses the services (and their audit events); the admin
        # logs every change, so that log entry outdates every cached public page.
        post_save.connect(bump_global, sender=LogEntry, dispatch_uid="pages-admin-log")


def _load_holidays_after_migrate(**kwargs: object) -> None:
    # The calendar must know the holidays on every instance, demo or not, from the first migrate on.
    from prongsai.core.holidays import load_holiday_files

    load_holiday_files()
