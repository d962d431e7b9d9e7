"""Guarded accessors of the people app: the same 404 for "missing", "not public" and "not yours"."""

from __future__ import annotations

from typing import TypeVar

from django.db import models
from django.http import Http404

from prongsai.core.access import parse_public_id
from prongsai.core.models import Agency, PublicationStatus, Publishable
from prongsai.people.models import (
    Attendance,
    ConductGuide,
    Course,
    EthicsCode,
    EthicsReport,
    GroupMember,
    HrRule,
    StaffPost,
    Tenure,
    WorkingGroup,
)

M = TypeVar("M", bound=models.Model)
P = TypeVar("P", bound=Publishable)


def _for_staff(model: type[M], agency: Agency, pk: int) -> M:
    found = model._default_manager.filter(agency=agency, pk=pk).first()
    if found is None:
        raise Http404
    return found


def _public(model: type[P], agency: Agency, public_id: str) -> P:
    found = model.objects.filter(
        agency=agency, public_id=parse_public_id(public_id), status=PublicationStatus.PUBLISHED
    ).first()
    if found is None:
        raise Http404
    return found


def get_post_for_staff(agency: Agency, pk: int) -> StaffPost:
    return _for_staff(StaffPost, agency, pk)


def get_tenure_for_staff(post: StaffPost, pk: int) -> Tenure:
    found = Tenure.objects.filter(agency=post.agency, post=post, pk=pk).first()
    if found is None:
        raise Http404
    return found


def get_rule_for_staff(agency: Agency, pk: int) -> HrRule:
    return _for_staff(HrRule, agency, pk)


def get_course_for_staff(agency: Agency, pk: int) -> Course:
    return _for_staff(Course, agency, pk)


def get_attendance_for_staff(course: Course, pk: int) -> Attendance:
    found = Attendance.objects.filter(agency=course.agency, course=course, pk=pk).first()
    if found is None:
        raise Http404
    return found


def get_code_for_staff(agency: Agency, pk: int) -> EthicsCode:
    return _for_staff(EthicsCode, agency, pk)


def get_group_for_staff(agency: Agency, pk: int) -> WorkingGroup:
    return _for_staff(WorkingGroup, agency, pk)


def get_member_for_staff(group: WorkingGroup, pk: int) -> GroupMember:
    found = GroupMember.objects.filter(agency=group.agency, group=group, pk=pk).first()
    if found is None:
        raise Http404
    return found


def get_guide_for_staff(agency: Agency, pk: int) -> ConductGuide:
    return _for_staff(ConductGuide, agency, pk)


def get_report_for_staff(agency: Agency, pk: int) -> EthicsReport:
    return _for_staff(EthicsReport, agency, pk)


def get_public_rule(agency: Agency, public_id: str) -> HrRule:
    return _public(HrRule, agency, public_id)


def get_public_code(agency: Agency, public_id: str) -> EthicsCode:
    return _public(EthicsCode, agency, public_id)
