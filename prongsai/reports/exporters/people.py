"""People and ethics documents (seed measure 7): the annual HR report with its eight elements, the HR plan
with the staffing of the year, and the yearly ethics report.

The staffing and training tables are counted from the people app's records when the document renders
(never typed); the projects, their results, problems and suggestions come from the HR plan of the
planning app.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core.models import Agency
from prongsai.core.thai import fiscal_year_range, format_date
from prongsai.people import selectors as people_selectors
from prongsai.people.selectors import Staffing, TrainingStats
from prongsai.planning import selectors as plan_selectors
from prongsai.planning.models import Plan
from prongsai.reports.document import Cell, Column, Document, Paragraph, Table
from prongsai.reports.exporters.common import day, heading, money, signature
from prongsai.reports.exporters.plans import build_plan
from prongsai.reports.registry import Exporter, ExportError, Params, register

GROUP = gettext_lazy("บุคลากรและจริยธรรม")


def _number(value: int) -> str:
    return f"{value:,}"


def staffing_table(staffing: Staffing) -> Table:
    rows: list[list[Cell]] = []
    for side, total_label in (("career", "รวมฝ่ายประจำ"), ("political", "รวมฝ่ายการเมือง")):
        for row in staffing.side(side):
            rows.append(
                [
                    Cell.of(row.label),
                    Cell.of(_number(row.approved), align="right"),
                    Cell.of(_number(row.filled), align="right"),
                    Cell.of(_number(row.vacant), align="right"),
                ]
            )
        total = staffing.total(side)
        rows.append(
            [
                Cell.of(total_label, bold=True),
                Cell.of(_number(total.approved), align="right", bold=True),
                Cell.of(_number(total.filled), align="right", bold=True),
                Cell.of(_number(total.vacant), align="right", bold=True),
            ]
        )
    return Table(
        columns=[
            Column("ประเภทตำแหน่ง", 3.4),
            Column("กรอบอัตรากำลัง", 1.2, "right"),
            Column("มีผู้ดำรงตำแหน่ง", 1.2, "right"),
            Column("ว่าง", 1.0, "right"),
        ],
        rows=rows,
        sheet_title="อัตรากำลัง",
    )


def training_tables(agency: Agency, stats: TrainingStats) -> list[Table]:
    summary = [
        [Cell.of(label), Cell.of(_number(courses), align="right"), Cell.of(_number(people), align="right")]
        for label, courses, people in stats.by_topic
    ]
    summary.append(
        [
            Cell.of("รวม", bold=True),
            Cell.of(_number(stats.courses), align="right", bold=True),
            Cell.of(_number(stats.attendances), align="right", bold=True),
        ]
    )
    courses = [
        [
            Cell.of(str(number), align="center"),
            Cell.of(course.title),
            Cell.of(f"{day(course.starts_on)} – {day(course.ends_on)}"),
            Cell.of(str(course.hours), align="right"),
            Cell.of(course.provider),
            Cell.of(_number(people_selectors.attendance_count(course)), align="right"),
        ]
        for number, course in enumerate(people_selectors.courses_of_year(agency, stats.fiscal_year), start=1)
    ]
    return [
        Table(
            columns=[
                Column("ด้าน", 3.0),
                Column("จำนวนหลักสูตร", 1.2, "right"),
                Column("ผู้เข้ารับการฝึกอบรม (คน-ครั้ง)", 1.6, "right"),
            ],
            rows=summary,
            sheet_title="สถิติการฝึกอบรม",
        ),
        Table(
            columns=[
                Column("ที่", 0.5, "center"),
                Column("หลักสูตร/กิจกรรม", 3.0),
                Column("ระยะเวลา", 1.8),
                Column("ชั่วโมง", 0.7, "right"),
                Column("ผู้จัด", 1.8),
                Column("ผู้เข้าร่วม (คน)", 1.0, "right"),
            ],
            rows=courses or [[Cell.of("–"), Cell.of("ไม่มีการฝึกอบรมในปีนี้"), *[Cell.of("") for _ in range(4)]]],
            sheet_title="หลักสูตร",
        ),
    ]


def build_hr_report(agency: Agency, params: Params) -> Document:
    """รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี: the eight elements of seed 7.2."""
    year = params.fiscal_year
    plan = plan_selectors.plan_of(agency, Plan.Kind.HR, year)
    stats = people_selectors.training_stats(agency, year)
    year_end = fiscal_year_range(year)[1]
    # Staffing as of the last day of the year, or of an earlier day the user chose.
    as_of = min(params.as_of, year_end) if params.as_of else year_end
    staffing = people_selectors.staffing_as_of(agency, as_of)
    if plan is None and staffing.is_empty and not stats.courses:
        raise ExportError(
            _("ยังไม่มีข้อมูลบุคลากรหรือแผนการบริหารและพัฒนาทรัพยากรบุคคลของปีงบประมาณ %(year)s") % {"year": year}
        )
    title = f"รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. {year}"
    document = Document(title=title, filename_stem=f"hr-report-{year}", landscape=True, author=agency.name_th)
    heading(document, title, agency)
    document.add(Paragraph("1. ผลการดำเนินการตามแผนการบริหารและพัฒนาทรัพยากรบุคคล", style="heading"))
    annual = plan_selectors.annual_report_of(plan, year) if plan is not None else None
    rows: list[list[Cell]] = []
    if plan is not None:
        for number, result in enumerate(
            plan_selectors.results_of(plan, year).select_related("item"), start=1
        ):
            rows.append(
                [
                    Cell.of(str(number), align="center"),
                    Cell.of(result.item.title),
                    Cell.of(result.result or "–"),
                    Cell.of(money(result.item.budget), align="right", nowrap=True),
                    Cell.of(money(result.spent), align="right", nowrap=True),
                    Cell.of(f"{day(result.actual_start)} – {day(result.actual_end)}"),
                ]
            )
    document.add(
        Table(
            columns=[
                Column("ที่", 0.5, "center"),
                Column("โครงการ/กิจกรรม", 2.6),
                Column("ผลการดำเนินการ", 3.0),
                Column("งบประมาณที่ได้รับ (บาท)", 1.3, "right"),
                Column("ผลการใช้จ่าย (บาท)", 1.3, "right"),
                Column("วันที่เริ่ม – สิ้นสุด", 1.8),
            ],
            rows=rows
            or [[Cell.of("–"), Cell.of("ยังไม่มีผลการดำเนินการตามแผน"), *[Cell.of("") for _ in range(4)]]],
            sheet_title="ผลการดำเนินการ",
        )
    )
    document.add(
        Paragraph(
            f"2. ข้อมูลสถิติอัตรากำลัง จำแนกตามประเภทตำแหน่ง (ณ วันที่ {format_date(staffing.as_of)})",
            style="heading",
        )
    )
    document.add(staffing_table(staffing))
    document.add(Paragraph("3. ข้อมูลสถิติจำนวนผู้เข้ารับการฝึกอบรมหรือพัฒนาทรัพยากรบุคคล", style="heading"))
    for table in training_tables(agency, stats):
        document.add(table)
    document.add(
        Paragraph(
            f"ผู้เข้ารับการฝึกอบรมอย่างน้อยหนึ่งครั้ง {stats.people:,} คน รวม {stats.hours} ชั่วโมง-คน "
            f"ค่าใช้จ่ายรวม {money(stats.cost)} บาท"
        )
    )
    for number, (label, text) in enumerate(
        (
            ("ปัญหา/อุปสรรค", annual.problems if annual else ""),
            ("ข้อเสนอแนะ", annual.suggestions if annual else ""),
        ),
        start=4,
    ):
        document.add(Paragraph(f"{number}. {label}", style="heading"))
        for line in (text or "–").split("\n"):
            document.add(Paragraph(line))
    if plan is not None:
        signature(document, plan.signer_name, plan.signer_position, annual.reported_on if annual else None)
    return document


def build_hr_plan(agency: Agency, params: Params) -> Document:
    """The HR plan of the planning app, followed by the staffing of the year's first day."""
    document = build_plan(agency, params, kind=Plan.Kind.HR)
    document.filename_stem = f"hr-plan-{params.fiscal_year}"
    staffing = people_selectors.staffing_as_of(agency, fiscal_year_range(params.fiscal_year)[0])
    signature_blocks = [b for b in document.blocks if b.kind == "signature"]
    document.blocks = [b for b in document.blocks if b.kind != "signature"]
    document.add(Paragraph(f"อัตรากำลังตามแผนอัตรากำลัง (ณ วันที่ {format_date(staffing.as_of)})", style="heading"))
    document.add(staffing_table(staffing))
    document.blocks.extend(signature_blocks)
    return document


