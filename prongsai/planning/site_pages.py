"""The plans and reports page, for site search (core.site_pages); each published plan is indexed too."""

from django.utils.translation import gettext_lazy as _

from prongsai.core.site_pages import SitePage

PAGES = [
    SitePage(
        "planning:plan_list",
        _("แผนงานและรายงาน"),
        _("แผนพัฒนาท้องถิ่น แผนดำเนินงาน แผนปฏิบัติการ รายงานความก้าวหน้าและผลการดำเนินงาน"),
        _("แผน รายงาน รายงานผล มาตรการส่งเสริมคุณธรรม ป้องกันการทุจริต งบประมาณ"),
    ),
]
