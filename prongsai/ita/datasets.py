"""The agency's published ITA results in the open-data catalogue: the total and every score, by year."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from prongsai.core.datasets import Column, Dataset, Frequency, Row
from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK
from prongsai.ita.models import ResultScore

from . import selectors


def _rows(agency: Agency) -> Iterator[Row]:
    for result in selectors.results_of(agency, published_only=True):
        yield [result.fiscal_year, "total", "", result.total, result.rating_label or result.legacy_grade]
    for score in selectors.published_scores(agency):
        yield [score.result.fiscal_year, ResultScore.Kind(score.kind).value, score.code, score.score, ""]


DATASETS = [
    Dataset(
        key="ita-results",
        title=_("ผลการประเมินคุณธรรมและความโปร่งใส (ITA)"),
        description=_(
            "คะแนนรวม ระดับผลการประเมิน และคะแนนรายตัวชี้วัดและรายข้อของการประเมิน ITA ที่หน่วยงานได้รับในแต่ละปีงบประมาณ"
        ),
        objective=_("เปิดเผยผลการประเมินคุณธรรมและความโปร่งใสของหน่วยงานเพื่อการติดตามและปรับปรุง"),
        tags=(_("ITA"), _("คุณธรรม"), _("ความโปร่งใส")),
        frequency=Frequency.ANNUAL,
        theme=_("การป้องกันการทุจริต"),
        source=_("ผลการประเมินที่สำนักงาน ป.ป.ช. ประกาศ บันทึกหรือนำเข้าโดยคณะทำงานของหน่วยงาน"),
        columns=(
            Column("fiscal_year", _("ปีงบประมาณ"), "integer", nullable=False),
            Column("kind", _("ประเภทคะแนน (total, indicator, question, oit, instrument)"), nullable=False),
            Column("code", _("รหัส")),
            Column("score", _("คะแนน"), "number", nullable=False),
            Column("rating", _("ระดับผลการประเมิน")),
        ),
        rows=_rows,
        last_updated=lambda agency: selectors.results_span(agency)[1],
        first_published=lambda agency: (
            first.astimezone(BANGKOK).date() if (first := selectors.results_span(agency)[0]) else None
        ),
        page_url="ita:results",
    ),
]
