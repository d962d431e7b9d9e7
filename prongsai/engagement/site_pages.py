"""The participation and Q&A pages, for site search (core.site_pages)."""

from django.utils.translation import gettext_lazy as _

from prongsai.core.site_pages import SitePage

PAGES = [
    SitePage(
        "engagement:qa_board",
        _("กระดานถาม-ตอบ"),
        _("ถามคำถามถึงหน่วยงานและอ่านคำตอบที่เผยแพร่แล้ว"),
        _("ถาม ตอบ คำถาม สอบถาม Q&A"),
    ),
    SitePage(
        "engagement:hub",
        _("การมีส่วนร่วมของประชาชน"),
        _("ช่องทางถาม-ตอบ ร้องเรียน และกิจกรรมที่เปิดให้ประชาชนมีส่วนร่วม"),
        _("มีส่วนร่วม ประชาคม ร้องเรียน ช่องทาง"),
    ),
]
