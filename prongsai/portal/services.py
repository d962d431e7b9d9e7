"""Writes of the public-site content. Publication and corrections go through core.publication."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.audit import audit_record
from prongsai.core.drafts import UNSET, Unset, assign, given, save_changes
from prongsai.core.models import Agency, User
from prongsai.core.publication import add_revision_for_change, record_publish, record_revise
from prongsai.core.search import index_document
from prongsai.core.services import attachment_create
from prongsai.portal.models import InfoPage, NewsArticle, NewsCategory


def _index_news(article: NewsArticle) -> None:
    index_document(
        agency=article.agency,
        record=article,
        url=reverse("portal:news_detail", args=[article.public_id]),
        title=article.title,
        summary=article.summary or article.body[:200],
        body=f"{article.category.name_th}\n{article.body}",
        published_at=article.published_at,
    )


def _index_page(page: InfoPage) -> None:
    index_document(
        agency=page.agency,
        record=page,
        url=reverse("portal:page", args=[page.slug]),
        title=page.title,
        summary=page.body[:200],
        body=page.body,
        published_at=page.published_at,
    )


# --- news -------------------------------------------------------------------------------------------------


@transaction.atomic
def news_create_draft(
    *,
    agency: Agency,
    acting_user: User,
    title: str,
    category: NewsCategory,
    body: str,
    summary: str = "",
    event_date: date | None = None,
) -> NewsArticle:
    """Draft a news article; it is public only once published."""
    article = NewsArticle(
        agency=agency, title=title, category=category, body=body, summary=summary, event_date=event_date
    )
    article.full_clean()
    article.save()
    audit_record(agency=agency, actor=acting_user, action="portal.news.drafted", obj=article)
    return article


@transaction.atomic
def news_update_draft(
    *,
    article: NewsArticle,
    acting_user: User,
    title: str | Unset = UNSET,
    category: NewsCategory | Unset = UNSET,
    body: str | Unset = UNSET,
    summary: str | Unset = UNSET,
    event_date: date | Unset | None = UNSET,
) -> NewsArticle:
    """Change a draft directly; a published article can only be corrected with ``news_revise``."""
    # The state is read from the locked row, never from the caller's (possibly stale) instance.
    article = NewsArticle.objects.select_for_update().get(pk=article.pk)
    if article.is_published:
        raise ValidationError(_("ข่าวนี้เผยแพร่แล้ว การแก้ไขต้องทำเป็นฉบับแก้ไขพร้อมเหตุผล"))
    changed = assign(
        article, given(title=title, category=category, body=body, summary=summary, event_date=event_date)
    )
    save_changes(article, changed)
    audit_record(
        agency=article.agency,
        actor=acting_user,
        action="portal.news.draft_updated",
        obj=article,
        data={"fields": sorted(changed)},
    )
    return article


@transaction.atomic
def news_publish(
    *, article: NewsArticle, acting_user: User, published_at: datetime | None = None
) -> NewsArticle:
    published = record_publish(
        record=article, acting_user=acting_user, action="portal.news.published", published_at=published_at
    )
    _index_news(published)
    return published


@transaction.atomic
def news_revise(
    *,
    article: NewsArticle,
    acting_user: User,
    reason: str,
    title: str | Unset = UNSET,
    category: NewsCategory | Unset = UNSET,
    body: str | Unset = UNSET,
    summary: str | Unset = UNSET,
    event_date: date | Unset | None = UNSET,
) -> NewsArticle:
    """Correct a published article: a new public revision with the reason."""
    changes = given(title=title, category=category, body=body, summary=summary, event_date=event_date)
    revised = record_revise(
        record=article, acting_user=acting_user, reason=reason, changes=changes, action="portal.news.revised"
    )
    _index_news(revised)
    return revised


@transaction.atomic
def news_attach_file(
    *, article: NewsArticle, acting_user: User, upload: UploadedFile, title: str = "", reason: str = ""
) -> NewsArticle:
    """Attach a checked file. On a published article this is a correction and needs a reason."""
    article = NewsArticle.objects.select_for_update().get(pk=article.pk)
    if article.is_published and not reason.strip():
        raise ValidationError(_("ข่าวนี้เผยแพร่แล้ว การเพิ่มไฟล์แนบต้องระบุเหตุผลของการแก้ไข"))
    attachment = attachment_create(agency=article.agency, acting_user=acting_user, upload=upload, title=title)
    article.attachments.add(attachment)
    if article.is_published:
        add_revision_for_change(
            record=article, acting_user=acting_user, reason=reason, action="portal.news.revised"
        )
    return article


# --- information pages ------------------------------------------------------------------------------------


@transaction.atomic
def page_create_draft(
    *,
    agency: Agency,
    acting_user: User,
    slug: str,
    title: str,
    body: str,
    kind: str = InfoPage.Kind.OTHER,
    order: int = 0,
) -> InfoPage:
    """Draft an information page at ``slug`` (unique in the agency)."""
    page = InfoPage(agency=agency, slug=slug, title=title, body=body, kind=kind, order=order)
    if InfoPage.objects.filter(agency=agency, slug=page.slug).exists():
        raise ValidationError({"slug": _("มีหน้าที่ใช้ที่อยู่นี้แล้ว กรุณาใช้ที่อยู่อื่น")})
    page.full_clean()
    page.save()
    audit_record(agency=agency, actor=acting_user, action="portal.page.drafted", obj=page)
    return page


@transaction.atomic
def page_update_draft(
    *,
    page: InfoPage,
    acting_user: User,
    slug: str | Unset = UNSET,
    title: str | Unset = UNSET,
    body: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    order: int | Unset = UNSET,
) -> InfoPage:
    """Change a draft page directly; a published page is corrected with ``page_revise``."""
    page = InfoPage.objects.select_for_update().get(pk=page.pk)
    if page.is_published:
        raise ValidationError(_("หน้านี้เผยแพร่แล้ว การแก้ไขต้องทำเป็นฉบับแก้ไขพร้อมเหตุผล"))
    changed = assign(page, given(slug=slug, title=title, body=body, kind=kind, order=order))
    if InfoPage.objects.filter(agency=page.agency, slug=page.slug).exclude(pk=page.pk).exists():
        raise ValidationError({"slug": _("มีหน้าที่ใช้ที่อยู่นี้แล้ว กรุณาใช้ที่อยู่อื่น")})
    save_changes(page, changed)
    audit_record(
        agency=page.agency,
        actor=acting_user,
        action="portal.page.draft_updated",
        obj=page,
        data={"fields": sorted(changed)},
    )
    return page


@transaction.atomic
def page_publish(*, page: InfoPage, acting_user: User, published_at: datetime | None = None) -> InfoPage:
    published = record_publish(
        record=page, acting_user=acting_user, action="portal.page.published", published_at=published_at
    )
    _index_page(published)
    return published


@transaction.atomic
def page_revise(
    *,
    page: InfoPage,
    acting_user: User,
    reason: str,
    title: str | Unset = UNSET,
    body: str | Unset = UNSET,
) -> InfoPage:
    """Correct a published page (its title and text): a new public revision with the reason."""
    revised = record_revise(
        record=page,
        acting_user=acting_user,
        reason=reason,
        changes=given(title=title, body=body),
        action="portal.page.revised",
    )
    _index_page(revised)
    return revised
