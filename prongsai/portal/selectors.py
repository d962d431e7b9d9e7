"""Reads of the public-site content."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any, NamedTuple

from django.db.models import OuterRef, QuerySet, Subquery

from prongsai.core.models import Agency, Attachment, PublicationStatus
from prongsai.core.prepared import TenantQuery
from prongsai.portal.models import InfoPage, NewsArticle, NewsCategory


def published_news(agency: Agency | int, *, category: NewsCategory | None = None) -> QuerySet[NewsArticle]:
    qs = NewsArticle.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED).select_related(
        "category"
    )
    if category is not None:
        qs = qs.filter(category=category)
    return qs.order_by("-published_at")


class NewsCard(NamedTuple):
    """What a news card shows of an article (portal/templatetags/news_tags.py), with its first picture
    (a JPEG or PNG attachment, the first attached): a row, not a model instance."""

    public_id: uuid.UUID
    title: str
    summary: str
    published_at: datetime | None
    category_name: str
    picture_id: uuid.UUID | None
    picture_title: str | None


def news_card_rows(news: QuerySet[NewsArticle], agency_id: int) -> QuerySet[Any]:
    """``news`` as the rows of ``NewsCard``: the body and the audit columns stay in the database, and the
    first picture is read with each row, not by a query of its own or as model objects."""
    pictures = (
        NewsArticle.attachments.through.objects.filter(
            newsarticle_id=OuterRef("pk"),
            # Bounded by the agency on the joined table too (ADR 0111), as every read of tenant rows is.
            attachment__agency_id=agency_id,
            attachment__kind__in=[Attachment.Kind.JPEG, Attachment.Kind.PNG],
        )
        .order_by("attachment__created_at", "attachment__pk")
        .values("attachment__public_id", "attachment__title")
    )
    return news.values_list("public_id", "title", "summary", "published_at", "category__name_th").annotate(
        picture_id=Subquery(pictures.values("attachment__public_id")[:1]),
        picture_title=Subquery(pictures.values("attachment__title")[:1]),
    )


def as_news_cards(rows: Iterable[tuple[Any, ...]]) -> list[NewsCard]:
    """The rows of ``news_card_rows`` (a page of them) as cards."""
    return [NewsCard(*row) for row in rows]


LATEST_NEWS = 6


def _latest(agency_id: int) -> QuerySet[Any]:
    return news_card_rows(published_news(agency_id), agency_id)[:LATEST_NEWS]


# The home page's latest news, read with SQL built once per connection (core/prepared.py, ADR 0131).
_LATEST = TenantQuery(_latest)


def latest_news(agency: Agency) -> list[NewsCard]:
    """The cards of the latest published articles (the home page)."""
    return as_news_cards(_LATEST.rows(agency))


def news_categories(agency: Agency) -> QuerySet[NewsCategory]:
    return NewsCategory.objects.filter(agency=agency).order_by("order", "name_th")


def published_page(agency: Agency, slug: str) -> InfoPage | None:
    return InfoPage.objects.filter(agency=agency, slug=slug, status=PublicationStatus.PUBLISHED).first()


def published_page_of_kind(agency: Agency, kind: str) -> InfoPage | None:
    return (
        InfoPage.objects.filter(agency=agency, kind=kind, status=PublicationStatus.PUBLISHED)
        .order_by("order", "pk")
        .first()
    )


def published_pages(agency: Agency) -> QuerySet[InfoPage]:
    return InfoPage.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED).order_by(
        "order", "title"
    )


def news_for_staff(agency: Agency, *, state: str = "") -> QuerySet[NewsArticle]:
    """Every news item of the agency, newest first; ``state`` ("draft" or "published") narrows it."""
    qs = NewsArticle.objects.filter(agency=agency).select_related("category").order_by("-created_at")
    return qs.filter(status=state) if state in PublicationStatus.values else qs


def pages_for_staff(agency: Agency, *, state: str = "") -> QuerySet[InfoPage]:
    qs = InfoPage.objects.filter(agency=agency).order_by("order", "title")
    return qs.filter(status=state) if state in PublicationStatus.values else qs


def news_published_since(agency_ids: list[int], since: datetime) -> dict[int, tuple[int, datetime | None]]:
    """Per agency: how many news items were published since ``since`` and when the latest was."""
    from django.db.models import Count, Max

    rows = (
        NewsArticle.objects.filter(
            agency_id__in=agency_ids, status=PublicationStatus.PUBLISHED, published_at__gte=since
        )
        .values("agency_id")
        .annotate(n=Count("pk"), last=Max("published_at"))
        .order_by()
    )
    return {row["agency_id"]: (row["n"], row["last"]) for row in rows}
