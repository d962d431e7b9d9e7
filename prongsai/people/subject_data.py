"""What the people app holds about a requester (PDPA access requests, ``core.subject_data``): a member of
staff's person record, the posts they held, the training they attended, the ethics working groups they sat
on and their acknowledgements of the codes of ethics.

A person is found by the e-mail address or phone of their record, or by their full name (the name is how the
staffing register knows former staff); acknowledgements by the e-mail address of the staff account.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from prongsai.core.models import Agency, Person
from prongsai.core.subject_data import Holding, SubjectQuery, inventoried_fields
from prongsai.core.thai import format_date, format_datetime

from . import catalogue
from .models import Acknowledgement, Attendance, GroupMember, Tenure


def _people(agency: Agency, query: SubjectQuery) -> list[Person]:
    match = Q(pk__in=[])
    if query.email:
        match |= Q(email__iexact=query.email)
    if query.phone:
        match |= Q(phone=query.phone)
    if query.first_name:
        match |= Q(first_name__iexact=query.first_name)
    found = Person.objects.filter(agency=agency).filter(match).order_by("pk")
    return [
        p
        for p in found
        if (query.email and p.email.lower() == query.email)
        or (query.phone and p.phone == query.phone)
        or query.matches_name(f"{p.first_name} {p.last_name}")
    ]


def find(agency: Agency, query: SubjectQuery) -> list[Holding]:
    holdings: list[Holding] = []
    types = {t.key: t.label for t in catalogue.position_types()}
    for person in _people(agency, query):
        name = f"{person.prefix}{person.first_name} {person.last_name}"
        holdings.append(
            Holding(
                source=_("ข้อมูลบุคลากร: %(name)s") % {"name": name},
                fields=inventoried_fields(person),
            )
        )
        tenures = Tenure.objects.filter(agency=agency, person=person).select_related("post__position")
        for tenure in tenures.order_by("started_on"):
            holdings.append(
                Holding(
                    source=_("การดำรงตำแหน่งตามแผนอัตรากำลัง เลขที่ %(code)s") % {"code": tenure.post.code},
                    fields=[
                        (_("ตำแหน่ง"), tenure.post.position.title_th if tenure.post.position else ""),
                        (_("ประเภทตำแหน่ง"), str(types.get(tenure.post.position_type, ""))),
                        (_("ดำรงตำแหน่งตั้งแต่"), format_date(tenure.started_on)),
                        (_("พ้นจากตำแหน่งเมื่อ"), format_date(tenure.ended_on) if tenure.ended_on else ""),
                    ],
                )
            )
        attended = Attendance.objects.filter(agency=agency, person=person).select_related(
            "course", "certificate"
        )
        for attendance in attended.order_by("course__starts_on"):
            course = attendance.course
            holdings.append(
                Holding(
                    source=_("การฝึกอบรม: %(title)s") % {"title": course.title},
                    fields=[
                        (_("วันที่อบรม"), f"{format_date(course.starts_on)} – {format_date(course.ends_on)}"),
                        (_("จำนวนชั่วโมง"), str(course.hours)),
                        (_("ผู้จัด"), course.provider),
                        (
                            _("วุฒิบัตร"),
                            attendance.certificate.original_name if attendance.certificate else "",
                        ),
                    ],
                )
            )
        for member in GroupMember.objects.filter(agency=agency, person=person).select_related("group"):
            holdings.append(
                Holding(
                    source=str(member.group.title),
                    fields=[(_("บทบาท"), str(member.get_role_display()))],
                )
            )
    if query.email:
        acknowledged = Acknowledgement.objects.filter(agency=agency, user__email__iexact=query.email)
        for ack in acknowledged.order_by("fiscal_year"):
            holdings.append(
                Holding(
                    source=_("การรับทราบประมวลจริยธรรมและแนวปฏิบัติ ปีงบประมาณ %(year)s")
                    % {"year": ack.fiscal_year},
                    fields=[(_("รับทราบเมื่อ"), format_datetime(ack.acknowledged_at))],
                )
            )
    return holdings


FINDERS = [find]
