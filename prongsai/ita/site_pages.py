"""The ITA pages, for site search (core.site_pages)."""

from django.utils.translation import gettext_lazy as _

from prongsai.core.site_pages import SitePage

PAGES = [
    SitePage(
        "ita:current",
        _("การเปิดเผยข้อมูลสาธารณะ (OIT)"),
        _("ข้อมูลที่หน่วยงานเปิดเผยตามการประเมินคุณธรรมและความโปร่งใส (ITA) รายข้อ"),
        _("ITA OIT ประเมินคุณธรรม ความโปร่งใส เปิดเผยข้อมูล"),
    ),
    SitePage(
        "ita:results",
        _("ผลการประเมิน ITA"),
        _("คะแนนผลการประเมินคุณธรรมและความโปร่งใสของหน่วยงานในแต่ละปี"),
        _("ITA คะแนน ผลการประเมิน รายงาน"),
    ),
]
