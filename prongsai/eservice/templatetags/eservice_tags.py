"""The E-Service catalogue's cards, written in one step per page.

An agency lists every service it offers, often 30 to 70: each card placed by the template engine (three
``{% url %}``, a ``thai_wrap`` filter, a translated label, eight values) made the catalogue the slowest
public page to render. Here each card is written at once, every value escaped as ``{{ }}`` would escape it,
the same strings translated, and each URL name reversed once per page (``eservice/tests/test_cards.py``
compares the cards with the template they replace).
"""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from prongsai.core import thai_words
from prongsai.core.markup import text
from prongsai.eservice.selectors import ServiceCard

register = template.Library()

_STUB = "service-code-stub"


def _url_of(name: str) -> tuple[str, str]:
    """The URL of ``name`` around its service code: one ``reverse`` per page, not one per card (a code is a
    slug, which ``reverse`` would not quote)."""
    head, _stub, tail = reverse(name, args=[_STUB]).rpartition(_STUB)
    return head, tail


@register.simple_tag
def service_cards(services: Iterable[ServiceCard]) -> SafeString:
    """The ``<li class="card">`` of each service (``selectors.catalogue_cards``), in order."""
    detail_head, detail_tail = _url_of("eservice:service_detail")
    request_head, request_tail = _url_of("eservice:request_new")
    read = text(_("อ่านคู่มือ"))
    apply = text(_("ยื่นคำขอออนไลน์"))
    cards = []
    for service in services:
        name = text(service.name_th)
        detail = text(f"{detail_head}{service.code}{detail_tail}")
        title = thai_words.thai_wrap(mark_safe(f'<a href="{detail}">{name}</a>'))  # noqa: S308 - escaped above
        description = f"<p>{text(service.description)}</p>" if service.description else ""
        online = (
            f'<a class="button" href="{text(f"{request_head}{service.code}{request_tail}")}">{apply}'
            f'<span class="visually-hidden"> {name}</span></a>'
            if service.channel_eservice and service.is_accepting
            else ""
        )
        cards.append(
            '\n  <li class="card">\n'
            f"    <h2>{title}</h2>\n"
            f'    <p class="meta">{text(service.category_label)} · '
            f"{text(service.owner_unit_name)} · {text(service.fee_text)}</p>\n"
            f"    {description}\n"
            '    <p class="actions">\n'
            f'      <a href="{detail}">{read}<span class="visually-hidden"> {name}</span></a>\n'
            f"      {online}\n"
            "    </p>\n"
            "  </li>"
        )
    return mark_safe("".join(cards))  # noqa: S308 - every value is escaped by core.markup.text
