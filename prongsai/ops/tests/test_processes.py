"""Real processes: two schedulers and a worker on an agency's answer date, and a worker that stops.

Each process is a separate Python interpreter on the same database (the test database on PostgreSQL, a file
copy of it on SQLite), started at a chosen moment with time-machine.
"""

from __future__ import annotations

import json
import signal
import time as wall
from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.test import Client
from django_scopes import scopes_disabled

from prongsai.core.thai import BANGKOK
from prongsai.ops.models import Heartbeat, JobRun, RunStatus

# Not 30 April: that is the ITAS calendar's default answer date, on which every agency without a date answers.
ANSWER_DAY = date(2027, 4, 29)


@pytest.fixture
def answering_agency(agency, other_agency, admin_member, catalogues, in_scope):
    from prongsai.core.demo import create_structure
    from prongsai.ita import services as ita_services

    with in_scope(agency):
        create_structure(agency, admin_member)
        ita_services.year_setting_choose(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            catalogue=catalogues["2567-A"],
            answer_date=ANSWER_DAY,
        )
    return agency


def test_two_schedulers_on_the_answer_date_take_the_snapshot_once(answering_agency, shared_db, in_scope):
    from prongsai.ita.models import EvidenceSnapshot

    shared_db.push()
    moment = datetime.combine(ANSWER_DAY, time(17, 0, 5), tzinfo=BANGKOK).isoformat()
    schedulers = [
        shared_db.start("run_scheduler", "--once", "--job", "ita.snapshots", at=moment) for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120) for process in schedulers]
    assert all(process.returncode == 0 for process in schedulers), [err[-2000:] for _out, err in outputs]
    claimed = sorted(out.strip() for out, _err in outputs)
    assert claimed == ["claimed 0 run(s)", "claimed 1 run(s)"]

    # Both schedulers tick again while two workers drain the queue: still one run, one set of copies.
    workers = [
        shared_db.start("run_worker", "--batch", "--no-startup-delay", "--no-reload", at=moment)
        for _ in range(2)
    ]
    again = [
        shared_db.start("run_scheduler", "--once", "--job", "ita.snapshots", at=moment) for _ in range(2)
    ]
    for process in workers + again:
        _out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err[-2000:]
    shared_db.pull()

    with scopes_disabled():
        (run,) = JobRun.objects.filter(job="ita.snapshots")
    assert run.agency_id == answering_agency.pk
    assert run.status == RunStatus.SUCCEEDED, run.error
    assert run.slot == datetime.combine(ANSWER_DAY, time(17, 0), tzinfo=BANGKOK)
    with in_scope(answering_agency):
        snapshots = list(EvidenceSnapshot.objects.values_list("item_code", "url"))
    assert run.counts["pages"] == len(snapshots) > 0
    assert len(set(snapshots)) == len(snapshots), "an evidence page was copied twice"


def _health(settings) -> dict:
    response = Client().get("/healthz")
    return json.loads(response.content)


def test_healthz_reports_a_killed_worker_within_a_minute(agency, shared_db, settings):
    settings.TASKS_USE_WORKER = True
    settings.WORKER_HEARTBEAT_SECONDS = 15  # the production default: stale after 45 seconds
    shared_db.push()
    worker = shared_db.start("run_worker", "--no-startup-delay", "--no-reload", WORKER_HEARTBEAT_SECONDS="1")
    try:
        deadline = wall.monotonic() + 60
        while wall.monotonic() < deadline:
            wall.sleep(1)
            shared_db.pull()
            if Heartbeat.objects.filter(kind=Heartbeat.Kind.WORKER).exists():
                break
        assert _health(settings)["checks"]["worker"] == "ok"
        first = Heartbeat.objects.get(kind=Heartbeat.Kind.WORKER).beat_at
        wall.sleep(2.5)
        shared_db.pull()
        assert Heartbeat.objects.get(kind=Heartbeat.Kind.WORKER).beat_at > first, "the worker keeps beating"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.communicate(timeout=30)
    shared_db.pull()
    last = Heartbeat.objects.get(kind=Heartbeat.Kind.WORKER).beat_at
    with time_machine.travel(last + timedelta(seconds=30), tick=False):
        assert _health(settings)["checks"]["worker"] == "ok"
    with time_machine.travel(last + timedelta(seconds=59), tick=False):
        body = _health(settings)
    assert body["checks"]["worker"] == "stopped"
    assert body["status"] == "failing"


def test_a_worker_stopped_cleanly_is_reported_at_once(agency, shared_db, settings):
    settings.TASKS_USE_WORKER = True
    shared_db.push()
    worker = shared_db.start("run_worker", "--no-startup-delay", "--no-reload", WORKER_HEARTBEAT_SECONDS="1")
    deadline = wall.monotonic() + 60
    while wall.monotonic() < deadline:
        wall.sleep(1)
        shared_db.pull()
        if Heartbeat.objects.filter(kind=Heartbeat.Kind.WORKER).exists():
            break
    assert _health(settings)["checks"]["worker"] == "ok"
    worker.send_signal(signal.SIGTERM)
    _out, err = worker.communicate(timeout=30)
    shared_db.pull()
    assert not Heartbeat.objects.filter(kind=Heartbeat.Kind.WORKER).exists(), err[-2000:]
    assert _health(settings)["checks"]["worker"] == "stopped"
