"""Reads of the public-site content."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, NamedTuple, overload

from django.db.models import Count, OuterRef, QuerySet, Subquery

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


def news_categories(agency: Agency) -> list[NewsCategory]:
    """The agency's news categories in its order (the news list's menu)."""
    return [NewsCategory.from_db("default", _CATEGORY_FIELDS, row) for row in _CATEGORIES.rows(agency)]


_CATEGORY_FIELDS = tuple(field.attname for field in NewsCategory._meta.concrete_fields)
_CATEGORIES = TenantQuery(
    lambda agency_id: (
        NewsCategory.objects.filter(agency=agency_id)
        .order_by("order", "name_th")
        .values_list(*_CATEGORY_FIELDS)
    )
)


class NewsCardList:
    """The published news of an agency (of one category, when given) as a ``Paginator`` reads a list: its
    count, and slices of ``NewsCard``. The count and the first page, what the menu links to, are read by
    ``TenantQuery`` (ADR 0131); a later page by the queryset, since its offset is not a parameter."""

    def __init__(self, agency: Agency, category: NewsCategory | None, per_page: int) -> None:
        self.agency = agency
        self.category_id = category.pk if category is not None else None
        self.per_page = per_page

    def count(self) -> int:
        if self.category_id is None:
            rows = _NEWS_COUNT.rows(self.agency)
        else:
            rows = _CATEGORY_NEWS_COUNT.rows(self.agency, category_id=self.category_id)
        return int(rows[0][0]) if rows else 0

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[NewsCard]:
        return iter(self[0 : self.count()])

    @overload
    def __getitem__(self, page: int) -> NewsCard: ...
    @overload
    def __getitem__(self, page: slice) -> list[NewsCard]: ...
    def __getitem__(self, page: int | slice) -> NewsCard | list[NewsCard]:
        if isinstance(page, int):
            return self[page : page + 1][0]
        start, stop = page.start or 0, page.stop
        if start == 0 and stop is not None and stop <= self.per_page:
            if self.category_id is None:
                rows = _first_news(self.per_page, by_category=False).rows(self.agency)
            else:
                query = _first_news(self.per_page, by_category=True)
                rows = query.rows(self.agency, category_id=self.category_id)
            return as_news_cards(rows[:stop])
        news = published_news(self.agency, category=None)
        if self.category_id is not None:
            news = news.filter(category_id=self.category_id)
        return as_news_cards(news_card_rows(news, self.agency.pk)[page])


def _news_count(agency_id: int, category_id: int | None = None) -> QuerySet[Any]:
    news = published_news(agency_id).order_by()
    if category_id is not None:
        news = news.filter(category_id=category_id)
    return news.values("agency").annotate(n=Count("pk")).values_list("n")


_NEWS_COUNT = TenantQuery(_news_count)
_CATEGORY_NEWS_COUNT = TenantQuery(_news_count, category_id=int)
_FIRST_NEWS: dict[tuple[int, bool], TenantQuery] = {}


def _first_news(per_page: int, *, by_category: bool) -> TenantQuery:
    found = _FIRST_NEWS.get((per_page, by_category))
    if found is None:

        def build(agency_id: int, category_id: int | None = None) -> QuerySet[Any]:
            news = published_news(agency_id)
            if category_id is not None:
                news = news.filter(category_id=category_id)
            return news_card_rows(news, agency_id)[:per_page]

        found = TenantQuery(build, category_id=int) if by_category else TenantQuery(build)
        _FIRST_NEWS[(per_page, by_category)] = found
    return found


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
