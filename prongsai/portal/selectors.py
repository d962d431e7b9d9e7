"""Reads of the public-site content."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from prongsai.core.models import Agency, Attachment, PublicationStatus
from prongsai.portal.models import InfoPage, NewsArticle, NewsCategory


def published_news(agency: Agency, *, category: NewsCategory | None = None) -> QuerySet[NewsArticle]:
    qs = NewsArticle.objects.filter(agency=agency, status=PublicationStatus.PUBLISHED).select_related(
        "category"
    )
    if category is not None:
        qs = qs.filter(category=category)
    return qs.order_by("-published_at")


# What a news card shows of an article (portal/templatetags/news_tags.py): the body and the audit columns stay
# in the database.
NEWS_CARD_FIELDS = ("agency", "public_id", "title", "summary", "published_at", "category__name_th")


@dataclass(frozen=True)
class Picture:
    """A picture attached to an article, as a news card links it."""

    public_id: str
    title: str


def news_cards(news: QuerySet[NewsArticle]) -> QuerySet[NewsArticle]:
    """``news`` reading only what a card shows; give the rows read to ``with_pictures``."""
    return news.only(*NEWS_CARD_FIELDS)


def with_pictures(articles: Iterable[NewsArticle]) -> list[NewsArticle]:
    """The articles, each with its pictures (JPEG/PNG attachments, in the order they were attached) as
    ``article.pictures``, read in one query for the whole list; a news card shows the first one.

    A plain read of the link table, not ``prefetch_related``: Django's prefetching of a many-to-many
    relation built full attachment objects and took longer than the article query itself."""
    found = list(articles)
    pictures: dict[int, list[Picture]] = {article.pk: [] for article in found}
    rows = (
        NewsArticle.attachments.through.objects.filter(
            newsarticle_id__in=list(pictures),
            # Bounded by the agency on the joined table too (ADR 0111), as every read of tenant rows is.
            attachment__agency_id__in={article.agency_id for article in found},
            attachment__kind__in=[Attachment.Kind.JPEG, Attachment.Kind.PNG],
        )
        .order_by("attachment__created_at", "attachment__pk")
        .values_list("newsarticle_id", "attachment__public_id", "attachment__title")
    )
    for article_id, public_id, title in rows if pictures else ():
        pictures[article_id].append(Picture(str(public_id), title))
    for article in found:
        article.pictures = pictures[article.pk]  # type: ignore[attr-defined]  # set for the news cards
    return found


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
