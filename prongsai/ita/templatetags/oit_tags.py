"""The OIT index's items, written once per item instead of value by value through the template engine.

The index of a year lists 20 to 40 items, each with its elements, evidence links and (after the answer
date) frozen copies. Placed by template variables, tags and translations, they were most of the page's
rendering when it is not cached; here each item is written at once, every value escaped as ``{{ }}``
would escape it and the same translated strings used (``ita/tests/test_oit_tags.py`` compares the two).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from prongsai.core import thai, thai_words
from prongsai.core.markup import text

register = template.Library()

_EVIDENCE = '<p>{heading}</p>\n        <ul class="oit-evidence">{links}</ul>'


def _links(pairs: list[tuple[str, str]]) -> str:
    return "".join(f'<li><a href="{text(url)}">{text(name)}</a></li>' for url, name in pairs)


@register.simple_tag
def oit_item(row: Any, year: int) -> SafeString:
    """One item of the public OIT index (``row`` is a ``views_public.PublicItem``)."""
    entry = row.entry
    item = entry.item
    elements = "".join(f"<li>{text(state.element.label_th)}</li>" for state in entry.elements)
    if row.links:
        evidence = _EVIDENCE.format(
            heading=text(_("หลักฐาน:")), links=_links([(link.url, link.name) for link in row.links])
        )
    else:
        evidence = f'<p class="meta">{text(_("หน่วยงานอยู่ระหว่างรวบรวมข้อมูลของข้อนี้"))}</p>'
    copies = ""
    if row.copies:
        copies = "\n      " + _EVIDENCE.format(
            heading=text(_("สำเนาหลักฐาน ณ วันที่ตอบแบบ:")),
            links=_links(
                [
                    (
                        reverse("ita:snapshot_file", args=[year, copy.content_sha256]),
                        _("สำเนา: %(name)s") % {"name": name},
                    )
                    for name, copy in row.copies
                ]
            ),
        )
    return mark_safe(  # noqa: S308 - every value is escaped by core.markup.text (thai_wrap escapes its own)
        f'<li class="oit-item" id="item-{text(item.code)}">\n'
        f'      <h3><span class="oit-code">{text(thai.ita_code(item.code))}</span> '
        f"{thai_words.thai_wrap(item.title_th)}</h3>\n"
        f'      <ul class="oit-elements">{elements}</ul>\n'
        f"      {evidence}{copies}\n"
        "    </li>"
    )
