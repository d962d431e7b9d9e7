"""The corruption-complaint statistics of a fiscal year (FY2569 O18) as PDF and XLSX.

``corruption-complaint-statistics`` draws exactly what the channel's public statistics page shows: the
de-identified counts per month of receipt (total, completed, in progress) with explicit zeros, read through
the channel's own selector, which never decrypts anything. No subject, text, tag or day of a report ever
reaches the document. A year without reports says so in a sentence, as the OIT item asks.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK, format_date, format_month
from prongsai.reports.document import Cell, Column, Document, Paragraph, Table
from prongsai.reports.exporters.common import agency_line
from prongsai.reports.registry import Exporter, ExportError, Params, register
from prongsai.whistleblower import selectors

GROUP = gettext_lazy("เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")


def nil_sentence(fiscal_year: int) -> str:
    return f"ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบในปีงบประมาณ พ.ศ. {fiscal_year}"


def build_statistics(agency: Agency, params: Params) -> Document:
    today = timezone.now().astimezone(BANGKOK).date()
    if params.fiscal_year not in selectors.statistics_years(agency, today=today):
        raise ExportError(
            _("ไม่มีสถิติเรื่องร้องเรียนการทุจริตของปีงบประมาณ %(year)s กรุณาเลือกปีที่หน้าสถิติแสดง")
            % {"year": params.fiscal_year}
        )
    stats = selectors.statistics(agency, params.fiscal_year, as_of=today)
    title = f"สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {params.fiscal_year}"
    document = Document(
        title=title,
        filename_stem=f"corruption-complaint-statistics-{params.fiscal_year}",
        author=agency.name_th,
    )
    # Subtitles rather than body text: the XLSX repeats the title and subtitles above its table, so the
    # date of the data and the stated zero are in both files.
    document.add(Paragraph(title, style="title", align="center"))
    document.add(Paragraph(agency_line(agency), style="subtitle", align="center"))
    document.add(
        Paragraph(
            f"ข้อมูล ณ วันที่ {format_date(stats.as_of)} นับตามเดือนที่รับเรื่อง ไม่มีข้อมูลที่ระบุตัวบุคคล",
            style="subtitle",
            align="center",
        )
    )
    if stats.total == 0:
        document.add(Paragraph(nil_sentence(params.fiscal_year), style="subtitle", align="center"))
    rows = [
        [
            Cell.of(format_month(m.year, m.month)),
            Cell.of(m.total, align="right"),
            Cell.of(m.completed, align="right"),
            Cell.of(m.in_progress, align="right"),
        ]
        for m in stats.months
    ]
    rows.append(
        [
            Cell.of("รวม", bold=True),
            Cell.of(stats.total, align="right", bold=True),
            Cell.of(stats.completed, align="right", bold=True),
            Cell.of(stats.in_progress, align="right", bold=True),
        ]
    )
    document.add(
        Table(
            columns=[
                Column("เดือน", 2.0),
                Column("จำนวนเรื่องทั้งหมด", 1.2, "right"),
                Column("ดำเนินการแล้วเสร็จ", 1.2, "right"),
                Column("อยู่ระหว่างดำเนินการ", 1.2, "right"),
            ],
            rows=rows,
            sheet_title=f"สถิติ {params.fiscal_year}",
        )
    )
    document.add(
        Paragraph(
            "เรื่องที่ส่งต่อหน่วยงานอื่นนับเป็นอยู่ระหว่างดำเนินการจนกว่าคณะทำงานจะปิดเรื่อง",
            style="note",
        )
    )
    return document


register(
    Exporter(
        identifier="corruption-complaint-statistics",
        title=gettext_lazy("สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
        build=build_statistics,
        formats=("pdf", "xlsx"),
        group=GROUP,
        description=gettext_lazy(
            "จำนวนเรื่องที่รับ ดำเนินการแล้วเสร็จ และอยู่ระหว่างดำเนินการ รายเดือน ไม่มีข้อมูลที่ระบุตัวบุคคล ปีที่ไม่มีเรื่องระบุว่าไม่มี"
        ),
        public=True,
    )
)
