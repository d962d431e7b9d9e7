"""``{% url %}`` remembers its answers and answers exactly as Django's tag does."""

from __future__ import annotations

import uuid

import pytest
from django.template import Context, Engine, Template, TemplateSyntaxError
from django.urls import NoReverseMatch

from prongsai.core.templatetags.urls import RememberedURLNode, _reverse

DJANGO_ONLY = Engine(libraries={}, builtins=[])  # Django's defaulttags alone


def _render(source: str, engine: Engine | None = None, **context: object) -> str:
    template = Template(source) if engine is None else engine.from_string(source)
    return template.render(Context(context))


CASES = [
    ("{% url 'portal:home' %}", {}),
    ("{% url 'portal:news_list' %}?page=2", {}),
    ("{% url 'core:language' 'en' %}", {}),
    ("{% url 'core:language' code %}", {"code": "th"}),
    ("{% url 'portal:news_detail' public_id %}", {"public_id": uuid.UUID(int=7)}),
    ("{% url 'portal:news_detail' public_id=pid %}", {"pid": "abc"}),
    ("{% url 'portal:home' as home %}[{{ home }}]", {}),
    ("{% url 'no:such' as nothing %}[{{ nothing }}]", {}),
]


@pytest.mark.parametrize(("source", "context"), CASES)
def test_the_same_answer_as_djangos_tag(source, context):
    assert _render(source, **context) == _render(source, DJANGO_ONLY, **context)


def test_the_site_templates_use_the_remembering_tag():
    template = Template("{% url 'portal:home' %}")
    assert isinstance(template.nodelist[0], RememberedURLNode)


def test_an_answer_is_computed_once():
    _reverse.cache_clear()
    for _ in range(3):
        _render("{% url 'portal:contact' %}")
    info = _reverse.cache_info()
    assert (info.misses, info.hits) == (1, 2)


def test_arguments_that_are_not_plain_values_are_not_remembered():
    class Slug:
        def __str__(self) -> str:
            return "th"

    _reverse.cache_clear()
    assert _render("{% url 'core:language' code %}", code=Slug()) == "/language/th/"
    assert _reverse.cache_info().currsize == 0


def test_a_missing_name_still_fails_as_in_django():
    with pytest.raises(NoReverseMatch):
        _render("{% url 'no:such' %}")
    with pytest.raises(TemplateSyntaxError):
        Template("{% url %}")
