"""The previews of news pictures stored before pictures had one (core 0009): the news cards show previews."""

from django.db import migrations

from prongsai.core.picture_previews import add_missing_previews


def add_previews(apps, schema_editor):
    carried = apps.get_model("portal", "NewsArticle").attachments.through.objects.values("attachment_id")
    add_missing_previews(apps.get_model("core", "Attachment"), carried)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_attachment_preview"),
        ("portal", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_previews, migrations.RunPython.noop)]
