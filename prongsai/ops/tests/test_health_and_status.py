"""/healthz for monitoring, and the system status page of the agency's administrators."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import time_machine
from django.test import Client
from django.utils import timezone
from django.utils.html import strip_tags
from django_scopes import scopes_disabled

from prongsai.core.thai import BANGKOK
from prongsai.ops import services
from prongsai.ops.models import Heartbeat, JobRun
from prongsai.ops.schedule import all_jobs, get_job
from prongsai.ops.scheduler import tick

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=BANGKOK)


def _beat(kind: str, when: datetime) -> None:
    Heartbeat.objects.create(kind=kind, process=f"{kind}-host:1:abc", started_at=when, beat_at=when)


def _all_jobs_ran_today() -> None:
    """Every job ran (successfully) for today's slot: what a healthy instance looks like at noon."""
    tick(
        now=NOW, process="test", jobs=[j for j in all_jobs() if j.name not in {"ops.backup", "ita.snapshots"}]
    )
    with scopes_disabled():
        backup = get_job("ops.backup")
        run_id = services.claim_due_runs(jobs=[backup], now=NOW, claimer="test:backup")[0]
        services.run_start(run_id=run_id)
        services.run_finish(run_id=run_id, counts={"files": 0})


def _established(*agencies) -> None:
    """An instance that has been scheduling since November, with agencies created before that."""
    from prongsai.core.models import Agency

    Agency.objects.filter(pk__in=[a.pk for a in agencies]).update(
        created_at=datetime(2026, 1, 1, tzinfo=BANGKOK)
    )
    with time_machine.travel(datetime(2026, 11, 1, 4, 1, tzinfo=BANGKOK), tick=False):
        tick(now=timezone.now(), process="earlier", jobs=[get_job("ops.prune_history")])


def _health(client: Client | None = None) -> tuple[int, dict]:
    response = (client or Client()).get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"].startswith("max-age=0")
    return response.status_code, json.loads(response.content)


def test_healthz_answers_on_a_fresh_instance_without_any_agency_or_known_host(db):
    status, body = _health(Client(HTTP_HOST="monitoring.internal"))
    assert status == 503
    assert body["checks"]["database"] == "ok" and body["checks"]["cache"] == "ok"
    assert body["checks"]["scheduler"] == "stopped"


def test_healthz_is_ok_when_every_check_is_ok(agency, settings):
    settings.TASKS_USE_WORKER = True
    with time_machine.travel(NOW, tick=False):
        _all_jobs_ran_today()
        _beat(Heartbeat.Kind.WORKER, timezone.now() - timedelta(seconds=10))
        _beat(Heartbeat.Kind.SCHEDULER, timezone.now() - timedelta(seconds=20))
        status, body = _health()
    assert status == 200, body
    assert body["status"] == "ok"
    assert body["checks"]["worker"] == "ok" and body["checks"]["scheduler"] == "ok"
    assert set(body["checks"]["jobs"]) == {job.name for job in all_jobs()}


def test_healthz_names_states_only_no_version_host_agency_or_time(agency, settings):
    settings.TASKS_USE_WORKER = True
    with time_machine.travel(NOW, tick=False):
        _all_jobs_ran_today()
        _beat(Heartbeat.Kind.WORKER, timezone.now())
        _beat(Heartbeat.Kind.SCHEDULER, timezone.now())
        response = Client().get("/healthz")
    text = response.content.decode()
    for leak in ("wangthong", "host", "version", "2026", "Django", "python", "pid"):
        assert leak not in text.lower()
    assert "Server" not in response
    states = {"ok", "running", "late", "failed", "not_due", "stopped", "not_used", "down", "unknown"}
    body = json.loads(text)
    assert set(body) == {"status", "checks"}
    values = [v for k, v in body["checks"].items() if k != "jobs"] + list(body["checks"]["jobs"].values())
    assert set(values) <= states


def test_healthz_reports_a_failed_job_and_a_late_one(agency, other_agency, settings):
    _established(agency, other_agency)
    with time_machine.travel(NOW, tick=False):
        _all_jobs_ran_today()
        _beat(Heartbeat.Kind.SCHEDULER, timezone.now())
        # The other agency's chain check failed; the first agency's notices never ran today (row gone).
        with scopes_disabled():
            JobRun.objects.filter(job="core.verify_audit", agency=other_agency).update(
                status="failed", error="audit chain broken at entry #2 (altered)"
            )
            JobRun.objects.filter(job="eservice.progress_notices", agency=agency).delete()
        status, body = _health()
    assert status == 503
    assert body["checks"]["jobs"]["core.verify_audit"] == "failed"
    assert body["checks"]["jobs"]["eservice.progress_notices"] == "late"
    assert body["checks"]["jobs"]["core.purge_personal_data"] == "ok"


def test_a_stopped_scheduler_is_reported(agency):
    with time_machine.travel(NOW, tick=False):
        _all_jobs_ran_today()
        _beat(Heartbeat.Kind.SCHEDULER, timezone.now() - timedelta(minutes=5))
        status, body = _health()
    assert status == 503 and body["checks"]["scheduler"] == "stopped"


