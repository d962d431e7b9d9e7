"""Form pages answer 400 when they refuse a form; a staff action calls one service and redirects."""

from __future__ import annotations

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from prongsai.core.views_forms import apply_errors, form_action, form_status, posted, posted_files


class ReasonForm(forms.Form):
    reason = forms.CharField(error_messages={"required": "กรุณาระบุเหตุผล"})


def a_post(data: dict[str, str]) -> HttpRequest:
    request = RequestFactory().post("/staff/thing/1/close/", data)
    request._messages = CookieStorage(request)  # type: ignore[attr-defined]
    return request


def page_of(form: forms.Form):
    def page() -> HttpResponse:
        return HttpResponse(f"page {form.errors.as_text()}")

    return page


def texts(request: HttpRequest) -> list[str]:
    return [str(m) for m in get_messages(request)]


def test_a_page_is_400_only_when_it_refused_what_was_sent():
    assert form_status(ReasonForm()) == 200
    assert form_status(ReasonForm({"reason": ""})) == 400  # posted, or a bad filter in the query string
    good = ReasonForm({"reason": "ok"})
    assert good.is_valid() and form_status(good) == 200
    refused = ReasonForm({"reason": "ok"})
    apply_errors(refused, ValidationError("เรื่องนี้ปิดแล้ว"))  # valid, but the service said no
    assert form_status(ReasonForm(), refused) == 400


def test_a_service_error_goes_next_to_its_field_or_above_the_form():
    form = ReasonForm({"reason": "x"})
    form.is_valid()
    apply_errors(form, ValidationError({"reason": "สั้นเกินไป", "other": "ไม่ใช่ช่องของแบบฟอร์ม"}))
    assert form.errors["reason"] == ["สั้นเกินไป"]
    assert form.non_field_errors() == ["ไม่ใช่ช่องของแบบฟอร์ม"]
    apply_errors(form, ValidationError("เรื่องนี้ปิดแล้ว"))
    assert "เรื่องนี้ปิดแล้ว" in form.non_field_errors()


def test_a_valid_action_calls_the_service_once_and_redirects_with_its_thai_message():
    request = a_post({"reason": "ครบถ้วน"})
    form = ReasonForm(request.POST)
    calls: list[dict[str, object]] = []
    response = form_action(
        request, form, calls.append, success="ปิดเรื่องแล้ว", done="/staff/thing/1/", page=page_of(form)
    )
    assert response.status_code == 302 and response["Location"] == "/staff/thing/1/"
    assert calls == [{"reason": "ครบถ้วน"}]
    assert texts(request) == ["ปิดเรื่องแล้ว"]


def test_an_invalid_form_shows_the_page_again_with_400_and_never_calls_the_service():
    request = a_post({"reason": ""})
    form = ReasonForm(request.POST)
    calls: list[dict[str, object]] = []
    response = form_action(
        request,
        form,
        calls.append,
        success="ปิดเรื่องแล้ว",
        done="/staff/thing/1/",
        page=page_of(form),
        invalid="กรุณาระบุเหตุผล",
    )
    assert response.status_code == 400
    assert calls == []
    assert "reason" in form.errors
    assert texts(request) == ["กรุณาระบุเหตุผล"]


def test_a_refusal_by_the_service_puts_field_errors_on_the_form_and_the_rest_at_the_top():
    request = a_post({"reason": "x"})
    form = ReasonForm(request.POST)

    def refuse(data: dict[str, object]) -> None:
        raise ValidationError({"reason": "เหตุผลสั้นเกินไป", "status": "เรื่องนี้ปิดไปแล้ว"})

    response = form_action(request, form, refuse, success="ไม่ควรเห็น", done="/", page=page_of(form))
    assert response.status_code == 400
    assert form.errors["reason"] == ["เหตุผลสั้นเกินไป"]
    assert texts(request) == ["เรื่องนี้ปิดไปแล้ว"]
    assert "เหตุผลสั้นเกินไป" in response.content.decode()


def test_an_action_without_a_form_passes_nothing_and_shows_a_plain_refusal_at_the_top():
    request = a_post({})

    def refuse(data: dict[str, object]) -> None:
        assert data == {}
        raise ValidationError("รายงานนี้ได้รับการตอบรับแล้ว")

    response = form_action(request, None, refuse, success="ไม่ควรเห็น", done="/", page=lambda: HttpResponse())
    assert response.status_code == 400
    assert texts(request) == ["รายงานนี้ได้รับการตอบรับแล้ว"]


def test_a_button_action_redirects_back_with_the_refusal_at_the_top():
    request = a_post({})

    def refuse(data: dict[str, object]) -> None:
        raise ValidationError("แผนนี้ยังไม่มีรายการ กรุณาเพิ่มรายการก่อนเผยแพร่")

    response = form_action(request, None, refuse, success="ไม่ควรเห็น", done="/staff/plans/1/")
    assert response.status_code == 302 and response["Location"] == "/staff/plans/1/"
    assert texts(request) == ["แผนนี้ยังไม่มีรายการ กรุณาเพิ่มรายการก่อนเผยแพร่"]


def test_an_invalid_form_without_a_page_says_why_after_the_redirect():
    request = a_post({"reason": ""})
    response = form_action(request, ReasonForm(request.POST), print, success="x", done="/back/")
    assert response.status_code == 302
    assert texts(request) == ["กรุณาระบุเหตุผล"]


def test_the_success_message_may_tell_what_the_service_did():
    request = a_post({})
    response = form_action(
        request, None, lambda data: 3, success=lambda n: f"เผยแพร่แล้ว {n} รายการ", done="/staff/register/"
    )
    assert response.status_code == 302
    assert texts(request) == ["เผยแพร่แล้ว 3 รายการ"]


def test_an_empty_post_is_bound_so_the_form_is_refused_with_its_errors():
    factory = RequestFactory()
    empty = ReasonForm(posted(factory.post("/")))
    assert empty.is_bound and not empty.is_valid()
    assert form_status(empty) == 400
    assert empty.errors["reason"] == ["กรุณาระบุเหตุผล"]
    assert posted(factory.get("/", {"reason": "x"})) is None  # a GET shows the empty form
    assert posted_files(factory.get("/")) is None
