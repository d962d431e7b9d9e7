"""The demo's PDPA queue and LINE set-up (what staff see after ``make run``), seeded without the demo."""

from __future__ import annotations

from django.utils import timezone
from django_scopes import scopes_disabled

from conftest import make_member
from prongsai.core.demo import DemoContext
from prongsai.core.models import LineChannel, StaffLineLink
from prongsai.core.roles import Role
from prongsai.core.tenancy import agency_scope
from prongsai.eservice.demo import seed_line
from prongsai.privacy import demo, selectors
from prongsai.privacy.models import RequestStatus, SubjectRequest


def test_the_demo_queue_has_requests_in_every_state_and_one_past_the_legal_limit(agency, admin_member):
    head = make_member(agency, "head", Role.HEAD_OF_DIVISION)
    with agency_scope(agency):
        demo.seed(DemoContext(agency=agency, admin=admin_member, users={"head": head}))
        statuses = set(SubjectRequest.objects.values_list("status", flat=True))
        rows = selectors.queue(agency, today=timezone.localdate())
    assert statuses == set(RequestStatus.values)
    assert [r.item.requester_name for r in rows if r.overdue] == ["นางบุญมี ศรีสวัสดิ์"]
    assert [r.item.requester_name for r in rows if r.due_soon] == ["นายประยุทธ์ ทองคำ"]
    assert len(rows) == 3


def test_the_demo_line_channel_is_set_up_and_the_officer_receives_alerts(agency, admin_member, member):
    with agency_scope(agency):
        seed_line(agency, admin_member, member)
    with scopes_disabled():
        channel = LineChannel.objects.get(agency=agency)
        link = StaffLineLink.objects.get(agency=agency, user=member)
    assert channel.is_active and channel.basic_id == "@wangthong"
    assert link.line_user_id.startswith("U") and len(link.line_user_id) == 33
