"""The corruption channel's pages, for site search (core.site_pages)."""

from django.utils.translation import gettext_lazy as _

from prongsai.core.site_pages import SitePage

PAGES = [
    SitePage(
        "whistleblower:landing",
        _("แจ้งเบาะแสการทุจริต"),
        _("ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ไม่ต้องเปิดเผยตัวตน ผู้รับเรื่องคือคณะทำงาน"),
        _("ร้องเรียนการทุจริต ร้องเรียน ทุจริต คอร์รัปชัน ประพฤติมิชอบ เบาะแส สินบน"),
    ),
    SitePage(
        "whistleblower:statistics",
        _("สถิติเรื่องร้องเรียนการทุจริต"),
        _("จำนวนเรื่องร้องเรียนการทุจริตและประพฤติมิชอบรายเดือน"),
        _("รายงาน สถิติ ร้องเรียนการทุจริต"),
    ),
]
