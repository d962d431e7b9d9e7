"""Guarded accessors: the only way views reach protected portal objects.

"Missing" and "not yours / not public" give the same 404, so a URL tells an outsider nothing.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Model, QuerySet
from django.http import Http404

from prongsai.core.access import parse_public_id as _uuid
from prongsai.core.models import Agency, Attachment, PublicationStatus
from prongsai.core.prepared import TenantQuery
from prongsai.portal.models import InfoPage, NewsArticle, NewsCategory


def get_public_news(agency: Agency, public_id: str) -> NewsArticle:
    """A published article of ``agency`` with its category; its files are ``public_news_files``.

    Read by a ``TenantQuery`` (SQL built once per connection, ADR 0131): the article is the page most
    shared, and building its query cost more than running it."""
    rows = _PUBLIC_NEWS.rows(agency, public_id=_uuid(public_id))
    if not rows:
        raise Http404
    article = NewsArticle.from_db("default", _NEWS_FIELDS, rows[0][: len(_NEWS_FIELDS)])
    article.category = NewsCategory.from_db("default", _CATEGORY_FIELDS, rows[0][len(_NEWS_FIELDS) :])
    return article


def public_news_files(article: NewsArticle) -> list[Attachment]:
    """The files of a published article (``get_public_news``), in the order they were attached."""
    return [
        Attachment.from_db("default", _FILE_FIELDS, row)
        for row in _NEWS_FILES.rows(article.agency_id, article_id=article.pk)
    ]


def _fields(model: type[Model]) -> tuple[str, ...]:
    return tuple(field.attname for field in model._meta.concrete_fields)


_NEWS_FIELDS = _fields(NewsArticle)
_CATEGORY_FIELDS = _fields(NewsCategory)
_FILE_FIELDS = _fields(Attachment)


def _public_news(agency_id: int, public_id: uuid.UUID) -> QuerySet[Any]:
    return NewsArticle.objects.filter(
        agency=agency_id,
        public_id=public_id,
        status=PublicationStatus.PUBLISHED,
        category__agency=agency_id,  # bounded by the agency on the joined table too
    ).values_list(*_NEWS_FIELDS, *(f"category__{name}" for name in _CATEGORY_FIELDS))


def _news_files(agency_id: int, article_id: int) -> QuerySet[Any]:
    return (
        NewsArticle.attachments.through.objects.filter(
            newsarticle_id=article_id, newsarticle__agency=agency_id, attachment__agency=agency_id
        )
        .order_by("attachment__created_at", "attachment__pk")
        .values_list(*(f"attachment__{name}" for name in _FILE_FIELDS))
    )


_PUBLIC_NEWS = TenantQuery(_public_news, public_id=uuid.UUID)
_NEWS_FILES = TenantQuery(_news_files, article_id=int)


def get_public_attachment(agency: Agency, public_id: str) -> Attachment:
    """An attachment is public only while a published news article carries it."""
    attachment = Attachment.objects.filter(agency=agency, public_id=_uuid(public_id)).first()
    if attachment is None:
        raise Http404
    carried = NewsArticle.objects.filter(
        agency=agency, status=PublicationStatus.PUBLISHED, attachments=attachment
    ).exists()
    if not carried:
        raise Http404
    return attachment


def get_news_for_staff(agency: Agency, pk: int) -> NewsArticle:
    article = NewsArticle.objects.filter(agency=agency, pk=pk).select_related("category").first()
    if article is None:
        raise Http404
    return article


def get_page_for_staff(agency: Agency, pk: int) -> InfoPage:
    page = InfoPage.objects.filter(agency=agency, pk=pk).first()
    if page is None:
        raise Http404
    return page
