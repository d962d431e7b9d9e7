"""List pages run a fixed number of queries, however many complaints or questions there are (no N+1)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from prongsai.complaints.tests import factories
from prongsai.core.tenancy import agency_scope
from prongsai.engagement.tests import factories as engagement_factories


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def add_questions(agency, member, count: int) -> None:
    with agency_scope(agency):
        for number in range(count):
            engagement_factories.answered_question(agency, member, title=f"คำถาม {number}", answer="คำตอบ")


def test_list_pages_do_not_grow_with_the_number_of_rows(staff_client, anon, agency, member, category):
    pages = {
        "staff queue": (staff_client, "/staff/complaints/?view=all"),
        "staff questions": (staff_client, "/staff/qa/?status=all"),
        "statistics": (anon, "/complaints/statistics/"),
        "board": (anon, "/qa/"),
    }
    for _ in range(3):
        factories.complaint(agency, category)
    add_questions(agency, member, 3)
    for client, url in pages.values():
        client.get(url)  # the agency of the host name is cached after the first request
    few = {name: queries(client, url) for name, (client, url) in pages.items()}
    for _ in range(12):
        factories.complaint(agency, category)
    add_questions(agency, member, 12)
    many = {name: queries(client, url) for name, (client, url) in pages.items()}
    assert many == few
