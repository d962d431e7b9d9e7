"""Case handling: the state machine, working-day deadlines, reminders, and retention with a warning first."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.test import Client
from django_fsm import TransitionNotAllowed
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST
from prongsai.core.models import AuditEvent, OutboundEmail
from prongsai.core.tenancy import agency_scope
from prongsai.core.thai import BANGKOK
from prongsai.whistleblower import crypto, services_case
from prongsai.whistleblower.models import ArchivedTally, Report, ReportStatus
from prongsai.whistleblower.tests.factories import recipient

from .conftest import jpeg_bytes, submit, unlocked_client
from .leaks import dump_database

# Friday 7 June 2024, 10:00 in Bangkok; Monday 10 June is a working day.
FRIDAY = datetime(2024, 6, 7, 10, 0, tzinfo=BANGKOK)


def _open(client: Client) -> str:
    return client.get("/staff/integrity/").context["rows"][0][0]


def test_the_committee_moves_a_report_through_every_state_and_the_reporter_sees_it(reporter, committee):
    _done, receipt = submit(reporter)
    staff = unlocked_client(committee)
    handle = _open(staff)
    action = f"/staff/integrity/reports/{handle}/action/"
    assert staff.get(f"/staff/integrity/reports/{handle}/").status_code == 200
    assert staff.post(action, {"action": "investigate"}).status_code == 400, "must be acknowledged first"
    for step in ("acknowledge", "investigate"):
        assert staff.post(action, {"action": step}).status_code == 302
    assert (
        staff.post(action, {"action": "forward", "authority": "other", "other_name": ""}).status_code == 400
    )
    assert staff.post(action, {"action": "forward", "authority": "nacc"}).status_code == 302
    assert (
        staff.post(action, {"action": "close", "outcome": "forwarded", "note": "ส่ง ป.ป.ช. แล้ว"}).status_code
        == 302
    )
    with scopes_disabled():
        report = Report.objects.get()
        assert report.status == ReportStatus.CLOSED
        assert report.forwarded_to == "nacc" and report.outcome == "forwarded"
        actions = list(
            AuditEvent.objects.filter(
                object_type="whistleblower.report", object_id=str(report.pk)
            ).values_list("action", flat=True)
        )
    assert actions[:1] == ["whistleblower.report.submitted"]
    assert {
        "whistleblower.report.read",
        "whistleblower.report.forwarded",
        "whistleblower.report.closed",
    } <= set(actions)
    follower = Client(HTTP_HOST=AGENCY_HOST)
    follower.post("/integrity/follow-up/", {"receipt": receipt})
    page = follower.get("/integrity/follow-up/").content.decode()
    assert "ยุติเรื่องแล้ว" in page and "สำนักงาน ป.ป.ช." in page
    assert "ส่ง ป.ป.ช. แล้ว" not in page, "the closing note is internal"


def test_the_status_cannot_be_assigned_directly(agency, reporter, committee):
    submit(reporter)
    with scopes_disabled():
        report = Report.objects.get()
    with pytest.raises(AttributeError):
        report.status = ReportStatus.CLOSED
    with pytest.raises(TransitionNotAllowed):
        report.investigate()


def test_deadlines_are_counted_on_working_days(agency, committee):
    with time_machine.travel(FRIDAY, tick=False):
        reporter = Client(HTTP_HOST=AGENCY_HOST)
        submit(reporter)
    with scopes_disabled():
        report = Report.objects.get()
    # 3 working days after a Friday: Wednesday 12 June; 15 working days: Friday 28 June.
    assert report.ack_due_at.astimezone(BANGKOK).date().isoformat() == "2024-06-12"
    assert report.feedback_due_at.astimezone(BANGKOK).date().isoformat() == "2024-06-28"


def test_reminders_go_once_per_stage_to_recipients_and_say_nothing_of_the_content(agency, committee):
    with time_machine.travel(FRIDAY, tick=False):
        submit(Client(HTTP_HOST=AGENCY_HOST), what="ลับเฉพาะ-เรื่องเตือน")
    with agency_scope(agency):
        before = OutboundEmail.objects.count()
        assert (
            services_case.send_reminders(agency=agency, now=FRIDAY + timedelta(days=4)) == 1
        )  # ack due soon
        assert services_case.send_reminders(agency=agency, now=FRIDAY + timedelta(days=4)) == 0  # not twice
        assert services_case.send_reminders(agency=agency, now=FRIDAY + timedelta(days=6)) == 1  # overdue
        mails = list(OutboundEmail.objects.order_by("pk")[before:])
    assert [m.to for m in mails] == ["committee@example.test"] * 2
    assert all("ลับเฉพาะ" not in m.body and "1 เรื่อง" in m.body for m in mails)


def test_after_the_retention_period_nothing_of_the_report_remains(agency, committee, settings):
    canary = "PSWB-RETENTION-CANARY-5520"
    with time_machine.travel(FRIDAY, tick=False):
        reporter = Client(HTTP_HOST=AGENCY_HOST)
        _done, receipt = submit(reporter, what=canary, files=[("p.jpg", jpeg_bytes(canary.encode()))])
        staff = unlocked_client(committee)
        handle = _open(staff)
        staff.post(f"/staff/integrity/reports/{handle}/action/", {"action": "message", "text": canary})
        staff.post(
            f"/staff/integrity/reports/{handle}/action/", {"action": "close", "outcome": "unsubstantiated"}
        )
    with scopes_disabled():
        report = Report.objects.get()
        report_id = report.pk
    media = Path(settings.MEDIA_ROOT)
    assert list(media.rglob("*.bin")), "the encrypted evidence is in the media folder"
    retention = timedelta(days=5 * 365)

    with agency_scope(agency):
        # Before the warning, nothing is purged even when the period has passed.
        assert services_case.purge_expired(agency=agency, now=FRIDAY + retention + timedelta(days=1)) == 0
        # The warning comes within 30 days of the end, once.
        assert (
            services_case.warn_before_purge(agency=agency, now=FRIDAY + retention - timedelta(days=40)) == 0
        )
        assert (
            services_case.warn_before_purge(agency=agency, now=FRIDAY + retention - timedelta(days=20)) == 1
        )
        assert (
            services_case.warn_before_purge(agency=agency, now=FRIDAY + retention - timedelta(days=19)) == 0
        )
        warning = OutboundEmail.objects.order_by("-pk").first()
        assert "จะถูกลบถาวร" in warning.body and canary not in warning.body
        assert services_case.purge_expired(agency=agency, now=FRIDAY + retention - timedelta(days=1)) == 0

    with time_machine.travel(FRIDAY + retention + timedelta(days=11), tick=False):
        from django.core.management import call_command

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("django.db.transaction.on_commit", lambda fn, using=None, robust=False: fn())
            call_command("purge_personal_data", stdout=open("/dev/null", "w"))  # noqa: SIM115

    with scopes_disabled():
        for model in (
            "Report",
            "ReportGrant",
            "ReportMessage",
            "ReportFile",
            "IdentityShare",
            "IdentityRequest",
        ):
            from django.apps import apps

            assert not apps.get_model("whistleblower", model).objects.exists(), model
        assert ArchivedTally.objects.get().closed_count == 1
        purge_event = AuditEvent.objects.filter(action="whistleblower.report.purged").get()
        assert purge_event.data == {"report": report_id}
    assert not list(media.rglob("*.bin")), "no evidence file is left"
    assert canary.encode() not in dump_database()
    # The reporter's receipt opens nothing any more, and the statistics still count the report.
    follower = Client(HTTP_HOST=AGENCY_HOST)
    assert follower.post("/integrity/follow-up/", {"receipt": receipt}).status_code == 400
    stats = follower.get("/integrity/statistics/?year=2567")
    assert stats.context["stats"].total == 1 and stats.context["stats"].completed == 1


def test_the_committee_can_lengthen_retention_but_not_below_thirty_days(agency, committee):
    staff = unlocked_client(committee)
    bad = staff.post(
        "/staff/integrity/settings/",
        {"ack_working_days": 3, "feedback_working_days": 15, "retention_days": 5, "purge_warning_days": 30},
    )
    assert bad.status_code == 400
    good = staff.post(
        "/staff/integrity/settings/",
        {
            "ack_working_days": 5,
            "feedback_working_days": 20,
            "retention_days": 3650,
            "purge_warning_days": 60,
        },
    )
    assert good.status_code == 302
    with scopes_disabled():
        event = AuditEvent.objects.filter(action="whistleblower.settings.updated").get()
    assert event.data["retention_days"] == {"from": 1825, "to": 3650}


def test_a_report_can_be_granted_to_a_member_who_joined_later_but_never_to_an_excluded_one(
    agency, committee, committee2, reporter
):
    submit(reporter, excluded=[committee2.holder.pk])
    late = recipient(agency, "latecomer", "integrity_committee")
    staff = unlocked_client(committee)
    handle = _open(staff)
    action = f"/staff/integrity/reports/{handle}/action/"
    refused = staff.post(action, {"action": "grant", "holder": committee2.holder.pk})
    assert refused.status_code == 400
    assert staff.post(action, {"action": "grant", "holder": late.holder.pk}).status_code == 302
    late_client = unlocked_client(late)
    late_handle = _open(late_client)
    assert late_client.get(f"/staff/integrity/reports/{late_handle}/").status_code == 200
    with agency_scope(agency), pytest.raises(crypto.DecryptionError):
        # A wrong key never writes: the service proves the key on the content first.
        report = Report.objects.get()
        services_case.report_grant(
            report=report, report_key=b"\0" * 32, acting_user=committee, holder=late.holder
        )


def test_reminder_and_purge_command_runs_for_every_agency(agency, committee, capsys):
    from django.core.management import call_command

    call_command("whistleblower_daily")
    assert "wangthong" in capsys.readouterr().out
