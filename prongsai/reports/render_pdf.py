"""PDF through Typst: the document is handed to one template as JSON (``sys_inputs``), never as markup.

Fonts come only from ``reports/fonts`` (``ignore_system_fonts``), so a PDF looks the same on every machine
and embeds the font it was set in. Typst breaks Thai lines at word boundaries by itself.
"""

from __future__ import annotations

import json
from pathlib import Path

from prongsai.reports import style
from prongsai.reports.document import Document

TEMPLATE = Path(__file__).resolve().parent / "typst" / "document.typ"


def render_pdf(document: Document) -> bytes:
    """The document as PDF bytes (A4, embedded Laksaman, table headers repeated on every page)."""
    page_style = {
        "font": style.PDF_FONT_FAMILY,
        "scale": style.LAKSAMAN_SCALE,
        "body": style.BODY_PT,
        "title": style.TITLE_PT,
        "table": style.TABLE_PT,
        "small": style.SMALL_PT,
        "margin_left": style.MARGIN_LEFT_CM,
        "margin_right": style.MARGIN_RIGHT_CM,
        "margin_top": style.MARGIN_TOP_CM,
        "margin_bottom": style.MARGIN_BOTTOM_CM,
        "thai_digits": document.thai_digits,
        "author": document.author,
    }
    import typst  # the compiler is loaded by the first PDF, not by every process that starts

    result = typst.compile(
        str(TEMPLATE),
        root=str(TEMPLATE.parent),
        font_paths=[str(style.FONT_DIR)],
        ignore_system_fonts=True,
        sys_inputs={
            "data": json.dumps(document.rendered(), ensure_ascii=False),
            "style": json.dumps(page_style, ensure_ascii=False),
        },
    )
    if not isinstance(result, bytes):  # pragma: no cover - compile returns bytes without an output path
        raise TypeError("typst.compile did not return the PDF bytes")
    return result
