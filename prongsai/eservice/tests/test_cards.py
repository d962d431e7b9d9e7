"""The catalogue's cards written in Python are the markup its template wrote, escaped the same way."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from prongsai.core.models import OrgUnit, PublicationStatus
from prongsai.eservice import selectors
from prongsai.eservice.models import Service
from prongsai.eservice.templatetags.eservice_tags import service_cards

# The loop of eservice/catalogue.html before ``service_cards`` (only the blank space between tags differs).
_LOOP = """{% load i18n %}{% for service in services %}
  <li class="card">
    <h2>{% filter thai_wrap %}<a href="{% url 'eservice:service_detail' service.code %}">{{ service.name_th }}</a>{% endfilter %}</h2>
    <p class="meta">{{ service.get_category_display }} · {{ service.owner_unit.name_th }} · {{ service.fee_text }}</p>
    {% if service.description %}<p>{{ service.description }}</p>{% endif %}
    <p class="actions">
      <a href="{% url 'eservice:service_detail' service.code %}">{% translate "อ่านคู่มือ" %}<span class="visually-hidden"> {{ service.name_th }}</span></a>
      {% if service.channel_eservice and service.is_accepting %}<a class="button" href="{% url 'eservice:request_new' service.code %}">{% translate "ยื่นคำขอออนไลน์" %}<span class="visually-hidden"> {{ service.name_th }}</span></a>{% endif %}
    </p>
  </li>{% endfor %}"""  # noqa: E501 - the template's own lines


def _awkward(agency, in_scope) -> None:
    """Markup in every text a card shows, a fee with and without an amount, a service closed to requests."""
    with in_scope(agency):
        services = list(Service.objects.filter(agency=agency).select_related("owner_unit").order_by("order"))
        assert len(services) >= 3
        first, second, third = services[:3]
        Service.objects.filter(pk=first.pk).update(
            name_th='ขออนุญาต <ก่อสร้าง> & "ดัดแปลง" อาคาร',
            description="คำอธิบาย <script>alert(1)</script> & อื่น ๆ",
            has_fee=True,
            fee_amount=Decimal("1250.50"),
            fee_description="ตาม <ข้อบัญญัติ>",
        )
        OrgUnit.objects.filter(pk=first.owner_unit_id).update(name_th="กองช่าง & <สำนักปลัด>")
        Service.objects.filter(pk=second.pk).update(description="", has_fee=False)
        Service.objects.filter(pk=third.pk).update(is_accepting=False)


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_cards_are_written_as_the_template_wrote_them(catalogue, agency, in_scope, language):
    _awkward(agency, in_scope)
    with in_scope(agency):
        services = list(selectors.published_services(agency))
        cards = selectors.catalogue_cards(agency)
    with translation.override(language):
        loop = engines["django"].from_string(_LOOP)
        expected = loop.render({"services": services}, RequestFactory().get("/"))
        written = service_cards(cards)
    assert "<script>" not in written and "<ก่อสร้าง>" not in written
    assert "1,250.50" in written
    assert written == expected
    assert service_cards([]) == ""


def test_the_cards_are_the_catalogues_services(catalogue, other_catalogue, agency, in_scope):
    """Whole, by category and by a search: the rows of the published services of this agency only, in its
    order (the whole catalogue and a category are read by a TenantQuery, a search by the queryset)."""
    with in_scope(agency):
        draft = Service.objects.filter(agency=agency).order_by("order").first()
        Service.objects.filter(pk=draft.pk).update(status=PublicationStatus.DRAFT)
        published = list(selectors.published_services(agency))
        assert published and draft.pk not in {s.pk for s in published}
        every = selectors.catalogue_cards(agency)
        assert [card.code for card in every] == [s.code for s in published]
        first = published[0]
        assert every[0] == selectors.ServiceCard(
            first.code,
            first.name_th,
            first.description,
            first.category,
            first.channel_eservice,
            first.is_accepting,
            first.has_fee,
            first.fee_amount,
            first.fee_description,
            first.owner_unit.name_th,
        )
        assert every[0].fee_text == first.fee_text
        assert every[0].category_label == first.get_category_display()
        for category in {s.category for s in published} | {Service.Category.OTHER}:
            cards = selectors.catalogue_cards(agency, category=category)
            assert [c.code for c in cards] == [s.code for s in published if s.category == category]
        word = first.name_th[:4]
        found = selectors.catalogue_cards(agency, query=word)
        assert [c.code for c in found] == [s.code for s in published if word in s.name_th]
        assert selectors.catalogue_cards(agency, query="ไม่มีบริการชื่อนี้") == []


def test_the_cards_are_read_only_in_their_agencys_scope(catalogue, other_agency, agency, in_scope):
    from django_scopes import ScopeError

    with in_scope(other_agency), pytest.raises(ScopeError):
        selectors.catalogue_cards(agency)
