"""The OIT index's items written in Python are the markup its template wrote, escaped the same way."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from prongsai.ita.templatetags.oit_tags import oit_item

# The item as ita/index.html wrote it before ``oit_item`` (its loop body; only the blank space differs).
_TEMPLATE = Template(
    """{% load i18n %}<li class="oit-item" id="item-{{ entry.item.code }}">
      <h3><span class="oit-code">{{ entry.item.code|ita_code }}</span> {{ entry.item.title_th|thai_wrap }}</h3>
      <ul class="oit-elements">{% for e in entry.elements %}<li>{{ e.element.label_th }}</li>{% endfor %}</ul>
      {% if row.links %}<p>{% translate "หลักฐาน:" %}</p>
        <ul class="oit-evidence">{% for link in row.links %}<li><a href="{{ link.url }}">{{ link.name }}</a></li>{% endfor %}</ul>{% else %}<p class="meta">{% translate "หน่วยงานอยู่ระหว่างรวบรวมข้อมูลของข้อนี้" %}</p>{% endif %}{% if row.copies %}
      <p>{% translate "สำเนาหลักฐาน ณ วันที่ตอบแบบ:" %}</p>
        <ul class="oit-evidence">{% for name, c in row.copies %}<li><a href="{% url 'ita:snapshot_file' year c.content_sha256 %}">{% blocktranslate %}สำเนา: {{ name }}{% endblocktranslate %}</a></li>{% endfor %}</ul>{% endif %}
    </li>"""  # noqa: E501 - the template's own lines
)


def _row(*, links: bool, copies: bool) -> SimpleNamespace:
    item = SimpleNamespace(code="o28", title_th='การเปิดโอกาสให้เกิดการมีส่วนร่วม <b>&</b> "ทดสอบ"')
    elements = [
        SimpleNamespace(element=SimpleNamespace(label_th="ช่องทาง <ตอบกลับ> & ข้อมูล")),
        SimpleNamespace(element=SimpleNamespace(label_th="ผลการดำเนินงาน")),
    ]
    return SimpleNamespace(
        entry=SimpleNamespace(item=item, elements=elements),
        links=[SimpleNamespace(url="/news/?a=1&b=<2>", name='ข่าว "ประชุม" & <สรุป>')] if links else [],
        copies=[("หน้า <ข่าว>", SimpleNamespace(content_sha256="ab" * 32))] if copies else [],
    )


@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize(("links", "copies"), [(True, False), (False, False), (True, True), (False, True)])
def test_an_item_is_written_as_the_template_wrote_it(language, links, copies):
    row = _row(links=links, copies=copies)
    with translation.override(language):
        expected = _TEMPLATE.render(Context({"row": row, "entry": row.entry, "year": 2570}))
        written = oit_item(row, 2570)
    assert "<b>" not in written and "<ตอบกลับ>" not in written  # escaped, as {{ }} escapes
    assert written == expected
