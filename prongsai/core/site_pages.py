"""The public site's entry pages (the citizen channels, the plans and reports, the ITA pages) for site search.

The search index holds published records (news, plans, services ...); a person searching "ร้องเรียน" is also
looking for the *channel* where one complains, which is a page, not a record. An app ships a ``site_pages``
module with ``PAGES = [SitePage(...), ...]``: the page's URL name, its Thai title, what it is for and the
words people search it with. They are matched in memory with the same Thai tokenizer as the index (a few
dozen short texts), so they need no indexing and follow each page's wording in the visitor's language.
Discovery is lazy, on first use, so core never imports a domain app at start-up (as ``trackers``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise

from prongsai.core.app_modules import app_modules
from prongsai.core.search import SearchHit, query_phrases, tokenize


@dataclass(frozen=True)
class SitePage:
    url_name: str
    title: Promise
    summary: Promise
    keywords: Promise | str = ""  # more words people search this page with (not shown)


_PAGES: list[SitePage] = []
_DISCOVERED = False


def _discover() -> None:
    global _DISCOVERED
    if _DISCOVERED:
        return
    for module in app_modules("site_pages"):
        _PAGES.extend(getattr(module, "PAGES", []))
    _DISCOVERED = True


def pages() -> list[SitePage]:
    _discover()
    return list(_PAGES)


def _contains(tokens: list[str], phrase: list[str]) -> bool:
    width = len(phrase)
    return any(tokens[i : i + width] == phrase for i in range(len(tokens) - width + 1))


def search_pages(query: str) -> list[SearchHit]:
    """The entry pages whose title, summary or keywords contain every word of ``query`` (as the index
    matches: each space-separated chunk a phrase of syllables), in the order the apps list them."""
    phrases = query_phrases(query)
    if not phrases:
        return []
    hits = []
    for page in pages():
        tokens = tokenize(f"{page.title}\n{page.summary}\n{page.keywords}")
        if all(_contains(tokens, phrase) for phrase in phrases):
            hits.append(
                SearchHit(
                    title=str(page.title),
                    url=reverse(page.url_name),
                    summary=str(page.summary),
                    published_at=None,
                )
            )
    return hits
