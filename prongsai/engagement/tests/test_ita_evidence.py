"""The Q&A board and the participation records answer their OIT items from the app's own data."""

from __future__ import annotations

from datetime import date

from prongsai.core.tenancy import agency_scope
from prongsai.engagement import services
from prongsai.engagement.tests import factories
from prongsai.ita.models import Catalogue
from prongsai.ita.readiness import Status, readiness

AS_OF = date(2024, 4, 30)


def _item(agency, code, item_code, as_of=AS_OF):
    with agency_scope(agency):
        state = readiness(agency, Catalogue.objects.get(code=code), as_of=as_of)
    return next(s for s in state.items if s.item.code == item_code)


def test_participation_is_missing_until_a_record_of_the_year_is_published(agency, admin_member, catalogues):
    with agency_scope(agency):
        forum = factories.participation(agency, admin_member)
    draft = _item(agency, "2567-A", "o25")
    assert draft.status == Status.NO_EVIDENCE, "a draft is not evidence"

    with agency_scope(agency):
        services.participation_publish(activity=forum, acting_user=admin_member)
    published = _item(agency, "2567-A", "o25")
    assert published.status == Status.READY
    assert {e.source for e in published.elements} == {"app"}
    assert f"/participation/{forum.public_id}/" in published.urls
    assert "/participation/?year=2567" in published.urls

    # The forum of November 2023 is FY2567: it answers nothing for FY2568, and it is out of the window of an
    # answer date before it happened.
    assert _item(agency, "2568", "O20", as_of=date(2025, 4, 30)).status == Status.NO_EVIDENCE
    assert _item(agency, "2567-A", "o25", as_of=date(2023, 10, 31)).status == Status.WRONG_PERIOD


def test_an_activity_without_its_participants_misses_that_element(agency, admin_member, catalogues):
    with agency_scope(agency):
        activity = factories.participation(agency, admin_member, participant_groups=[])
        services.participation_publish(activity=activity, acting_user=admin_member)
    state = _item(agency, "2567-A", "o25")
    assert state.status == Status.MISSING
    assert [e.element.check_key for e in state.missing] == ["participants"]


def test_the_qa_board_answers_the_fy2566_qa_item(agency, catalogues):
    with agency_scope(agency):
        catalogue = Catalogue.objects.get(code="2566")
        item = next(
            s
            for s in readiness(agency, catalogue, as_of=date(2023, 4, 30)).items
            if any(e.element.subject == "qa_channel" for e in s.elements)
        )
    assert item.status == Status.READY and item.urls == ["/qa/"]
