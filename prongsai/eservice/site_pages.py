"""The E-Service pages, for site search (core.site_pages)."""

from django.utils.translation import gettext_lazy as _

from prongsai.core.site_pages import SitePage

PAGES = [
    SitePage(
        "eservice:catalogue",
        _("บริการออนไลน์ (E-Service)"),
        _("ยื่นคำขอรับบริการออนไลน์และอ่านคู่มือสำหรับประชาชนของแต่ละงานบริการ"),
        _("คำขอ ยื่นคำร้อง ขออนุญาต เบี้ยยังชีพ คู่มือประชาชน บริการ"),
    ),
    SitePage("eservice:track_lookup", _("ติดตามคำขอรับบริการ"), _("ตรวจสอบสถานะคำขอด้วยรหัสติดตาม")),
]
