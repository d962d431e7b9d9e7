"""The news cards written in Python are the markup ``portal/_news_item.html`` wrote, escaped the same way."""

from __future__ import annotations

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from prongsai.core.models import Attachment
from prongsai.core.tenancy import agency_scope
from prongsai.portal import selectors
from prongsai.portal.models import NewsArticle, NewsCategory
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
  {% if picture %}<img class="news-picture" src="{% url 'portal:attachment_preview' picture.public_id %}" alt="{% if picture.title %}{{ picture.title }}{% else %}{% blocktranslate with title=article.title %}ภาพประกอบข่าว {{ title }}{% endblocktranslate %}{% endif %}" loading="lazy" decoding="async">{% endif %}
</li>{% endwith %}"""  # noqa: E501 - the template's own lines


@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize("heading_level", [None, "2"])
def test_the_cards_are_written_as_the_template_wrote_them(agency, admin_member, language, heading_level):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from prongsai.core.demo_images import activity_photo_jpeg
    from prongsai.portal import services

    with agency_scope(agency):
        category = factories.news_category(agency)
        first = factories.news(agency, admin_member, category, title='ประชุม <สภา> & "ประชาคม" หมู่บ้าน')
        # A document attached before the pictures is no picture; of two pictures the first attached shows.
        for name, body, kind, title in (
            ("minutes.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf", "รายงานการประชุม"),
            ("one.jpg", activity_photo_jpeg(1, with_gps=False), "image/jpeg", "ภาพแรก <ก่อน>"),
            ("two.jpg", activity_photo_jpeg(2, with_gps=False), "image/jpeg", "ภาพที่สอง"),
        ):
            services.news_attach_file(
                article=first,
                acting_user=admin_member,
                upload=SimpleUploadedFile(name, body, kind),
                title=title,
            )
        services.news_publish(article=first, acting_user=admin_member)
        factories.news(
            agency,
            admin_member,
            category,
            published=True,
            title="ปลูกต้นไม้ริมถนน",
            picture=activity_photo_jpeg(1, with_gps=False),
        )
        factories.news(agency, admin_member, category, published=True, title="ข่าวไม่มีภาพ")
        NewsArticle.objects.filter(pk=first.pk).update(summary="สรุป <b>ข่าว</b> & อื่น ๆ")
        articles = list(selectors.published_news(agency))
        for article in articles:
            article.pictures = list(  # what the template's loop was given
                article.attachments.filter(kind__in=[Attachment.Kind.JPEG, Attachment.Kind.PNG]).order_by(
                    "created_at", "pk"
                )
            )
        cards = selectors.as_news_cards(selectors.news_card_rows(selectors.published_news(agency), agency.pk))
    assert [len(a.pictures) for a in articles] == [0, 1, 2]
    assert [card.public_id for card in cards] == [a.public_id for a in articles]
    assert cards[2].picture_title == "ภาพแรก <ก่อน>"
    item = engines["django"].from_string(_ITEM)
    with translation.override(language):
        context = {} if heading_level is None else {"heading_level": heading_level}
        expected = "".join(
            item.render({"article": article, **context}, RequestFactory().get("/")) for article in articles
        )
        written = news_cards(cards, heading_level or "3")
    assert "<b>" not in written and "<สภา>" not in written and "<ก่อน>" not in written
    assert written == expected
    assert news_cards([]) == ""


def test_the_latest_news_are_the_first_cards_of_the_list(agency, other_agency, admin_member, outsider):
    """The home page's cards (read by a TenantQuery) are the news list's first, of this agency only."""
    from django_scopes import ScopeError

    from prongsai.core.demo_images import activity_photo_jpeg

    with agency_scope(other_agency):
        elsewhere = factories.news_category(other_agency)
        factories.news(other_agency, outsider, elsewhere, published=True, title="ข่าวของที่อื่น")
    with agency_scope(agency):
        category = factories.news_category(agency)
        for i in range(selectors.LATEST_NEWS + 2):
            picture = activity_photo_jpeg(i, with_gps=False) if i % 2 else None
            factories.news(agency, admin_member, category, published=True, title=f"ข่าวที่ {i}", picture=picture)
        factories.news(agency, admin_member, category, title="ร่างข่าว")
        latest = selectors.latest_news(agency)
        every = selectors.as_news_cards(selectors.news_card_rows(selectors.published_news(agency), agency.pk))
    assert len(every) == selectors.LATEST_NEWS + 2
    assert latest == every[: selectors.LATEST_NEWS]
    assert any(card.picture_id for card in latest) and not all(card.picture_id for card in latest)
    with agency_scope(other_agency), pytest.raises(ScopeError):
        selectors.latest_news(agency)


def test_the_news_list_reads_the_querysets_pages(agency, admin_member):
    """The count and the first page (TenantQuery) and any later page (queryset) of the whole list and of a
    category are the queryset's own."""
    from django.core.paginator import Paginator

    with agency_scope(agency):
        first, second = (
            factories.news_category(agency),
            factories.news_category(agency, slug="other", name_th="กิจกรรม", order=5),
        )
        for i in range(15):
            factories.news(agency, admin_member, first if i % 3 else second, published=True, title=f"ข่าว {i}")
        factories.news(agency, admin_member, first, title="ร่างข่าว")
        for category in (None, first, second):
            news = selectors.published_news(agency, category=category)
            expected = selectors.as_news_cards(selectors.news_card_rows(news, agency.pk))
            listed = selectors.NewsCardList(agency, category, 12)
            assert listed.count() == len(expected) > 0
            assert len(listed) == len(expected) and list(listed) == expected and listed[1] == expected[1]
            for page in (slice(0, 12), slice(0, 3), slice(12, 24), slice(3, 6)):
                assert listed[page] == expected[page]
            paginator = Paginator(listed, 12)
            assert [c.public_id for c in paginator.page(1).object_list] == [
                c.public_id for c in expected[:12]
            ]
        assert selectors.NewsCardList(agency, first, 12).count() == 10
        assert [c.slug for c in selectors.news_categories(agency)] == [
            c.slug for c in NewsCategory.objects.filter(agency=agency).order_by("order", "name_th")
        ]


def test_a_public_article_is_read_with_its_category_and_files(agency, other_agency, admin_member, outsider):
    from django.http import Http404
    from django_scopes import ScopeError

    from prongsai.core.demo_images import activity_photo_jpeg
    from prongsai.portal import access

    with agency_scope(agency):
        category = factories.news_category(agency)
        article = factories.news(
            agency, admin_member, category, published=True, picture=activity_photo_jpeg(1, with_gps=False)
        )
        draft = factories.news(agency, admin_member, category, title="ร่าง")
        found = access.get_public_news(agency, str(article.public_id))
        stored = NewsArticle.objects.select_related("category").get(pk=article.pk)
        assert [getattr(found, f.attname) for f in NewsArticle._meta.concrete_fields] == [
            getattr(stored, f.attname) for f in NewsArticle._meta.concrete_fields
        ]
        assert found.category.name_th == stored.category.name_th and found.category.pk == category.pk
        files = access.public_news_files(found)
        assert [f.pk for f in files] == [a.pk for a in stored.attachments.order_by("created_at", "pk")] != []
        assert files[0].size == stored.attachments.get().size
        for missing in (str(draft.public_id), "not-a-uuid", "00000000-0000-0000-0000-000000000000"):
            with pytest.raises(Http404):
                access.get_public_news(agency, missing)
    with agency_scope(other_agency), pytest.raises(ScopeError):
        access.get_public_news(agency, str(article.public_id))
