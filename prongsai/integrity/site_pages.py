"""The No Gift Policy page, for site search (core.site_pages)."""

from django.utils.translation import gettext_lazy as _

from prongsai.core.site_pages import SitePage

PAGES = [
    SitePage(
        "integrity:index",
        _("นโยบายไม่รับของขวัญ (No Gift Policy)"),
        _("ประกาศนโยบาย กิจกรรม รายงานการรับของขวัญ และการประเมินความเสี่ยงการทุจริต"),
        _("No Gift ของขวัญ สินน้ำใจ ความเสี่ยงการทุจริต รายงาน"),
    ),
]
