"""The procurement data sets of the open-data catalogue: the register and the announcements."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from django.utils.translation import gettext_lazy as _

from prongsai.core.datasets import Column, Dataset, Frequency, Row
from prongsai.core.models import Agency
from prongsai.core.thai import BANGKOK

from . import selectors
from .exporters import REGISTER_COLUMNS, register_values
from .models import Announcement, AnnouncementKind, Procurement

_REGISTER_TYPES = {
    "fiscal_year": "integer",
    "budget": "number",
    "reference_price": "number",
    "agreed_price": "number",
    "contract_signed_on": "date",
    "contract_ends_on": "date",
}


def _day(moment: datetime | None) -> date | None:
    return moment.astimezone(BANGKOK).date() if moment else None


def _register_rows(agency: Agency) -> Iterator[Row]:
    prefix = selectors.ocid_prefix(agency).value  # "" while none is registered: the ocid column stays empty
    for row in selectors.register(agency, selectors.RegisterFilter()).iterator(chunk_size=500):
        yield register_values(row, prefix)


def _announcement_rows(agency: Agency) -> Iterator[Row]:
    for item in selectors.published_announcements(agency):
        yield [
            str(item.public_id),
            item.fiscal_year,
            str(AnnouncementKind(item.kind).label),
            item.title,
            item.egp_project_no,
            item.announced_on,
        ]


DATASETS = [
    Dataset(
        key="procurement-register",
        title=_("ทะเบียนการจัดซื้อจัดจ้าง"),
        description=_(
            "รายการจัดซื้อจัดจ้างที่เผยแพร่แล้วทุกรายการ พร้อมวงเงินงบประมาณ ราคากลาง ราคาที่ตกลงซื้อหรือจ้าง "
            "ผู้ประกอบการที่ได้รับการคัดเลือก เลขที่สัญญาและวันที่ลงนาม เลขประจำตัวประชาชนของบุคคลธรรมดาถูกปกปิด"
        ),
        objective=_("เปิดเผยข้อมูลการจัดซื้อจัดจ้างตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560"),
        tags=(_("จัดซื้อจัดจ้าง"), _("พัสดุ"), _("สัญญา"), _("งบประมาณ")),
        frequency=Frequency.MONTHLY,
        theme=_("การเงิน งบประมาณ และการจัดซื้อจัดจ้าง"),
        source=_("ทะเบียนการจัดซื้อจัดจ้างของหน่วยงาน (บันทึกโดยเจ้าหน้าที่พัสดุและนำเข้าจากระบบ e-GP)"),
        columns=tuple(
            Column(key, label, _REGISTER_TYPES.get(key, "string"))  # type: ignore[arg-type]
            for key, label in REGISTER_COLUMNS
        ),
        rows=_register_rows,
        last_updated=lambda agency: selectors.publication_span(agency, Procurement)[1],
        first_published=lambda agency: _day(selectors.publication_span(agency, Procurement)[0]),
        page_url="procurement:register",
    ),
    Dataset(
        key="procurement-announcements",
        title=_("ประกาศจัดซื้อจัดจ้าง"),
        description=_("ประกาศเชิญชวน ประกาศผลผู้ชนะการเสนอราคา และประกาศอื่นเกี่ยวกับการจัดซื้อจัดจ้างที่เผยแพร่แล้ว"),
        objective=_("ให้ประชาชนและผู้ประกอบการตรวจสอบการจัดซื้อจัดจ้างของหน่วยงานได้"),
        tags=(_("จัดซื้อจัดจ้าง"), _("ประกาศ")),
        frequency=Frequency.IRREGULAR,
        theme=_("การเงิน งบประมาณ และการจัดซื้อจัดจ้าง"),
        source=_("ประกาศที่เจ้าหน้าที่พัสดุเผยแพร่บนเว็บไซต์ของหน่วยงาน"),
        columns=(
            Column("public_id", _("รหัสประกาศ"), nullable=False),
            Column("fiscal_year", _("ปีงบประมาณ"), "integer", nullable=False),
            Column("kind", _("ประเภทประกาศ"), nullable=False),
            Column("title", _("ชื่อประกาศ"), nullable=False),
            Column("egp_project_no", _("เลขที่โครงการ (e-GP)")),
            Column("announced_on", _("วันที่ประกาศ"), "date", nullable=False),
        ),
        rows=_announcement_rows,
        last_updated=lambda agency: selectors.publication_span(agency, Announcement)[1],
        first_published=lambda agency: _day(selectors.publication_span(agency, Announcement)[0]),
        page_url="procurement:announcement_list",
    ),
]