def test_healthz_is_not_redirected_to_https(agency, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert Client().get("/healthz").status_code in {200, 503}


def test_every_response_carries_a_request_id_and_a_proxy_id_is_kept_when_it_looks_like_one(agency, anon):
    first, second = anon.get("/"), anon.get("/")
    assert len(first["X-Request-ID"]) == 32 and first["X-Request-ID"] != second["X-Request-ID"]
    kept = anon.get("/", HTTP_X_REQUEST_ID="3f2b8c1e-1111-4a4a-9b9b-0123456789ab")
    assert kept["X-Request-ID"] == "3f2b8c1e-1111-4a4a-9b9b-0123456789ab"
    replaced = anon.get("/", HTTP_X_REQUEST_ID="evil\nline injected")
    assert replaced["X-Request-ID"] != "evil\nline injected" and "\n" not in replaced["X-Request-ID"]


# --- the status page ---------------------------------------------------------------------------------------


def test_a_fresh_instance_has_no_late_job_before_it_first_scheduled_one(admin_client, agency):
    with time_machine.travel(NOW, tick=False):
        text = admin_client.get("/staff/system/").content.decode()
    assert "ทุกงานทำงานตามกำหนด" in text and "ยังไม่เคยทำงาน" in text


def test_the_administrator_sees_each_job_and_a_warning_for_a_late_one(admin_client, agency):
    _established(agency)
    with time_machine.travel(NOW, tick=False):
        page = admin_client.get("/staff/system/")
    assert page.status_code == 200
    text = page.content.decode()
    for job in all_jobs():
        assert str(job.title) in text
    assert 'role="alert"' in text and "ล่าช้า" in text
    assert "ทุกวัน เวลา 02.00 น." in text


def test_after_the_runs_the_page_shows_their_times_and_counts(admin_client, agency):
    with time_machine.travel(NOW, tick=False):
        _all_jobs_ran_today()
        page = admin_client.get("/staff/system/")
        dashboard = admin_client.get("/staff/")
    text = page.content.decode()
    assert "ทุกงานทำงานตามกำหนด" in text
    assert "รายการที่ตรวจสอบ" in text  # the audit check's count, in Thai
    assert "ไม่แสดง (ข้อมูลของช่องทางแจ้งเบาะแส)" in text  # the channel's counts are withheld
    assert "ยังไม่ถึงกำหนด" in text  # no answer date set: the snapshot job is not due
    assert "ดูสถานะงาน" not in dashboard.content.decode()


def test_a_failed_run_is_shown_with_its_safe_error_and_on_the_dashboard(admin_client, agency):
    with time_machine.travel(NOW, tick=False):
        _all_jobs_ran_today()
        with scopes_disabled():
            JobRun.objects.filter(job="core.verify_audit").update(
                status="failed", error="audit chain broken at entry #2 (altered)"
            )
        page = admin_client.get("/staff/system/").content.decode()
        dashboard = admin_client.get("/staff/").content.decode()
    assert "ไม่สำเร็จ" in page and "audit chain broken at entry #2 (altered)" in page
    assert "ดูสถานะงาน" in strip_tags(dashboard)  # the staff home keeps Thai words whole with markup


def test_an_officer_sees_neither_the_page_nor_the_warning(staff_client, agency):
    with time_machine.travel(NOW, tick=False):
        assert staff_client.get("/staff/system/").status_code == 403
        assert "ดูสถานะงาน" not in strip_tags(staff_client.get("/staff/").content.decode())


def test_an_agency_sees_only_its_own_runs(admin_client, agency, other_agency):
    with time_machine.travel(NOW, tick=False):
        tick(now=NOW, process="t", jobs=[get_job("core.verify_audit")])
        with scopes_disabled():
            JobRun.objects.filter(agency=other_agency).update(status="failed", error="other agency's failure")
        page = admin_client.get("/staff/system/").content.decode()
    assert "other agency's failure" not in page


def test_an_answer_date_that_passed_without_a_snapshot_is_late_for_a_month(
    admin_client, agency, admin_member, catalogues, in_scope
):
    from prongsai.ita import services as ita_services

    answer = date(2026, 12, 1)
    _established(agency)
    with in_scope(agency):
        ita_services.year_setting_choose(
            agency=agency,
            acting_user=admin_member,
            fiscal_year=2567,
            catalogue=catalogues["2567-A"],
            answer_date=answer,
        )
    snapshot = get_job("ita.snapshots")
    with time_machine.travel(NOW, tick=False):
        page = admin_client.get("/staff/system/").content.decode()
    assert "ไม่ได้ทำงานตามเวลาที่กำหนด" in page
    with time_machine.travel(
        datetime.combine(answer + timedelta(days=31), time(12), tzinfo=BANGKOK), tick=False
    ):
        from prongsai.ops.selectors import job_states_for_agency

        own, _shared = job_states_for_agency(agency, now=timezone.now())
    assert next(s for s in own if s.job is snapshot).state == "not_due"
