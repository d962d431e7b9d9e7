"""LINE alerts for staff: a member links their LINE account with a one-time code, then the daily ops job
pushes their queues' due-soon and overdue counts, and for the corruption channel only "something new in
your queue". Everything runs against the local LINE test server, through the outbox and the job as the
scheduler runs it."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST, make_member
from prongsai.complaints.models import Complaint
from prongsai.complaints.tests import factories as complaint_factories
from prongsai.core.models import AuditEvent, OutboundLine, StaffLineLink
from prongsai.core.roles import Role
from prongsai.core.services_line import line_channel_save, line_staff_alerts, staff_link_start
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories
from prongsai.core.tests.line_server import LineTestServer, sign
from prongsai.core.thai import BANGKOK
from prongsai.ops.models import JobRun, RunStatus
from prongsai.ops.schedule import get_job
from prongsai.ops.scheduler import tick
from prongsai.privacy.models import SubjectRequest
from prongsai.privacy.tests import factories as privacy_factories
from prongsai.whistleblower.tests import factories as wb_factories

TOKEN = "test-channel-access-token"
SECRET = "0123456789abcdef0123456789abcdef"
STAFF_LINE_ID = "U" + "5" * 32
COMMITTEE_LINE_ID = "U" + "c" * 32
CODE_RE = re.compile(r"STAFF-[2-9A-Z]{4}-[2-9A-Z]{4}")


@pytest.fixture
def line_api(settings):
    with LineTestServer(TOKEN) as server:
        settings.LINE_API_BASE = server.url
        yield server.state


@pytest.fixture
def channel(agency, admin_member, line_api):
    with agency_scope(agency):
        return line_channel_save(
            agency=agency, acting_user=admin_member, basic_id="@wangthong", token=TOKEN, secret=SECRET
        )


def _send(anon, text: str, *, user: str, token: str = "reply-1"):  # noqa: S107
    event = {
        "type": "message",
        "replyToken": token,
        "source": {"type": "user", "userId": user},
        "message": {"type": "text", "id": "1", "text": text},
        "timestamp": 1700000000000,
        "mode": "active",
    }
    body = json.dumps({"destination": "U" + "0" * 32, "events": [event]}).encode()
    return anon.post(
        "/line/webhook/",
        data=body,
        content_type="application/json",
        HTTP_HOST=AGENCY_HOST,
        HTTP_X_LINE_SIGNATURE=sign(SECRET, body),
    )


def _link(agency, user, anon, line_user_id: str) -> None:
    with agency_scope(agency):
        code = staff_link_start(agency=agency, acting_user=user)
    assert _send(anon, code, user=line_user_id, token=f"link-{line_user_id}").status_code == 200


def test_a_member_links_their_line_account_with_a_one_time_code_from_the_staff_page(
    agency, channel, member, staff_client, anon, line_api
):
    page = staff_client.get("/staff/line/me/").content.decode()
    assert "ขอรหัสเชื่อมบัญชี LINE" in page
    shown = staff_client.post("/staff/line/me/", {"action": "start"}).content.decode()
    code = CODE_RE.search(shown).group(0)
    assert "line.me/R/oaMessage/%40wangthong/?" in shown
    with scopes_disabled():
        stored = StaffLineLink.objects.get(agency=agency, user=member)
    assert code not in stored.code_digest and stored.line_user_id == ""

    # Typed on a phone: lower case, spaces instead of dashes.
    assert _send(anon, code.lower().replace("-", " "), user=STAFF_LINE_ID).status_code == 200
    with scopes_disabled():
        stored.refresh_from_db()
        assert AuditEvent.objects.filter(agency=agency, action="line.staff_linked", actor=member).exists()
    assert stored.line_user_id == STAFF_LINE_ID and stored.code_digest == ""
    assert "เชื่อมบัญชี LINE กับบัญชีเจ้าหน้าที่เรียบร้อยแล้ว" in line_api.replied[-1]["messages"][0]["text"]
    assert "เชื่อมบัญชี LINE แล้วเมื่อ" in staff_client.get("/staff/line/me/").content.decode()

    # The code works once; another LINE user sending it again links nothing.
    _send(anon, code, user="U" + "9" * 32, token="reply-2")
    assert "ไม่ถูกต้องหรือหมดอายุ" in line_api.replied[-1]["messages"][0]["text"]
    with scopes_disabled():
        assert StaffLineLink.objects.get(agency=agency, user=member).line_user_id == STAFF_LINE_ID

    staff_client.post("/staff/line/me/", {"action": "stop"})
    with scopes_disabled():
        assert not StaffLineLink.objects.filter(agency=agency, user=member).exists()


def test_an_expired_code_links_nothing(agency, channel, member, anon, line_api):
    with agency_scope(agency):
        code = staff_link_start(agency=agency, acting_user=member)
    with scopes_disabled():
        StaffLineLink.objects.filter(user=member).update(
            code_expires_at=timezone.now() - timedelta(seconds=1)
        )
    _send(anon, code, user=STAFF_LINE_ID)
    with scopes_disabled():
        assert StaffLineLink.objects.get(user=member).line_user_id == ""
    assert "หมดอายุ" in line_api.replied[-1]["messages"][0]["text"]


def test_without_a_line_channel_the_page_says_so_and_makes_no_code(agency, member, staff_client):
    page = staff_client.post("/staff/line/me/", {"action": "start"}, follow=True).content.decode()
    assert "ยังไม่ได้เปิดใช้บัญชีทางการ LINE" in page
    with scopes_disabled():
        assert not StaffLineLink.objects.exists()


def _run_daily_job(django_capture_on_commit_callbacks, day: date) -> JobRun:
    """The job as the scheduler runs it: claimed for its slot, queued, run; the pushes go after commit."""
    job = get_job("core.line_staff_alerts")
    assert job is not None
    with django_capture_on_commit_callbacks(execute=True):
        tick(now=datetime.combine(day, time(8, 20), tzinfo=BANGKOK), process="test", jobs=[job])
    with scopes_disabled():
        return JobRun.objects.filter(job="core.line_staff_alerts").latest("pk")


def test_the_daily_job_pushes_each_members_due_soon_and_overdue_counts_and_nothing_of_the_items(
    agency, channel, member, admin_member, anon, line_api, django_capture_on_commit_callbacks
):
    head = make_member(agency, "head", Role.HEAD_OF_DIVISION)
    _link(agency, member, anon, STAFF_LINE_ID)
    _link(agency, head, anon, "U" + "h" * 32)
    with agency_scope(agency):
        unit = factories.org_unit(agency, admin_member, name_th="กองช่าง", order=1)
        category = complaint_factories.category(agency, admin_member, unit)
    late = complaint_factories.complaint(agency, category)
    privacy = privacy_factories.subject_request(agency, details="ขอสำเนาข้อมูลของข้าพเจ้า เลขบัตร 3100000000001")
    today = timezone.localdate()
    with scopes_disabled():
        Complaint.objects.filter(pk=late.pk).update(ack_due=timezone.now() - timedelta(days=2))
        SubjectRequest.objects.filter(pk=privacy.pk).update(due_on=today + timedelta(days=3))

    run = _run_daily_job(django_capture_on_commit_callbacks, today)
    assert run.status == RunStatus.SUCCEEDED
    pushed = {p["to"]: p["messages"][0]["text"] for p in line_api.pushed}
    # The officer handles complaints, not PDPA requests; the head of division handles both.
    officer = pushed[STAFF_LINE_ID]
    assert "เรื่องร้องเรียน: ใกล้ครบกำหนด 0 เรื่อง เลยกำหนด 1 เรื่อง" in officer
    assert "PDPA" not in officer
    head_text = pushed["U" + "h" * 32]
    assert "คำขอใช้สิทธิตาม PDPA: ใกล้ครบกำหนด 1 เรื่อง เลยกำหนด 0 เรื่อง" in head_text
    for text in pushed.values():
        for secret in (
            late.subject,
            late.description,
            late.display_code,
            privacy.details,
            privacy.requester_name,
        ):
            assert secret not in text
    with scopes_disabled():
        assert OutboundLine.objects.filter(status=OutboundLine.Status.SENT).count() == 2


def test_the_corruption_channel_says_only_that_something_is_new_and_only_once(
    agency, channel, anon, line_api, django_capture_on_commit_callbacks
):
    committee = wb_factories.recipient(agency, "committee", Role.INTEGRITY_COMMITTEE)
    _link(agency, committee, anon, COMMITTEE_LINE_ID)
    what = "นายสมมุติ หัวหน้ากองคลัง เรียกรับเงิน 50,000 บาท จากผู้รับจ้างโครงการถนนหมู่ 3"
    with agency_scope(agency):
        submitted = wb_factories.report(agency, what=what, who="นายสมมุติ", where="กองคลัง")

    _run_daily_job(django_capture_on_commit_callbacks, timezone.localdate())
    (push,) = line_api.pushed
    text = push["messages"][0]["text"]
    assert push["to"] == COMMITTEE_LINE_ID
    assert text == f"มีเรื่องใหม่ในคิวงานของท่าน กรุณาเข้าสู่ระบบสำหรับเจ้าหน้าที่\n— {agency.name_th}"
    # Nothing of the report: not its words, not who or where, not its receipt, not even a count.
    for piece in (what, "นายสมมุติ", "กองคลัง", "50,000", "ทุจริต", "เบาะแส", "1"):
        assert piece not in text
    receipt = getattr(submitted, "receipt", "")
    assert not receipt or str(receipt) not in text

    # The next day, nothing new: nothing is sent.
    with agency_scope(agency):
        assert line_staff_alerts(agency=agency) == 0


def test_no_channel_no_alerts(agency, member, line_api):
    with agency_scope(agency):
        assert line_staff_alerts(agency=agency) == 0
    assert line_api.pushed == []
