"""News pictures are shown as previews of at most PREVIEW_SIDE pixels; the file stays one click away."""

from __future__ import annotations

import importlib
import io

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scopes_disabled
from PIL import Image

from prongsai.core.demo_images import activity_photo_jpeg, document_pdf
from prongsai.core.files import PREVIEW_SIDE
from prongsai.core.models import Attachment
from prongsai.core.services import attachment_create
from prongsai.core.tenancy import agency_scope
from prongsai.portal import services
from prongsai.portal.tests import factories


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def _served(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.fixture
def published(agency, admin_member):
    """A published article carrying a large photo, a small PNG and a PDF."""
    with agency_scope(agency):
        article = factories.news(agency, admin_member, factories.news_category(agency))
        uploads = [
            SimpleUploadedFile("big.jpg", activity_photo_jpeg(5, with_gps=True), "image/jpeg"),
            SimpleUploadedFile("small.png", _png(300, 200), "image/png"),
            SimpleUploadedFile("doc.pdf", document_pdf("x"), "application/pdf"),
        ]
        for upload in uploads:
            services.news_attach_file(article=article, acting_user=admin_member, upload=upload)
        services.news_publish(article=article, acting_user=admin_member)
        big, small, pdf = article.attachments.order_by("pk")
    return article, big, small, pdf


def test_a_large_picture_gets_a_smaller_preview_without_metadata(anon, published):
    _article, big, _small, _pdf = published
    assert big.preview
    full = Image.open(io.BytesIO(_served(anon.get(f"/files/{big.public_id}/"))))
    body = _served(anon.get(f"/files/{big.public_id}/preview/"))
    preview = Image.open(io.BytesIO(body))
    assert full.size == (960, 640)
    assert preview.size == (PREVIEW_SIDE, PREVIEW_SIDE * 2 // 3)
    assert preview.format == "JPEG"
    assert not preview.getexif().get_ifd(0x8825)  # no GPS, like the file itself
    assert len(body) < big.size


def test_a_small_picture_is_its_own_preview_and_a_document_has_none(anon, published):
    _article, _big, small, pdf = published
    assert not small.preview
    assert _served(anon.get(f"/files/{small.public_id}/preview/")) == _served(
        anon.get(f"/files/{small.public_id}/")
    )
    assert anon.get(f"/files/{pdf.public_id}/preview/").status_code == 404


def test_the_picture_of_a_draft_has_no_public_preview(anon, agency, admin_member):
    with agency_scope(agency):
        draft = factories.news(agency, admin_member, factories.news_category(agency))
        services.news_attach_file(
            article=draft,
            acting_user=admin_member,
            upload=SimpleUploadedFile("d.jpg", activity_photo_jpeg(6, with_gps=False), "image/jpeg"),
        )
        unpublished = draft.attachments.get()
    assert unpublished.preview
    assert anon.get(f"/files/{unpublished.public_id}/preview/").status_code == 404
    assert anon.get("/files/not-a-uuid/preview/").status_code == 404


def test_cards_and_the_article_show_the_preview_and_link_the_file(anon, published):
    article, big, _small, _pdf = published
    preview = f"/files/{big.public_id}/preview/"
    assert preview.encode() in anon.get("/news/").content
    assert preview.encode() in anon.get("/").content
    page = anon.get(f"/news/{article.public_id}/").content.decode()
    assert f'<img src="{preview}"' in page
    assert f'<a href="/files/{big.public_id}/">' in page  # the full picture, one click away


def test_a_picture_kept_private_gets_no_preview(agency, admin_member):
    with agency_scope(agency):
        attachment = attachment_create(
            agency=agency,
            acting_user=admin_member,
            upload=SimpleUploadedFile("c.jpg", activity_photo_jpeg(7), "image/jpeg"),
            public_image=False,
        )
    assert not attachment.preview


def test_pictures_published_before_previews_existed_get_theirs(agency, admin_member, published):
    _article, big, small, _pdf = published
    with scopes_disabled():
        big.preview.delete(save=False)
        Attachment.objects.filter(pk=big.pk).update(preview="")
        with agency_scope(agency):
            article = factories.news(agency, admin_member, factories.news_category(agency, slug="gone"))
            services.news_attach_file(
                article=article,
                acting_user=admin_member,
                upload=SimpleUploadedFile("g.jpg", activity_photo_jpeg(8, with_gps=False), "image/jpeg"),
            )
        gone = article.attachments.get()
        gone.preview.delete(save=False)
        gone.file.delete(save=False)  # a file lost from storage is skipped, not an error
        Attachment.objects.filter(pk=gone.pk).update(preview="")
        migration = importlib.import_module("prongsai.portal.migrations.0002_news_picture_previews")
        migration.add_previews(apps, None)
        big.refresh_from_db()
        small.refresh_from_db()
        gone.refresh_from_db()
    assert big.preview
    with big.preview.open("rb") as handle:
        assert max(Image.open(handle).size) == PREVIEW_SIDE
    assert not small.preview  # small enough already
    assert not gone.preview
