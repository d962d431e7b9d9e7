"""The people's cards written in Python are the markup ``portal/_person.html`` wrote, escaped the same way."""

from __future__ import annotations

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from prongsai.core import selectors as core_selectors
from prongsai.core.models import Person, Position
from prongsai.core.tenancy import agency_scope
from prongsai.portal.templatetags.people_tags import person_cards

# portal/_person.html as it was, in a loop.
_LOOP = """{% for person in people %}{% load i18n %}
<li class="person{% if person.position.level == 'top' %} top{% endif %}">
  {% if person.photo %}<img src="{% url 'portal:person_photo' person.public_id %}" alt="{% blocktranslate with name=person.full_name %}รูปถ่ายของ {{ name }}{% endblocktranslate %}" width="140" height="170" loading="lazy">{% endif %}
  <span class="name">{{ person.full_name }}</span>
  <span class="role">{{ person.position.title_th }}</span>
  {% if person.phone %}<span>{% translate "โทร" %} <a href="{{ person.phone|tel_uri }}">{{ person.phone|thai_phone }}</a></span><br>{% endif %}
  {% if person.email %}<span><a href="mailto:{{ person.email }}">{{ person.email }}</a></span>{% endif %}
</li>
{% endfor %}"""  # noqa: E501 - the template's own lines


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_cards_are_written_as_the_template_wrote_them(agency, structure, language):
    with agency_scope(agency):
        sides = core_selectors.executives(agency)
        people = [*sides["political"], *sides["career"]]
        assert len(people) >= 3
        # Markup in every text a card shows; a person with no photo, telephone or e-mail address.
        Person.objects.filter(pk=people[0].pk).update(first_name='ชาญชัย <b>"ทดสอบ"</b> &')
        Position.objects.filter(pk=people[0].position_id).update(title_th="นายก <อบต.> & รอง")
        Person.objects.filter(pk=people[1].pk).update(phone="", email="", photo="")
        sides = core_selectors.executives(agency)
        people = [*sides["political"], *sides["career"]]
        cards = core_selectors.executive_cards(agency)
    with translation.override(language):
        loop = engines["django"].from_string(_LOOP)
        expected = loop.render({"people": people}, RequestFactory().get("/"))
        written = person_cards([*cards["political"], *cards["career"]])
    assert "<b>" not in written and "<อบต.>" not in written
    assert written == expected
    assert person_cards([]) == ""
