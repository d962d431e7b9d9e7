"""Every background task takes an agency id, loads the agency and runs inside its scope."""

from __future__ import annotations

import logging

import pytest
from django_scopes import get_scope
from django_tasks import TaskResultStatus

from prongsai.core.models import Agency, OrgUnit
from prongsai.core.tasking import agency_task


class ExpectedProblem(Exception):
    pass


@agency_task()
def count_units(agency: Agency, side: str) -> int:
    """Counts through the scoped manager: it works only inside the agency's scope."""
    return OrgUnit.objects.filter(side=side).count()


@agency_task(throws=(ExpectedProblem,))
def fail_as_expected(agency: Agency) -> None:
    raise ExpectedProblem("ไฟล์เสีย")


@agency_task(throws=(ExpectedProblem,))
def fail_by_a_bug(agency: Agency) -> None:
    raise KeyError("oops")


@agency_task()
def scope_seen(agency: Agency) -> int:
    return get_scope()["agency"].pk


def test_the_body_runs_in_the_scope_of_the_agency_it_was_given(agency, other_agency, in_scope):
    with in_scope(agency):
        OrgUnit.objects.create(agency=agency, side=OrgUnit.Side.CAREER, name_th="กองคลัง")
    with in_scope(other_agency):
        OrgUnit.objects.create(agency=other_agency, side=OrgUnit.Side.CAREER, name_th="กองช่าง")
        OrgUnit.objects.create(agency=other_agency, side=OrgUnit.Side.CAREER, name_th="กองคลัง")
    # Called from outside any scope, as a worker does; the other agency's rows stay invisible.
    assert count_units.call(agency.pk, OrgUnit.Side.CAREER) == 1
    assert count_units.call(other_agency.pk, OrgUnit.Side.CAREER) == 2
    assert scope_seen.call(agency.pk) == agency.pk


def test_a_task_is_enqueued_with_the_agency_id_first_and_its_result_recorded(agency):
    result = count_units.enqueue(agency.pk, OrgUnit.Side.POLITICAL)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 0


def test_a_task_of_a_removed_or_deactivated_agency_does_nothing(agency):
    assert count_units.call(agency.pk + 1000, OrgUnit.Side.CAREER) is None
    Agency.objects.filter(pk=agency.pk).update(is_active=False)
    assert count_units.call(agency.pk, OrgUnit.Side.CAREER) is None


def test_a_declared_error_is_logged_as_one_line_and_recorded_as_a_failure(agency, caplog):
    with caplog.at_level(logging.WARNING, logger="prongsai.core.tasking"):
        result = fail_as_expected.enqueue(agency.pk)
    assert result.status == TaskResultStatus.FAILED
    ours = [r for r in caplog.records if r.name == "prongsai.core.tasking"]
    # The class, never the message: an expected error's message can quote personal data.
    expected = f"task fail_as_expected for agency {agency.pk}: ExpectedProblem"
    assert [r.getMessage() for r in ours] == [expected]
    assert ours[0].exc_info is None


def test_an_undeclared_error_is_a_bug_and_propagates_untouched(agency, caplog):
    with caplog.at_level(logging.WARNING, logger="prongsai.core.tasking"), pytest.raises(KeyError):
        fail_by_a_bug.call(agency.pk)
    assert [r for r in caplog.records if r.name == "prongsai.core.tasking"] == []


def test_the_task_keeps_the_bodys_name_so_the_worker_can_import_it():
    assert count_units.name == "count_units"
    assert count_units.module_path == f"{__name__}.count_units"
