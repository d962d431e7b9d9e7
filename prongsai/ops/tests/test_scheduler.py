"""The scheduler claims each due slot once, the worker runs each claim once, and every run is recorded."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django_scopes import scopes_disabled

from prongsai.core.thai import BANGKOK
from prongsai.ops import services
from prongsai.ops.models import JobRun, RunStatus
from prongsai.ops.schedule import REGISTRY, Daily, Every, JobFailed, get_job, job
from prongsai.ops.scheduler import tick
from prongsai.ops.tasks import run_job


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BANGKOK)


DAY = date(2026, 12, 7)


def runs(**filters) -> list[JobRun]:
    with scopes_disabled():
        return list(
            JobRun.objects.filter(**filters).select_related("agency").order_by("agency__code", "slot")
        )


@pytest.fixture
def temporary_job():
    """Declare jobs for one test only."""
    names = []

    def declare(name, function, **options):
        options.setdefault("title", name)
        options.setdefault("schedule", Daily(time(9, 0)))
        job(name, **options)(function)
        names.append(name)
        return get_job(name)

    yield declare
    for name in names:
        REGISTRY.pop(name, None)


def test_a_daily_job_is_due_from_its_time_to_the_end_of_that_bangkok_day():
    daily = Daily(time(8, 0))
    assert daily.due_slot(at(DAY, 7, 59)) is None
    assert daily.due_slot(at(DAY, 8, 0)) == at(DAY, 8)
    assert daily.due_slot(at(DAY, 23, 59)) == at(DAY, 8)
    assert daily.due_slot(at(DAY + timedelta(days=1), 0, 1)) is None  # never caught up on another day
    assert daily.expected_slot(at(DAY, 8, 30), timedelta(hours=1)) == at(DAY - timedelta(days=1), 8)
    assert daily.expected_slot(at(DAY, 9, 0), timedelta(hours=1)) == at(DAY, 8)


def test_an_interval_job_is_due_on_the_multiples_of_its_period():
    every = Every(15)
    assert every.due_slot(at(DAY, 10, 14)) == at(DAY, 10, 0)
    assert every.due_slot(at(DAY, 10, 15)) == at(DAY, 10, 15)


def test_a_job_cannot_be_declared_twice(temporary_job):
    temporary_job("test.once", lambda context: {})
    with pytest.raises(ValueError, match="declared twice"):
        temporary_job("test.once", lambda context: {})


def test_each_active_agency_gets_one_run_of_a_daily_job_and_a_second_tick_claims_nothing(
    agency, other_agency
):
    verify = get_job("core.verify_audit")
    assert tick(now=at(DAY, 1, 59), process="one", jobs=[verify]) == []
    claimed = tick(now=at(DAY, 2, 5), process="one", jobs=[verify])
    assert len(claimed) == 2
    done = runs(job="core.verify_audit")
    assert [r.agency.code for r in done] == ["other", "wangthong"]
    assert all(r.status == RunStatus.SUCCEEDED and r.slot == at(DAY, 2) for r in done)
    assert all(r.started_at and r.finished_at and r.finished_at >= r.started_at for r in done)
    assert all("entries" in r.counts for r in done)
    # The same slot, later that day and from another scheduler: nothing new.
    assert tick(now=at(DAY, 14, 0), process="two", jobs=[verify]) == []
    assert len(runs(job="core.verify_audit")) == 2


def test_an_inactive_agency_gets_no_run(agency, other_agency):
    with scopes_disabled():
        other_agency.is_active = False
        other_agency.save(update_fields=["is_active"])
    tick(now=at(DAY, 2, 5), process="one", jobs=[get_job("core.verify_audit")])
    assert [r.agency.code for r in runs(job="core.verify_audit")] == ["wangthong"]


def test_an_instance_job_gets_one_run_for_the_whole_instance(agency, other_agency):
    purge = get_job("core.purge_personal_data")
    assert len(tick(now=at(DAY, 3, 1), process="one", jobs=[purge])) == 1
    (run,) = runs(job="core.purge_personal_data")
    assert run.agency is None and run.status == RunStatus.SUCCEEDED
    assert "outbound e-mails" in run.counts


def test_two_claims_of_the_same_slot_make_one_row(agency):
    verify = get_job("core.verify_audit")
    first = services.claim_due_runs(jobs=[verify], now=at(DAY, 2, 1), claimer="a:1")
    second = services.claim_due_runs(jobs=[verify], now=at(DAY, 2, 1), claimer="b:1")
    assert len(first) == 1 and second == []
    assert len(runs(job="core.verify_audit")) == 1


def test_a_claim_delivered_twice_runs_once(agency):
    (run_id,) = services.claim_due_runs(jobs=[get_job("core.verify_audit")], now=at(DAY, 2, 1), claimer="a:1")
    assert run_job.call(run_id) == "succeeded"
    assert run_job.call(run_id) == "taken"
    (run,) = runs(job="core.verify_audit")
    assert run.status == RunStatus.SUCCEEDED


def test_the_status_of_a_run_cannot_be_assigned_directly(agency):
    (run_id,) = services.claim_due_runs(jobs=[get_job("core.verify_audit")], now=at(DAY, 2, 1), claimer="a:1")
    (run,) = runs(pk=run_id)
    with pytest.raises(AttributeError):
        run.status = RunStatus.SUCCEEDED


def test_an_unexpected_error_is_recorded_by_its_class_and_its_text_is_not_logged(
    agency, temporary_job, caplog
):
    personal = "สมชาย ใจดี somchai@example.com 0812345678"

    def explode(context):
        raise ValueError(personal)

    temporary_job("test.explode", explode)
    with caplog.at_level(logging.INFO):
        tick(now=at(DAY, 9, 1), process="one", jobs=[get_job("test.explode")])
    (run,) = runs(job="test.explode")
    assert run.status == RunStatus.FAILED
    assert run.error == "unexpected error (ValueError)"
    assert "explode" in caplog.text  # the traceback's frames are logged for the operator
    assert "somchai" not in caplog.text and "สมชาย" not in caplog.text


def test_an_expected_failure_keeps_its_message(agency, temporary_job):
    def refuse(context):
        raise JobFailed("nothing to copy on this date")

    temporary_job("test.refuse", refuse)
    tick(now=at(DAY, 9, 1), process="one", jobs=[get_job("test.refuse")])
    (run,) = runs(job="test.refuse")
    assert (run.status, run.error) == (RunStatus.FAILED, "nothing to copy on this date")


def test_a_broken_audit_chain_fails_the_nightly_check(agency, admin_member):
    from prongsai.core.audit import audit_record

    audit_record(agency=agency, actor=admin_member, action="test.one")
    audit_record(agency=agency, actor=admin_member, action="test.two")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET action = 'test.changed' WHERE seq = 2")
    tick(now=at(DAY, 2, 1), process="one", jobs=[get_job("core.verify_audit")])
    (run,) = runs(job="core.verify_audit")
    assert (run.status, run.error) == (RunStatus.FAILED, "audit chain broken at entry #2 (altered)")


def test_the_snapshot_job_runs_on_the_answer_date_of_each_agency_only(
    agency, other_agency, admin_member, catalogues, in_scope
):
    from prongsai.core.demo import create_structure
    from prongsai.ita import services as ita_services
    from prongsai.ita.models import EvidenceSnapshot

    with in_scope(agency):
        create_structure(agency, admin_member)
        ita_services.year_setting_choose(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2570,
            catalogue=catalogues["2570"],
            answer_date=DAY,
        ) if "2570" in catalogues else ita_services.year_setting_choose(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            catalogue=catalogues["2567-A"],
            answer_date=DAY,
        )
    snapshots = get_job("ita.snapshots")
    assert tick(now=at(DAY - timedelta(days=1), 18), process="p", jobs=[snapshots]) == []
    assert tick(now=at(DAY, 16, 59), process="p", jobs=[snapshots]) == []
    assert len(tick(now=at(DAY, 17, 1), process="p", jobs=[snapshots])) == 1
    assert tick(now=at(DAY + timedelta(days=1), 17, 1), process="p", jobs=[snapshots]) == []
    (run,) = runs(job="ita.snapshots")
    assert run.agency == agency and run.status == RunStatus.SUCCEEDED
    with in_scope(agency):
        assert run.counts["pages"] == EvidenceSnapshot.objects.count() > 0


def test_the_scheduler_command_ticks_once_and_refuses_an_unknown_job(agency):
    out = StringIO()
    with time_machine.travel(at(DAY, 2, 30), tick=False):
        call_command("run_scheduler", "--once", "--job", "core.verify_audit", stdout=out)
    assert "claimed 1 run(s)" in out.getvalue()
    with pytest.raises(CommandError, match="No job named 'nope'"):
        call_command("run_scheduler", "--once", "--job", "nope", stdout=out)


def test_old_history_is_pruned(agency):
    verify = get_job("core.verify_audit")
    tick(now=at(DAY - timedelta(days=100), 2, 1), process="p", jobs=[verify])
    tick(now=at(DAY, 2, 1), process="p", jobs=[verify])
    counts = services.prune_history(now=at(DAY, 4))
    assert counts["job runs"] == 1
    assert [r.slot for r in runs(job="core.verify_audit")] == [at(DAY, 2)]
