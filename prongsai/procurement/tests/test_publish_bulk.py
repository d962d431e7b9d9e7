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
