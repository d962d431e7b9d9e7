"""Plan documents (item 6 of the ITA issue): the plan, its six-month progress and its annual results, for
every plan kind, and the seed report "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน".
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core.models import Agency
from prongsai.core.thai import format_date
from prongsai.planning import selectors as plan_selectors
from prongsai.planning.models import Plan, PlanItem, default_as_of
from prongsai.planning.selectors import ItemNode, ResultRow
from prongsai.reports.document import Cell, Column, Document, Paragraph, Table
from prongsai.reports.exporters.common import (
    ScoreBook,
    agency_line,
    citation_line,
    day,
    heading,
    money,
    signature,
)
from prongsai.reports.registry import Exporter, ExportError, Params, register

KIND_SLUGS = {
    Plan.Kind.DEVELOPMENT: "development",
    Plan.Kind.OPERATIONS: "operations",
    Plan.Kind.HR: "hr",
    Plan.Kind.ANTI_CORRUPTION: "anti-corruption",
    Plan.Kind.INTEGRITY_MEASURES: "integrity-measures",
}


def _plan_or_error(agency: Agency, kind: str, fiscal_year: int, *, published_only: bool = False) -> Plan:
    plan = plan_selectors.plan_of(agency, kind, fiscal_year, published_only=published_only)
    if plan is None:
        label = Plan.Kind(kind).label
        raise ExportError(
            _("ยังไม่มี%(plan)s ของปีงบประมาณ %(year)s กรุณาจัดทำแผนก่อนออกรายงาน")
            % {"plan": label, "year": fiscal_year}
        )
    return plan


def _period(item: PlanItem) -> str:
    if item.period_text:
        return item.period_text
    if item.period_start and item.period_end:
        return f"{day(item.period_start)} – {day(item.period_end)}"
    return "–"


def _walk(nodes: list[ItemNode], prefix: str = "") -> list[tuple[str, ItemNode]]:
    rows: list[tuple[str, ItemNode]] = []
    for node in nodes:
        number = f"{prefix}{node.item.number}"
        rows.append((number, node))
        rows.extend(_walk(node.children, prefix=f"{number}."))
    return rows


def _sum(values: list[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def build_plan(agency: Agency, params: Params, *, kind: str) -> Document:
    plan = _plan_or_error(agency, kind, params.fiscal_year)
    years = f"พ.ศ. {plan.first_year}–{plan.last_year}" if plan.first_year != plan.last_year else ""
    document = Document(
        title=plan.title,
        filename_stem=f"plan-{KIND_SLUGS[Plan.Kind(kind)]}-{params.fiscal_year}",
        landscape=True,
        author=agency.name_th,
    )
    heading(
        document, plan.title, agency, *([years] if years else [f"ประจำปีงบประมาณ พ.ศ. {plan.fiscal_year}"])
    )
    if plan.description:
        document.add(Paragraph(plan.description))
    rows = []
    leaves: list[Decimal | None] = []
    for number, node in _walk(plan_selectors.plan_tree(plan)):
        item = node.item
        if not node.children:
            leaves.append(item.budget)
        rows.append(
            [
                Cell.of(number, align="center"),
                Cell.of("\n".join(filter(None, [item.title, item.details]))),
                Cell.of(item.outputs or "–"),
                Cell.of(money(item.budget), align="right", nowrap=True),
                Cell.of(_period(item)),
                Cell.of(item.owner or "–"),
            ]
        )
    rows.append(
        [
            Cell.of(""),
            Cell.of("รวม", bold=True),
            Cell.of(""),
            Cell.of(money(_sum(leaves)), align="right", nowrap=True, bold=True),
            Cell.of(""),
            Cell.of(""),
        ]
    )
    document.add(
        Table(
            columns=[
                Column("ที่", 0.6, "center"),
                Column("โครงการ/กิจกรรม", 3.2),
                Column("ผลผลิต/เป้าหมาย", 2.2),
                Column("งบประมาณ (บาท)", 1.3, "right"),
                Column("ระยะเวลา", 1.4),
                Column("ผู้รับผิดชอบ", 1.3),
            ],
            rows=rows,
            sheet_title="แผน",
        )
    )
    signature(document, plan.signer_name, plan.signer_position, plan.approved_on)
    return document


def build_progress(agency: Agency, params: Params, *, kind: str) -> Document:
    plan = _plan_or_error(agency, kind, params.fiscal_year)
    as_of = params.as_of or default_as_of(params.fiscal_year)
    report = plan_selectors.progress_report_of(plan, as_of)
    if report is None:
        raise ExportError(
            _("ยังไม่มีรายงานความก้าวหน้าของแผนนี้ ณ วันที่ %(date)s กรุณาบันทึกความก้าวหน้าก่อนออกรายงาน")
            % {"date": format_date(as_of)}
        )
    title = f"รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณ {plan.title}"
    document = Document(
        title=title,
        filename_stem=f"progress-{KIND_SLUGS[Plan.Kind(kind)]}-{params.fiscal_year}",
        landscape=True,
        author=agency.name_th,
    )
    heading(document, title, agency, f"ข้อมูล ณ วันที่ {format_date(report.as_of)}")
    rows = []
    for number, node in _walk(plan_selectors.plan_tree(plan, progress=report)):
        item, entry = node.item, node.progress
        rate = "–"
        if entry and entry.spent is not None and item.budget:
            rate = f"{entry.spent / item.budget * 100:.2f}"
        rows.append(
            [
                Cell.of(number, align="center"),
                Cell.of(item.title),
                Cell.of(money(item.budget), align="right", nowrap=True),
                Cell.of(entry.result if entry and entry.result else "–"),
                Cell.of(money(entry.spent) if entry else "–", align="right", nowrap=True),
                Cell.of(rate, align="right"),
            ]
        )
    document.add(
        Table(
            columns=[
                Column("ที่", 0.6, "center"),
                Column("โครงการ/กิจกรรม", 3.0),
                Column("งบประมาณ (บาท)", 1.3, "right"),
                Column("ผลการดำเนินงาน", 3.0),
                Column("ใช้จ่ายแล้ว (บาท)", 1.3, "right"),
                Column("ร้อยละการใช้จ่าย", 1.0, "right"),
            ],
            rows=rows,
            sheet_title="ความก้าวหน้า",
        )
    )
    if report.summary:
        document.add(Paragraph(report.summary))
    signature(document, plan.signer_name, plan.signer_position, report.as_of)
    return document


def build_results(agency: Agency, params: Params, *, kind: str) -> Document:
    plan = _plan_or_error(agency, kind, params.fiscal_year)
    year = params.fiscal_year
    title = f"รายงานผลการดำเนินงานตาม{plan.title}"
    if plan.first_year != plan.last_year:
        # A multi-year plan is reported year by year: the title says which year.
        title += f" ประจำปีงบประมาณ พ.ศ. {year}"
    document = Document(
        title=title,
        filename_stem=f"results-{KIND_SLUGS[Plan.Kind(kind)]}-{params.fiscal_year}",
        landscape=True,
        author=agency.name_th,
    )
    heading(document, title, agency)
    book = ScoreBook(agency)
    rows = []
    for number, node in _walk(plan_selectors.plan_tree(plan, fiscal_year=year)):
        results: list[ResultRow | None] = [*node.results] or [None]
        for row in results:
            result = row.result if row else None
            rows.append(
                [
                    Cell.of(number, align="center"),
                    Cell.of(node.item.title),
                    Cell.of(money(node.item.budget), align="right", nowrap=True),
                    Cell.of(
                        [
                            *(result.result.split("\n") if result else ["–"]),
                            *[citation_line(book, c) for c in (row.citations if row else [])],
                        ]
                    ),
                    Cell.of(money(result.spent) if result else "–", align="right", nowrap=True),
                    Cell.of(f"{day(result.actual_start)} – {day(result.actual_end)}" if result else "–"),
                ]
            )
    document.add(
        Table(
            columns=[
                Column("ที่", 0.6, "center"),
                Column("โครงการ/กิจกรรม", 2.8),
                Column("งบประมาณที่ได้รับ (บาท)", 1.3, "right"),
                Column("ผลการดำเนินงาน", 3.2),
                Column("ใช้จ่ายจริง (บาท)", 1.3, "right"),
                Column("ระยะเวลาเริ่ม–สิ้นสุด", 1.6),
            ],
            rows=rows,
            sheet_title="ผลการดำเนินงาน",
        )
    )
    annual = plan_selectors.annual_report_of(plan, year)
    if annual is not None:
        for label, text in (
            ("สรุปผล", annual.summary),
            ("ปัญหา/อุปสรรค", annual.problems),
            ("ข้อเสนอแนะ", annual.suggestions),
        ):
            if text:
                document.add(Paragraph(label, style="heading"))
                for line in text.split("\n"):
                    document.add(Paragraph(line))
    signature(document, plan.signer_name, plan.signer_position, annual.reported_on if annual else None)
    return document


# --- the seed report --------------------------------------------------------------------------------------

SEED_TITLE = "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


def _numbered(item: PlanItem) -> list[str]:
    lines = item.title.split("\n")
    return [f"{item.number}. {lines[0]}", *lines[1:]]


def build_integrity_measures_results(agency: Agency, params: Params) -> Document:
    """The seed's four-column table: every measure, each group of activities beside its result, and the
    ITA scores the results cite, looked up in the ITA result of the cited year."""
    plan = _plan_or_error(
        agency, Plan.Kind.INTEGRITY_MEASURES, params.fiscal_year, published_only=params.published_only
    )
    title = f"{SEED_TITLE} ประจำปีงบประมาณ พ.ศ.{params.fiscal_year}"
    document = Document(
        title=title, filename_stem=f"integrity-measures-results-{params.fiscal_year}", author=agency.name_th
    )
    document.add(Paragraph(SEED_TITLE, style="title", align="center"))
    document.add(Paragraph(f"ประจำปีงบประมาณ พ.ศ.{params.fiscal_year}", style="title", align="center"))
    document.add(Paragraph(agency_line(agency), style="subtitle", align="center"))
    book = ScoreBook(agency, published_only=params.published_only)
    rows: list[list[Cell]] = []
    for node in plan_selectors.plan_tree(plan, fiscal_year=params.fiscal_year):
        if node.item.kind != PlanItem.Kind.MEASURE:
            continue
        activities = {child.item.pk: child.item for child in node.children}
        groups: list[tuple[list[PlanItem], list[str]]] = []
        covered: set[int] = set()
        for row in node.results:
            members = [a for a in row.covered if a.pk in activities] or []
            covered.update(a.pk for a in members)
            lines = [*row.result.result.split("\n"), *[citation_line(book, c) for c in row.citations]]
            groups.append((members, lines))
        for child in node.children:
            if child.item.pk not in covered:
                groups.append(([child.item], []))
        groups.sort(key=lambda g: min((a.number for a in g[0]), default=0))
        for index, (members, lines) in enumerate(groups):
            details = [
                line for activity in sorted(members, key=lambda a: a.number) for line in _numbered(activity)
            ]
            rows.append(
                [
                    Cell.of(str(node.item.number) if index == 0 else "", align="center"),
                    Cell.of(node.item.title if index == 0 else ""),
                    Cell(details),
                    Cell(lines),
                ]
            )
    document.add(
        Table(
            columns=[
                Column("ลำดับที่", 0.7, "center"),
                Column("มาตรการหรือกิจกรรมที่ดำเนินการ", 2.2),
                Column("รายละเอียดการดำเนินการ", 3.6),
                Column("ผลลัพธ์หรือความสำเร็จของการดำเนินการ", 3.6),
            ],
            rows=rows,
            sheet_title="ผลการดำเนินการ",
        )
    )
    # Signed on the date of the report (the annual report of the plan), never on the plan's approval.
    annual = plan_selectors.annual_report_of(plan, params.fiscal_year)
    signature(
        document, plan.signer_name, plan.signer_position, annual.reported_on if annual else params.as_of
    )
    return document


register(
    Exporter(
        identifier="integrity-measures-results",
        title=gettext_lazy("รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
        build=build_integrity_measures_results,
        formats=("docx", "pdf", "xlsx"),
        group=gettext_lazy("มาตรการส่งเสริมคุณธรรมและความโปร่งใส"),
        description=gettext_lazy("ตารางสี่ช่องของมาตรการ กิจกรรม และผลลัพธ์ พร้อมคะแนน ITA ที่อ้างอิง"),
        # The public download (แผนงานและรายงาน) reads the published plan and published ITA results only.
        public=True,
    )
)

PLANS_GROUP = gettext_lazy("แผน")
for _kind, _slug in KIND_SLUGS.items():
    _label = Plan.Kind(_kind).label
    register(
        Exporter(
            identifier=f"plan-{_slug}",
            title=_label,
            build=partial(build_plan, kind=_kind),
            formats=("docx", "pdf", "xlsx"),
            group=PLANS_GROUP,
        )
    )
    if _kind != Plan.Kind.DEVELOPMENT:
        register(
            Exporter(
                identifier=f"progress-{_slug}",
                title=format_lazy(gettext_lazy("รายงานความก้าวหน้า รอบ 6 เดือน: {plan}"), plan=_label),
                build=partial(build_progress, kind=_kind),
                formats=("docx", "pdf", "xlsx"),
                uses_as_of=True,
                group=PLANS_GROUP,
            )
        )
        register(
            Exporter(
                identifier=f"results-{_slug}",
                title=format_lazy(gettext_lazy("รายงานผลการดำเนินงานประจำปี: {plan}"), plan=_label),
                build=partial(build_results, kind=_kind),
                formats=("docx", "pdf", "xlsx"),
                group=PLANS_GROUP,
            )
        )
