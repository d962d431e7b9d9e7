"""Operations records: each run of a scheduled job, and the heartbeats of the worker and scheduler processes.

These are instance records, not agency data: a run of a per-agency job carries its agency (and is then read
only through that agency's scope), a run of an instance-wide job (backup, retention purge) has none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMModelMixin, transition
from django_scopes import ScopedManager

from prongsai.core.models.status_field import StatusField


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("รอดำเนินการ")
    RUNNING = "running", _("กำลังดำเนินการ")
    SUCCEEDED = "succeeded", _("สำเร็จ")
    FAILED = "failed", _("ไม่สำเร็จ")


FINISHED = (RunStatus.SUCCEEDED, RunStatus.FAILED)


class JobRun(FSMModelMixin, models.Model):
    """One run of a scheduled job for one slot (the moment it was due) and, for per-agency jobs, one agency.

    The row is the claim: a scheduler inserts it before it queues the task, and the unique constraints below
    make a second scheduler's insert of the same (job, agency, slot) fail, so a job never runs twice for a
    slot however many schedulers are up. The worker moves it from queued to running under a row lock, so two
    workers never run the same claim either.
    """

    job = models.CharField(_("งาน"), max_length=80)
    agency = models.ForeignKey(
        "core.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("หน่วยงาน"),
    )
    slot = models.DateTimeField(_("กำหนดเวลา"))
    status = StatusField(
        _("สถานะ"), max_length=16, choices=RunStatus.choices, default=RunStatus.QUEUED, protected=True
    )
    claimed_by = models.CharField(_("ผู้จองงาน"), max_length=120)
    claimed_at = models.DateTimeField(_("จองงานเมื่อ"))
    started_at = models.DateTimeField(_("เริ่มเมื่อ"), null=True, blank=True)
    finished_at = models.DateTimeField(_("เสร็จเมื่อ"), null=True, blank=True)
    # Counts only ("sent": 3): never names, addresses or content, so a run record holds no personal data.
    counts = models.JSONField(_("จำนวน"), default=dict, blank=True)
    # The error's class and a message written by Prongsai's own code, never an exception's free text.
    error = models.CharField(_("ข้อผิดพลาด"), max_length=300, blank=True)

    if TYPE_CHECKING:
        objects: ClassVar[models.Manager[JobRun]]
    else:
        # Fails closed like every tenant model; the scheduler and the health check use scopes_disabled().
        objects = ScopedManager(agency="agency")

    class Meta:
        verbose_name = _("การทำงานตามกำหนดเวลา")
        verbose_name_plural = _("การทำงานตามกำหนดเวลา")
        ordering = ["-slot", "job"]
        constraints = [
            # The claim of an instance-wide job's slot (backup, purge): one row per job and slot.
            models.UniqueConstraint(
                fields=["job", "slot"], condition=Q(agency__isnull=True), name="ops_jobrun_one_claim"
            ),
            # The claim of a per-agency job's slot: one row per job, agency and slot.
            models.UniqueConstraint(
                fields=["job", "agency", "slot"],
                condition=Q(agency__isnull=False),
                name="ops_jobrun_one_claim_per_agency",
            ),
        ]
        indexes = [
            # Serves the last run of each job on the status page and in /healthz.
            models.Index(fields=["job", "agency", "-slot"], name="ops_jobrun_last"),
            # Serves the scheduler's "which agencies already have this slot" lookup and the pruning job.
            models.Index(fields=["job", "slot"], name="ops_jobrun_slot"),
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.slot.isoformat()}"

    @transition(field=status, source=RunStatus.QUEUED, target=RunStatus.RUNNING)
    def start(self) -> None:
        """A worker took the claim."""

    @transition(field=status, source=RunStatus.RUNNING, target=RunStatus.SUCCEEDED)
    def succeed(self) -> None:
        """The job's function returned."""

    @transition(field=status, source=[RunStatus.QUEUED, RunStatus.RUNNING], target=RunStatus.FAILED)
    def fail(self) -> None:
        """The job raised, or could not be started (its agency or job no longer exists)."""


class Heartbeat(models.Model):
    """The last sign of life of one worker or scheduler process, written every few seconds while it runs."""

    class Kind(models.TextChoices):
        WORKER = "worker", _("ตัวประมวลผลงานเบื้องหลัง")
        SCHEDULER = "scheduler", _("ตัวจัดตารางงาน")

    kind = models.CharField(_("ประเภท"), max_length=16, choices=Kind.choices)
    # host:pid:random, unique per process start; shown to nobody but the instance operator.
    process = models.CharField(_("กระบวนการ"), max_length=120, unique=True)
    started_at = models.DateTimeField(_("เริ่มเมื่อ"))
    beat_at = models.DateTimeField(_("สัญญาณล่าสุด"))

    class Meta:
        verbose_name = _("สัญญาณการทำงาน")
        verbose_name_plural = _("สัญญาณการทำงาน")
        indexes = [
            # Serves /healthz: the newest beat of each kind.
            models.Index(fields=["kind", "-beat_at"], name="ops_heartbeat_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.process}"
