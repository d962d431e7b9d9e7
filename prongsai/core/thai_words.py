"""Thai words for line breaking: where a line may break in Thai text, by PyThaiNLP's word segmentation.

Thai writes no spaces between words, so a renderer has to guess where a line may break. Browsers (ICU) and
Typst use their own dictionaries, which split compounds that a Thai reader takes as one word ("ดำเนิน|การ",
"องค์การบริหาร|ส่วนตำบล"). Headings, column headers and names are set from these segments instead: a word
is kept whole and a line may break only between words. The same segmentation checks rendered lines in the
tests, so the rule the pages follow and the rule they are checked against are one.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, SafeString, mark_safe

_THAI = re.compile(r"[\u0e00-\u0e7f]")


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    # PyThaiNLP and its dictionary are loaded by the first segmentation, not by every process that starts.
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(text, engine="newmm", keep_whitespace=True))


def words(text: str) -> list[str]:
    """``text`` cut into words and the spaces between them; joined again they give ``text`` unchanged.

    Only Thai runs are segmented: Latin words, numbers and codes are kept as the spaces delimit them.
    """
    if not text:
        return []
    if not _THAI.search(text):
        return re.split(r"(\s+)", text) if " " in text else [text]
    return [token for token in _tokens(text) if token]


def boundaries(text: str) -> set[int]:
    """The character offsets of ``text`` at which a line may break (between words, around spaces)."""
    offsets: set[int] = set()
    position = 0
    for token in words(text):
        offsets.add(position)
        position += len(token)
    offsets.add(position)
    return offsets


def breakable_html(text: str) -> SafeString:
    """``text`` as HTML in which a Thai word cannot be broken and a line may break between words.

    Each Thai word of more than one character is wrapped in ``<span class="tw">`` (``white-space: nowrap``
    in the style sheet) and a ``<wbr>`` is offered between adjacent words, so the browser's own dictionary
    cannot split a word and still has a place to break a long name or title.
    """
    parts: list[str] = []
    previous_word = False
    for token in words(str(text)):
        if token.isspace():
            parts.append(conditional_escape(token))
            previous_word = False
            continue
        if previous_word:
            parts.append("<wbr>")
        escaped = conditional_escape(token)
        parts.append(
            f'<span class="tw">{escaped}</span>' if _THAI.search(token) and len(token) > 1 else escaped
        )
        previous_word = True
    return mark_safe("".join(parts))  # noqa: S308 - every token is escaped above


_WORD_OPEN = '<span class="tw">'

# Tags whose content is not running text: left exactly as it is.
_RAW_TEXT = re.compile(
    r"(<(script|style|textarea|pre|title|option)\b.*?</\2\s*>|<[^>]*>)", re.IGNORECASE | re.DOTALL
)


def breakable_markup(markup: str) -> SafeString:
    """Already-safe HTML with :func:`breakable_html` applied to its running text; tags, attributes and the
    content of scripts, styles, text areas and options are left untouched."""
    parts = []
    # A word already wrapped (a heading with its own filter, included in a page wrapped whole) is kept as it
    # is, so wrapping twice gives the same markup as wrapping once.
    in_word = False
    for index, piece in enumerate(_RAW_TEXT.split(markup)):
        # re.split with two groups yields text, whole tag, inner tag name, text, ...
        kind = index % 3
        if kind == 2:
            continue
        if kind == 1:
            parts.append(piece)
            in_word = piece == _WORD_OPEN
        elif _THAI.search(piece) and not in_word:
            parts.append(breakable_html(html.unescape(piece)))
        else:
            parts.append(piece)
    return mark_safe("".join(parts))  # noqa: S308 - tags were safe; text is escaped by breakable_html


def thai_wrap(value: object) -> SafeString:
    """The template filter's work: plain text is escaped and segmented; safe HTML keeps its markup."""
    if value is None or value == "":
        return mark_safe("")
    return mark_safe(_wrapped(str(value), isinstance(value, SafeData)))  # noqa: S308 - made safe in _wrapped


@lru_cache(maxsize=4096)
def _wrapped(text: str, safe: bool) -> str:
    # Memoised whole: the same headings, names and menus are wrapped on every page a process renders, and
    # splitting the markup and rebuilding it costs more than segmenting it (the words are cached in _tokens).
    return str(breakable_markup(text) if safe else breakable_html(text))
