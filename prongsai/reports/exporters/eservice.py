"""The citizen manual (คู่มือสำหรับประชาชน) of one service, as the Licensing Facilitation Act 2558 ม.7 asks
for it, in the numbered layout of the info.go.th manual template (ita-criteria.md §4.8).

The manual is about one service, named by ``Params.subject`` (the service's public code). Staff may print a
draft to check it (the document says it is a draft); the public download reaches published manuals only.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core.links import agency_url
from prongsai.core.models import Agency, PublicationStatus
from prongsai.core.thai import BANGKOK, format_date
from prongsai.eservice import selectors as eservice_selectors
from prongsai.eservice.models import RequiredDocument, Service
from prongsai.reports.document import Cell, Column, Document, Paragraph, Table
from prongsai.reports.exporters.common import agency_line
from prongsai.reports.registry import Exporter, ExportError, Params, register

WORKING_TIME_NOTE = (
    "ระยะเวลานับเฉพาะวันทำการ ไม่นับวันหยุดราชการและวันที่ยื่นคำขอ ระหว่างรอเอกสารเพิ่มเติมจากผู้ยื่นคำขอ หน่วยงานหยุดนับเวลา"
)


def _service(agency: Agency, params: Params) -> Service:
    code = params.subject.strip()
    if not code:
        raise ExportError(_("กรุณาเลือกงานบริการที่ต้องการออกคู่มือสำหรับประชาชน (รหัสบริการ เช่น building-permit)"))
    service = eservice_selectors.service_manual(agency, code)
    if service is None:
        raise ExportError(
            _("ไม่พบงานบริการรหัส “%(code)s” ของหน่วยงาน กรุณาตรวจสอบรหัสบริการในรายการงานบริการ") % {"code": code}
        )
    return service


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _section(document: Document, number: int, title: str, lines: list[str], *, literal: bool = False) -> None:
    document.add(Paragraph(f"{number}. {title}", style="heading"))
    for line in lines:
        document.add(Paragraph(line, literal=literal))


def _steps_table(service: Service) -> Table:
    rows = []
    for step in service.steps.all():
        unit = step.responsible_unit or service.owner_unit
        rows.append(
            [
                Cell.of(step.order, align="center"),
                Cell.of([step.name, *_lines(step.description)]),
                Cell.of(f"{step.duration_value} {step.get_duration_unit_display()}", nowrap=True),
                Cell.of(unit.name_th),
            ]
        )
    rows.append(
        [
            Cell.of(""),
            Cell.of("ระยะเวลาดำเนินการรวม", bold=True),
            Cell.of(" และ ".join(service.total_time) or "–", bold=True, nowrap=True),
            Cell.of(""),
        ]
    )
    return Table(
        columns=[
            Column("ที่", 0.5, "center"),
            Column("ขั้นตอนการบริการ", 3.4),
            Column("ระยะเวลา", 1.3),
            Column("ส่วนงาน/หน่วยงานที่รับผิดชอบ", 1.8),
        ],
        rows=rows,
        sheet_title="ขั้นตอน",
    )


def _documents_table(documents: list[RequiredDocument]) -> Table:
    return Table(
        columns=[
            Column("ที่", 0.5, "center"),
            Column("รายการเอกสารหลักฐาน", 3.0),
            Column("ฉบับจริง/สำเนา", 1.3, "center"),
            Column("จำนวน", 0.9, "center"),
            Column("หมายเหตุ", 1.5),
        ],
        rows=[
            [
                Cell.of(number, align="center"),
                Cell.of([d.name, *([f"ออกโดย {d.issued_by}"] if d.issued_by else [])]),
                Cell.of(d.get_original_or_copy_display(), align="center"),
                Cell.of(f"{d.copies} ชุด", align="center", nowrap=True),
                Cell.of(d.note or ""),
            ]
            for number, d in enumerate(documents, start=1)
        ],
        sheet_title="เอกสาร",
    )


def _channel_lines(agency: Agency, service: Service) -> list[str]:
    lines = [f"- {name}" for name in service.channels]
    for point in service.service_points:
        if not isinstance(point, dict):
            continue
        if point.get("place"):
            lines.append(f"สถานที่ให้บริการ: {point['place']}")
        if point.get("hours"):
            lines.append(f"วันและเวลาเปิดให้บริการ: {point['hours']}")
    return lines


def _complaint_lines(agency: Agency, service: Service) -> list[str]:
    lines = _lines(service.complaint_channel)
    if lines:
        return lines
    contact = [agency.name_th, agency.address.strip()]
    if agency.phones:
        contact.append("โทรศัพท์ " + ", ".join(agency.phones))
    return [" ".join(part for part in contact if part)]


def build_service_manual(agency: Agency, params: Params) -> Document:
    service = _service(agency, params)
    title = f"คู่มือสำหรับประชาชน: {service.name_th}"
    # Arabic digits, as the info.go.th manuals and the public manual page print them.
    document = Document(
        title=title,
        filename_stem=f"service-manual-{service.code}",
        thai_digits=False,
        author=agency.name_th,
    )
    document.add(Paragraph(title, style="title", align="center"))
    document.add(
        Paragraph(f"หน่วยงานที่รับผิดชอบ: {service.owner_unit.name_th}", style="subtitle", align="center")
    )
    document.add(Paragraph(agency_line(agency), style="subtitle", align="center"))
    if service.status != PublicationStatus.PUBLISHED:
        document.add(Paragraph("ฉบับร่าง ยังไม่เผยแพร่ต่อประชาชน", style="note", align="center"))

    laws = [*_lines(service.legal_basis), *_lines(service.related_laws)]
    sections: list[tuple[str, list[str]]] = [
        ("ชื่อกระบวนงาน", [service.name_th, *_lines(service.description)]),
        ("หน่วยงานเจ้าของกระบวนงาน", [f"{service.owner_unit.name_th} {agency_line(agency)}"]),
        ("ประเภทของงานบริการ", [service.get_kind_display()]),
        ("หมวดหมู่ของงานบริการ", [service.get_category_display()]),
        ("กฎหมายที่ให้อำนาจการอนุญาต หรือที่เกี่ยวข้อง", laws or ["–"]),
        ("ช่องทางการให้บริการ", _channel_lines(agency, service)),
    ]
    number = 0
    for number, (heading, lines) in enumerate(sections, start=1):
        _section(document, number, heading, lines)
    if service.channel_eservice and service.is_accepting:
        online = agency_url(agency, reverse("eservice:request_new", args=[service.code]))
        document.add(Paragraph(f"ยื่นคำขอออนไลน์: {online}", literal=True))

    number += 1
    _section(
        document,
        number,
        "หลักเกณฑ์ วิธีการ เงื่อนไข (ถ้ามี) ในการยื่นคำขอ และในการพิจารณาอนุญาต",
        _lines(service.conditions) or ["ไม่มีเงื่อนไขเพิ่มเติม"],
    )

    number += 1
    _section(document, number, "ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ", [])
    document.add(_steps_table(service))
    document.add(Paragraph(WORKING_TIME_NOTE, style="note"))

    number += 1
    documents = list(service.documents.all())
    _section(document, number, "รายการเอกสารหลักฐานประกอบ", [] if documents else ["ไม่ต้องใช้เอกสารหลักฐานประกอบ"])
    if documents:
        document.add(_documents_table(documents))

    number += 1
    _section(document, number, "ค่าธรรมเนียม", [service.fee_text])
    number += 1
    _section(document, number, "ช่องทางการร้องเรียน", _complaint_lines(agency, service))

    number += 1
    forms = [
        "{}: {}".format(
            f.title or f.original_name, agency_url(agency, reverse("portal:attachment", args=[f.public_id]))
        )
        for f in service.sample_forms.all()
    ]
    _section(
        document,
        number,
        "ตัวอย่างแบบฟอร์ม ตัวอย่าง และคู่มือการกรอก",
        forms or ["ไม่มีตัวอย่างแบบฟอร์ม"],
        literal=bool(forms),
    )
    if service.remarks.strip():
        number += 1
        _section(document, number, "หมายเหตุ", _lines(service.remarks))

    printed = format_date(timezone.now().astimezone(BANGKOK).date())
    reference = f"ชื่ออ้างอิงของคู่มือ: {service.name_th} {agency.name_th}"
    document.add(Paragraph(reference, style="note"))
    if service.published_at is not None:
        published = format_date(service.published_at.astimezone(BANGKOK).date())
        edition = f"เผยแพร่เมื่อ {published} ฉบับที่ {service.revision_count} พิมพ์เมื่อ {printed}"
    else:
        edition = f"ฉบับร่าง พิมพ์เมื่อ {printed}"
    document.add(Paragraph(edition, style="note"))
    return document


def _service_choices(agency: Agency) -> list[tuple[str, str]]:
    return [
        (
            s.code,
            s.name_th
            if s.status == PublicationStatus.PUBLISHED
            else _("%(name)s (ฉบับร่าง)") % {"name": s.name_th},
        )
        for s in eservice_selectors.services_for_staff(agency)
    ]


register(
    Exporter(
        identifier="service-manual",
        title=gettext_lazy("คู่มือสำหรับประชาชน (งานบริการ)"),
        build=build_service_manual,
        formats=("docx", "pdf"),
        group=gettext_lazy("งานบริการประชาชน (E-Service)"),
        description=gettext_lazy(
            "คู่มือสำหรับประชาชนของงานบริการหนึ่งงาน ตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาต"
            "ของทางราชการ พ.ศ. 2558 มาตรา 7: ขั้นตอน ระยะเวลา เอกสาร ค่าธรรมเนียม และช่องทางร้องเรียน"
        ),
        subject_label=gettext_lazy("งานบริการ"),
        subject_choices=_service_choices,
    )
)
