"""The readiness is computed once per evidence change, stored, and read back equal to the live check."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.core.demo import create_structure
from prongsai.core.pagecache import bump_agency
from prongsai.core.thai import BANGKOK
from prongsai.ita import selectors, services
from prongsai.ita.models import StoredReadiness
from prongsai.ita.readiness import readiness
from prongsai.ita.readiness_store import current_readiness, refresh_all, to_json
from prongsai.ops.schedule import get_job


@pytest.fixture
def structure(agency, admin_member, in_scope):
    with in_scope(agency):
        create_structure(agency, admin_member)


def _live(agency, year):
    offer = selectors.offered_catalogue(agency, year)
    answer = selectors.answer_date_for(agency, year)
    today = timezone.now().astimezone(BANGKOK).date()
    return readiness(
        agency,
        offer.catalogue,
        as_of=min(today, answer),
        fiscal_year=year,
        provisional=offer.provisional,
        answer_date=answer,
    )


def _add_manual(agency, user, **overrides):
    fields = {
        "agency": agency,
        "acting_user": user,
        "fiscal_year": 2567,
        "subject": "corruption_complaint_stats",
        "title": "สถิติเรื่องร้องเรียนการทุจริต",
        "url": "https://wangthong.test/pages/complaint-stats/",
        "document_date": date(2024, 3, 31),
        "confirmed_checks": ["total", "done", "pending"],
    }
    fields.update(overrides)
    return services.manual_evidence_add(**fields)


@pytest.mark.parametrize("year", [2567, 2568])
def test_the_stored_readiness_equals_the_live_computation(
    agency, admin_member, catalogues, structure, seed_fy2567, in_scope, year
):
    with in_scope(agency):
        _add_manual(agency, admin_member, fiscal_year=year)
        first = current_readiness(agency, year)
        with CaptureQueriesContext(connection) as reading:
            stored = current_readiness(agency, year)
        live = _live(agency, year)
    assert first is not None and stored is not None
    assert stored.computed_at == first.computed_at  # read back, not computed again
    assert len(reading) < 15
    assert to_json(stored.state) == to_json(live)
    assert stored.state.oit_score == live.oit_score
    assert stored.state.ready_count == live.ready_count
    assert [(s.item.title_th, s.status_label, [m.title for m in s.manual]) for s in stored.state.items] == [
        (s.item.title_th, s.status_label, [m.title for m in s.manual]) for s in live.items
    ]
    assert any(s.manual for s in stored.state.items)


def test_new_evidence_outdates_the_stored_readiness(agency, admin_member, catalogues, structure, in_scope):
    with in_scope(agency):
        before = current_readiness(agency, 2567)
        _add_manual(agency, admin_member)
        after = current_readiness(agency, 2567)
        live = _live(agency, 2567)
    assert before is not None and after is not None
    assert after.computed_at > before.computed_at
    assert to_json(after.state) == to_json(live)
    assert to_json(after.state) != to_json(before.state)
    with scopes_disabled():
        assert StoredReadiness.objects.filter(agency=agency).count() == 1


def test_a_publication_refreshes_the_store_in_the_background(
    agency, admin_member, catalogues, structure, in_scope, django_capture_on_commit_callbacks
):
    with in_scope(agency):
        current_readiness(agency, 2567)
        stored_before = StoredReadiness.objects.get(agency=agency, fiscal_year=2567)
        with django_capture_on_commit_callbacks(execute=True):
            _add_manual(agency, admin_member)
        stored_after = StoredReadiness.objects.get(agency=agency, fiscal_year=2567)
        assert stored_after.version != stored_before.version
        assert stored_after.result == to_json(_live(agency, 2567))


def test_the_nightly_job_refreshes_every_stored_year(agency, catalogues, structure, in_scope):
    assert get_job("ita.readiness") is not None
    with in_scope(agency):
        current_readiness(agency, 2567)
        bump_agency(agency.pk)  # as if the agency had published while nobody looked
        assert refresh_all(agency) >= 2  # 2567 and the current year
        row = StoredReadiness.objects.get(agency=agency, fiscal_year=2567)
        assert row.result == to_json(_live(agency, 2567))
        with CaptureQueriesContext(connection) as idle:
            refresh_all(agency)
    assert len(idle) < 40  # nothing changed: rows read, nothing computed


def test_the_staff_check_now_recomputes_live(admin_client, agency, catalogues, structure):
    page = admin_client.get("/staff/ita/2567/")
    assert page.status_code == 200
    assert "ตรวจล่าสุดเมื่อ" in page.content.decode()
    with scopes_disabled():
        stored = StoredReadiness.objects.get(agency=agency, fiscal_year=2567)
    response = admin_client.post("/staff/ita/2567/check/")
    assert response.status_code == 302
    with scopes_disabled():
        assert StoredReadiness.objects.get(pk=stored.pk).computed_at > stored.computed_at
    assert admin_client.get("/staff/ita/2567/check/").status_code == 405
    assert admin_client.post("/staff/ita/2550/check/").status_code == 404


def test_an_outsider_cannot_ask_for_a_check(outsider_client, agency, catalogues):
    assert outsider_client.post("/staff/ita/2567/check/").status_code == 403
    with scopes_disabled():
        assert not StoredReadiness.objects.filter(agency=agency).exists()


def test_the_staff_home_counts_the_items_not_ready_from_the_stored_readiness(
    admin_client, agency, catalogues, structure, in_scope
):
    """The staff home's count is the stored result the readiness page shows, not a computation of its own:
    a stored item marked ready (as a later check would store it) lowers the count on the home at once."""
    with time_machine.travel(date(2025, 12, 1), tick=False), in_scope(agency):  # FY2569, before answering
        checked = current_readiness(agency, 2569)
        assert checked is not None
        missing = sum(1 for item in checked.state.items if not item.ready)
        assert missing > 1
        row = StoredReadiness.objects.get(agency=agency, fiscal_year=2569)
        first_missing = next(entry for entry in row.result["items"] if entry["status"] != "ready")
        first_missing["status"] = "ready"
        row.save(update_fields=["result"])
        home = admin_client.get("/staff/").content.decode()
    counted = re.search(r'href="/staff/ita/2569/"><span class="count">(\d+)</span>', home)
    assert counted, "the staff home has no ITA count linking to the readiness page"
    assert int(counted.group(1)) == missing - 1


def test_the_catalogue_rows_are_read_once_per_instance_version(agency, catalogues, structure, in_scope):
    from prongsai.core.pagecache import bump_global
    from prongsai.ita.models import OitItem

    with in_scope(agency):
        current_readiness(agency, 2568)  # computed and stored
        with CaptureQueriesContext(connection) as first:
            current_readiness(agency, 2568)
        with CaptureQueriesContext(connection) as second:
            stored = current_readiness(agency, 2568)
        assert stored is not None
        assert len(second) < len(first)  # the catalogue's items and elements came from this process
        item = stored.state.items[0].item
        OitItem.objects.filter(pk=item.pk).update(title_th="ชื่อข้อที่แก้ไขในหน้าผู้ดูแลระบบ")
        bump_global()  # what a catalogue file or an admin edit does
        again = current_readiness(agency, 2568)
    assert again is not None
    assert again.state.items[0].item.title_th == "ชื่อข้อที่แก้ไขในหน้าผู้ดูแลระบบ"
