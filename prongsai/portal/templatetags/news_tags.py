"""The news cards of the home page and the news list, written in one step per list.

A card has a heading linking to the article, its category and publication date, its summary and its first
picture. Included one by one through the template engine, the cards were a third of the home page's
rendering; written here, every value is escaped as ``{{ }}`` would escape it, the same strings are
translated, the card's words are kept whole by ``thai_wrap`` as ``{% filter thai_wrap %}`` kept them, and
each URL name is reversed once per list (``portal/tests/test_news_cards.py`` compares the cards with the
template they replace).
"""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from prongsai.core import thai, thai_words
from prongsai.core.markup import text
from prongsai.portal.selectors import NewsCard

register = template.Library()

_STUB = "00000000-0000-0000-0000-000000000000"


def _around_id(name: str) -> tuple[str, str]:
    head, _stub, tail = reverse(name, args=[_STUB]).rpartition(_STUB)
    return head, tail


@register.simple_tag
def news_cards(articles: Iterable[NewsCard], heading_level: str = "3") -> SafeString:
    """The ``<li class="card news-card">`` of each article (``selectors.NewsCard``), in order."""
    article_head, article_tail = _around_id("portal:news_detail")
    picture_head, picture_tail = _around_id("portal:attachment_preview")
    published = text(_("เผยแพร่"))
    level = text(str(heading_level))
    cards = []
    for article in articles:
        title = text(article.title)
        link = text(f"{article_head}{article.public_id}{article_tail}")
        summary = f"<p>{text(article.summary)}</p>" if article.summary else ""
        when = article.published_at
        stamp = date_filter(localtime(when), "c") if when else ""  # what {{ when|date:'c' }} prints
        words = thai_words.thai_wrap(
            mark_safe(  # noqa: S308 - every value is escaped by core.markup.text
                f'\n  <h{level}><a href="{link}">{title}</a></h{level}>\n'
                f'  <p class="meta"><span class="tag">{text(article.category_name)}</span> · {published} '
                f'<time datetime="{text(stamp)}">{text(thai.format_date(when)) if when else ""}</time></p>\n'
                f"  {summary}\n  "
            )
        )
        image = ""
        if article.picture_id is not None:
            alt = (
                text(article.picture_title)
                if article.picture_title
                else text(_("ภาพประกอบข่าว %(title)s") % {"title": article.title})
            )
            source = text(f"{picture_head}{article.picture_id}{picture_tail}")
            image = f'<img class="news-picture" src="{source}" alt="{alt}" loading="lazy" decoding="async">'
        cards.append(
            f'\n<li class="card news-card{" has-picture" if article.picture_id is not None else ""}">\n'
            f'  <div class="news-text">{words}</div>\n'
            "  \n"
            f"  {image}\n"
            "</li>"
        )
    return mark_safe("".join(cards))  # noqa: S308 - every value is escaped by core.markup.text
