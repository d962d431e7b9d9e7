"""E-Service tracking codes are stored like every other channel's: without dashes (prongsai.core.tracking).

Codes already issued keep working: they are read with or without dashes, and pages still show them in groups
of four. Reversible: the dashes are put back.
"""

from django.db import migrations
from django_scopes import scopes_disabled


def strip_dashes(apps, schema_editor):
    ServiceRequest = apps.get_model("eservice", "ServiceRequest")
    with scopes_disabled():
        for pk, code in ServiceRequest.objects.filter(tracking_code__contains="-").values_list("pk", "tracking_code"):
            ServiceRequest.objects.filter(pk=pk).update(tracking_code=code.replace("-", ""))


def add_dashes(apps, schema_editor):
    ServiceRequest = apps.get_model("eservice", "ServiceRequest")
    with scopes_disabled():
        for pk, code in ServiceRequest.objects.exclude(tracking_code__contains="-").values_list("pk", "tracking_code"):
            grouped = "-".join(code[i : i + 4] for i in range(0, len(code), 4))
            ServiceRequest.objects.filter(pk=pk).update(tracking_code=grouped)


class Migration(migrations.Migration):
    dependencies = [("eservice", "0001_initial")]

    operations = [migrations.RunPython(strip_dashes, add_dashes, elidable=False)]
