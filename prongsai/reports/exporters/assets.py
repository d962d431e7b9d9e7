"""Government-property documents (seed measure 5) through the engine:

* ``asset-manual``: the asset-use manual (คู่มือการใช้ทรัพย์สินของราชการ) generated from the agency's published
  lending rules: who may borrow what, for what, how to ask, who approves, how long, damage and loss;
* ``asset-register``: the register of durable articles (ทะเบียนครุภัณฑ์) with depreciation as of a date;
* ``asset-stocktake``: the yearly stock-take report to the head of the agency (copies to สตง. and the
  supervising authority): every item with what the committee found, and the totals by condition;
* ``asset-loans``: the loan register of a fiscal year (ทะเบียนคุมการยืมพัสดุ).

Only the manual is public: the others name borrowers and officials and are for the agency and its auditors.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.assets import selectors as asset_selectors
from prongsai.assets.models import Condition
from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK, fiscal_year_range, format_date
from prongsai.reports.document import Cell, Column, Document, Paragraph, Signature, Table
from prongsai.reports.exporters.common import day, head_of_agency, heading, money
from prongsai.reports.registry import Exporter, ExportError, Params, register

GROUP = gettext_lazy("ทรัพย์สินของราชการ")
CONDITION_ORDER = [c.value for c in Condition]


def _today() -> date:
    return timezone.now().astimezone(BANGKOK).date()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- the manual ---------------------------------------------------------------------------------------------


def build_manual(agency: Agency, params: Params) -> Document:
    rules = asset_selectors.published_rules(agency)
    if rules is None:
        raise ExportError(
            _("หน่วยงานยังไม่ได้เผยแพร่หลักเกณฑ์การยืมทรัพย์สินของราชการ กรุณาบันทึกและเผยแพร่ที่หน้าหลักเกณฑ์การยืมก่อน")
        )
    document = Document(title="คู่มือการใช้ทรัพย์สินของราชการ", filename_stem="asset-manual", author=agency.name_th)
    heading(document, "คู่มือการใช้ทรัพย์สินของราชการ", agency)
    document.add(
        Paragraph(
            "ตามระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560 หมวด 9 การบริหารพัสดุ "
            "และมาตรการป้องกันการนำทรัพย์สินของราชการไปใช้เพื่อประโยชน์ส่วนตัวหรือพวกพ้อง",
            align="center",
        )
    )
    sections: list[tuple[str, list[str]]] = [
        ("ผู้มีสิทธิ์ยืม", _lines(rules.who_may_borrow)),
        (
            "วัตถุประสงค์ที่ให้ยืมได้",
            [
                *_lines(rules.purposes),
                "ไม่ให้ยืมทรัพย์สินของราชการไปใช้ประโยชน์ส่วนตัวหรือของพวกพ้องไม่ว่ากรณีใด",
            ],
        ),
        ("วิธีขอยืม", _lines(rules.how_to_ask)),
        ("ผู้อนุมัติ", []),
        ("กรณีชำรุดเสียหายหรือสูญหาย", _lines(rules.on_damage)),
    ]
    if rules.public_lending.strip():
        sections.append(("การให้ประชาชนยืม", _lines(rules.public_lending)))
    for number, (title, lines) in enumerate(sections, start=1):
        document.add(Paragraph(f"{number}. {title}", style="heading"))
        if title == "ผู้อนุมัติ":
            document.add(
                Table(
                    columns=[
                        Column("การใช้", 2.0),
                        Column("ผู้อนุมัติ", 2.4),
                        Column("ระยะเวลายืมไม่เกิน", 1.4, "center"),
                    ],
                    rows=[
                        [
                            Cell.of("ใช้ภายในสถานที่ราชการ"),
                            Cell.of("หัวหน้าส่วนราชการที่ดูแลครุภัณฑ์"),
                            Cell.of(f"{rules.premises_max_days} วัน", align="center", nowrap=True),
                        ],
                        [
                            Cell.of("นำไปใช้นอกสถานที่ราชการ"),
                            Cell.of("หัวหน้าหน่วยงานหรือผู้ที่ได้รับมอบหมาย (อนุมัติเป็นลายลักษณ์อักษร)"),
                            Cell.of(f"{rules.outside_max_days} วัน", align="center", nowrap=True),
                        ],
                    ],
                    sheet_title="ผู้อนุมัติ",
                )
            )
            document.add(
                Paragraph(
                    f"เมื่อครบกำหนดแล้วผู้ยืมยังไม่ส่งคืน เจ้าหน้าที่ผู้ดูแลครุภัณฑ์ติดตามทวงคืนภายใน {rules.follow_up_days} วัน"
                )
            )
        for line in lines:
            document.add(Paragraph(line))
    items = list(asset_selectors.lendable_assets(agency, public=True))
    if items:
        document.add(Paragraph(f"{len(sections) + 1}. สิ่งของที่ให้ประชาชนยืม", style="heading"))
        for item in items:
            document.add(Paragraph(f"- {item.name} ({item.code})"))
    published = format_date(rules.published_at.astimezone(BANGKOK).date()) if rules.published_at else "–"
    document.add(
        Paragraph(
            f"เผยแพร่เมื่อ {published} ฉบับที่ {rules.revision_count} พิมพ์เมื่อ {format_date(_today())}", style="note"
        )
    )
    return document


# --- the register -------------------------------------------------------------------------------------------


def build_register(agency: Agency, params: Params) -> Document:
    as_of = params.as_of or fiscal_year_range(params.fiscal_year)[1]
    document = Document(
        title="ทะเบียนครุภัณฑ์",
        filename_stem=f"asset-register-{params.fiscal_year}",
        landscape=True,
        author=agency.name_th,
    )
    heading(document, "ทะเบียนครุภัณฑ์", agency, f"ข้อมูล ณ วันที่ {format_date(as_of)}")
    rows = []
    for number, asset in enumerate(
        asset_selectors.register_rows(agency).filter(acquired_on__lte=as_of), start=1
    ):
        rows.append(
            [
                Cell.of(number, align="center"),
                Cell.of(asset.code, nowrap=True, literal=True),
                Cell.of(asset.name),
                Cell.of(asset.asset_type.get_classification_display()),
                Cell.of(day(asset.acquired_on), nowrap=True),
                Cell.of(money(asset.price), align="right", nowrap=True),
                Cell.of(asset.get_fund_source_display()),
                Cell.of(asset.location),
                Cell.of(asset.custodian_unit.name_th),
                Cell.of(asset.get_condition_display()),
                Cell.of(money(asset.yearly_depreciation()), align="right", nowrap=True),
                Cell.of(money(asset.accumulated_depreciation(as_of)), align="right", nowrap=True),
                Cell.of(money(asset.book_value(as_of)), align="right", nowrap=True),
            ]
        )
    document.add(
        Table(
            columns=[
                Column("ที่", 0.4, "center"),
                Column("รหัสครุภัณฑ์", 1.1),
                Column("ชื่อ ยี่ห้อ รุ่น", 2.2),
                Column("ประเภท", 1.3),
                Column("วันที่ได้มา", 0.9),
                Column("ราคา (บาท)", 1.0, "right"),
                Column("แหล่งเงิน", 1.1),
                Column("สถานที่", 1.2),
                Column("ส่วนงานที่ดูแล", 1.1),
                Column("สภาพ", 0.8),
                Column("ค่าเสื่อมต่อปี", 0.9, "right"),
                Column("ค่าเสื่อมสะสม", 0.9, "right"),
                Column("มูลค่าสุทธิ", 0.9, "right"),
            ],
            rows=rows,
            sheet_title="ทะเบียนครุภัณฑ์",
            compact=True,
        )
    )
    document.add(Paragraph(f"รวม {len(rows)} รายการ", style="note"))
    return document


# --- the stock-take report ----------------------------------------------------------------------------------


def build_stocktake(agency: Agency, params: Params) -> Document:
    stocktake = asset_selectors.stocktake_of_year(agency, params.fiscal_year)
    if stocktake is None:
        raise ExportError(
            _("ยังไม่มีการตรวจสอบพัสดุประจำปีงบประมาณ %(year)s กรุณาแต่งตั้งคณะกรรมการก่อน")
            % {"year": params.fiscal_year}
        )
    result = asset_selectors.stocktake_result(stocktake)
    start, end = fiscal_year_range(params.fiscal_year)
    title = f"รายงานผลการตรวจสอบพัสดุประจำปีงบประมาณ พ.ศ. {params.fiscal_year}"
    document = Document(
        title=title,
        filename_stem=f"asset-stocktake-{params.fiscal_year}",
        landscape=True,
        author=agency.name_th,
    )
    heading(document, title, agency, f"ยอดคงเหลือ ณ วันที่ {format_date(end)}")
    if not stocktake.is_reported:
        document.add(
            Paragraph("ฉบับร่าง: คณะกรรมการยังตรวจนับไม่ครบหรือยังไม่ได้รายงานผล", style="note", align="center")
        )
    document.add(Paragraph(f"เรียน {head_of_agency(agency).position}", style="body"))
    document.add(
        Paragraph(
            f"ตามคำสั่งที่ {stocktake.order_reference} ลงวันที่ {format_date(stocktake.appointed_on)} "
            f"แต่งตั้งคณะกรรมการตรวจสอบพัสดุประจำปี คณะกรรมการได้ตรวจสอบการรับจ่ายพัสดุงวดตั้งแต่วันที่ "
            f"{format_date(start)} ถึงวันที่ {format_date(end)} และตรวจนับพัสดุคงเหลือเป็นรายการ "
            f"จำนวนทั้งสิ้น {result.total} รายการ ผลปรากฏดังนี้"
        )
    )
    labels = dict(Condition.choices)
    totals_rows = [
        [Cell.of(str(labels[key])), Cell.of(result.totals.get(key, 0), align="right")]
        for key in CONDITION_ORDER
    ]
    if result.totals.get("unchecked"):
        totals_rows.append([Cell.of("ยังไม่ได้ตรวจ"), Cell.of(result.totals["unchecked"], align="right")])
    totals_rows.append([Cell.of("รวม", bold=True), Cell.of(result.total, align="right", bold=True)])
    document.add(
        Table(
            columns=[Column("ผลการตรวจ", 3.0), Column("จำนวน (รายการ)", 1.2, "right")],
            rows=totals_rows,
            sheet_title="สรุป",
        )
    )
    rows = []
    for number, row in enumerate(result.rows, start=1):
        check = row.check
        rows.append(
            [
                Cell.of(number, align="center"),
                Cell.of(row.asset.code, nowrap=True, literal=True),
                Cell.of(row.asset.name),
                Cell.of(row.asset.location),
                Cell.of(money(row.asset.price), align="right", nowrap=True),
                Cell.of(check.get_result_display() if check else "ยังไม่ได้ตรวจ"),
                Cell.of(check.note if check else ""),
            ]
        )
    document.add(Paragraph("รายละเอียดรายการพัสดุที่ตรวจนับ", style="heading"))
    document.add(
        Table(
            columns=[
                Column("ที่", 0.4, "center"),
                Column("รหัสครุภัณฑ์", 1.1),
                Column("ชื่อ ยี่ห้อ รุ่น", 2.6),
                Column("สถานที่", 1.5),
                Column("ราคา (บาท)", 1.0, "right"),
                Column("ผลการตรวจ", 1.1),
                Column("หมายเหตุ", 1.8),
            ],
            rows=rows,
            sheet_title="รายการ",
            compact=True,
        )
    )
    not_good = sum(result.totals.get(key, 0) for key in CONDITION_ORDER if key != Condition.GOOD)
    if not_good:
        document.add(
            Paragraph(
                f"พัสดุที่ชำรุด เสื่อมสภาพ หมดความจำเป็น หรือสูญไป รวม {not_good} รายการ "
                "เห็นควรแต่งตั้งคณะกรรมการสอบหาข้อเท็จจริง และดำเนินการจำหน่ายตามระเบียบต่อไป"
            )
        )
    if stocktake.summary.strip():
        for line in _lines(stocktake.summary):
            document.add(Paragraph(line))
    document.add(Paragraph("สำเนาเรียน สำนักงานการตรวจเงินแผ่นดิน และหน่วยงานต้นสังกัด", style="note"))
    signed_on = stocktake.reported_at.astimezone(BANGKOK).date() if stocktake.reported_at else None
    for member in stocktake.committee.all().order_by("pk"):
        document.add(
            Signature(
                name=member.get_full_name() or member.username,
                position="กรรมการตรวจสอบพัสดุประจำปี",
                date_text=format_date(signed_on) if signed_on else "",
            )
        )
    return document


# --- the loan register --------------------------------------------------------------------------------------


def build_loans(agency: Agency, params: Params) -> Document:
    title = f"ทะเบียนการยืมครุภัณฑ์ ปีงบประมาณ พ.ศ. {params.fiscal_year}"
    document = Document(
        title=title, filename_stem=f"asset-loans-{params.fiscal_year}", landscape=True, author=agency.name_th
    )
    heading(document, title, agency)
    loans = list(asset_selectors.loans_of_year(agency, params.fiscal_year))
    rows = []
    for number, loan in enumerate(loans, start=1):
        returned = ""
        if loan.returned_at is not None:
            returned = format_date(loan.returned_at.astimezone(BANGKOK).date(), month="abbr")
            if loan.returned_late:
                returned += " (ล่าช้า)"
        rows.append(
            [
                Cell.of(number, align="center"),
                Cell.of(loan.display_code, nowrap=True, literal=True),
                Cell.of(loan.asset.code, nowrap=True, literal=True),
                Cell.of(loan.asset.name),
                Cell.of(loan.borrower_name),
                Cell.of(f"{loan.get_purpose_display()} ({loan.get_place_display()})"),
                Cell.of(f"{day(loan.starts_on)} – {day(loan.due_on)}"),
                Cell.of(
                    loan.decided_by.get_full_name() or loan.decided_by.username if loan.decided_by else "–"
                ),
                Cell.of(returned or "–", nowrap=True),
                Cell.of(loan.get_return_condition_display() if loan.return_condition else ""),
                Cell.of(loan.get_status_display()),
            ]
        )
    if not rows:
        rows.append([Cell.of(""), Cell.of("ไม่มีการยืมในปีงบประมาณนี้"), *[Cell.of("") for _i in range(9)]])
    document.add(
        Table(
            columns=[
                Column("ที่", 0.4, "center"),
                Column("รหัสติดตาม", 1.0),
                Column("รหัสครุภัณฑ์", 1.1),
                Column("ครุภัณฑ์", 1.6),
                Column("ผู้ยืม", 1.3),
                Column("ลักษณะการใช้", 1.5),
                Column("ช่วงเวลายืม", 1.5),
                Column("ผู้อนุมัติ", 1.2),
                Column("วันที่คืน", 1.0),
                Column("สภาพเมื่อคืน", 0.9),
                Column("สถานะ", 1.0),
            ],
            rows=rows,
            sheet_title="ทะเบียนการยืม",
            compact=True,
        )
    )
    statistics = asset_selectors.loan_statistics(agency, params.fiscal_year)
    document.add(
        Paragraph(
            f"คำขอยืม {statistics.requests} รายการ อนุมัติ {statistics.approved} รายการ "
            f"ไม่อนุมัติ {statistics.rejected} รายการ คืนแล้ว {statistics.returned} รายการ "
            f"คืนล่าช้า {statistics.returned_late} รายการ "
            f"คืนในสภาพชำรุดหรือสูญหาย {statistics.damaged} รายการ",
            style="note",
        )
    )
    return document


register(
    Exporter(
        identifier="asset-manual",
        title=gettext_lazy("คู่มือการใช้ทรัพย์สินของราชการ"),
        build=build_manual,
        formats=("docx", "pdf"),
        group=GROUP,
        description=gettext_lazy(
            "ผู้มีสิทธิ์ยืม วัตถุประสงค์ วิธีขอยืม ผู้อนุมัติ ระยะเวลา และกรณีชำรุดหรือสูญหาย จากหลักเกณฑ์ที่เผยแพร่แล้ว"
        ),
        public=True,
    )
)
register(
    Exporter(
        identifier="asset-register",
        title=gettext_lazy("ทะเบียนครุภัณฑ์"),
        build=build_register,
        formats=("xlsx", "pdf"),
        uses_as_of=True,
        group=GROUP,
        description=gettext_lazy("ครุภัณฑ์ทุกรายการในทะเบียน พร้อมค่าเสื่อมราคา ณ วันที่ระบุ (หากไม่ระบุ ณ วันสิ้นปีงบประมาณ)"),
    )
)
register(
    Exporter(
        identifier="asset-stocktake",
        title=gettext_lazy("รายงานผลการตรวจสอบพัสดุประจำปี"),
        build=build_stocktake,
        formats=("docx", "pdf", "xlsx"),
        group=GROUP,
        description=gettext_lazy("ทุกรายการพร้อมผลการตรวจ และยอดรวมจำแนกตามสภาพ เสนอหัวหน้าหน่วยงาน สำเนาถึง สตง."),
    )
)
register(
    Exporter(
        identifier="asset-loans",
        title=gettext_lazy("ทะเบียนการยืมครุภัณฑ์"),
        build=build_loans,
        formats=("docx", "pdf", "xlsx"),
        group=GROUP,
        description=gettext_lazy("การยืมทุกรายการของปีงบประมาณ ผู้อนุมัติ วันที่คืน และสภาพเมื่อคืน"),
    )
)
