"""The back-office sidebar: one table of its entries, each shown only to the roles that can open it.

An entry's capability is read from the access rule of the view its link resolves to, so the menu can never
offer a page the middleware would refuse. A few landing pages admit every member (``Cap.BACKOFFICE``) and
then show content that only some roles can use (the corruption channel opens only for key holders; the
citizen channels' overview is for those who handle them): those entries name the capabilities, any of
which shows them, in ``shown_to``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.urls import resolve, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from prongsai.core.permissions import rule_of
from prongsai.core.roles import Cap


@dataclass(frozen=True)
class MenuEntry:
    url_name: str
    label: Promise
    # The entry is the current page when the resolved URL is in one of these apps (or is the entry's own
    # URL name); empty: only its own URL name.
    apps: tuple[str, ...] = ()
    shown_to: frozenset[Cap] = field(default_factory=frozenset)

    @property
    def url(self) -> str:
        return reverse(self.url_name)


ENTRIES: tuple[MenuEntry, ...] = (
    MenuEntry("portal:staff_home", _("ภาพรวม")),
    MenuEntry("eservice:staff_queue", _("คำขอรับบริการ (E-Service)"), apps=("eservice",)),
    MenuEntry(
        "engagement:staff_overview",
        _("ถาม-ตอบ ร้องเรียน"),
        apps=("engagement", "complaints"),
        shown_to=frozenset({Cap.QA_ANSWER, Cap.PARTICIPATION_EDIT, Cap.COMPLAINTS_VIEW}),
    ),
    MenuEntry("portal:staff_news", _("ข่าวประชาสัมพันธ์")),
    MenuEntry("portal:staff_pages", _("หน้าข้อมูล")),
    MenuEntry(
        "procurement:staff_home",
        _("จัดซื้อจัดจ้าง"),
        apps=("procurement",),
        shown_to=frozenset(
            {
                Cap.PROCUREMENT_VIEW,
                Cap.PROCUREMENT_EDIT,
                Cap.PROCUREMENT_PUBLISH,
                Cap.PROCUREMENT_RED_FLAGS,
                Cap.PROCUREMENT_SETTINGS,
            }
        ),
    ),
    MenuEntry("assets:staff_list", _("ทรัพย์สินของราชการ"), apps=("assets",)),
    MenuEntry("planning:staff_plans", _("แผนงานและผลการดำเนินงาน"), apps=("planning",)),
    MenuEntry(
        "ita:staff_home",
        _("การประเมิน ITA"),
        apps=("ita",),
        shown_to=frozenset({Cap.ITA_MANAGE}),
    ),
    MenuEntry("reports:index", _("รายงานและเอกสาร"), apps=("reports",)),
    MenuEntry(
        "whistleblower:staff_home",
        _("ช่องทางแจ้งเบาะแส"),
        apps=("whistleblower",),
        shown_to=frozenset({Cap.WHISTLEBLOWER_RECEIVE, Cap.WHISTLEBLOWER_CUSTODIAN}),
    ),
    MenuEntry("integrity:staff_home", _("No Gift และความเสี่ยงการทุจริต"), apps=("integrity",)),
    MenuEntry("people:staff_index", _("บุคลากรและจริยธรรม"), apps=("people",)),
    MenuEntry("privacy:staff_queue", _("คำขอใช้สิทธิตาม PDPA"), apps=("privacy",)),
    MenuEntry("core:org_overview", _("โครงสร้างและบุคลากร")),
    MenuEntry("core:agency_profile", _("ข้อมูลหน่วยงาน")),
    MenuEntry("core:members", _("สมาชิกและบทบาท")),
    MenuEntry("core:calendar", _("ปฏิทินวันทำการ")),
    MenuEntry("core:line_settings", _("บัญชีทางการ LINE")),
    MenuEntry("core:line_my_alerts", _("แจ้งเตือนคิวงานทาง LINE")),
    MenuEntry("core:audit_log", _("บันทึกการตรวจสอบ")),
    MenuEntry("ops:status", _("สถานะงานตามกำหนดเวลา"), apps=("ops",)),
)


@cache
def required_capability(url_name: str) -> Cap:
    """The capability the view behind ``url_name`` declares (every menu target is a staff view)."""
    rule = rule_of(resolve(reverse(url_name)).func)
    if rule is None or rule.capability is None:
        raise ValueError(f"the staff menu links to {url_name}, which is not a staff view")
    return rule.capability


def is_shown(entry: MenuEntry, caps: frozenset[Cap]) -> bool:
    """Whether a member holding ``caps`` sees ``entry``: the view admits them and, for the pages that
    admit every member, they hold one of the capabilities its content is for."""
    if required_capability(entry.url_name) not in caps:
        return False
    return not entry.shown_to or bool(entry.shown_to & caps)


def entries_for(caps: frozenset[Cap]) -> list[MenuEntry]:
    return [entry for entry in ENTRIES if is_shown(entry, caps)]


def is_current(entry: MenuEntry, app_name: str, url_name: str) -> bool:
    if entry.apps:
        return app_name in entry.apps
    own_app, _sep, own_name = entry.url_name.partition(":")
    return app_name == own_app and url_name == own_name
