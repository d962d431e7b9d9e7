"""Bulk publication: the same number of queries for 5 rows as for 60, and each revision holds the row's
snapshot (the columns it reads are enough for the snapshot: no query per row)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prongsai.core.models import PublicationStatus, Revision
from prongsai.core.publication import content_hash
from prongsai.procurement import services
from prongsai.procurement.models import Procurement
from prongsai.procurement.models.register import load_children
from prongsai.procurement.tests.factories import many_rows, profile_without_review

pytestmark = pytest.mark.django_db


def _publish(agency, user, rows) -> int:
    with CaptureQueriesContext(connection) as captured:
        result = services.procurement_publish_many(agency=agency, acting_user=user, ids=[r.pk for r in rows])
    assert result.published == len(rows)
    return len(captured)


def test_publishing_many_rows_costs_no_query_per_row_and_records_each_snapshot(scoped, admin_member):
    agency = scoped
    profile_without_review(agency, admin_member)
    few = _publish(agency, admin_member, many_rows(agency, 5, published=False, fiscal_year=2566))
    rows = many_rows(agency, 60, published=False, fiscal_year=2567)
    assert _publish(agency, admin_member, rows) <= few
    stored = list(Procurement.objects.filter(pk__in=[r.pk for r in rows]).select_related("vendor"))
    assert {r.status for r in stored} == {PublicationStatus.PUBLISHED}
    load_children(stored)
    revisions = {r.record_id: r for r in Revision.objects.filter(record_id__in=[r.pk for r in stored])}
    for row in stored:
        revision = revisions[row.pk]
        assert revision.number == 1 and revision.content == row.snapshot()
        assert revision.content_hash == content_hash(row.snapshot())


def test_bulk_publication_records_a_row_snapshot_for_runs_and_scattered_ids(scoped, admin_member):
    """The bulk path reads plain rows, selects runs of consecutive ids by range and the rest by IN list, and
    serialises each snapshot once; its revisions must still equal ``Procurement.snapshot()`` exactly, with
    bidders and amendments, and a draft whose id lies inside a selected range but was not chosen stays a
    draft."""
    from datetime import date
    from decimal import Decimal

    from prongsai.procurement.models import ContractAmendment
    from prongsai.procurement.tests.factories import bidder

    agency = scoped
    profile_without_review(agency, admin_member)
    rows = many_rows(agency, 150, published=False, fiscal_year=2567)
    bidder(rows[3], admin_member, name="ห้างหุ้นส่วนจำกัด ก", tax_id="", price=Decimal("1200.50"))
    bidder(rows[100], admin_member, name="บริษัท ข จำกัด", tax_id="", price=Decimal("990.00"))
    ContractAmendment.objects.create(
        agency=agency,
        procurement=rows[100],
        number=1,
        signed_on=date(2024, 2, 1),
        description="ขยายระยะเวลาส่งมอบ",
        new_ends_on=date(2024, 5, 1),
    )
    # A long run (range), then every other row (IN list); rows[120] is skipped inside nothing chosen.
    chosen = rows[:100] + rows[101:150:2]
    chosen.append(rows[100])
    result = services.procurement_publish_many(
        agency=agency, acting_user=admin_member, ids=[r.pk for r in reversed(chosen)]
    )
    assert result.published == len(chosen)
    skipped = {r.pk for r in rows} - {r.pk for r in chosen}
    assert skipped and set(Procurement.objects.filter(pk__in=skipped).values_list("status", flat=True)) == {
        PublicationStatus.DRAFT
    }
    stored = list(Procurement.objects.filter(pk__in=[r.pk for r in chosen]).select_related("vendor"))
    load_children(stored)
    revisions = {r.record_id: r for r in Revision.objects.filter(record_id__in=[r.pk for r in stored])}
    assert len(revisions) == len(chosen)
    for row in stored:
        assert row.status == PublicationStatus.PUBLISHED
        snapshot = row.snapshot()
        assert revisions[row.pk].content == snapshot
        assert revisions[row.pk].content_hash == content_hash(snapshot)
    assert revisions[rows[100].pk].content["amendments"][0]["description"] == "ขยายระยะเวลาส่งมอบ"
    assert revisions[rows[3].pk].content["bidders"][0]["price"] == "1200.50"


def test_the_publish_transition_has_no_condition_that_bulk_publication_would_skip():
    """Bulk publication asks the state machine once, not per row; that is only right while draft → published
    has no per-row condition. If one is added, bulk publication publishes nothing and this test fails."""
    assert services._publish_transition_is_unconditional()
