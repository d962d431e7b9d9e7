"""The complaint channel's pages, for site search (core.site_pages)."""

from django.utils.translation import gettext_lazy as _

from prongsai.core.site_pages import SitePage

PAGES = [
    SitePage(
        "complaints:landing",
        _("ร้องเรียน/ร้องทุกข์"),
        _("แจ้งเรื่องร้องเรียนหรือร้องทุกข์ทั่วไปถึงหน่วยงาน พร้อมรหัสติดตามผล"),
        _("ร้องเรียน ร้องทุกข์ แจ้งปัญหา ไฟฟ้า ถนน ขยะ น้ำประปา เดือดร้อน"),
    ),
    SitePage("complaints:track", _("ติดตามเรื่องร้องเรียน"), _("ตรวจสอบสถานะเรื่องร้องเรียนด้วยรหัสติดตาม")),
]
