"""The E-Service answers its OIT items (manuals, E-Service, statistics, satisfaction) from its own data:
items go ready when the data is complete and in the item's period, and fall back when data goes missing."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.utils import timezone

from conftest import make_member
from prongsai.core.roles import Role
from prongsai.core.thai import BANGKOK
from prongsai.eservice import services, services_catalogue
from prongsai.eservice.models import Channel, DurationUnit, Service
from prongsai.ita.models import Catalogue
from prongsai.ita.readiness import Status, readiness

pytestmark = pytest.mark.django_db

# The fixtures publish the manuals today, so readiness is judged today (on the FY answer dates they would be
# published too late: ita/readiness.py).
AS_OF = {2567: timezone.localdate(), 2568: timezone.localdate()}
# The items of each catalogue that the E-Service answers, by data subject.
ITEMS = {
    "2567-A": {"staff_manual": "o10", "service_manual": "o11", "eservice": "o12", "service_stats": "o13"},
    "2568": {"staff_manual": "O8", "service_manual": "O9", "eservice": "O10", "service_stats": "O11"},
    "2567-B": {"service_stats": "o16", "satisfaction_survey": "o17", "eservice": "o18"},
}


def _item(agency, in_scope, code, subject):
    with in_scope(agency):
        catalogue = Catalogue.objects.get(code=code)
        state = readiness(agency, catalogue, as_of=AS_OF[catalogue.fiscal_year])
    return next(s for s in state.items if s.item.code == ITEMS[code][subject])


def _at(year, month, day):
    return datetime(year, month, day, 10, 0, tzinfo=BANGKOK)


@pytest.fixture
def head(agency):
    return make_member(agency, "head", Role.HEAD_OF_DIVISION)


@pytest.mark.parametrize("code", ["2567-A", "2568"])
def test_the_published_manuals_answer_the_manual_and_e_service_items(
    agency, catalogues, catalogue, in_scope, code
):
    for subject in ("service_manual", "staff_manual", "eservice"):
        state = _item(agency, in_scope, code, subject)
        assert state.status == Status.READY, (subject, [e.element.check_key for e in state.missing])
        assert {e.source for e in state.elements} == {"app"}
    manual = _item(agency, in_scope, code, "service_manual")
    assert "/eservice/" in manual.urls
    assert "/eservice/services/building-permit/" in manual.urls
    assert _item(agency, in_scope, code, "eservice").urls == ["/eservice/"]


def test_an_agency_without_a_published_service_has_no_evidence(agency, catalogues, in_scope):
    for subject in ("service_manual", "staff_manual", "eservice", "service_stats"):
        assert _item(agency, in_scope, "2568", subject).status == Status.NO_EVIDENCE


def test_a_manual_published_without_its_laws_leaves_the_staff_manual_incomplete(
    agency, admin_member, catalogues, catalogue, in_scope
):
    with in_scope(agency):
        unit = catalogue["elderly-allowance"].owner_unit
        draft = services_catalogue.service_create_draft(
            agency=agency,
            acting_user=admin_member,
            code="tree-trimming",
            name_th="การขอให้ตัดแต่งกิ่งไม้ในที่สาธารณะ",
            owner_unit=unit,
            category=Service.Category.ENVIRONMENT,
            steps=[
                {
                    "name": "ออกสำรวจและตัดแต่งกิ่งไม้",
                    "duration_value": 5,
                    "duration_unit": DurationUnit.WORKING_DAYS,
                }
            ],
            documents=[],
        )
        services_catalogue.service_publish(service=draft, acting_user=admin_member)
    staff = _item(agency, in_scope, "2568", "staff_manual")
    assert staff.status == Status.MISSING
    assert [e.element.check_key for e in staff.missing] == ["laws"]
    # The citizen manual still states everything: no documents is stated as "none", the fee as "no fee".
    assert _item(agency, in_scope, "2568", "service_manual").status == Status.READY


def test_no_service_open_to_online_requests_means_no_e_service(
    agency, admin_member, catalogues, catalogue, in_scope
):
    with in_scope(agency):
        for service in catalogue.values():
            services_catalogue.service_revise(
                service=service,
                acting_user=admin_member,
                reason="รับคำขอที่จุดให้บริการเท่านั้น",
                channel_eservice=False,
            )
    state = _item(agency, in_scope, "2567-A", "eservice")
    assert state.status == Status.MISSING
    assert [e.element.check_key for e in state.missing] == ["exists"]


def test_statistics_need_walk_in_and_online_counts_of_the_assessed_year(
    agency, member, catalogues, catalogue, submit, in_scope
):
    service = catalogue["elderly-allowance"]
    empty = _item(agency, in_scope, "2567-A", "service_stats")
    assert empty.status == Status.MISSING
    assert {e.element.check_key for e in empty.missing} == {"walk_in", "online"}
    assert "/eservice/statistics/?fy=2567" in empty.urls

    submit(service, channel=Channel.WALK_IN, acting_user=member, at=_at(2023, 11, 15))
    walk_in_only = _item(agency, in_scope, "2567-A", "service_stats")
    assert [e.element.check_key for e in walk_in_only.missing] == ["online"]

    submit(service, at=_at(2024, 2, 6))
    assert _item(agency, in_scope, "2567-A", "service_stats").status == Status.READY
    assert _item(agency, in_scope, "2567-B", "service_stats").status == Status.READY  # counts per service
    # The same requests are not statistics of the next year.
    assert _item(agency, in_scope, "2568", "service_stats").status == Status.MISSING


def test_satisfaction_results_must_be_those_of_the_previous_year(
    agency, head, catalogues, catalogue, submit, in_scope
):
    service = catalogue["elderly-allowance"]
    assert _item(agency, in_scope, "2567-B", "satisfaction_survey").status == Status.MISSING

    def answered(received, closed):
        req = submit(service, at=received).request
        with in_scope(agency):
            req = services.request_reject(request=req, acting_user=head, reason="อายุยังไม่ครบ 60 ปี", at=closed)
            services.satisfaction_submit(request=req, speed=4, staff=5, clarity=4, overall=4, at=closed)

    answered(_at(2024, 1, 10), _at(2024, 1, 12))  # fiscal year 2567: the assessed year itself
    state = _item(agency, in_scope, "2567-B", "satisfaction_survey")
    assert state.status == Status.WRONG_PERIOD
    assert "/eservice/statistics/?fy=2567#satisfaction" in state.urls

    answered(_at(2023, 3, 1), _at(2023, 3, 3))  # fiscal year 2566: the year the item asks for
    state = _item(agency, in_scope, "2567-B", "satisfaction_survey")
    assert state.status == Status.READY
    assert "/eservice/statistics/?fy=2566#satisfaction" in state.urls


def test_the_public_ita_index_links_to_the_e_service_pages(anon, agency, catalogues, catalogue):
    page = anon.get("/ita/2568/").content.decode()
    assert 'href="/eservice/"' in page
    assert 'href="/eservice/services/elderly-allowance/"' in page
    assert 'href="/eservice/statistics/?fy=2568"' in page


def test_the_statistics_page_has_the_satisfaction_section_the_evidence_links_to(anon, agency, catalogue):
    page = anon.get("/eservice/statistics/?fy=2566").content.decode()
    assert 'id="satisfaction"' in page
