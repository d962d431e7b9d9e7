"""``get_FOO_display()`` of every Prongsai model says what Django's says, without translating every label."""

from __future__ import annotations

from unittest import mock

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from prongsai.core.models.base import TimeStampedModel


def _fields_with_choices() -> list[tuple[type[models.Model], models.Field]]:
    return [
        (model, field)
        for model in apps.get_models()
        if issubclass(model, TimeStampedModel)
        for field in model._meta.concrete_fields
        if field.choices
    ]


def test_there_are_fields_with_choices_to_compare():
    assert len(_fields_with_choices()) > 20


@pytest.mark.parametrize("language", ["th", "en"])
def test_every_label_and_an_unknown_value_read_as_django_reads_them(language):
    with translation.override(language):
        for model, field in _fields_with_choices():
            for value in [*(v for v, _label in field.flatchoices), "no-such-value"]:
                row = model(**{field.attname: value})
                ours = getattr(row, f"get_{field.name}_display")()
                django = models.Model._get_FIELD_display(row, field)
                assert ours == django, (model.__name__, field.name, value)
                assert type(ours) is type(django)


def test_one_label_is_translated_to_show_one_value():
    from prongsai.eservice.models import Service

    row = Service(category=Service.Category.values[0])
    row.get_category_display()  # the field's labels are kept from here on
    with mock.patch("django.utils.translation._trans.gettext", wraps=translation._trans.gettext) as gettext:
        row.get_category_display()
    assert gettext.call_count == 1  # Django's own translated every label of the field to build its dict
