"""Text lines of a rendered PDF, read the way a reader's eye meets them: glyph ink boxes grouped by baseline.

PDFium (pypdfium2, already a dependency) gives every character its tight ink box and its origin on the
baseline. A Thai cluster (a letter with its vowel and tone mark above or below) is one box shared by its
characters, so the boxes are the ink the marks really reach. Characters on one baseline (within a point:
marks are placed with small vertical offsets) form a line; a line is cut into segments where the gap between
characters is wider than a table cell's padding, so two cells side by side are two segments.
"""

from __future__ import annotations

import ctypes
from collections import defaultdict
from dataclasses import dataclass, field

import pypdfium2
import pypdfium2.raw as pdfium

SAME_BASELINE_PT = 1.5
CELL_GAP_PT = 5.0


@dataclass
class Glyph:
    text: str
    left: float
    bottom: float
    right: float
    top: float


@dataclass
class Segment:
    page: int  # 1-based
    baseline: float  # PDF points from the bottom of the page
    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)

    @property
    def left(self) -> float:
        return min(g.left for g in self.glyphs)

    @property
    def right(self) -> float:
        return max(g.right for g in self.glyphs)


def _glyphs_by_baseline(page: pypdfium2.PdfPage) -> dict[float, list[Glyph]]:
    textpage = page.get_textpage()
    x, y = ctypes.c_double(), ctypes.c_double()
    raw: dict[float, list[Glyph]] = defaultdict(list)
    for index in range(textpage.count_chars()):
        char = textpage.get_text_range(index, 1)
        if not char.strip() or char == "\u200b":
            continue
        left, bottom, right, top = textpage.get_charbox(index)
        if right <= left or top <= bottom:
            continue
        pdfium.FPDFText_GetCharOrigin(textpage.raw, index, ctypes.byref(x), ctypes.byref(y))
        raw[round(y.value, 1)].append(Glyph(char, left, bottom, right, top))
    merged: dict[float, list[Glyph]] = {}
    for baseline in sorted(raw):
        near = next((b for b in merged if abs(b - baseline) < SAME_BASELINE_PT), None)
        if near is None:
            merged[baseline] = list(raw[baseline])
        else:
            merged[near].extend(raw[baseline])
    return merged


def segments(content: bytes) -> list[Segment]:
    """Every text segment of every page, top to bottom, left to right."""
    pdf = pypdfium2.PdfDocument(content)
    found: list[Segment] = []
    for number in range(len(pdf)):
        for baseline, glyphs in sorted(_glyphs_by_baseline(pdf[number]).items(), reverse=True):
            current: Segment | None = None
            for glyph in sorted(glyphs, key=lambda g: g.left):
                if current is None or glyph.left - current.right > CELL_GAP_PT:
                    current = Segment(page=number + 1, baseline=baseline)
                    found.append(current)
                current.glyphs.append(glyph)
    return found


@dataclass
class Clash:
    page: int
    gap: float
    upper: str
    lower: str


def line_gaps(content: bytes, *, reach_pt: float = 40.0) -> list[Clash]:
    """For every two glyphs on different lines that share some width, the gap between their ink boxes
    (negative when they overlap), smallest first. Only lines within ``reach_pt`` of each other are paired."""
    clashes: list[Clash] = []
    found = segments(content)
    by_page: dict[int, list[Segment]] = defaultdict(list)
    for segment in found:
        by_page[segment.page].append(segment)
    for page, page_segments in by_page.items():
        for upper in page_segments:
            for lower in page_segments:
                if not (0 < upper.baseline - lower.baseline <= reach_pt):
                    continue
                if min(upper.right, lower.right) <= max(upper.left, lower.left):
                    continue
                worst: Clash | None = None
                for a in upper.glyphs:
                    for b in lower.glyphs:
                        if min(a.right, b.right) - max(a.left, b.left) > 0.2:
                            gap = a.bottom - b.top
                            if worst is None or gap < worst.gap:
                                worst = Clash(page, gap, upper.text, lower.text)
                if worst is not None:
                    clashes.append(worst)
    return sorted(clashes, key=lambda c: c.gap)


def lines_of(found: list[Segment], text: str) -> list[list[str]]:
    """The ways ``text`` (without spaces) was set as consecutive segments in one column: each a list of the
    segments' texts. A heading repeated on every page is found once per page."""
    target = "".join(text.split())
    results: list[list[str]] = []
    for start, segment in enumerate(found):
        if not target.startswith(segment.text) or not segment.text:
            continue
        parts = [segment.text]
        joined = segment.text
        current = segment
        while joined != target:
            below = [
                s
                for s in found[start + 1 :]
                if s.page == current.page
                and s.baseline < current.baseline
                and min(s.right, current.right) > max(s.left, current.left)
            ]
            if not below:
                break
            nearest = max(below, key=lambda s: s.baseline)
            if not target.startswith(joined + nearest.text):
                break
            parts.append(nearest.text)
            joined += nearest.text
            current = nearest
        if joined == target:
            results.append(parts)
    return results
