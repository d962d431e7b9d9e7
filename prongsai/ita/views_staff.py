"""Back-office ITA pages: readiness, the year's catalogue choice, manual evidence, results, snapshots."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.core.http import StaffRequest
from prongsai.core.permissions import staff
from prongsai.core.roles import Cap
from prongsai.core.thai import BANGKOK, fiscal_year
from prongsai.core.views_forms import apply_errors, form_action, form_status, posted, posted_files
from prongsai.ita import access, selectors, services
from prongsai.ita.catalogue_files import subjects
from prongsai.ita.forms import (
    AnalysisForm,
    BackfilledCountForm,
    ManualEvidenceForm,
    ResultsImportForm,
    YearSettingForm,
)
from prongsai.ita.readiness_store import check_now, current_readiness
from prongsai.ita.results_csv import parse_results_csv
from prongsai.ita.snapshots import take_snapshots


def _today() -> date:
    return timezone.now().astimezone(BANGKOK).date()


@staff(Cap.BACKOFFICE)
def home(request: StaffRequest) -> HttpResponse:
    years = selectors.offered_years()
    current = fiscal_year(_today())
    return render(
        request,
        "ita/staff/home.html",
        {"years": years, "current": current, "results": selectors.results_of(request.agency)},
    )


@staff(Cap.ITA_MANAGE)
def readiness_view(request: StaffRequest, year: int) -> HttpResponse:
    checked = current_readiness(request.agency, year)  # stored; "check now" recomputes it live
    if checked is None:
        raise Http404
    state = checked.state
    answer = state.answer_date or state.as_of
    titles = {key: subject.title for key, subject in subjects().items()}
    return render(
        request,
        "ita/staff/readiness.html",
        {
            "year": year,
            "catalogue": state.catalogue,
            "provisional": state.provisional,
            "answer_date": answer,
            "answer_passed": answer < _today(),
            "state": state,
            "computed_at": checked.computed_at,
            "setting": selectors.year_setting(request.agency, year),
            # Each manual evidence named by its subject's Thai title, never the subject's key.
            "evidence": [
                (ev, titles.get(ev.subject, ev.subject))
                for ev in selectors.manual_evidence_for_staff(request.agency, year)
            ],
            "snapshots": selectors.snapshots_of(request.agency, year)[:50],
            "subjects": subjects(),
        },
    )


@staff(Cap.ITA_MANAGE)
@require_POST
def readiness_check_now(request: StaffRequest, year: int) -> HttpResponse:
    """Compute the readiness live now (and store it), whatever the stored result says."""
    if check_now(request.agency, year) is None:
        raise Http404
    messages.success(request, _("ตรวจความพร้อมใหม่จากข้อมูลปัจจุบันเรียบร้อยแล้ว"))
    return redirect("ita:staff_readiness", year=year)


@staff(Cap.ITA_MANAGE)
def year_settings(request: StaffRequest, year: int) -> HttpResponse:
    setting = selectors.year_setting(request.agency, year)
    initial = {"catalogue": setting.catalogue_id, "answer_date": setting.answer_date} if setting else {}
    form = YearSettingForm(posted(request), fiscal_year=year, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.year_setting_choose(
                agency=request.agency,
                acting_user=request.user,
                fiscal_year=year,
                catalogue=form.cleaned_data["catalogue"],
                answer_date=form.cleaned_data["answer_date"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกการตั้งค่าเรียบร้อยแล้ว"))
            return redirect("ita:staff_readiness", year=year)
    return render(
        request,
        "ita/staff/form.html",
        {"form": form, "title": _("ชุดเกณฑ์และวันที่ตอบแบบ OIT ปี %(year)s") % {"year": year}, "year": year},
        status=form_status(form),
    )


@staff(Cap.ITA_MANAGE)
def evidence_new(request: StaffRequest, year: int) -> HttpResponse:
    form = ManualEvidenceForm(posted(request), posted_files(request), subject=request.GET.get("subject"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.manual_evidence_add(
                agency=request.agency,
                acting_user=request.user,
                fiscal_year=year,
                subject=data["subject"],
                title=data["title"],
                url=data["url"],
                upload=data["upload"],
                document_date=data["document_date"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                confirmed_checks=list(data["confirmed_checks"]),
                nil_report=data["nil_report"],
                note=data["note"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("แนบหลักฐานเรียบร้อยแล้ว"))
            return redirect("ita:staff_readiness", year=year)
    return render(
        request,
        "ita/staff/form.html",
        {
            "form": form,
            "title": _("แนบหลักฐานประจำปี %(year)s") % {"year": year},
            "year": year,
            "multipart": True,
        },
        status=form_status(form),
    )


@staff(Cap.ITA_MANAGE)
@require_POST
def evidence_withdraw(request: StaffRequest, pk: int) -> HttpResponseBase:
    evidence = access.get_evidence_for_staff(request.agency, pk)
    return form_action(
        request,
        None,
        lambda _data: services.manual_evidence_withdraw(evidence=evidence, acting_user=request.user),
        success=_("ยกเลิกการใช้หลักฐานนี้แล้ว"),
        done=resolve_url("ita:staff_readiness", year=evidence.fiscal_year),
    )


@staff(Cap.ITA_MANAGE)
@require_POST
def snapshots_take(request: StaffRequest, year: int) -> HttpResponseBase:
    offer = selectors.offered_catalogue(request.agency, year)
    if offer is None:
        raise Http404
    return form_action(
        request,
        None,
        lambda _data: take_snapshots(
            agency=request.agency, acting_user=request.user, catalogue=offer.catalogue, fiscal_year=year
        ),
        success=lambda taken: _("เก็บสำเนาหลักฐานแล้ว %(n)s หน้า") % {"n": len(taken)},
        done=resolve_url("ita:staff_readiness", year=year),
    )


@staff(Cap.ITA_MANAGE)
def results_import(request: StaffRequest) -> HttpResponse:
    form = ResultsImportForm(posted(request), posted_files(request))
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["fiscal_year"]
        catalogue = selectors.catalogue_for(request.agency, year)
        parsed = parse_results_csv(form.content())
        problems = parsed.errors
        if catalogue is None:
            problems.append(_("ยังไม่มีเกณฑ์การประเมินของปีงบประมาณนี้ กรุณาตรวจสอบปีงบประมาณ"))
        if not problems and catalogue is not None and parsed.total is not None:
            try:
                result = services.result_save(
                    agency=request.agency,
                    acting_user=request.user,
                    fiscal_year=year,
                    catalogue=catalogue,
                    total=parsed.total,
                    indicators=parsed.indicators,
                    questions=parsed.questions,
                    oit=parsed.oit,
                    instruments=parsed.instruments,
                    mismatch_reason=form.cleaned_data["mismatch_reason"],
                    source="csv",
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("นำเข้าผลการประเมินปี %(year)s แล้ว: %(check)s")
                    % {"year": year, "check": result.get_total_check_display()},
                )
                return redirect("ita:staff_home")
        for problem in problems:
            form.add_error("file" if form.cleaned_data.get("file") else "text", problem)
    return render(
        request,
        "ita/staff/form.html",
        {"form": form, "title": _("บันทึกหรือนำเข้าผลการประเมิน ITA"), "multipart": True},
        status=form_status(form),
    )


@staff(Cap.ITA_MANAGE)
def analysis_edit(request: StaffRequest, year: int) -> HttpResponse:
    """Edit the analysis of a year (seed measure 8.10); a published one is corrected with a reason."""
    analysis = selectors.analysis_of(request.agency, year)
    initial: dict[str, object] = {"result_year": year - 1}
    if analysis is not None:
        initial = {
            "result_year": analysis.result_year,
            "summary": analysis.summary,
            "limitations": analysis.limitations,
            "problems": analysis.problems,
            "suggestions": analysis.suggestions,
        }
        for topic in analysis.topics.all():
            for name in ("findings", "method", "owner", "steps", "period"):
                initial[f"topic_{topic.number}_{name}"] = getattr(topic, name)
    published = analysis is not None and analysis.is_published
    form = AnalysisForm(
        posted(request), topics=services.ANALYSIS_TOPICS, initial=initial, published=published
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.analysis_save(
                agency=request.agency,
                acting_user=request.user,
                fiscal_year=year,
                result_year=form.cleaned_data["result_year"],
                summary=form.cleaned_data["summary"],
                limitations=form.cleaned_data["limitations"],
                problems=form.cleaned_data["problems"],
                suggestions=form.cleaned_data["suggestions"],
                topics=form.topics(),
                reason=form.cleaned_data.get("reason", ""),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("บันทึกฉบับแก้ไขและเผยแพร่เรียบร้อยแล้ว") if published else _("บันทึกการวิเคราะห์เรียบร้อยแล้ว"),
            )
            return redirect("ita:staff_analysis", year=year)
    return render(
        request,
        "ita/staff/analysis.html",
        {"form": form, "analysis": analysis, "year": year},
        status=form_status(form),
    )


@staff(Cap.ITA_MANAGE)
@require_POST
def analysis_publish(request: StaffRequest, year: int) -> HttpResponseBase:
    analysis = selectors.analysis_of(request.agency, year)
    if analysis is None:
        raise Http404
    return form_action(
        request,
        None,
        lambda _data: services.analysis_publish(analysis=analysis, acting_user=request.user),
        success=_("เผยแพร่การวิเคราะห์เรียบร้อยแล้ว"),
        done=resolve_url("ita:staff_analysis", year=year),
    )


@staff(Cap.ITA_MANAGE)
def counts(request: StaffRequest, year: int) -> HttpResponse:
    """Monthly totals of the months before go-live, entered with who and why (statistics items)."""
    form = BackfilledCountForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.backfilled_count_save(
                agency=request.agency,
                acting_user=request.user,
                month=data["month"],
                kind=data["kind"],
                count=data["count"],
                completed=data["completed"],
                reason=data["reason"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("บันทึกยอดรวมย้อนหลังเรียบร้อยแล้ว"))
            return redirect("ita:staff_counts", year=year)
    return render(
        request,
        "ita/staff/counts.html",
        {
            "form": form,
            "year": year,
            "rows": selectors.backfilled_counts(request.agency, year),
            "go_live": services.go_live_day(request.agency),
        },
        status=form_status(form),
    )
