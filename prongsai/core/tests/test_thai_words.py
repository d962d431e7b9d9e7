"""Thai words for line breaking (core/thai_words.py): segmentation, its HTML, the template filter."""

from __future__ import annotations

from django.template import Context, Template
from django.utils.safestring import mark_safe

from prongsai.core.thai_words import boundaries, breakable_html, breakable_markup, words


def test_words_keep_compounds_whole_and_give_back_the_text():
    text = "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม ปี 2567"
    tokens = words(text)
    assert "".join(tokens) == text
    assert "สิ่งแวดล้อม" in tokens and " " in tokens and "2567" in tokens
    assert words("") == [] and words("E-Service v2") == ["E-Service", " ", "v2"]


def test_boundaries_are_between_words_never_inside():
    text = "รูปถ่ายและช่องทาง"
    allowed = boundaries(text)
    assert {0, len("รูปถ่าย"), len(text)} <= allowed
    assert len("รูป") not in allowed


def test_html_keeps_each_thai_word_in_one_span_with_break_opportunities_between():
    html = breakable_html("กองสาธารณสุขและสิ่งแวดล้อม <b>")
    assert '<span class="tw">สิ่งแวดล้อม</span>' in html
    assert "<wbr>" in html and "&lt;b&gt;" in html and "<b>" not in html


def test_markup_is_segmented_in_its_text_only():
    markup = mark_safe(
        '<p title="สิ่งแวดล้อม">สิ่งแวดล้อม &amp; รูปถ่าย</p><textarea>สิ่งแวดล้อม</textarea><script>x="รูปถ่าย"</script>'
    )
    out = breakable_markup(markup)
    assert '<p title="สิ่งแวดล้อม">' in out
    assert '<span class="tw">สิ่งแวดล้อม</span> &amp; <span class="tw">รูปถ่าย</span></p>' in out
    assert "<textarea>สิ่งแวดล้อม</textarea>" in out and '<script>x="รูปถ่าย"</script>' in out


def test_markup_wrapped_twice_is_the_markup_wrapped_once():
    # A heading with its own filter inside a page wrapped whole (portal/_revisions.html in a news item).
    once = breakable_markup(mark_safe("<h2>ประวัติการเผยแพร่และการแก้ไข องค์การบริหารส่วนตำบล</h2>"))
    assert '<span class="tw">องค์การบริหารส่วนตำบล</span>' in once
    assert breakable_markup(once) == once


def test_the_template_filter_escapes_values_and_wraps_blocks():
    rendered = Template(
        "{{ name|thai_wrap }}|{% filter thai_wrap %}<em>{{ name }}</em>{% endfilter %}"
    ).render(Context({"name": "สิ่งแวดล้อม<script>"}))
    value, block = rendered.split("|")
    assert "<script>" not in rendered and "&lt;script&gt;" in value
    assert block.startswith("<em>") and '<span class="tw">สิ่งแวดล้อม</span>' in block
