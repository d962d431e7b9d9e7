"""Builders of the portal tests: news categories, news articles and information pages.

Articles and pages go through the services (drafts, then publication as revision 1); the caller is inside
the agency's scope.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from prongsai.core.models import Agency, User
from prongsai.portal import services
from prongsai.portal.models import InfoPage, NewsArticle, NewsCategory


def news_category(agency: Agency, **overrides: Any) -> NewsCategory:
    fields: dict[str, Any] = {"slug": "news", "name_th": "ข่าวประชาสัมพันธ์"}
    fields.update(overrides)
    return NewsCategory.objects.create(agency=agency, **fields)


def news(
    agency: Agency,
    user: User,
    category: NewsCategory,
    *,
    published: bool = False,
    picture: bytes | None = None,
    picture_title: str = "",
    **overrides: Any,
) -> NewsArticle:
    """A draft article (or a published one with ``published=True``); ``picture`` (JPEG bytes) is attached."""
    fields: dict[str, Any] = {"title": "ข่าวทดสอบ", "body": "ย่อหน้าแรก"}
    fields.update(overrides)
    article = services.news_create_draft(agency=agency, acting_user=user, category=category, **fields)
    if picture is not None:
        upload = SimpleUploadedFile("photo.jpg", picture, "image/jpeg")
        services.news_attach_file(article=article, acting_user=user, upload=upload, title=picture_title)
    return services.news_publish(article=article, acting_user=user) if published else article


def info_page(agency: Agency, user: User, **overrides: Any) -> InfoPage:
    """A draft page, by default the powers and duties (อำนาจหน้าที่)."""
    fields: dict[str, Any] = {
        "kind": InfoPage.Kind.POWERS_DUTIES,
        "slug": "powers-duties",
        "title": "อำนาจหน้าที่",
        "body": "มาตรา 67 จัดให้มีและบำรุงรักษาทางน้ำและทางบก",
    }
    fields.update(overrides)
    return services.page_create_draft(agency=agency, acting_user=user, **fields)
