"""The privacy pages, for site search (core.site_pages)."""

from django.utils.translation import gettext_lazy as _

from prongsai.core.site_pages import SitePage

PAGES = [
    SitePage(
        "privacy:notice",
        _("การคุ้มครองข้อมูลส่วนบุคคล"),
        _("ประกาศความเป็นส่วนตัวและการยื่นคำขอใช้สิทธิของเจ้าของข้อมูลส่วนบุคคล"),
        _("PDPA ข้อมูลส่วนบุคคล ความเป็นส่วนตัว ขอใช้สิทธิ"),
    ),
]
