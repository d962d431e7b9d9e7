"""Site search that finds Thai words.

Thai is written without spaces between words, so a full-text engine cannot find words in it by itself. Text
is segmented into syllables with PyThaiNLP (dictionary engine) when it is indexed and when it is queried, and
stored as space-separated tokens in reading order. A query is one *phrase* of syllables per
space-separated chunk the user typed, all chunks required. Syllables rather than dictionary words, because
word segmentation glues compounds together: "ชำระภาษีที่ดิน" segments to "ชำระ | ภาษีที่ดิน", so a search
for "ภาษี" would miss it, while the syllable phrase "ภา ษี" is found inside "ชำ ระ ภา ษี ที่ ดิน".
The engine then only matches tokens and their order:

* SQLite: an FTS5 table with the ``ascii`` tokenizer (every non-ASCII character is part of a token, so a
  Thai syllable is never split again), kept in sync by triggers (migration 0002); phrases are FTS5 phrases;
* PostgreSQL: ``to_tsvector('simple', tokens)`` kept in a stored generated column ``search_vector`` with a
  GIN index (migrations 0002–0003; the model does not declare the column, so the ORM never writes it),
  queried with a tsquery built from quoted lexemes joined by ``<->`` (followed-by), so PostgreSQL's parser,
  which does not know Thai, only ever sees text already split at spaces.

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

from prongsai.core.models import Agency, SearchDocument
from prongsai.core.thai import to_arabic_digits

_STRIP = re.compile(r"[\"'\\()*:^{}\[\]<>|&!@#$%+=~`,;?/]")
MAX_QUERY_TOKENS = 12


@lru_cache(maxsize=4096)
def _segment(text: str) -> tuple[str, ...]:
    # PyThaiNLP and its dictionary are loaded by the first segmentation, not by every process that starts.
    from pythainlp.tokenize import syllable_tokenize

    return tuple(syllable_tokenize(text, engine="dict", keep_whitespace=False))


def _chunk_tokens(chunk: str) -> list[str]:
    tokens: list[str] = []
    for piece in _segment(_STRIP.sub(" ", chunk)):
        piece = piece.strip(" .-_")
        if piece and any(ch.isalnum() for ch in piece):
            tokens.append(piece)
    return tokens


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", to_arabic_digits(text or "")).lower()


def tokenize(text: str) -> list[str]:
    """Tokens of ``text`` in reading order: Thai syllables, Latin words lowercased, Thai digits as Arabic."""
    tokens: list[str] = []
    for chunk in _normalise(text).split():
        tokens.extend(_chunk_tokens(chunk))
    return tokens


def query_phrases(query: str) -> list[list[str]]:
    """One phrase (list of tokens) per space-separated chunk of the query; empty chunks are dropped."""
    phrases = [_chunk_tokens(chunk) for chunk in _normalise(query).split()]
    return [p for p in phrases if p][:MAX_QUERY_TOKENS]


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
    phrases = query_phrases(query)
    if not phrases:
        return []
    if connection.vendor == "postgresql":
        lexemes = " & ".join(
            "(" + " <-> ".join("'" + t.replace("\\", "").replace("'", "''") + "'" for t in phrase) + ")"
            for phrase in phrases
        )
        sql = (
            "SELECT id FROM core_searchdocument WHERE agency_id = %s AND search_vector @@ %s::tsquery "
            "ORDER BY ts_rank(search_vector, %s::tsquery) DESC, published_at DESC NULLS LAST LIMIT %s"
        )
        params: list[str | int] = [agency.pk, lexemes, lexemes, limit]
    else:
        match = " AND ".join('"' + " ".join(t.replace('"', "") for t in phrase) + '"' for phrase in phrases)
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
