"""No Gift and corruption-risk documents (seed measures 8.4–8.7), from the integrity app's published data:

* ``nogift-declaration``: the chief executive's declaration of the fiscal year, in Thai then English, signed;
* ``gift-report``: the report on gifts of the fiscal year, de-identified totals (never a name), or the stated
  zero "no gifts were received or offered";
* ``risk-assessment``: the corruption-risk assessment of the year (seed 8.6): per area, each risk event with
  its likelihood, impact and level, the existing controls and the measures with owners and dates;
* ``risk-treatment-report``: the treatment report of the year's assessment (seed 8.7): the same register with
  the result of each measure, the summary, problems and suggestions.

Every one reads published records only, so each is also offered to the public (``public=True``).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core.models import Agency
from prongsai.core.thai import format_baht, format_date
from prongsai.integrity import selectors
from prongsai.integrity.models import RiskAssessment
from prongsai.reports.document import Cell, Column, Document, Paragraph, Table
from prongsai.reports.exporters.common import day, heading, signature
from prongsai.reports.registry import Exporter, ExportError, Params, register

GROUP = gettext_lazy("นโยบาย No Gift Policy และความเสี่ยงการทุจริต")


def _paragraphs(document: Document, text: str, *, literal: bool = False) -> None:
    for block in (b.strip() for b in text.replace("\r\n", "\n").split("\n\n")):
        if block:
            document.add(Paragraph(block, literal=literal))


def build_declaration(agency: Agency, params: Params) -> Document:
    declaration = selectors.published_declaration(agency, params.fiscal_year)
    if declaration is None:
        raise ExportError(
            _("ยังไม่ได้เผยแพร่ประกาศเจตนารมณ์นโยบาย No Gift Policy ของปีงบประมาณ %(year)s กรุณาเผยแพร่ก่อนออกเอกสาร")
            % {"year": params.fiscal_year}
        )
    document = Document(
        title=declaration.title,
        filename_stem=f"nogift-declaration-{params.fiscal_year}",
        author=agency.name_th,
    )
    document.add(Paragraph(f"ประกาศ{agency.name_th}", style="title", align="center"))
    document.add(Paragraph(f"เรื่อง {declaration.title}", style="subtitle", align="center"))
    document.add(Paragraph("--------------------------------", align="center"))
    _paragraphs(document, declaration.text_th)
    if declaration.signed_on:
        document.add(Paragraph(f"ประกาศ ณ วันที่ {format_date(declaration.signed_on)}", align="center"))
    signature(document, declaration.signer_name, declaration.signer_position)
    if declaration.text_en.strip():
        name_en = agency.name_en or agency.name_th
        document.add(Paragraph(f"Announcement of {name_en}", style="heading", align="center", literal=True))
        document.add(Paragraph("No Gift Policy", style="subtitle", align="center", literal=True))
        _paragraphs(document, declaration.text_en, literal=True)
        if declaration.signed_on:
            document.add(
                Paragraph(f"Announced on {declaration.signed_on:%d %B %Y}", align="center", literal=True)
            )
    return document


def build_gift_report(agency: Agency, params: Params) -> Document:
    report = selectors.gift_report_of(agency, params.fiscal_year)
    if report is None:
        raise ExportError(
            _("ยังไม่ได้เผยแพร่รายงานการรับของขวัญของปีงบประมาณ %(year)s กรุณาเผยแพร่รายงานก่อนออกเอกสาร")
            % {"year": params.fiscal_year}
        )
    title = "รายงานการรับของขวัญและของกำนัลตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่"
    document = Document(title=title, filename_stem=f"gift-report-{params.fiscal_year}", author=agency.name_th)
    start, end = report.period_range()
    heading(
        document,
        title,
        agency,
        f"ประจำปีงบประมาณ พ.ศ. {report.fiscal_year} ({report.get_period_display()})",
        f"ข้อมูลตั้งแต่วันที่ {format_date(start)} ถึงวันที่ {format_date(end)}",
    )
    if report.is_nil:
        document.add(
            Paragraph(
                "ในช่วงเวลาดังกล่าว ผู้บริหาร สมาชิกสภา และเจ้าหน้าที่ของหน่วยงาน ไม่มีการรับหรือให้ของขวัญ "
                "ของกำนัล หรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่ (ไม่มีการรับของขวัญ)"
            )
        )
    else:
        totals = report.totals
        document.add(
            Paragraph(
                f"จำนวนรายการทั้งหมด {totals.get('count', 0)} รายการ "
                f"มูลค่ารวมโดยประมาณ {format_baht(totals.get('value', '0'))} บาท"
            )
        )
        rows = [[Cell.of(r.label), Cell.of(r.count, align="right")] for r in selectors.direction_rows(report)]
        document.add(
            Table(
                columns=[Column("ลักษณะ", 3), Column("จำนวน (รายการ)", 1, "right")],
                rows=rows,
                sheet_title="ลักษณะ",
            )
        )
        rows = [[Cell.of(r.label), Cell.of(r.count, align="right")] for r in selectors.handling_rows(report)]
        document.add(
            Table(
                columns=[Column("การดำเนินการ", 3), Column("จำนวน (รายการ)", 1, "right")],
                rows=rows,
                sheet_title="การดำเนินการ",
            )
        )
        document.add(
            Paragraph(
                f"รายการที่มีมูลค่าเกินหลักเกณฑ์และเสนอหัวหน้าหน่วยงานวินิจฉัย {totals.get('above_threshold', 0)} รายการ"
            )
        )
    if report.note:
        document.add(Paragraph("ข้อสังเกต", style="heading"))
        _paragraphs(document, report.note)
    signature(document, report.signer_name, report.signer_position, report.reported_on)
    return document


def _assessment_or_error(agency: Agency, fiscal_year: int) -> RiskAssessment:
    assessment = selectors.published_assessment(agency, fiscal_year)
    if assessment is None:
        raise ExportError(
            _("ยังไม่ได้เผยแพร่การประเมินความเสี่ยงการทุจริตของปีงบประมาณ %(year)s กรุณาเผยแพร่ก่อนออกเอกสาร")
            % {"year": fiscal_year}
        )
    return assessment


def _register(document: Document, assessment: RiskAssessment, *, with_results: bool) -> None:
    columns = [
        Column("ที่", 0.5, "center"),
        Column("เหตุการณ์ความเสี่ยง", 3.0),
        Column("โอกาส", 0.7, "center"),
        Column("ผลกระทบ", 0.8, "center"),
        Column("ระดับความเสี่ยง", 1.0, "center"),
        Column("การควบคุมที่มีอยู่", 1.8),
        Column("มาตรการบริหารจัดการความเสี่ยง", 3.0),
        Column("ผู้รับผิดชอบ/ระยะเวลา", 1.6),
    ]
    if with_results:
        columns.append(Column("ผลการดำเนินการตามมาตรการ", 2.8))
    for number, section in enumerate(selectors.sections(assessment), start=1):
        document.add(Paragraph(f"({number}) {section.area.name_th}", style="heading"))
        if not section.events:
            document.add(Paragraph("ไม่พบเหตุการณ์ความเสี่ยงในประเด็นนี้"))
            continue
        rows = []
        for event in section.events:
            measures = list(event.measures.all())
            controls = event.existing_controls or "–"
            if event.control_rating:
                controls = f"{controls}\n(ผลการประเมินการควบคุม: {event.get_control_rating_display()})"
            row = [
                Cell.of(event.number, align="center"),
                Cell.of("\n".join(filter(None, [event.process, event.event]))),
                Cell.of(event.likelihood, align="center"),
                Cell.of(event.impact, align="center"),
                Cell.of(event.level_label, align="center", bold=True),
                Cell.of(controls),
                Cell.of([f"{m.number}. {m.measure}" for m in measures] or "–"),
                Cell.of([f"{m.owner} ({day(m.starts_on)} – {day(m.ends_on)})" for m in measures] or "–"),
            ]
            if with_results:
                row.append(
                    Cell.of(
                        [f"{m.number}. {m.result or '–'} ({m.get_status_display()})" for m in measures] or "–"
                    )
                )
            rows.append(row)
        document.add(Table(columns=columns, rows=rows, sheet_title=f"ประเด็นที่ {number}"))


def _levels_note(document: Document) -> None:
    document.add(
        Paragraph(
            "ระดับความเสี่ยงได้จากโอกาสที่จะเกิด (1–5) คูณผลกระทบ (1–5) ตามตารางความเสี่ยง 5×5 "
            "แบ่งเป็นระดับต่ำ ปานกลาง สูง และสูงมาก",
            style="note",
        )
    )


def build_assessment(agency: Agency, params: Params) -> Document:
    assessment = _assessment_or_error(agency, params.fiscal_year)
    document = Document(
        title=assessment.title,
        filename_stem=f"risk-assessment-{params.fiscal_year}",
        landscape=True,
        author=agency.name_th,
    )
    heading(document, assessment.title, agency, assessment.get_method_display())
    if assessment.scope:
        _paragraphs(document, assessment.scope)
    _levels_note(document)
    _register(document, assessment, with_results=False)
    signature(document, assessment.signer_name, assessment.signer_position, assessment.approved_on)
    return document


def build_treatment_report(agency: Agency, params: Params) -> Document:
    assessment = _assessment_or_error(agency, params.fiscal_year)
    if not assessment.report_is_published:
        raise ExportError(
            _("ยังไม่ได้เผยแพร่รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงของปีงบประมาณ %(year)s กรุณาเผยแพร่ก่อนออกเอกสาร")
            % {"year": params.fiscal_year}
        )
    title = (
        "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ "
        f"ประจำปีงบประมาณ พ.ศ. {assessment.fiscal_year}"
    )
    document = Document(
        title=title,
        filename_stem=f"risk-treatment-report-{params.fiscal_year}",
        landscape=True,
        author=agency.name_th,
    )
    heading(document, title, agency)
    _levels_note(document)
    _register(document, assessment, with_results=True)
    for label, text in (
        ("สรุปผลการดำเนินการ", assessment.report_summary),
        ("ปัญหา/อุปสรรค", assessment.report_problems),
        ("ข้อเสนอแนะ", assessment.report_suggestions),
    ):
        if text.strip():
            document.add(Paragraph(label, style="heading"))
            _paragraphs(document, text)
    signature(document, assessment.signer_name, assessment.signer_position)
    return document


register(
    Exporter(
        identifier="nogift-declaration",
        title=gettext_lazy("ประกาศเจตนารมณ์นโยบาย No Gift Policy"),
        build=build_declaration,
        group=GROUP,
        description=gettext_lazy("ประกาศที่ผู้บริหารสูงสุดลงนาม ภาษาไทยและภาษาอังกฤษ"),
        public=True,
    )
)
register(
    Exporter(
        identifier="gift-report",
        title=gettext_lazy("รายงานการรับของขวัญตามนโยบาย No Gift Policy"),
        build=build_gift_report,
        formats=("docx", "pdf", "xlsx"),
        group=GROUP,
        description=gettext_lazy("ยอดรวมจากทะเบียนโดยไม่แสดงชื่อบุคคล หรือรายงานว่าไม่มีการรับของขวัญ"),
        public=True,
    )
)
register(
    Exporter(
        identifier="risk-assessment",
        title=gettext_lazy("รายงานการประเมินความเสี่ยงการทุจริต"),
        build=build_assessment,
        formats=("docx", "pdf", "xlsx"),
        group=GROUP,
        description=gettext_lazy("เหตุการณ์ความเสี่ยง ระดับความเสี่ยง และมาตรการ แยกตามประเด็น"),
        public=True,
    )
)
register(
    Exporter(
        identifier="risk-treatment-report",
        title=gettext_lazy("รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริต"),
        build=build_treatment_report,
        formats=("docx", "pdf", "xlsx"),
        group=GROUP,
        description=gettext_lazy("การประเมินของปีพร้อมผลการดำเนินการตามมาตรการแต่ละข้อ"),
        public=True,
    )
)
