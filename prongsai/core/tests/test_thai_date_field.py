"""A date typed in a form: a year in the Christian era is recognised, converted and shown back in BE."""

from __future__ import annotations

from datetime import date

from django import forms

from prongsai.core.fields import ThaiDateField


class BirthForm(forms.Form):
    birth_date = ThaiDateField(label="วันเดือนปีเกิด", not_in_future=True)
    name = forms.CharField(label="ชื่อ")


def test_a_ce_birth_year_is_read_as_ce_not_as_a_two_year_old():
    form = BirthForm({"birth_date": "15/06/1962", "name": "สมชาย"})
    assert form.is_valid()
    assert form.cleaned_data["birth_date"] == date(1962, 6, 15)
    thai = BirthForm({"birth_date": "15 มิถุนายน 2505", "name": "สมชาย"})
    assert thai.is_valid() and thai.cleaned_data["birth_date"] == date(1962, 6, 15)


def test_a_form_sent_back_shows_the_ce_year_converted_to_be():
    form = BirthForm({"birth_date": "15/06/1962", "name": ""})  # refused for the missing name
    assert not form.is_valid()
    assert 'value="15/06/2505"' in str(form["birth_date"])


def test_an_unreadable_date_is_shown_back_as_typed():
    form = BirthForm({"birth_date": "15 มิถุนา", "name": ""})
    assert not form.is_valid()
    assert 'value="15 มิถุนา"' in str(form["birth_date"])
