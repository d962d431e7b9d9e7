"""The news cards written in Python are the markup ``portal/_news_item.html`` wrote, escaped the same way."""

from __future__ import annotations

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from prongsai.core.tenancy import agency_scope
from prongsai.portal import selectors
from prongsai.portal.templatetags.news_tags import news_cards
from prongsai.portal.tests import factories

# portal/_news_item.html as it was, in the loops of the home page and the news list.
_ITEM = """{% load i18n %}{% with picture=article.pictures.0 %}
<li class="card news-card{% if picture %} has-picture{% endif %}">
  <div class="news-text">{% filter thai_wrap %}
  {% firstof heading_level "3" as level %}<h{{ level }}><a href="{% url 'portal:news_detail' article.public_id %}">{{ article.title }}</a></h{{ level }}>
  <p class="meta"><span class="tag">{{ article.category.name_th }}</span> · {% translate "เผยแพร่" %} <time datetime="{{ article.published_at|date:'c' }}">{{ article.published_at|thai_date }}</time></p>
  {% if article.summary %}<p>{{ article.summary }}</p>{% endif %}
  {% endfilter %}</div>
  {% comment %}A comment in the template.{% endcomment %}
  {% if picture %}<img class="news-picture" src="{% url 'portal:attachment' picture.public_id %}" alt="{% if picture.title %}{{ picture.title }}{% else %}{% blocktranslate with title=article.title %}ภาพประกอบข่าว {{ title }}{% endblocktranslate %}{% endif %}" loading="lazy" decoding="async">{% endif %}
</li>{% endwith %}"""  # noqa: E501 - the template's own lines


@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize("heading_level", [None, "2"])
def test_the_cards_are_written_as_the_template_wrote_them(agency, admin_member, language, heading_level):
    from prongsai.core.demo_images import activity_photo_jpeg

    with agency_scope(agency):
        category = factories.news_category(agency)
        factories.news(agency, admin_member, category, published=True, title='ประชุม <สภา> & "ประชาคม" หมู่บ้าน')
        factories.news(
            agency,
            admin_member,
            category,
            published=True,
            title="ปลูกต้นไม้ริมถนน",
            picture=activity_photo_jpeg(1, with_gps=False),
        )
        articles = selectors.with_pictures(selectors.news_cards(selectors.published_news(agency)))
    assert len(articles) == 2 and any(a.pictures for a in articles)
    articles[0].summary = "สรุป <b>ข่าว</b> & อื่น ๆ"
    item = engines["django"].from_string(_ITEM)
    with translation.override(language):
        context = {} if heading_level is None else {"heading_level": heading_level}
        expected = "".join(
            item.render({"article": article, **context}, RequestFactory().get("/")) for article in articles
        )
        written = news_cards(articles, heading_level or "3")
    assert "<b>" not in written and "<สภา>" not in written
    assert written == expected
    assert news_cards([]) == ""
