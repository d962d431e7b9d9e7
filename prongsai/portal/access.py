"""Guarded accessors: the only way views reach protected portal objects.

"Missing" and "not yours / not public" give the same 404, so a URL tells an outsider nothing.
"""

from __future__ import annotations

from django.http import Http404

from prongsai.core.access import parse_public_id as _uuid
from prongsai.core.models import Agency, Attachment, PublicationStatus
from prongsai.portal.models import InfoPage, NewsArticle


def get_public_news(agency: Agency, public_id: str) -> NewsArticle:
    article = (
        NewsArticle.objects.filter(
            agency=agency, public_id=_uuid(public_id), status=PublicationStatus.PUBLISHED
        )
        .select_related("category")
        .prefetch_related("attachments")
        .first()
    )
    if article is None:
        raise Http404
    return article


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
