"""The corruption channel answers the OIT items on its guideline, its channel and its statistics."""

from __future__ import annotations

from datetime import date, datetime

import time_machine
from django.test import Client
from django.utils import timezone

from conftest import AGENCY_HOST
from prongsai.core.tenancy import agency_scope
from prongsai.core.thai import BANGKOK
from prongsai.ita.models import Catalogue
from prongsai.ita.readiness import Status, readiness
from prongsai.whistleblower.tests import factories
from prongsai.whistleblower.tests.factories import recipient

from .test_guideline_and_statistics import GUIDELINE

AS_OF = date(2024, 4, 30)


def _items(agency, code="2567-A", as_of=AS_OF):
    with agency_scope(agency):
        state = readiness(agency, Catalogue.objects.get(code=code), as_of=as_of)
    return {s.item.code: s for s in state.items}


def test_the_guideline_item_follows_the_published_guideline(agency, admin_client, catalogues):
    assert _items(agency)["o22"].status == Status.NO_EVIDENCE
    assert admin_client.post("/staff/integrity/guideline/", GUIDELINE).status_code == 302
    assert _items(agency)["o22"].status == Status.NO_EVIDENCE, "a draft guideline is not evidence"
    assert admin_client.post("/staff/integrity/guideline/publish/").status_code == 302
    # Published today: too late for the FY2567 answer date, ready when judged today.
    assert _items(agency)["o22"].status == Status.WRONG_PERIOD
    item = _items(agency, as_of=timezone.localdate())["o22"]
    assert item.status == Status.READY and item.urls == ["/integrity/guideline/"]
    assert _items(agency, "2568", timezone.localdate())["O17"].status == Status.READY


def test_the_channel_counts_only_once_a_recipient_can_read_reports(agency, catalogues):
    item = _items(agency)["o23"]
    assert item.status == Status.MISSING
    assert {e.element.check_key for e in item.missing} == {"online", "follow_up"}


def test_the_channel_is_ready_with_a_committee_key(agency, committee, catalogues):
    item = _items(agency)["o23"]
    assert item.status == Status.READY
    assert "/integrity/" in item.urls and "/integrity/follow-up/" in item.urls


def test_statistics_answer_their_year_with_explicit_zeros(agency, committee, catalogues):
    with time_machine.travel(datetime(2024, 1, 10, 10, 0, tzinfo=BANGKOK), tick=False), agency_scope(agency):
        factories.report(agency)
    with time_machine.travel(datetime(2024, 5, 1, 9, 0, tzinfo=BANGKOK), tick=False):
        item = _items(agency)["o24"]
        assert item.status == Status.READY
        assert item.urls == [
            "/integrity/statistics/?year=2567",
            "/documents/corruption-complaint-statistics.pdf?fiscal_year=2567",
            "/documents/corruption-complaint-statistics.xlsx?fiscal_year=2567",
        ]
        # FY2568 has not started on that day: the page does not offer it yet.
        assert _items(agency, "2568", date(2025, 4, 30))["O19"].status == Status.NO_EVIDENCE


def test_a_year_the_channel_was_open_without_reports_publishes_its_zeros(agency, catalogues):
    from prongsai.core.roles import Role

    with time_machine.travel(datetime(2023, 11, 1, 9, 0, tzinfo=BANGKOK), tick=False):
        recipient(agency, "early", Role.INTEGRITY_COMMITTEE)
    # A year later the channel has still received nothing; FY2567 is still offered, with its zeros.
    with time_machine.travel(datetime(2025, 5, 1, 9, 0, tzinfo=BANGKOK), tick=False):
        item = _items(agency)["o24"]
        page = Client(HTTP_HOST=AGENCY_HOST).get("/integrity/statistics/?year=2567")
    assert item.status == Status.READY
    assert page.context["year"] == 2567 and page.context["stats"].total == 0
    assert len(page.context["stats"].months) == 12
