"""The export of what the agency holds about a requester: an XLSX workbook with Buddhist-era dates."""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.subject_data import Holding
from prongsai.core.thai import format_date, format_datetime

from .models import SubjectRequest

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def holdings_xlsx(item: SubjectRequest, holdings: list[Holding]) -> bytes:
    # Imported here, not at the top: openpyxl costs start-up time to every process that never writes XLSX.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.create_sheet(_("ข้อมูลที่หน่วยงานเก็บ")[:31], 0)
    workbook.remove(workbook.worksheets[1])
    bold = Font(bold=True)
    sheet.append([_("ข้อมูลส่วนบุคคลที่%(agency)sเก็บรักษา") % {"agency": item.agency.name_th}])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [_("คำขอเลขที่ %(code)s ของ %(name)s") % {"code": item.display_code, "name": item.requester_name}]
    )
    sheet.append(
        [
            _("รับคำขอเมื่อ %(received)s จัดทำเมื่อ %(made)s")
            % {"received": format_date(item.received_at), "made": format_datetime(timezone.now())}
        ]
    )
    sheet.append([])
    if not holdings:
        sheet.append([_("ไม่พบข้อมูลที่ตรงกับรหัสติดตาม อีเมล หรือหมายเลขโทรศัพท์ที่ให้ไว้")])
    for holding in holdings:
        sheet.append([holding.source])
        sheet.cell(row=sheet.max_row, column=1).font = bold
        for label, value in holding.fields:
            sheet.append([label, value])
        sheet.append([])
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 80
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
