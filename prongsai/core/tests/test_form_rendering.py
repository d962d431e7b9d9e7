"""Select boxes written in Python are byte for byte what Django's form templates write."""

from __future__ import annotations

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from prongsai.core.form_rendering import FormRenderer, select_html
from prongsai.procurement.forms import RegisterFilterForm

GROUPED = [
    ("", "ทั้งหมด"),
    ("ปีงบประมาณ 2567", [("2566-10", "ต.ค. 2566"), ("2566-11", 'พ.ย. "2566" <b>&')]),
    ("ปีงบประมาณ 2568", [("2567-10", "ต.ค. 2567")]),
]


class Everything(forms.Form):
    plain = forms.ChoiceField(choices=[("", "ทั้งหมด"), ("a&b", "ก <ข>"), ("c", mark_safe("<i>ค</i>"))])
    grouped = forms.ChoiceField(choices=GROUPED, required=False, help_text="เลือกเดือน")
    numbers = forms.TypedChoiceField(choices=[(2567, 2567), (2568, "2568")], coerce=int)
    many = forms.MultipleChoiceField(choices=[("1", "หนึ่ง"), ("2", "สอง"), ("3", "สาม")], required=False)
    yes_no = forms.NullBooleanField()
    disabled = forms.ChoiceField(choices=[("x", "เอ็กซ์")], disabled=True, required=False)
    flagged = forms.ChoiceField(
        choices=[("q", "คิว")],
        widget=forms.Select(
            attrs={"class": "wide", "data-x": '"quoted"', "autofocus": True, "hidden": False}
        ),
    )


class Boxes(forms.Form):
    words = forms.CharField(max_length=200, required=False, help_text="ชื่องาน")
    search = forms.CharField(
        widget=forms.TextInput(attrs={"type": "search", "placeholder": 'ค้นหา "x" & <y>'})
    )
    email = forms.EmailField(required=False)
    count = forms.IntegerField(min_value=0, required=False)
    price = forms.DecimalField(decimal_places=2, required=False, localize=False)
    link = forms.URLField(required=False, assume_scheme="https")
    secret = forms.CharField(widget=forms.PasswordInput(render_value=True), required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, initial=mark_safe("<b>ข</b>"), required=False)
    phone = forms.CharField(
        widget=forms.TextInput(attrs={"type": "tel", "disabled": True, "readonly": False})
    )


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"words": 'ถนน "คสล." & <ท่อ>', "search": "ก", "email": "a@b.th", "count": "12", "price": "1,234.5"},
        {"count": "ไม่ใช่ตัวเลข", "link": "example.com", "secret": "x&y", "hidden": "z", "phone": "081"},
    ],
)
def test_every_text_box_is_written_as_the_templates_write_it(data):
    pairs = _both(Boxes(data, renderer=FormRenderer()))
    assert len(pairs) == 2 * len(Boxes.base_fields)
    for ours, theirs in pairs:
        assert ours == theirs


def test_the_text_box_templates_are_still_one_include_of_input_html():
    from prongsai.core.form_rendering import INPUT_WIDGETS

    for name in INPUT_WIDGETS:
        source = FormRenderer().get_template(f"django/forms/widgets/{name}.html").template.source
        assert source.strip() == '{% include "django/forms/widgets/input.html" %}'


def _both(form: forms.Form) -> list[tuple[str, str]]:
    pairs = []
    for field in form:
        for attrs in (None, {"aria-describedby": f"{field.auto_id}_helptext"}):
            ours = field.as_widget(attrs=attrs)
            field.form.renderer = DjangoTemplates()
            theirs = field.as_widget(attrs=attrs)
            field.form.renderer = FormRenderer()
            pairs.append((str(ours), str(theirs)))
    return pairs


@pytest.mark.parametrize(
    "data",
    [None, {"plain": "a&b", "grouped": "2566-11", "numbers": "2568", "many": ["1", "3"], "yes_no": "true"}],
)
def test_every_select_is_written_as_the_templates_write_it(data):
    form = Everything(data, renderer=FormRenderer())
    pairs = _both(form)
    assert pairs
    for ours, theirs in pairs:
        assert ours == theirs


