"""Writes of the ita app. Every function is atomic, takes the acting user and writes an audit event."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.audit import audit_record
from prongsai.core.models import Agency, User
from prongsai.core.publication import add_revision_for_change, record_publish
from prongsai.core.services import attachment_create
from prongsai.ita import scoring
from prongsai.ita.catalogue_files import subjects
from prongsai.ita.models import (
    Analysis,
    AnalysisTopic,
    BackfilledCount,
    Catalogue,
    EvidenceSnapshot,
    ItaResult,
    ManualEvidence,
    ResultScore,
    YearSetting,
)


@transaction.atomic
def year_setting_choose(
    *,
    agency: Agency,
    acting_user: User,
    fiscal_year: int,
    catalogue: Catalogue,
    answer_date: date | None = None,
) -> YearSetting:
    """Choose the catalogue (e.g. FY2567 variant A or B) the agency's ITAS form shows, and its answer date.

    A year without its own catalogue yet is set up on the provisional one (the previous year's)."""
    from prongsai.ita.selectors import provisional_catalogue

    provisional = provisional_catalogue(fiscal_year)
    if catalogue.fiscal_year != fiscal_year and (provisional is None or provisional.pk != catalogue.pk):
        raise ValidationError({"catalogue": _("ชุดเกณฑ์ที่เลือกไม่ใช่ของปีงบประมาณนี้ กรุณาเลือกใหม่")})
    setting, _created = YearSetting.objects.update_or_create(
        agency=agency, fiscal_year=fiscal_year, defaults={"catalogue": catalogue, "answer_date": answer_date}
    )
    audit_record(
        agency=agency,
        actor=acting_user,
        action="ita.year_setting.chosen",
        obj=setting,
        data={"catalogue": catalogue.code, "answer_date": answer_date},
    )
    return setting


def year_setting_for_new_agency(
    *, agency: Agency, acting_user: User, answer_date: date | None = None, **_kwargs: object
) -> YearSetting | None:
    """Receiver of ``core.services_onboarding.agency_onboarded``: the current year's offered catalogue
    (its own, else the provisional one) with the operator's answer date; None when no catalogue is loaded."""
    from prongsai.core.thai import fiscal_year
    from prongsai.ita.selectors import offered_catalogue

    year = fiscal_year(timezone.localdate())
    offer = offered_catalogue(agency, year)
    if offer is None:
        return None
    return year_setting_choose(
        agency=agency,
        acting_user=acting_user,
        fiscal_year=year,
        catalogue=offer.catalogue,
        answer_date=answer_date,
    )


@transaction.atomic
def result_save(
    *,
    agency: Agency,
    acting_user: User,
    fiscal_year: int,
    catalogue: Catalogue,
    total: Decimal,
    indicators: Mapping[int, Decimal],
    questions: Mapping[str, Decimal] | None = None,
    oit: Mapping[str, Decimal] | None = None,
    instruments: Mapping[str, Decimal] | None = None,
    rating_label: str = "",
    mismatch_reason: str = "",
    source: str = "manual",
) -> ItaResult:
    """Store the official result of a year, replacing an earlier entry of the same year.

    The total is recomputed from the indicator scores with the year's weights. A total that the scores do
    not reproduce is refused unless the person confirms it with a reason (NACC's published total wins, but
    the mismatch stays flagged on the result for everyone to see).
    """
    if catalogue.fiscal_year != fiscal_year:
        raise ValidationError({"catalogue": _("ชุดเกณฑ์ที่เลือกไม่ใช่ของปีงบประมาณนี้ กรุณาเลือกใหม่")})
    known = {i.number for i in catalogue.indicators.all()}
    unknown = set(indicators) - known
    if unknown:
        raise ValidationError(_("ไม่มีตัวชี้วัดที่ %(n)s ในเกณฑ์ของปีนี้") % {"n": ", ".join(map(str, sorted(unknown)))})
    question_codes = set(catalogue.questions.values_list("code", flat=True))
    bad_questions = set(questions or {}) - question_codes
    if bad_questions:
        raise ValidationError(
            _("ไม่มีข้อคำถาม %(codes)s ในเกณฑ์ของปีนี้ กรุณาตรวจสอบรหัสข้อ")
            % {"codes": ", ".join(sorted(bad_questions))}
        )
    item_codes = set(catalogue.oit_items.values_list("code", flat=True))
    bad_items = set(oit or {}) - item_codes
    if bad_items:
        raise ValidationError(
            _("ไม่มีข้อ OIT %(codes)s ในเกณฑ์ของปีนี้ กรุณาตรวจสอบรหัสข้อหรือชุดเกณฑ์ที่เลือก")
            % {"codes": ", ".join(sorted(bad_items))}
        )
    check = scoring.check_total(catalogue, total, indicators)
    if check.status == ItaResult.TotalCheck.MISMATCH and not mismatch_reason.strip():
        raise ValidationError(
            _(
                "คะแนนรวม %(total)s ไม่ตรงกับคะแนนที่คำนวณจากคะแนนตัวชี้วัดตามน้ำหนักของปี (%(recomputed)s) "
                "กรุณาตรวจสอบคะแนนอีกครั้ง หากคะแนนถูกต้องตามประกาศของ ป.ป.ช. ให้ระบุเหตุผลเพื่อยืนยัน"
            )
            % {"total": total, "recomputed": scoring.q2(check.recomputed or Decimal(0))},
            code="total_mismatch",
        )
    instrument_values: dict[str, Decimal | None] = dict(instruments or {}) or dict(
        scoring.instrument_scores(catalogue, indicators)
    )
    band = scoring.band_for(catalogue, "rating", total, instrument_values)
    legacy = scoring.band_for(catalogue, "legacy", total)
    ItaResult.objects.filter(agency=agency, fiscal_year=fiscal_year).delete()
    result = ItaResult.objects.create(
        agency=agency,
        fiscal_year=fiscal_year,
        catalogue=catalogue,
        total=total,
        recomputed_total=check.recomputed.quantize(Decimal("0.001"))
        if check.recomputed is not None
        else None,
        total_check=check.status,
        mismatch_reason=mismatch_reason.strip() if check.status == ItaResult.TotalCheck.MISMATCH else "",
        rating_label=rating_label or (band.label if band else ""),
        legacy_grade=legacy.label if legacy else "",
        source=source,
        entered_by=acting_user,
    )
    rows: list[ResultScore] = []
    for number, value in indicators.items():
        rows.append(
            ResultScore(agency=agency, result=result, kind="indicator", code=str(number), score=value)
        )
    for code, value in (questions or {}).items():
        rows.append(ResultScore(agency=agency, result=result, kind="question", code=code, score=value))
    for code, value in (oit or {}).items():
        rows.append(ResultScore(agency=agency, result=result, kind="oit", code=code, score=value))
    for code, value in (instruments or {}).items():
        rows.append(ResultScore(agency=agency, result=result, kind="instrument", code=code, score=value))
    ResultScore.objects.bulk_create(rows)
    audit_record(
        agency=agency,
        actor=acting_user,
        action="ita.result.saved",
        obj=result,
        data={
            "fiscal_year": fiscal_year,
            "total": total,
            "total_check": check.status,
            "recomputed": check.recomputed,
            "scores": len(rows),
            "source": source,
        },
    )
    return result


@transaction.atomic
def manual_evidence_add(
    *,
    agency: Agency,
    acting_user: User,
    fiscal_year: int,
    subject: str,
    title: str,
    url: str = "",
    upload: UploadedFile | None = None,
    document_date: date | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
    confirmed_checks: list[str] | None = None,
    months: list[str] | None = None,
    nil_report: bool = False,
    note: str = "",
) -> ManualEvidence:
    """Attach a page or a document as the evidence of a data subject no app provides yet."""
    vocabulary = subjects()
    if subject not in vocabulary:
        raise ValidationError({"subject": _("ไม่รู้จักหัวข้อข้อมูลนี้ กรุณาเลือกจากรายการ")})
    checks = list(confirmed_checks or [])
    bad = set(checks) - set(vocabulary[subject].checks)
    if bad:
        raise ValidationError({"confirmed_checks": _("องค์ประกอบที่เลือกไม่ใช่ของหัวข้อนี้ กรุณาเลือกใหม่")})
    if not url and upload is None:
        raise ValidationError(_("กรุณาระบุที่อยู่หน้าเว็บบนเว็บไซต์ของหน่วยงาน หรือแนบไฟล์หลักฐาน"))
    if url and agency.website:
        from urllib.parse import urlsplit

        own = urlsplit(agency.website).hostname or ""
        host = urlsplit(url).hostname or ""
        if own and not (host == own or host.endswith("." + own)):
            raise ValidationError(
                {
                    "url": _(
                        "หลักฐานต้องอยู่บนเว็บไซต์หลักของหน่วยงาน (%(host)s) กรุณาใช้ที่อยู่บนเว็บไซต์ของหน่วยงานหรือแนบไฟล์"
                    )
                    % {"host": own}
                }
            )
    if period_start and period_end and period_start > period_end:
        raise ValidationError({"period_end": _("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้น")})
    attachment = None
    if upload is not None:
        attachment = attachment_create(agency=agency, acting_user=acting_user, upload=upload, title=title)
    evidence = ManualEvidence(
        agency=agency,
        fiscal_year=fiscal_year,
        subject=subject,
        title=title,
        url=url,
        attachment=attachment,
        document_date=document_date,
        period_start=period_start,
        period_end=period_end,
        confirmed_checks=checks,
        months=list(months or []),
        nil_report=nil_report,
        note=note,
        created_by=acting_user,
    )
    evidence.full_clean()
    evidence.save()
    audit_record(
        agency=agency,
        actor=acting_user,
        action="ita.evidence.attached",
        obj=evidence,
        data={
            "subject": subject,
            "fiscal_year": fiscal_year,
            "checks": checks,
            "file": attachment is not None,
        },
    )
    return evidence


@transaction.atomic
def manual_evidence_withdraw(*, evidence: ManualEvidence, acting_user: User) -> ManualEvidence:
    """Stop using a piece of manual evidence (the row and its file stay for the record)."""
    locked = ManualEvidence.objects.select_for_update().get(pk=evidence.pk)
    locked.is_active = False
    locked.save(update_fields=["is_active", "updated_at"])
    audit_record(agency=locked.agency, actor=acting_user, action="ita.evidence.withdrawn", obj=locked)
    return locked


def go_live_day(agency: Agency) -> date:
    """The day the agency started using Prongsai (its setup on the instance)."""
    from prongsai.core.thai import BANGKOK

    return agency.created_at.astimezone(BANGKOK).date()


@transaction.atomic
def backfilled_count_save(
    *,
    agency: Agency,
    acting_user: User,
    month: date,
    kind: str,
    count: int,
    reason: str,
    completed: int | None = None,
) -> BackfilledCount:
    """Enter (or correct) the total of one month from before go-live, with who entered it and why."""
    from prongsai.core.thai import fiscal_year as fiscal_year_of

    first = month.replace(day=1)
    if kind not in BackfilledCount.Kind.values:
        raise ValidationError({"kind": _("ไม่รู้จักประเภทนี้ กรุณาเลือกจากรายการ")})
    if count < 0 or (completed is not None and not 0 <= completed <= count):
        raise ValidationError({"completed": _("จำนวนที่ดำเนินการแล้วเสร็จต้องไม่เกินจำนวนทั้งหมด")})
    if not reason.strip():
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลและที่มาของตัวเลข เช่น สรุปจากทะเบียนรับเรื่อง")})
    next_month = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    if next_month > go_live_day(agency):
        raise ValidationError(
            {"month": _("บันทึกย้อนหลังได้เฉพาะเดือนที่สิ้นสุดก่อนเริ่มใช้ระบบ เดือนหลังจากนั้นระบบนับจากข้อมูลจริง")}
        )
    row = BackfilledCount.objects.select_for_update().filter(agency=agency, month=first, kind=kind).first()
    before = {"count": row.count, "completed": row.completed, "reason": row.reason} if row else None
    if row is None:
        row = BackfilledCount(agency=agency, month=first, kind=kind, entered_by=acting_user)
    row.fiscal_year = fiscal_year_of(first)
    row.count, row.completed, row.reason, row.entered_by = count, completed, reason.strip(), acting_user
    row.full_clean()
    row.save()
    audit_record(
        agency=agency,
        actor=acting_user,
        action="ita.backfilled_count.saved",
        obj=row,
        data={
            "month": first.isoformat(),
            "kind": kind,
            "count": count,
            "completed": completed,
            "before": before,
        },
    )
    return row


@transaction.atomic
def snapshot_store(
    *,
    agency: Agency,
    acting_user: User | None,
    fiscal_year: int,
    catalogue: Catalogue,
    item_code: str,
    url: str,
    status_code: int,
    content_type: str,
    content: bytes,
) -> EvidenceSnapshot:
    """Keep a frozen copy of one evidence page (its content hash goes into the audit chain)."""
    digest = hashlib.sha256(content).hexdigest()
    snapshot = EvidenceSnapshot(
        agency=agency,
        fiscal_year=fiscal_year,
        catalogue=catalogue,
        item_code=item_code,
        url=url,
        status_code=status_code,
        content_type=content_type[:100],
        content_sha256=digest,
        size=len(content),
        taken_by=acting_user,
    )
    extension = "html" if "html" in content_type else "bin"
    snapshot.file.save(
        f"{agency.pk}-{fiscal_year}-{item_code}-{digest[:12]}.{extension}", ContentFile(content), save=False
    )
    snapshot.save()
    audit_record(
        agency=agency,
        actor=acting_user,
        action="ita.snapshot.taken",
        obj=snapshot,
        data={"item": item_code, "url": url, "sha256": digest, "status": status_code},
    )
    return snapshot


ANALYSIS_TOPICS = (
    "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ",
    "การให้บริการและระบบ E-Service",
    "ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ",
    "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ",
    "กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง",
    "กระบวนการควบคุม ตรวจสอบการใช้อำนาจและการบริหารงานบุคคล",
    "กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน และการจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสของหน่วยงาน",
)


@transaction.atomic
def analysis_save(
    *,
    agency: Agency,
    acting_user: User,
    fiscal_year: int,
    result_year: int,
    summary: str = "",
    limitations: str = "",
    problems: str = "",
    suggestions: str = "",
    topics: list[dict[str, Any]] | None = None,
    reason: str = "",
) -> Analysis:
    """Create or change the analysis of a year (seven topics, findings and the actions that follow).

    A draft changes directly; a published analysis is corrected as a new public revision with a reason,
    whose content (topics included) is kept so that what was published before stays readable.
    """
    analysis = Analysis.objects.select_for_update().filter(agency=agency, fiscal_year=fiscal_year).first()
    published = analysis is not None and analysis.is_published
    if published and not reason.strip():
        raise ValidationError({"reason": _("การวิเคราะห์นี้เผยแพร่แล้ว กรุณาระบุเหตุผลของการแก้ไข")})
    before = analysis.snapshot() if analysis is not None and published else None
    if analysis is None:
        analysis = Analysis(agency=agency, fiscal_year=fiscal_year)
    analysis.result_year = result_year
    analysis.summary, analysis.limitations = summary, limitations
    analysis.problems, analysis.suggestions = problems, suggestions
    analysis.full_clean()
    analysis.save()
    for number, title in enumerate(ANALYSIS_TOPICS, start=1):
        data = (topics or [])[number - 1] if topics and len(topics) >= number else {}
        AnalysisTopic.objects.update_or_create(
            agency=agency,
            analysis=analysis,
            number=number,
            defaults={
                "title": data.get("title", title),
                "findings": data.get("findings", ""),
                "method": data.get("method", ""),
                "owner": data.get("owner", ""),
                "steps": data.get("steps", ""),
                "period": data.get("period", ""),
            },
        )
    if before is not None:
        if analysis.snapshot() == before:
            raise ValidationError(_("ไม่มีการเปลี่ยนแปลงเนื้อหา จึงไม่ได้สร้างฉบับแก้ไขใหม่"))
        add_revision_for_change(
            record=analysis, acting_user=acting_user, reason=reason, action="ita.analysis.revised"
        )
        analysis.refresh_from_db()
        return analysis
    audit_record(agency=agency, actor=acting_user, action="ita.analysis.saved", obj=analysis)
    return analysis


@transaction.atomic
def analysis_publish(*, analysis: Analysis, acting_user: User) -> Analysis:
    """Publish the analysis: it becomes public and the OIT evidence of the integrity-measures item."""
    return record_publish(record=analysis, acting_user=acting_user, action="ita.analysis.published")
