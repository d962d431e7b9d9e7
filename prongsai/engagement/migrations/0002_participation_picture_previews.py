"""The previews of participation records' pictures stored before pictures had one (core 0009)."""

from django.db import migrations

from prongsai.core.picture_previews import add_missing_previews


def add_previews(apps, schema_editor):
    through = apps.get_model("engagement", "ParticipationActivity").attachments.through
    add_missing_previews(apps.get_model("core", "Attachment"), through.objects.values("attachment_id"))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_attachment_preview"),
        ("engagement", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_previews, migrations.RunPython.noop)]
