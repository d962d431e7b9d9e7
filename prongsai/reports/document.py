"""A format-neutral document: what an exporter builds and every renderer (DOCX, PDF, XLSX, CSV) draws.

Exporters say *what* the document contains (headings, paragraphs, tables, a signature block); the renderers
own *how* it looks (font, sizes, margins, repeated table headers). Thai numerals are a render-time choice
of the document (``thai_digits``), applied by the renderers to every text that is not marked ``literal``
(URLs, codes that a machine must read back). ITA item codes are not literal: they follow the document's
numerals (``e๗`` in a Thai-numeral document), as ``core.thai.ita_code`` writes them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from prongsai.core import thai_words
from prongsai.core.thai import ita_codes_in_text, to_thai_digits

Align = Literal["left", "center", "right"]


@dataclass
class Paragraph:
    text: str
    style: Literal["title", "subtitle", "heading", "body", "note"] = "body"
    align: Align = "left"
    literal: bool = False
    kind: str = "paragraph"


@dataclass
class Cell:
    """A table cell: one or more paragraphs. ``nowrap`` keeps amounts and dates on one line."""

    lines: list[str] = field(default_factory=list)
    align: Align = "left"
    bold: bool = False
    nowrap: bool = False
    literal: bool = False

    @classmethod
    def of(cls, value: Any, **kwargs: Any) -> Cell:
        if value is None or value == "":
            return cls([], **kwargs)
        if isinstance(value, list | tuple):
            return cls([str(v) for v in value], **kwargs)
        return cls(str(value).split("\n"), **kwargs)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Column:
    title: str
    width: float = 1.0  # relative width
    align: Align = "left"


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[Cell]]
    sheet_title: str = ""  # the worksheet name in XLSX
    # Set in the small size (12 pt) on paper: for forms of a dozen or more columns, whose amounts, codes
    # and dates must stay on one line even in landscape.
    compact: bool = False
    kind: str = "table"


@dataclass
class Signature:
    """The signature block: who signs, in which position, on which (already formatted) date."""

    name: str
    position: str
    caption: str = "ลงชื่อ"
    date_text: str = ""
    kind: str = "signature"


Block = Paragraph | Table | Signature

# Paragraphs set as headings: their words are handed to the renderer whole, so a line breaks only between
# words (core.thai_words); body text and table cells are left to the renderer's own line breaking.
HEADING_STYLES = frozenset({"title", "subtitle", "heading"})


@dataclass
class Document:
    title: str
    filename_stem: str
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False
    thai_digits: bool = True
    author: str = ""

    def add(self, block: Block) -> Document:
        self.blocks.append(block)
        return self

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def digits(self, text: str, *, literal: bool = False) -> str:
        """``text`` as the document shows it: Thai numerals unless the document or the text says not, and the
        ITA codes typed in it ("ข้อ E7", "ข้อ o 28") in the one style of ``core.thai.ita_code``."""
        if literal:
            return text
        text = ita_codes_in_text(text, thai_digits=self.thai_digits)
        return to_thai_digits(text) if self.thai_digits else text

    def rendered(self) -> dict[str, Any]:
        """The document as plain data with numerals applied: the JSON the Typst template reads."""
        blocks: list[dict[str, Any]] = []
        for block in self.blocks:
            data = asdict(block)
            if isinstance(block, Paragraph):
                data["text"] = self.digits(block.text, literal=block.literal)
                data["words"] = thai_words.words(data["text"]) if block.style in HEADING_STYLES else []
            elif isinstance(block, Table):
                data["columns"] = [
                    {
                        **asdict(c),
                        "title": self.digits(c.title),
                        "words": thai_words.words(self.digits(c.title)),
                    }
                    for c in block.columns
                ]
                data["rows"] = [
                    [
                        {**asdict(cell), "lines": [self.digits(t, literal=cell.literal) for t in cell.lines]}
                        for cell in row
                    ]
                    for row in block.rows
                ]
            elif isinstance(block, Signature):
                data = {k: self.digits(v) if isinstance(v, str) else v for k, v in data.items()}
            blocks.append(data)
        return {
            "title": self.digits(self.title),
            "landscape": self.landscape,
            "blocks": blocks,
        }
