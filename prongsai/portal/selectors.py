"""Reads of the public-site content."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Prefetch, QuerySet

from prongsai.core.models import Agency, Attachment, PublicationStatus
from prongsai.portal.models import InfoPage, NewsArticle, NewsCategory


def published_news(agency: Agency, *, category: NewsCategory | None = None) -> QuerySet[NewsArticle]:
    qs = NewsArticle.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED).select_related(
        "category"
    )
    if category is not None:
        qs = qs.filter(category=category)
    return qs.order_by("-published_at")


def with_pictures(news: QuerySet[NewsArticle]) -> QuerySet[NewsArticle]:
    """The articles with their pictures (JPEG/PNG attachments, in the order they were attached) read in one
    more query for the whole list, as ``article.pictures``; a news card shows the first one."""
    pictures = Attachment.objects.filter(kind__in=[Attachment.Kind.JPEG, Attachment.Kind.PNG]).order_by(
        "created_at", "pk"
    )
    return news.prefetch_related(Prefetch("attachments", queryset=pictures, to_attr="pictures"))


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