def test_the_register_filter_is_written_as_the_templates_write_it(settings):
    vendors = [(f"v{i}", f"ห้างหุ้นส่วนจำกัด ทดสอบ {i} & ลูก") for i in range(40)]
    for fiscal_year in (None, 2567):
        form = RegisterFilterForm(
            {"fy": "2567", "vendor": "v3"} if fiscal_year else None,
            years=[2566, 2567, 2568],
            fiscal_year=fiscal_year,
            vendors=vendors,
            renderer=FormRenderer(),
        )
        for ours, theirs in _both(form):
            assert ours == theirs


def test_the_register_filters_choices_are_what_django_would_normalise_them_to():
    from django.utils.choices import normalize_choices

    vendors = [("v1", "ห้างหุ้นส่วนจำกัด ทดสอบ & ลูก")]
    for fiscal_year in (None, 2567):
        form = RegisterFilterForm(None, years=[2566, 2567], fiscal_year=fiscal_year, vendors=vendors)
        for name in ("fy", "month", "method", "status", "vendor"):
            field = form.fields[name]
            assert isinstance(field, forms.ChoiceField)
            given = list(field.choices)
            assert given == normalize_choices(given) == list(field.widget.choices)
    valid = RegisterFilterForm(
        {"month": "2023-10", "vendor": "v1"}, years=[2567], fiscal_year=None, vendors=vendors
    )
    assert valid.is_valid(), valid.errors
    wrong = RegisterFilterForm(
        {"month": "2099-10", "vendor": "v9"}, years=[2567], fiscal_year=None, vendors=vendors
    )
    assert not wrong.is_valid() and set(wrong.errors) == {"month", "vendor"}


def test_an_option_with_its_own_template_goes_to_the_templates():
    widget = forms.Select(choices=[("a", "ก")]).get_context("n", "a", {})["widget"]
    assert select_html(widget) is not None
    widget["optgroups"][0][1][0]["template_name"] = "custom/option.html"
    assert select_html(widget) is None


def test_the_site_uses_this_renderer():
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), FormRenderer)


class _EveryKindOfField(forms.Form):
    name = forms.CharField(label='ชื่อ <ผู้ยื่น> & "คำขอ"', help_text="ตามบัตร <ประชาชน>")
    note = forms.CharField(label="หมายเหตุ", required=False, widget=forms.Textarea)
    year = forms.ChoiceField(label="ปีงบประมาณ", choices=[("", "ทุกปี"), ("2570", "2570")], required=False)
    agree = forms.BooleanField(label="ยอมรับ <เงื่อนไข>")
    optional_box = forms.BooleanField(label="รับข่าวสาร", required=False, help_text="ไม่บังคับ")
    when = forms.DateField(label="วันที่", required=False, help_text=mark_safe("<b>วัน/เดือน/ปี</b>"))
    amount = forms.DecimalField(label="จำนวนเงิน", min_value=0)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"name": "", "agree": "", "amount": "-5", "when": "ไม่ใช่วันที่"},
        {"name": "<script>", "agree": "on", "amount": "12.50", "year": "2570", "note": "a & b"},
    ],
)
@pytest.mark.parametrize("language", ["th", "en"])
def test_a_field_row_is_written_as_the_include_writes_it(data, language):
    from django.template import engines
    from django.utils import translation

    from prongsai.core.templatetags.formtags import field_row

    form = _EveryKindOfField(data=data)
    form.is_valid()
    include = engines["django"].from_string('{% include "core/_field.html" %}')
    with translation.override(language):
        for field in form:
            assert field_row(field) == include.render({"field": field}), field.name
    if data is not None and data["amount"] == "-5":
        assert sum(bool(field.errors) for field in form) >= 3  # the error lists were compared too


def test_the_register_filter_rows_are_the_includes():
    from django.template import engines

    from prongsai.core.templatetags.formtags import field_row

    form = RegisterFilterForm(
        {"fy": "2599", "q": "<ก่อสร้าง>"}, years=[2570, 2569], fiscal_year=None, vendors=[("v1", "หจก. <ดี>")]
    )
    form.is_valid()
    include = engines["django"].from_string('{% include "core/_field.html" %}')
    assert any(field.errors for field in form)
    assert [field_row(field) for field in form] == [include.render({"field": field}) for field in form]
