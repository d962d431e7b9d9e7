"""The procurement pages, for site search (core.site_pages)."""

from django.utils.translation import gettext_lazy as _

from prongsai.core.site_pages import SitePage

PAGES = [
    SitePage(
        "procurement:index",
        _("จัดซื้อจัดจ้าง"),
        _("แผนการจัดซื้อจัดจ้าง ประกาศ ทะเบียนผลการจัดซื้อจัดจ้าง และรายงาน"),
        _("จัดซื้อ จัดจ้าง พัสดุ ประกาศ สขร รายงาน e-GP"),
    ),
]
