"""The catalogue's cards written in Python are the markup its template wrote, escaped the same way."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

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


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_cards_are_written_as_the_template_wrote_them(catalogue, agency, in_scope, language):
    with in_scope(agency):
        services = list(Service.objects.filter(agency=agency).select_related("owner_unit").order_by("order"))
    assert len(services) >= 3
    # Markup in every text a card shows, a fee with and without an amount, a service closed to requests.
    first, second, third = services[:3]
    first.name_th = 'ขออนุญาต <ก่อสร้าง> & "ดัดแปลง" อาคาร'
    first.description = "คำอธิบาย <script>alert(1)</script> & อื่น ๆ"
    first.has_fee, first.fee_amount, first.fee_description = True, Decimal("1250.50"), "ตาม <ข้อบัญญัติ>"
    first.owner_unit.name_th = "กองช่าง & <สำนักปลัด>"
    second.description = ""
    second.has_fee = False
    third.is_accepting = False
    with translation.override(language):
        loop = engines["django"].from_string(_LOOP)
        expected = loop.render({"services": services}, RequestFactory().get("/"))
        written = service_cards(services)
    assert "<script>" not in written and "<ก่อสร้าง>" not in written
    assert written == expected
    assert service_cards([]) == ""
