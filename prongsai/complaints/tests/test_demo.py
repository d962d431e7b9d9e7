"""The demo data of the citizen channels: plausible Q&A, participation records, and a year of complaints."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.complaints import transfer
from prongsai.complaints.models import Complaint, ComplaintCategory
from prongsai.complaints.tests import fake_receiver
from prongsai.core.audit import verify_chain
from prongsai.core.models import Agency
from prongsai.core.thai import fiscal_year
from prongsai.engagement import selectors as engagement_selectors
from prongsai.engagement.models import ParticipationActivity, Question


def test_the_demo_has_qa_participation_and_complaints_in_every_state_over_the_last_year(db, monkeypatch):
    # With a corruption channel installed, the demo also moves one complaint there.
    monkeypatch.setattr(
        transfer, "RECEIVER_PATH", "prongsai.complaints.tests.fake_receiver.receive_complaint"
    )
    fake_receiver.RECEIVED.clear()
    call_command("seed_demo", "--allow-production", stdout=StringIO())
    with scopes_disabled():
        agency = Agency.objects.get(code="wangthong")
        categories = list(ComplaintCategory.objects.filter(agency=agency).select_related("default_unit"))
        complaints = list(Complaint.objects.filter(agency=agency))
        questions = set(Question.objects.filter(agency=agency).values_list("status", flat=True))
        forums = ParticipationActivity.objects.filter(agency=agency, kind="village_forum", status="published")
        first_forum = forums.order_by("activity_date").first()
        evidence = engagement_selectors.oit_participation(agency, fiscal_year(first_forum.activity_date))
    assert {c.default_unit.name_th for c in categories} >= {"กองช่าง", "สำนักปลัด", "กองสาธารณสุขและสิ่งแวดล้อม"}
    assert {c.status for c in complaints} == set(Complaint.Status.values)
    received = sorted(c.received_at for c in complaints)
    assert timezone.now() - received[0] > timedelta(days=300)
    assert timezone.now() - received[0] < timedelta(days=366)
    assert {c.citizen_response for c in complaints} >= {"confirmed", "disputed"}
    assert len(fake_receiver.RECEIVED) == 1
    assert questions == set(Question.Status.values)
    assert forums.count() >= 3 and evidence and evidence[0].participant_total > 0
    assert verify_chain(agency)[1] is None
    fake_receiver.RECEIVED.clear()
