"""ITA documents: the ITAS answer sheet, the readiness check, the results of a year and its analysis."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core.links import agency_url
from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK, format_date, ita_code
from prongsai.ita import selectors as ita_selectors
from prongsai.ita.models import Catalogue
from prongsai.ita.readiness import Readiness, Status, readiness
from prongsai.reports.document import Cell, Column, Document, Paragraph, Table
from prongsai.reports.exporters.common import head_of_agency, heading
from prongsai.reports.registry import Exporter, ExportError, Params, register


def _catalogue(agency: Agency, fiscal_year: int) -> Catalogue:
    offer = ita_selectors.offered_catalogue(agency, fiscal_year)
    if offer is None:
        raise ExportError(
            _("ยังไม่มีเกณฑ์การประเมิน ITA ของปีงบประมาณ %(year)s กรุณาให้ผู้ดูแลระบบโหลดชุดเกณฑ์ก่อน")
            % {"year": fiscal_year}
        )
    return offer.catalogue


def _as_of(agency: Agency, params: Params) -> date:
    """The date asked for, else the answer date once passed, else today (what is online now)."""
    if params.as_of:
        return params.as_of
    today = timezone.now().astimezone(BANGKOK).date()
    return min(today, ita_selectors.answer_date_for(agency, params.fiscal_year))


def _state(agency: Agency, params: Params) -> Readiness:
    catalogue = _catalogue(agency, params.fiscal_year)
    return readiness(
        agency,
        catalogue,
        as_of=_as_of(agency, params),
        fiscal_year=params.fiscal_year,
        answer_date=ita_selectors.answer_date_for(agency, params.fiscal_year),
    )


def build_answer_sheet(agency: Agency, params: Params) -> Document:
    """What the agency types into ITAS: per OIT item its code, title, URL(s) and an explanation."""
    state = _state(agency, params)
    catalogue = state.catalogue
    document = Document(
        title=f"คำตอบแบบ OIT ประจำปีงบประมาณ {params.fiscal_year}",
        filename_stem=f"itas-oit-answers-{params.fiscal_year}",
        thai_digits=False,
        landscape=True,
        author=agency.name_th,
    )
    document.add(Paragraph(document.title, style="title"))
    document.add(Paragraph(f"{agency.name_th} – {catalogue.title_th}", style="subtitle"))
    rows = []
    for item in state.items:
        explanation = [item.status_label]
        if item.missing:
            explanation.append("ขาด: " + "; ".join(e.element.label_th for e in item.missing))
        if item.out_of_window:
            explanation.append("ช่วงเวลาไม่ตรง: " + "; ".join(e.element.label_th for e in item.out_of_window))
        rows.append(
            [
                # As the year's catalogue (and so ITAS) writes it: the sheet is copied into ITAS (ADR 0123).
                Cell.of(item.item.code),
                Cell.of(item.item.title_th),
                Cell([agency_url(agency, u) for u in item.urls], literal=True),
                Cell.of(" ".join(explanation)),
            ]
        )
    document.add(
        Table(
            columns=[
                Column("ข้อ", 0.6),
                Column("หัวข้อ", 3.0),
                Column("URL", 3.0),
                Column("คำอธิบายเพิ่มเติม", 3.0),
            ],
            rows=rows,
            sheet_title=f"OIT {params.fiscal_year}",
        )
    )
    return document


def build_readiness(agency: Agency, params: Params) -> Document:
    state = _state(agency, params)
    catalogue, as_of = state.catalogue, state.as_of
    title = f"ผลการตรวจความพร้อมการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. {params.fiscal_year}"
    document = Document(
        title=title,
        filename_stem=f"oit-readiness-{params.fiscal_year}",
        landscape=True,
        author=agency.name_th,
    )
    heading(document, title, agency, f"ตรวจ ณ วันที่ {format_date(as_of)} ตาม{catalogue.title_th}")
    scores = "  ".join(f"ตัวชี้วัดที่ {n}: {v:.2f}" for n, v in sorted(state.indicator_scores.items()))
    oit = state.oit_score
    document.add(
        Paragraph(
            f"พร้อม {state.ready_count} จาก {len(state.items)} ข้อ  คะแนนที่คาดว่าจะได้ {scores}  OIT: {oit:.2f}"
            if oit is not None
            else f"พร้อม {state.ready_count} จาก {len(state.items)} ข้อ"
        )
    )
    rows = []
    for item in state.items:
        problems = [
            f"{e.element.label_th}: {e.problem_label}"
            + (f" (ต้องมีภายใน {format_date(e.needed_by)})" if e.needed_by else "")
            for e in item.not_counting
        ]
        rows.append(
            [
                Cell.of(ita_code(item.item.code), nowrap=True),
                Cell.of(item.item.title_th),
                Cell.of(item.status_label, bold=item.status != Status.READY),
                Cell(problems or ["–"]),
                Cell([agency_url(agency, u) for u in item.urls] or ["–"], literal=True),
            ]
        )
    document.add(
        Table(
            columns=[
                Column("ข้อ", 0.6),
                Column("หัวข้อ", 2.6),
                Column("สถานะ", 1.2),
                Column("สิ่งที่ต้องแก้ไข", 3.0),
                Column("หลักฐาน", 2.4),
            ],
            rows=rows,
            sheet_title="ความพร้อม OIT",
        )
    )
    return document


def build_results(agency: Agency, params: Params) -> Document:
    result = ita_selectors.result_of(agency, params.fiscal_year)
    if result is None:
        raise ExportError(
            _("ยังไม่มีผลการประเมิน ITA ของปีงบประมาณ %(year)s กรุณาบันทึกหรือนำเข้าผลก่อน")
            % {"year": params.fiscal_year}
        )
    scores = ita_selectors.scores_of(result)
    title = f"ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. {params.fiscal_year}"
    document = Document(title=title, filename_stem=f"ita-results-{params.fiscal_year}", author=agency.name_th)
    heading(document, title, agency)
    label = result.rating_label or "–"
    document.add(Paragraph(f"คะแนนรวม {result.total:.2f} ระดับผลการประเมิน {label}", style="heading"))
    if result.total_check != "matches":
        document.add(Paragraph(result.get_total_check_display(), style="note"))
    rows = []
    for indicator in result.catalogue.indicators.order_by("number"):
        value = scores.get(("indicator", str(indicator.number)))
        rows.append(
            [
                Cell.of(str(indicator.number), align="center"),
                Cell.of(indicator.name_th),
                Cell.of(indicator.instrument, align="center"),
                Cell.of(f"{indicator.weight:.2f}", align="right"),
                Cell.of(f"{value:.2f}" if value is not None else "–", align="right"),
            ]
        )
    document.add(
        Table(
            columns=[
                Column("ตัวชี้วัดที่", 0.8, "center"),
                Column("ตัวชี้วัด", 3.0),
                Column("เครื่องมือ", 0.9, "center"),
                Column("น้ำหนัก (ร้อยละ)", 1.0, "right"),
                Column("คะแนน", 1.0, "right"),
            ],
            rows=rows,
            sheet_title="ตัวชี้วัด",
        )
    )
    detail = [
        [
            Cell.of(kind_label),
            Cell.of(ita_code(code), nowrap=True),
            Cell.of(f"{value:.2f}", align="right"),
        ]
        for (kind, code), value in sorted(scores.items())
        if kind in {"question", "oit", "instrument"}
        for kind_label in [{"question": "ข้อคำถาม", "oit": "ข้อ OIT", "instrument": "เครื่องมือ"}[kind]]
    ]
    if detail:
        document.add(
            Table(
                columns=[Column("ประเภท", 1.0), Column("ข้อ", 1.0), Column("คะแนน", 1.0, "right")],
                rows=detail,
                sheet_title="รายข้อ",
            )
        )
    return document


def build_analysis(agency: Agency, params: Params) -> Document:
    analysis = ita_selectors.analysis_of(agency, params.fiscal_year)
    if analysis is None:
        raise ExportError(
            _("ยังไม่มีการวิเคราะห์ผลการประเมิน ITA ของปีงบประมาณ %(year)s กรุณาบันทึกการวิเคราะห์ก่อนออกรายงาน")
            % {"year": params.fiscal_year}
        )
    title = f"การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. {analysis.result_year}"
    document = Document(
        title=title, filename_stem=f"ita-analysis-{params.fiscal_year}", landscape=True, author=agency.name_th
    )
    heading(document, title, agency)
    if analysis.summary:
        document.add(Paragraph(analysis.summary))
    rows = [
        [
            Cell.of(str(t.number), align="center"),
            Cell.of(t.title),
            Cell.of(t.findings or "–"),
            Cell.of(t.method or "–"),
            Cell.of(t.owner or "–"),
            Cell.of(t.steps or "–"),
            Cell.of(t.period or "–"),
        ]
        for t in analysis.topics.order_by("number")
    ]
    document.add(
        Table(
            columns=[
                Column("ที่", 0.5, "center"),
                Column("ประเด็น", 1.8),
                Column("ผลการวิเคราะห์", 2.2),
                Column("วิธีการนำไปสู่การปฏิบัติ", 1.8),
                Column("ผู้รับผิดชอบ", 1.2),
                Column("ขั้นตอน", 1.6),
                Column("ระยะเวลา", 1.0),
            ],
            rows=rows,
            sheet_title="การวิเคราะห์",
        )
    )
    for label, text in (
        ("ข้อจำกัดของหน่วยงานในการดำเนินการประเมิน", analysis.limitations),
        ("ปัญหา/อุปสรรค", analysis.problems),
        ("ข้อเสนอแนะ", analysis.suggestions),
    ):
        if text:
            document.add(Paragraph(label, style="heading"))
            for line in text.split("\n"):
                document.add(Paragraph(line))
    # The analysis is the agency's own account to the assessor: its executive signs it.
    document.add(head_of_agency(agency))
    return document


register(
    Exporter(
        identifier="ita-answer-sheet",
        title=gettext_lazy("คำตอบแบบ OIT สำหรับบันทึกในระบบ ITAS"),
        build=build_answer_sheet,
        formats=("xlsx", "csv"),
        uses_as_of=True,
        group="ITA",
    )
)
register(
    Exporter(
        identifier="ita-readiness",
        title=gettext_lazy("ผลการตรวจความพร้อมการเปิดเผยข้อมูลสาธารณะ (OIT)"),
        build=build_readiness,
        formats=("pdf", "docx", "xlsx"),
        uses_as_of=True,
        group="ITA",
    )
)
register(
    Exporter(
        identifier="ita-results",
        title=gettext_lazy("ผลการประเมิน ITA"),
        build=build_results,
        formats=("pdf", "docx", "xlsx"),
        group="ITA",
    )
)
register(
    Exporter(
        identifier="ita-analysis",
        title=gettext_lazy("การวิเคราะห์ผลการประเมิน ITA"),
        build=build_analysis,
        formats=("docx", "pdf"),
        group="ITA",
    )
)
