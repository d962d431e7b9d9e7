"""The official look shared by every renderer: page, font and sizes.

Sizes are given as TH Sarabun New point sizes, the unit Thai official documents are specified in
(ระเบียบงานสารบรรณ: body 16 pt). Word documents name TH Sarabun New itself (every government machine has
it); PDFs embed Laksaman, TH Sarabun New's metric twin drawn 1.503× larger, at the scaled size.
"""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
PDF_FONT_FAMILY = "Laksaman"
# Laksaman's glyphs are TH Sarabun New's at 1.503 times the size (same advance widths per em × 1.503).
LAKSAMAN_SCALE = 1.503
DOCX_FONT_FAMILY = "TH Sarabun New"
XLSX_FONT_FAMILY = "TH Sarabun New"

BODY_PT = 16
TITLE_PT = 18
TABLE_PT = 14
SMALL_PT = 12

# Page margins of Thai official documents: 3 cm left (binding), 2 cm elsewhere (งานสารบรรณ).
MARGIN_LEFT_CM = 3.0
MARGIN_RIGHT_CM = 2.0
MARGIN_TOP_CM = 2.5
MARGIN_BOTTOM_CM = 2.0
