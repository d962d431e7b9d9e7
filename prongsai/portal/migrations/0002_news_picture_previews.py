"""The previews of news pictures stored before pictures had one (core 0009): the news cards show previews."""

from django.core.files.base import ContentFile
from django.db import migrations

from prongsai.core.files import image_preview


def add_previews(apps, schema_editor):
    Attachment = apps.get_model("core", "Attachment")
    carried = apps.get_model("portal", "NewsArticle").attachments.through.objects.values("attachment_id")
    pictures = Attachment._base_manager.filter(pk__in=carried, kind__in=["jpg", "png"], preview="")
    for attachment in pictures.iterator(chunk_size=200):
        try:
            with attachment.file.open("rb") as handle:
                preview = image_preview(handle.read())
        except (OSError, ValueError):
            # A missing or unreadable file: the page keeps showing the file itself, as it did before.
            continue
        if preview is None:
            continue  # already small enough
        attachment.preview.save(f"preview.{attachment.kind}", ContentFile(preview), save=False)
        Attachment._base_manager.filter(pk=attachment.pk).update(preview=attachment.preview.name)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_attachment_preview"),
        ("portal", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_previews, migrations.RunPython.noop)]
