"""Names of evidence links for the public OIT index: an assessor reads "แผนผังโครงสร้างหน่วยงาน", never a path.

Readiness gives each item its evidence as URLs (``/structure/``, ``/plans/<id>/``, a document download with
``?fiscal_year=2567``). A link is named, in order, by:

1. the manual evidence it is (its title, as the staff entered it);
2. a fixed page (no record in its address, ``/structure/``) by its name in ``PAGE_NAMES``;
3. the published record at that address in the site-search index (news, pages, plans, services ...: the
   record's own title, one query for the whole page);
4. the page it resolves to, from ``PAGE_NAMES`` (with the fiscal year when the address carries one), or
   for an official document, the report's title and format;
5. otherwise what it is: "เอกสารหลักฐาน" for a file, "หน้าเว็บไซต์หลักฐาน" for a page.

Nothing here changes which URLs are evidence: it only names them (the readiness computation is untouched).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

from django.urls import Resolver404, ResolverMatch, resolve
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from prongsai.core.models import Agency, SearchDocument
from prongsai.ita.models import ManualEvidence
from prongsai.ita.readiness import manual_evidence_url

PAGE_NAMES: dict[str, Promise] = {
    "portal:structure": gettext_lazy("แผนผังโครงสร้างหน่วยงาน"),
    "portal:executives": gettext_lazy("ข้อมูลผู้บริหาร"),
    "portal:duties": gettext_lazy("อำนาจหน้าที่"),
    "portal:contact": gettext_lazy("ข้อมูลการติดต่อ"),
    "portal:news_list": gettext_lazy("ข่าวประชาสัมพันธ์"),
    "eservice:catalogue": gettext_lazy("บริการออนไลน์ (E-Service)"),
    "eservice:statistics": gettext_lazy("สถิติการให้บริการ"),
    "engagement:qa_board": gettext_lazy("กระดานถาม-ตอบ"),
    "engagement:hub": gettext_lazy("การมีส่วนร่วมของประชาชน"),
    "engagement:participation_list": gettext_lazy("การเปิดโอกาสให้เกิดการมีส่วนร่วม"),
    "complaints:landing": gettext_lazy("ช่องทางร้องเรียน/ร้องทุกข์"),
    "complaints:statistics": gettext_lazy("สถิติเรื่องร้องเรียนทั่วไป"),
    "whistleblower:landing": gettext_lazy("ช่องทางแจ้งเบาะแสการทุจริต"),
    "whistleblower:guideline": gettext_lazy("คู่มือการดำเนินการเรื่องร้องเรียนการทุจริต"),
    "whistleblower:follow_up": gettext_lazy("การติดตามเรื่องที่แจ้งเบาะแส"),
    "whistleblower:statistics": gettext_lazy("สถิติเรื่องร้องเรียนการทุจริต"),
    "procurement:index": gettext_lazy("การจัดซื้อจัดจ้าง"),
    "procurement:plan_list": gettext_lazy("แผนการจัดซื้อจัดจ้าง"),
    "procurement:plan_detail": gettext_lazy("แผนการจัดซื้อจัดจ้าง"),
    "procurement:register": gettext_lazy("ผลการจัดซื้อจัดจ้าง"),
    "procurement:reports": gettext_lazy("รายงานการจัดซื้อจัดจ้าง"),
    "procurement:report_progress": gettext_lazy("รายงานผลการจัดซื้อจัดจ้างรายเดือน"),
    "procurement:report_dataset": gettext_lazy("ข้อมูลผลการจัดซื้อจัดจ้าง"),
    "procurement:report_sorkhor1_year": gettext_lazy("สรุปผลการดำเนินการจัดซื้อจัดจ้าง (แบบ สขร.๑)"),
    "procurement:report_annual": gettext_lazy("รายงานผลการจัดซื้อจัดจ้างประจำปี"),
    "planning:plan_list": gettext_lazy("แผนงานและรายงาน"),
    "planning:plan_detail": gettext_lazy("แผน"),
    "planning:plan_progress": gettext_lazy("รายงานความก้าวหน้าการดำเนินงาน"),
    "planning:plan_results": gettext_lazy("รายงานผลการดำเนินงาน"),
    "people:rules": gettext_lazy("หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล"),
    "people:rule_detail": gettext_lazy("หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล"),
    "people:statistics": gettext_lazy("รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล"),
    "people:ethics": gettext_lazy("การส่งเสริมจริยธรรม"),
    "people:ethics_report": gettext_lazy("รายงานการส่งเสริมจริยธรรม"),
    "integrity:index": gettext_lazy("นโยบายไม่รับของขวัญ (No Gift Policy)"),
    "integrity:declaration": gettext_lazy("ประกาศนโยบายไม่รับของขวัญ"),
    "integrity:activity": gettext_lazy("กิจกรรมสร้างวัฒนธรรม No Gift"),
    "integrity:gift_report": gettext_lazy("รายงานผลการรับของขวัญ"),
    "integrity:assessment": gettext_lazy("การประเมินความเสี่ยงการทุจริต"),
    "integrity:treatment_report": gettext_lazy("รายงานผลการดำเนินการตามมาตรการจัดการความเสี่ยง"),
    "ita:analysis": gettext_lazy("การวิเคราะห์ผลการประเมิน ITA"),
    "ita:results": gettext_lazy("ผลการประเมิน ITA"),
    "assets:manual": gettext_lazy("คู่มือการใช้ทรัพย์สินของราชการ"),
    "opendata:index": gettext_lazy("ชุดข้อมูลเปิด"),
}

_DOCUMENT_SUFFIXES = (".pdf", ".docx", ".xlsx", ".csv", ".jpg", ".png")


@dataclass(frozen=True)
class NamedLink:
    name: str
    url: str


def _year_of(path_kwargs: dict[str, object], query: dict[str, list[str]]) -> str:
    for key in ("year", "fiscal_year"):
        if key in path_kwargs:
            return str(path_kwargs[key])
    return query.get("fiscal_year", [""])[0]


@lru_cache(maxsize=4096)
def _resolve(path: str) -> ResolverMatch | None:
    """``resolve()`` of an evidence path, remembered: the OIT index names some forty links per render and
    resolving them was a fifth of the page's time. The URL configuration does not change while a process
    runs, so a path always resolves to the same view; the names are still translated per request."""
    try:
        return resolve(path)
    except Resolver404:
        return None


def _by_page(url: str, *, fixed_only: bool = False) -> str:
    """The page's name from ``PAGE_NAMES``; ``fixed_only``: only pages without a record in their address
    (``/structure/``), whose name the index must not replace with one of the records shown there."""
    parts = urlsplit(url)
    if parts.netloc:
        return ""  # another address on the agency's website: named by what it is
    match = _resolve(parts.path)
    if match is None:
        return ""
    if fixed_only and (match.args or match.kwargs):
        return ""
    query = parse_qs(parts.query)
    year = _year_of(match.kwargs, query)
    if match.view_name == "reports:public_download":
        from prongsai.reports.registry import ExportError, get_exporter

        try:
            title = str(get_exporter(str(match.kwargs["identifier"])).title)
        except ExportError:
            return ""
        label = f"{title} ({str(match.kwargs.get('fmt', '')).upper()})"
    elif match.view_name in PAGE_NAMES:
        label = str(PAGE_NAMES[match.view_name])
    else:
        return ""
    return _("%(name)s ปีงบประมาณ %(year)s") % {"name": label, "year": year} if year else label


def _by_kind(url: str) -> str:
    path = urlsplit(url).path.lower()
    if path.endswith(_DOCUMENT_SUFFIXES) or "/files/" in path or "/evidence/" in path:
        return _("เอกสารหลักฐาน")
    return _("หน้าเว็บไซต์หลักฐาน")


def evidence_names(
    agency: Agency, urls: Iterable[str], manual: Iterable[ManualEvidence] = ()
) -> dict[str, str]:
    """A Thai name for every URL in ``urls`` (one query for the records, none per link)."""
    wanted = list(dict.fromkeys(urls))
    names: dict[str, str] = {}
    for evidence in manual:
        address = manual_evidence_url(evidence)
        if address:
            names.setdefault(address, evidence.title)
    paths = {urlsplit(u).path for u in wanted if u not in names and not urlsplit(u).query}
    titles = (
        dict(SearchDocument.objects.filter(agency=agency, url__in=paths).values_list("url", "title"))
        if paths
        else {}
    )
    language = get_language()
    for url in wanted:
        if url in names:
            continue
        fixed, path, page, kind = _names_without_records(url, language)
        names[url] = fixed or titles.get(path) or page or kind
    return names


@lru_cache(maxsize=16_384)
def _names_without_records(url: str, language: str | None) -> tuple[str, str, str, str]:
    """What names ``url`` without reading a record: its fixed page's name, its path (to look the record up
    by), its page's name and its kind's, in ``language``. They depend on nothing but the address and the
    language (the URL configuration does not change while a process runs), and the index names a few
    hundred links per render, so each is worked out once per process (ADR 0131)."""
    return _by_page(url, fixed_only=True), urlsplit(url).path, _by_page(url), _by_kind(url)


def named_links(urls: Iterable[str], names: dict[str, str]) -> list[NamedLink]:
    return [NamedLink(names[url], url) for url in urls]
