"""Every periodic job of Prongsai, declared once. Adding a job is one ``@job`` declaration here.

Each function is a thin adapter: it calls the owning app's service for one agency (inside that agency's
scope, entered by ``run_job``) or for the instance, and returns counts. Times are Bangkok times.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Agency
from prongsai.ops.schedule import Counts, Daily, Every, JobContext, JobFailed, job


def _agency(context: JobContext) -> Agency:
    if context.agency is None:
        raise JobFailed("a per-agency job was run without an agency")
    return context.agency


# --- ITA: the evidence copies on each agency's ITAS answer date -------------------------------------------


def _answer_days(day: date) -> dict[int, date]:
    from prongsai.ita.selectors import latest_answer_days

    return latest_answer_days(day)


@job(
    "ita.snapshots",
    title=_("เก็บสำเนาหน้าหลักฐาน OIT ในวันที่ตอบแบบ"),
    # After office hours, so the copy shows the pages as they stood at the end of the answer date; a
    # scheduler that was down at 17.00 still takes it later the same day, never on another date.
    schedule=Daily(time(17, 0)),
    due_days=_answer_days,
    late_after=timedelta(hours=2),
)
def ita_snapshots(context: JobContext) -> Counts:
    from prongsai.ita.selectors import answering_on
    from prongsai.ita.snapshots import take_snapshots

    agency = _agency(context)
    pages = 0
    for offer in answering_on(agency, context.day):
        pages += len(
            take_snapshots(
                agency=agency, acting_user=None, catalogue=offer.catalogue, fiscal_year=offer.fiscal_year
            )
        )
    return {"pages": pages}


@job(
    "ita.readiness",
    title=_("คำนวณความพร้อม OIT ที่เก็บไว้ใหม่หลังเปลี่ยนวัน"),
    # Just after midnight (Bangkok): the check is judged as of today until the answer date, so the stored
    # result of yesterday is outdated at every turn of the date; this refreshes it before visitors come,
    # and is the safety net for a publication whose background refresh did not run.
    schedule=Daily(time(0, 15)),
)
def ita_readiness(context: JobContext) -> Counts:
    from prongsai.ita.readiness_store import refresh_all

    return {"years": refresh_all(_agency(context))}


# --- E-Service: progress notices to applicants of late requests ---------------------------------------------


@job(
    "eservice.progress_notices",
    title=_("แจ้งความคืบหน้าคำขอที่เกินกำหนด"),
    schedule=Daily(time(8, 0)),
)
def eservice_progress_notices(context: JobContext) -> Counts:
    from prongsai.eservice.services import send_due_progress_notices

    return {"sent": send_due_progress_notices(agency=_agency(context), at=context.slot)}


# --- LINE: each linked member of staff's queue alerts ------------------------------------------------------


@job(
    "core.line_staff_alerts",
    title=_("แจ้งเตือนคิวงานของเจ้าหน้าที่ทาง LINE"),
    # At the start of the working day, after the night's jobs, so the counts are those the day begins with.
    schedule=Daily(time(8, 15)),
    # How many alerts went out says how many corruption reports arrived: not the status page's business.
    show_counts=False,
)
def core_line_staff_alerts(context: JobContext) -> Counts:
    from prongsai.core.services_line import line_staff_alerts

    line_staff_alerts(agency=_agency(context), now=context.slot)
    return {}


# --- The corruption-reporting channel: reminders, purge warnings and purges ---------------------------------


@job(
    "whistleblower.daily",
    title=_("เตือนกำหนดเวลาและลบรายงานที่พ้นระยะเก็บรักษาของช่องทางแจ้งเบาะแส"),
    schedule=Daily(time(7, 0)),
    # How many reports were reminded, warned or purged is the channel's business, not the status page's.
    show_counts=False,
)
def whistleblower_daily(context: JobContext) -> Counts:
    from prongsai.whistleblower import services_case

    agency = _agency(context)
    services_case.send_reminders(agency=agency)
    services_case.warn_before_purge(agency=agency)
    services_case.purge_expired(agency=agency)
    return {}


# --- The audit chain of each agency -----------------------------------------------------------------------


@job(
    "core.verify_audit",
    title=_("ตรวจสอบสายบันทึกการตรวจสอบ"),
    schedule=Daily(time(2, 0)),
)
def core_verify_audit(context: JobContext) -> Counts:
    from prongsai.core.audit import verify_chain

    checked, problem = verify_chain(_agency(context))
    if problem is not None:
        # Sequence number and kind only: the entry's content stays in the log page for the auditor.
        raise JobFailed(f"audit chain broken at entry #{problem.seq} ({problem.kind})")
    return {"entries": checked}


# --- Instance-wide jobs ------------------------------------------------------------------------------------


@job(
    "core.purge_personal_data",
    title=_("ลบข้อมูลส่วนบุคคลที่พ้นระยะเวลาเก็บรักษา"),
    schedule=Daily(time(3, 0)),
    per_agency=False,
)
def core_purge_personal_data(context: JobContext) -> Counts:
    from prongsai.core.services_retention import purge_expired_personal_data

    return purge_expired_personal_data()


@job(
    "ops.backup",
    title=_("สำรองข้อมูล"),
    schedule=Daily(time(1, 30)),
    per_agency=False,
    late_after=timedelta(hours=3),
)
def ops_backup(context: JobContext) -> Counts:
    from prongsai.ops.backup import create_backup, prune_backups

    result = create_backup(settings.BACKUP_DIR)
    removed = prune_backups(settings.BACKUP_DIR, keep=settings.BACKUP_KEEP)
    return {"files": result.file_count, "bytes": result.size, "old archives removed": removed}


@job(
    "ops.prune_history",
    title=_("ลบประวัติการทำงานเบื้องหลังที่เก่าเกินกำหนด"),
    schedule=Daily(time(4, 0)),
    per_agency=False,
)
def ops_prune_history(context: JobContext) -> Counts:
    from prongsai.ops.services import prune_history

    return prune_history(now=context.slot)


# --- Government property: notices of items not returned by their due date ---------------------------------


@job(
    "assets.overdue_notices",
    title=_("แจ้งเตือนผู้ยืมและผู้ดูแลเมื่อครุภัณฑ์เกินกำหนดส่งคืน"),
    schedule=Daily(time(8, 30)),
)
def assets_overdue_notices(context: JobContext) -> Counts:
    from prongsai.assets.services import loans_notify_overdue

    run = loans_notify_overdue(agency=_agency(context), today=context.day)
    return {"notified": run.notified, "past_follow_up": run.past_follow_up}


# --- Outbox: e-mails and LINE messages that are still pending ----------------------------------------------


@job(
    "core.outbox_retry",
    title=_("ส่งอีเมลและข้อความ LINE ที่ค้างส่งอีกครั้ง"),
    schedule=Every(10),
)
def core_outbox_retry(context: JobContext) -> Counts:
    from prongsai.core.tasks import retry_pending

    return {"retried": retry_pending(_agency(context))}
