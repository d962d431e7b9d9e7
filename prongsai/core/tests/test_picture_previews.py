"""Pictures stored before previews existed get theirs from each app's data migration (ADR 0133)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scopes_disabled
from PIL import Image

from prongsai.core.demo_images import activity_photo_jpeg
from prongsai.core.files import PREVIEW_SIDE
from prongsai.core.models import Attachment
from prongsai.core.services import attachment_create
from prongsai.core.tenancy import agency_scope
from prongsai.engagement.tests import factories as engagement_factories
from prongsai.integrity.tests import factories as integrity_factories
from prongsai.portal.tests import factories as portal_factories


def _picture_without_preview(agency, user, seed: int) -> Attachment:
    """A picture as one uploaded before core 0009 was stored: the file, no preview."""
    picture = attachment_create(
        agency=agency,
        acting_user=user,
        upload=SimpleUploadedFile(f"{seed}.jpg", activity_photo_jpeg(seed), "image/jpeg"),
    )
    picture.preview.delete(save=False)
    Attachment.objects.filter(pk=picture.pk).update(preview="")
    return picture


def _news(agency, user):
    return portal_factories.news(agency, user, portal_factories.news_category(agency)).attachments


def _activity(agency, user):
    return integrity_factories.activity(agency, user).photos


def _participation(agency, user):
    return engagement_factories.participation(agency, user).attachments


@pytest.mark.parametrize(
    ("migration", "carrier"),
    [
        ("prongsai.portal.migrations.0002_news_picture_previews", _news),
        ("prongsai.integrity.migrations.0002_activity_photo_previews", _activity),
        ("prongsai.engagement.migrations.0002_participation_picture_previews", _participation),
    ],
)
def test_each_app_gives_the_pictures_it_carries_their_preview(agency, admin_member, migration, carrier):
    with agency_scope(agency):
        carried = _picture_without_preview(agency, admin_member, 11)
        elsewhere = _picture_without_preview(agency, admin_member, 12)  # carried by no record of this app
        carrier(agency, admin_member).add(carried)
    with scopes_disabled():
        importlib.import_module(migration).add_previews(apps, None)
        carried.refresh_from_db()
        elsewhere.refresh_from_db()
    assert carried.preview and not elsewhere.preview
    with carried.preview.open("rb") as handle:
        assert max(Image.open(handle).size) == PREVIEW_SIDE
