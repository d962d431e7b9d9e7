"""Who can read what: only recipients open reports; excluded members see nothing; the identity section opens
only after a custodian approves a logged request; administrators, officers and other agencies see nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST, login_verified, make_member
from prongsai.core.models import AuditEvent, OutboundEmail
from prongsai.core.roles import ROLE_CAPABILITIES, Cap, Role
from prongsai.whistleblower.models import IdentityRequest, ReportGrant
from prongsai.whistleblower.tests.factories import recipient

from .conftest import submit, unlocked_client


def test_only_the_committee_and_custodians_hold_the_channel_capabilities():
    for role, caps in ROLE_CAPABILITIES.items():
        assert (Cap.WHISTLEBLOWER_RECEIVE in caps) == (role == Role.INTEGRITY_COMMITTEE), role
        assert (Cap.WHISTLEBLOWER_CUSTODIAN in caps) == (role == Role.IDENTITY_CUSTODIAN), role
    assert Cap.WHISTLEBLOWER_RECEIVE not in ROLE_CAPABILITIES[Role.ADMINISTRATOR]


def test_an_excluded_committee_member_gets_no_grant_no_notice_and_no_list_entry(
    agency, committee, committee2, reporter
):
    submit(reporter, what="เรื่องเกี่ยวกับกรรมการคนที่สอง", excluded=[committee2.holder.pk])
    with scopes_disabled():
        assert list(ReportGrant.objects.values_list("holder__user__username", flat=True)) == ["committee"]
        assert list(OutboundEmail.objects.values_list("to", flat=True)) == ["committee@example.test"]
        audit = list(
            AuditEvent.objects.filter(action="whistleblower.report.submitted").values_list("data", flat=True)
        )
    assert "committee2" not in repr(audit)
    excluded = unlocked_client(committee2)
    assert excluded.get("/staff/integrity/").context["rows"] == []
    included = unlocked_client(committee)
    handle = included.get("/staff/integrity/").context["rows"][0][0]
    # The handle is per session: the excluded member cannot use the other member's handle either.
    assert excluded.get(f"/staff/integrity/reports/{handle}/").status_code == 404
    page = included.get(f"/staff/integrity/reports/{handle}/").content.decode()
    assert "Committee2" in page, "recipients see whom the reporter excluded"


def test_excluding_every_recipient_is_refused_with_a_thai_message(agency, committee, reporter):
    page = reporter.get("/integrity/report/")
    import re

    token = re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)
    response = reporter.post(
        "/integrity/report/", {"what": "x", "token": token, "excluded": [committee.holder.pk]}
    )
    assert response.status_code == 400
    assert "ต้องเหลือผู้รับเรื่องอย่างน้อยหนึ่งคน" in response.content.decode()


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.OFFICER, Role.EXECUTIVE, Role.INTERNAL_AUDITOR])
def test_other_roles_of_the_agency_cannot_reach_the_channel_back_office(agency, committee, reporter, role):
    submit(reporter)
    user = make_member(agency, f"user-{role}", role)
    client = login_verified(Client(HTTP_HOST=AGENCY_HOST), user)
    assert client.get("/staff/integrity/").status_code == 403
    assert client.get("/staff/integrity/key/setup/").status_code == 403
    assert client.get("/staff/integrity/reports/anything/").status_code == 403
    assert client.get("/staff/integrity/custody/").status_code == 403


def test_a_committee_member_of_another_agency_sees_nothing_here(agency, other_agency, committee, reporter):
    submit(reporter)
    stranger = recipient(other_agency, "stranger", Role.INTEGRITY_COMMITTEE)
    client = login_verified(Client(HTTP_HOST=AGENCY_HOST), stranger)
    assert client.get("/staff/integrity/").status_code == 403
    at_home = login_verified(Client(HTTP_HOST="other.test"), stranger)
    assert (
        at_home.post("/staff/integrity/key/unlock/", {"passphrase": "ก้อนเมฆสีเทาลอยผ่านทุ่งนา 2567"}).status_code
        == 302
    )
    assert at_home.get("/staff/integrity/").context["rows"] == []


def test_a_custodian_alone_cannot_open_a_report(agency, committee, custodian, reporter):
    submit(reporter, identity_name="นายผู้แจ้ง")
    client = unlocked_client(custodian)
    assert client.get("/staff/integrity/").context["rows"] == []
    assert client.get("/staff/integrity/reports/x/").status_code == 403


def test_the_identity_opens_only_after_a_custodian_approves_a_logged_request(
    agency, committee, custodian, reporter
):
    submit(reporter, identity_name="นายผู้แจ้ง ใจกล้า", identity_contact="081-111-2222")
    staff = unlocked_client(committee)
    handle = staff.get("/staff/integrity/").context["rows"][0][0]
    assert staff.get(f"/staff/integrity/reports/{handle}/identity/").status_code == 404
    detail = staff.get(f"/staff/integrity/reports/{handle}/").content.decode()
    assert "นายผู้แจ้ง" not in detail
    short = staff.post(f"/staff/integrity/reports/{handle}/action/", {"action": "identity", "reason": "สั้น"})
    assert short.status_code == 400
    asked = staff.post(
        f"/staff/integrity/reports/{handle}/action/",
        {"action": "identity", "reason": "ต้องสอบถามข้อเท็จจริงเพิ่มเติมจากผู้แจ้งโดยตรง"},
    )
    assert asked.status_code == 302
    with scopes_disabled():
        request = IdentityRequest.objects.get()
    guardian = unlocked_client(custodian)
    assert "ต้องสอบถามข้อเท็จจริงเพิ่มเติม" in guardian.get("/staff/integrity/custody/").content.decode()
    guardian.post(f"/staff/integrity/custody/{request.pk}/", {"decision": "approve", "reason": ""})
    request.refresh_from_db()
    assert request.status == "pending", "a decision needs a reason"
    guardian.post(
        f"/staff/integrity/custody/{request.pk}/", {"decision": "approve", "reason": "จำเป็นต่อการสอบข้อเท็จจริง"}
    )
    request.refresh_from_db()
    assert request.status == "approved"
    identity = staff.get(f"/staff/integrity/reports/{handle}/identity/")
    assert identity.status_code == 200
    assert "นายผู้แจ้ง ใจกล้า" in identity.content.decode()
    with scopes_disabled():
        actions = list(
            AuditEvent.objects.filter(action__startswith="whistleblower.identity").values_list(
                "action", "data"
            )
        )
    assert [a for a, _d in actions] == [
        "whistleblower.identity.requested",
        "whistleblower.identity.approved",
        "whistleblower.identity.read",
    ]
    assert "นายผู้แจ้ง" not in repr(actions)


def test_a_denied_request_opens_nothing(agency, committee, custodian, reporter):
    submit(reporter, identity_name="นางสาวลับ")
    staff = unlocked_client(committee)
    handle = staff.get("/staff/integrity/").context["rows"][0][0]
    staff.post(
        f"/staff/integrity/reports/{handle}/action/",
        {"action": "identity", "reason": "อยากทราบว่าใครแจ้งเรื่องนี้"},
    )
    with scopes_disabled():
        request = IdentityRequest.objects.get()
    unlocked_client(custodian).post(
        f"/staff/integrity/custody/{request.pk}/", {"decision": "deny", "reason": "ไม่มีความจำเป็นต่อการตรวจสอบ"}
    )
    request.refresh_from_db()
    assert request.status == "denied" and request.sealed_share is None
    assert staff.get(f"/staff/integrity/reports/{handle}/identity/").status_code == 404


def test_the_identity_section_is_offered_only_when_a_custodian_has_a_key(agency, committee, reporter):
    page = reporter.get("/integrity/report/").content.decode()
    assert "identity_name" not in page
    recipient(agency, "custodian", Role.IDENTITY_CUSTODIAN)
    assert "identity_name" in reporter.get("/integrity/report/").content.decode()