def build_ethics_report(agency: Agency, params: Params) -> Document:
    """The yearly ethics report: codes in force, the working group, Dos & Don'ts, training and results."""
    year = params.fiscal_year
    report = (
        people_selectors.published_report(agency, year)
        or people_selectors.reports_for_staff(agency).filter(fiscal_year=year).first()
    )
    if report is None:
        raise ExportError(
            _("ยังไม่มีรายงานผลการขับเคลื่อนจริยธรรมของปีงบประมาณ %(year)s กรุณาบันทึกรายงานก่อน") % {"year": year}
        )
    title = f"รายงานผลการขับเคลื่อนจริยธรรม ประจำปีงบประมาณ พ.ศ. {year}"
    document = Document(title=title, filename_stem=f"ethics-report-{year}", author=agency.name_th)
    heading(document, title, agency)
    document.add(Paragraph("1. ประมวลจริยธรรมที่ใช้บังคับ", style="heading"))
    for code in people_selectors.published_codes(agency):
        document.add(Paragraph(f"- {code.title} (ประกาศเมื่อ {format_date(code.issued_on)})"))
    document.add(Paragraph("2. คณะทำงานขับเคลื่อนจริยธรรม", style="heading"))
    group = people_selectors.published_group(agency, year)
    if group is None:
        document.add(Paragraph("–"))
    else:
        document.add(
            Paragraph(f"{group.title} ตามคำสั่งที่ {group.order_number} ลงวันที่ {format_date(group.ordered_on)}")
        )
        document.add(
            Table(
                columns=[
                    Column("ที่", 0.5, "center"),
                    Column("ชื่อ – สกุล", 2.2),
                    Column("ตำแหน่ง", 2.2),
                    Column("บทบาท", 1.6),
                ],
                rows=[
                    [
                        Cell.of(str(number), align="center"),
                        Cell.of(member.person.full_name),
                        Cell.of(member.person.position.title_th),
                        Cell.of(member.get_role_display()),
                    ]
                    for number, member in enumerate(people_selectors.members_of(group), start=1)
                ],
                sheet_title="คณะทำงาน",
            )
        )
    document.add(Paragraph("3. แนวปฏิบัติ Dos & Don'ts", style="heading"))
    guide = people_selectors.published_guide(agency, year)
    if guide is None:
        document.add(Paragraph("–"))
    else:
        document.add(Paragraph("สิ่งที่ควรปฏิบัติ (Dos)"))
        for line in guide.do_lines:
            document.add(Paragraph(f"- {line}"))
        document.add(Paragraph("สิ่งที่ไม่ควรปฏิบัติ (Don'ts)"))
        for line in guide.dont_lines:
            document.add(Paragraph(f"- {line}"))
    document.add(Paragraph("4. กิจกรรมและการฝึกอบรมด้านจริยธรรม", style="heading"))
    courses = list(people_selectors.ethics_courses(agency, year))
    document.add(
        Table(
            columns=[
                Column("ที่", 0.5, "center"),
                Column("กิจกรรม/หลักสูตร", 3.0),
                Column("วันที่", 1.6),
                Column("ผู้เข้าร่วม (คน)", 1.1, "right"),
            ],
            rows=[
                [
                    Cell.of(str(number), align="center"),
                    Cell.of(course.title),
                    Cell.of(day(course.starts_on)),
                    Cell.of(_number(people_selectors.attendance_count(course)), align="right"),
                ]
                for number, course in enumerate(courses, start=1)
            ]
            or [[Cell.of("–"), Cell.of("ไม่มีกิจกรรมในปีนี้"), Cell.of(""), Cell.of("")]],
            sheet_title="กิจกรรม",
        )
    )
    for number, (label, text) in enumerate(
        (
            ("สรุปผลการดำเนินการ", report.summary),
            ("ผลการประเมินจริยธรรม", report.assessment),
            ("ปัญหา/อุปสรรค", report.problems),
            ("ข้อเสนอแนะ", report.suggestions),
        ),
        start=5,
    ):
        document.add(Paragraph(f"{number}. {label}", style="heading"))
        for line in (text or "–").split("\n"):
            document.add(Paragraph(line))
    signature(document, report.signer_name, report.signer_position, report.reported_on)
    return document


register(
    Exporter(
        identifier="hr-report",
        title=gettext_lazy("รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี"),
        build=build_hr_report,
        formats=("docx", "pdf", "xlsx"),
        uses_as_of=True,
        group=GROUP,
        description=gettext_lazy(
            "ผลการดำเนินการตามแผน สถิติอัตรากำลังจำแนกตามประเภทตำแหน่ง และสถิติผู้เข้ารับการฝึกอบรม นับจากข้อมูลในระบบ"
        ),
    )
)
register(
    Exporter(
        identifier="hr-plan",
        title=gettext_lazy("แผนการบริหารและพัฒนาทรัพยากรบุคคล พร้อมอัตรากำลัง"),
        build=build_hr_plan,
        formats=("docx", "pdf", "xlsx"),
        group=GROUP,
    )
)
register(
    Exporter(
        identifier="ethics-report",
        title=gettext_lazy("รายงานผลการขับเคลื่อนจริยธรรมประจำปี"),
        build=build_ethics_report,
        formats=("docx", "pdf"),
        group=GROUP,
    )
)
