"""The E-Service workflow through its services: receipt, due dates on the working-day calendar, steps,
missing documents once with the clock stopped, decisions, progress notices and the survey."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django_scopes import scopes_disabled

from conftest import make_member
from prongsai.core import tracking
from prongsai.core.models import AuditEvent
from prongsai.core.roles import Role
from prongsai.core.thai import BANGKOK
from prongsai.eservice import services
from prongsai.eservice.models import Channel, RequestStatus, RequestStep, ServiceRequest

from .conftest import BEFORE_FATHERS_DAY, checked_pdf

pytestmark = pytest.mark.django_db


def steps_of(req, in_scope, agency):
    with in_scope(agency):
        return list(RequestStep.objects.filter(request=req).order_by("order"))


def test_the_first_step_is_due_one_working_day_later_skipping_the_substitution_holiday(
    catalogue, submit, now, in_scope, agency
):
    req = submit(catalogue["elderly-allowance"]).request
    first = steps_of(req, in_scope, agency)[0]
    # Friday 4 Dec 10:00 → Saturday, Sunday and Monday 7 Dec (substitution for Father's Day) are skipped.
    assert first.due_at == datetime(2026, 12, 8, 10, 0, tzinfo=BANGKOK)
    assert first.state == RequestStep.State.ACTIVE
    assert req.status == RequestStatus.RECEIVED


def test_without_a_holiday_in_between_the_first_step_is_due_the_next_working_day(
    catalogue, submit, now, in_scope, agency
):
    now(datetime(2026, 11, 27, 10, 0, tzinfo=BANGKOK))  # a Friday with no holiday on the Monday after
    req = submit(catalogue["elderly-allowance"]).request
    assert steps_of(req, in_scope, agency)[0].due_at == datetime(2026, 11, 30, 10, 0, tzinfo=BANGKOK)


def test_every_step_gets_a_planned_due_date_and_the_request_the_last_one(
    catalogue, submit, now, in_scope, agency
):
    req = submit(catalogue["elderly-allowance"]).request  # 1 + 3 + 5 working days
    steps = steps_of(req, in_scope, agency)
    # Thursday 10 December (Constitution Day) is skipped too.
    assert [s.due_at.date().isoformat() for s in steps] == ["2026-12-08", "2026-12-14", "2026-12-21"]
    assert req.due_at == steps[-1].due_at
    assert all(s.due_at for s in steps)


def test_an_hours_step_counts_office_hours_only(catalogue, submit, now, in_scope, agency):
    now(datetime(2026, 12, 4, 15, 30, tzinfo=BANGKOK))  # 1 office hour left on Friday
    req = submit(catalogue["official-information"]).request  # first step: 2 office hours
    assert steps_of(req, in_scope, agency)[0].due_at == datetime(2026, 12, 8, 9, 30, tzinfo=BANGKOK)


def test_the_same_idempotency_key_never_creates_a_second_request(catalogue, submit, now, in_scope, agency):
    key = uuid.uuid4()
    first = submit(catalogue["elderly-allowance"], key=key)
    again = submit(catalogue["elderly-allowance"], key=key)
    assert first.created and not again.created
    assert again.request.pk == first.request.pk
    with in_scope(agency):
        assert ServiceRequest.objects.count() == 1
        assert AuditEvent.objects.filter(action="eservice.request.received").count() == 1


def test_tracking_codes_are_random_and_never_contain_confusable_letters(catalogue, submit, now):
    codes = {submit(catalogue["official-information"]).request.tracking_code for _ in range(20)}
    assert len(codes) == 20
    for code in codes:
        assert len(code) == 12 and set(code) <= set(tracking.ALPHABET)  # the scheme every channel shares
        assert not set(code) & set("01ILO")


def test_the_applicant_gets_an_acknowledgement_with_the_tracking_code_after_commit(
    catalogue, submit, now, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        req = submit(catalogue["elderly-allowance"], email="somchai@example.com").request
    assert len(mail.outbox) == 1
    assert req.display_code in mail.outbox[0].body
    assert "1360400012346" not in mail.outbox[0].body  # the content of the request stays out of e-mail


def test_personal_answers_never_enter_the_audit_log(catalogue, submit, now, in_scope, agency):
    submit(catalogue["elderly-allowance"])
    with in_scope(agency):
        entry = AuditEvent.objects.get(action="eservice.request.received")
    assert "1360400012346" not in str(entry.data)
    assert "citizen_id (personal)" in entry.data["fields"]


def test_only_a_member_with_the_capability_records_a_walk_in(
    catalogue, submit, now, agency, member, outsider
):
    req = submit(catalogue["elderly-allowance"], channel=Channel.WALK_IN, acting_user=member).request
    assert req.channel == Channel.WALK_IN and req.recorded_by == member
    with pytest.raises(PermissionError):
        submit(catalogue["elderly-allowance"], channel=Channel.WALK_IN, acting_user=outsider)
    with pytest.raises(PermissionError):
        submit(catalogue["elderly-allowance"], channel=Channel.WALK_IN, acting_user=None)


def test_a_walk_in_recorded_late_keeps_the_counter_time_but_never_a_future_one(
    catalogue, submit, now, member
):
    earlier = BEFORE_FATHERS_DAY - timedelta(days=1)
    req = submit(
        catalogue["elderly-allowance"], channel=Channel.WALK_IN, acting_user=member, at=earlier
    ).request
    assert req.received_at == earlier
    with pytest.raises(ValidationError):
        submit(
            catalogue["elderly-allowance"],
            channel=Channel.WALK_IN,
            acting_user=member,
            at=BEFORE_FATHERS_DAY + timedelta(days=1),
        )


def test_completing_a_step_starts_the_next_with_its_own_time_limit(
    catalogue, submit, now, member, in_scope, agency
):
    req = submit(catalogue["elderly-allowance"]).request
    now(datetime(2026, 12, 8, 9, 0, tzinfo=BANGKOK))
    with in_scope(agency):
        req = services.request_complete_step(request=req, acting_user=member, note="เอกสารครบ")
    steps = steps_of(req, in_scope, agency)
    assert req.status == RequestStatus.IN_PROGRESS
    assert steps[0].state == RequestStep.State.DONE and steps[0].completed_by == member
    assert steps[1].state == RequestStep.State.ACTIVE
    # 3 working days from Tuesday 8 Dec: 9, (10 is Constitution Day), 11, 14.
    assert steps[1].due_at == datetime(2026, 12, 14, 9, 0, tzinfo=BANGKOK)
    assert req.assigned_to == member


def test_the_last_step_ends_only_with_a_decision(catalogue, submit, now, member, in_scope, agency):
    head = make_member(agency, "head", Role.HEAD_OF_DIVISION)
    req = submit(catalogue["official-information"]).request
    with in_scope(agency):
        req = services.request_complete_step(request=req, acting_user=member)
        with pytest.raises(ValidationError):
            services.request_approve(request=req, acting_user=head)  # steps remain
        req = services.request_complete_step(request=req, acting_user=member)
        with pytest.raises(ValidationError):
            services.request_complete_step(request=req, acting_user=member)
        with pytest.raises(PermissionError):
            services.request_approve(request=req, acting_user=member)  # an officer does not decide
        req = services.request_approve(request=req, acting_user=head, reason="ส่งสำเนาทางอีเมลแล้ว")
    assert req.status == RequestStatus.APPROVED and req.completed_at == BEFORE_FATHERS_DAY
    assert all(s.state == RequestStep.State.DONE for s in steps_of(req, in_scope, agency))


def test_a_rejection_needs_a_reason_and_closes_every_remaining_step(catalogue, submit, now, agency, in_scope):
    head = make_member(agency, "head", Role.HEAD_OF_DIVISION)
    req = submit(catalogue["elderly-allowance"]).request
    with in_scope(agency):
        with pytest.raises(ValidationError):
            services.request_reject(request=req, acting_user=head, reason="  ")
        req = services.request_reject(request=req, acting_user=head, reason="อายุยังไม่ครบ 60 ปี")
        with pytest.raises(ValidationError):
            services.request_reject(request=req, acting_user=head, reason="อีกครั้ง")
    assert req.status == RequestStatus.REJECTED
    assert {s.state for s in steps_of(req, in_scope, agency)} == {RequestStep.State.CANCELLED}


def test_the_status_cannot_be_assigned_directly(catalogue, submit, now):
    req = submit(catalogue["elderly-allowance"]).request
    with pytest.raises(AttributeError):
        req.status = RequestStatus.APPROVED


def test_missing_documents_are_asked_once_and_the_clock_stops_until_they_arrive(
    catalogue, submit, now, member, in_scope, agency
):
    req = submit(catalogue["building-permit"], files=[checked_pdf()]).request
    now(datetime(2026, 12, 8, 9, 0, tzinfo=BANGKOK))
    with in_scope(agency):
        req = services.request_complete_step(request=req, acting_user=member)  # step 2: 7 working days
        # Asked on Wednesday 9 Dec: the step was due on Fri 18 Dec, 6 working days left (10 Dec is a holiday).
        now(datetime(2026, 12, 9, 11, 0, tzinfo=BANGKOK))
        req = services.request_ask_documents(request=req, acting_user=member, note="ขอสำเนาโฉนดทุกหน้า")
        assert req.status == RequestStatus.AWAITING_DOCUMENTS
        assert req.paused_remaining == 6
        with pytest.raises(ValidationError):
            services.request_complete_step(request=req, acting_user=member)
        # The citizen brings them three weeks later: the 6 days count again from then.
        now(datetime(2026, 12, 30, 14, 0, tzinfo=BANGKOK))
        req = services.request_receive_documents(request=req, acting_user=member)
        assert req.status == RequestStatus.IN_PROGRESS
        step = RequestStep.objects.get(request=req, order=2)
        # Wed 30 Dec → 6 working days, skipping 31 Dec and 1 Jan (holidays) and the weekend: Mon 11 Jan 2027.
        assert step.due_at == datetime(2027, 1, 11, 14, 0, tzinfo=BANGKOK)
        with pytest.raises(ValidationError, match="ครั้งเดียว"):
            services.request_ask_documents(request=req, acting_user=member, note="ขออีกครั้ง")
        assert AuditEvent.objects.filter(action="eservice.request.documents_requested").count() == 1


def test_a_late_request_sends_a_progress_notice_every_seven_days(
    catalogue, submit, now, in_scope, agency, django_capture_on_commit_callbacks
):
    req = submit(catalogue["official-information"], email="a@example.com").request
    with in_scope(agency):
        assert services.send_due_progress_notices(agency=agency) == 0  # not late yet
        now(req.due_at + timedelta(hours=1))
        with django_capture_on_commit_callbacks(execute=True):
            assert services.send_due_progress_notices(agency=agency) == 1
        assert services.send_due_progress_notices(agency=agency) == 0  # the same day: nothing again
        now(req.due_at + timedelta(days=6))
        assert services.send_due_progress_notices(agency=agency) == 0
        now(req.due_at + timedelta(days=7, hours=2))
        assert services.send_due_progress_notices(agency=agency) == 1
        req.refresh_from_db()
        assert req.progress_notice_count == 2
        assert AuditEvent.objects.filter(action="eservice.request.progress_notice").count() == 2
    assert any("ความคืบหน้า" in m.subject for m in mail.outbox)


def test_a_request_waiting_for_documents_is_not_late(catalogue, submit, now, member, in_scope, agency):
    req = submit(catalogue["official-information"]).request
    with in_scope(agency):
        services.request_ask_documents(request=req, acting_user=member, note="ขอสำเนาบัตร")
        now(BEFORE_FATHERS_DAY + timedelta(days=60))
        assert services.send_due_progress_notices(agency=agency) == 0


def test_the_survey_is_answered_once_and_only_after_completion(catalogue, submit, now, agency, in_scope):
    head = make_member(agency, "head", Role.HEAD_OF_DIVISION)
    req = submit(catalogue["elderly-allowance"]).request
    with in_scope(agency):
        with pytest.raises(ValidationError):
            services.satisfaction_submit(request=req, speed=5, staff=5, clarity=5, overall=5)
        req = services.request_reject(request=req, acting_user=head, reason="เอกสารไม่ครบ")
        with pytest.raises(ValidationError):
            services.satisfaction_submit(request=req, speed=6, staff=5, clarity=5, overall=5)
        services.satisfaction_submit(request=req, speed=4, staff=5, clarity=3, overall=4, comment="ดี")
        with pytest.raises(ValidationError):
            services.satisfaction_submit(request=req, speed=4, staff=5, clarity=3, overall=4)


def test_an_unpublished_or_closed_service_takes_no_request(catalogue, submit, now, in_scope, agency):
    service = catalogue["garbage-collection"]
    with in_scope(agency), scopes_disabled():
        type(service).objects.filter(pk=service.pk).update(is_accepting=False)
    with pytest.raises(ValidationError):
        submit(service)


def test_another_agency_cannot_use_a_service_it_does_not_own(catalogue, other_agency, in_scope, now):
    with in_scope(other_agency), pytest.raises(type(catalogue["elderly-allowance"]).DoesNotExist):
        services.request_submit(
            agency=other_agency,
            service=catalogue["elderly-allowance"],
            channel=Channel.ESERVICE,
            applicant=services.Applicant(name="x"),
            answers={},
            files=[],
            idempotency_key=uuid.uuid4(),
            acting_user=None,
        )


def test_the_daily_command_sends_the_due_progress_notices_of_every_agency(
    catalogue, submit, now, in_scope, agency
):
    from io import StringIO

    from django.core.management import call_command

    req = submit(catalogue["official-information"], email="a@example.com").request
    now(req.due_at + timedelta(days=1))
    out = StringIO()
    call_command("eservice_progress_notices", "--now", stdout=out)
    assert "wangthong: 1 progress notice(s) sent" in out.getvalue()
    out = StringIO()
    call_command("eservice_progress_notices", stdout=out)  # queued on the immediate test backend
    assert "wangthong: queued" in out.getvalue()
    with in_scope(agency):
        req.refresh_from_db()
    assert req.progress_notice_count == 1
