"""Site search that finds Thai words.

Thai is written without spaces between words, so a full-text engine cannot find words in it by itself. Text
is segmented into words with PyThaiNLP when it is indexed and when it is queried, and stored as
space-separated tokens; the engine then only matches tokens:

* SQLite: an FTS5 table with the ``ascii`` tokenizer (every non-ASCII character is part of a token, so a
  Thai word is never split again), kept in sync by triggers (migration 0002);
* PostgreSQL: ``array_to_tsvector(string_to_array(tokens, ' '))`` with a GIN index, queried with a tsquery
  built from quoted lexemes, so PostgreSQL's own parser (which does not know Thai) never touches the text.

See docs/decisions/0003-search.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from django.db import connection
from django.db.models import Model
from pythainlp.tokenize import word_tokenize

from prongsai.core.models import Agency, SearchDocument
from prongsai.core.thai import to_arabic_digits

_STRIP = re.compile(r"[\"'\\()*:^{}\[\]<>|&!@#$%+=~`,;?/]")
MAX_QUERY_TOKENS = 12


@lru_cache(maxsize=4096)
def _segment(text: str) -> tuple[str, ...]:
    return tuple(word_tokenize(text, engine="newmm", keep_whitespace=False))


def tokenize(text: str) -> list[str]:
    """Words of ``text``: Thai segmented by PyThaiNLP, Latin text lowercased, Thai digits as Arabic."""
    normalised = unicodedata.normalize("NFC", to_arabic_digits(text or "")).lower()
    tokens: list[str] = []
    for chunk in normalised.split():
        for word in _segment(chunk):
            word = _STRIP.sub("", word).strip(" .-_")
            if word and any(ch.isalnum() for ch in word):
                tokens.append(word)
    return tokens


def index_document(
    *,
    agency: Agency,
    record: Model,
    url: str,
    title: str,
    body: str,
    summary: str = "",
    published_at: datetime | None = None,
) -> SearchDocument:
    """Add or refresh the search entry of a public record."""
    document, _created = SearchDocument.objects.update_or_create(
        agency=agency,
        record_type=record._meta.label_lower,
        record_id=record.pk,
        defaults={
            "url": url,
            "title": title,
            "summary": summary[:500],
            "tokens": " ".join(tokenize(f"{title}\n{summary}\n{body}")),
            "published_at": published_at,
        },
    )
    return document


def remove_document(*, agency: Agency, record: Model) -> None:
    SearchDocument.objects.filter(
        agency=agency, record_type=record._meta.label_lower, record_id=record.pk
    ).delete()


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    summary: str
    published_at: datetime | None


def search(*, agency: Agency, query: str, limit: int = 50) -> list[SearchHit]:
    """Documents of ``agency`` that contain every word of ``query``, best match first."""
    tokens = list(dict.fromkeys(tokenize(query)))[:MAX_QUERY_TOKENS]
    if not tokens:
        return []
    if connection.vendor == "postgresql":
        lexemes = " & ".join("'" + t.replace("'", "''") + "'" for t in tokens)
        sql = (
            "SELECT id FROM core_searchdocument WHERE agency_id = %s AND "
            "array_to_tsvector(string_to_array(tokens, ' ')) @@ %s::tsquery "
            "ORDER BY ts_rank(array_to_tsvector(string_to_array(tokens, ' ')), %s::tsquery) DESC, "
            "published_at DESC NULLS LAST LIMIT %s"
        )
        params: list[str | int] = [agency.pk, lexemes, lexemes, limit]
    else:
        match = " ".join('"' + t.replace('"', '""') + '"' for t in tokens)
        sql = (
            "SELECT d.id FROM core_search_fts f JOIN core_searchdocument d ON d.id = f.rowid "
            "WHERE core_search_fts MATCH %s AND d.agency_id = %s "
            "ORDER BY bm25(core_search_fts), d.published_at DESC LIMIT %s"
        )
        params = [match, agency.pk, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ids = [row[0] for row in cursor.fetchall()]
    # The scoped manager filters by the active agency again: a bug in the SQL above cannot leak rows.
    documents = SearchDocument.objects.filter(agency=agency).in_bulk(ids)
    return [
        SearchHit(title=d.title, url=d.url, summary=d.summary, published_at=d.published_at)
        for i in ids
        if (d := documents.get(i)) is not None
    ]
