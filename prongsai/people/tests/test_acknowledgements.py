"""Every member acknowledges the codes of ethics; the head sees who has not yet."""

from __future__ import annotations

from django.utils import timezone

from prongsai.core.models import AuditEvent
from prongsai.core.thai import fiscal_year
from prongsai.people.models import Acknowledgement
from prongsai.people.tests import factories


def test_a_member_acknowledges_the_codes_once_and_the_head_sees_who_has_not(
    staff_client, member, admin_member, head_client, agency, in_scope
):
    with in_scope(agency):
        factories.ethics_code(agency, admin_member)
    before = head_client.get("/staff/people/acknowledgements/").content.decode()
    pending_before = before.split('id="pending"', 1)[1].split("</ul>", 1)[0]
    assert member.username in pending_before
    page = staff_client.get("/staff/people/acknowledge/").content.decode()
    assert "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น" in page
    assert staff_client.post("/staff/people/acknowledge/").status_code == 302
    assert staff_client.post("/staff/people/acknowledge/").status_code == 302
    after = head_client.get("/staff/people/acknowledgements/").content.decode()
    assert member.username not in after.split('id="pending"', 1)[1].split("</ul>", 1)[0]
    assert member.username in after.split('id="done"', 1)[1].split("</ul>", 1)[0]
    with in_scope(agency):
        year = fiscal_year(timezone.localdate())
        assert Acknowledgement.objects.filter(agency=agency, user=member, fiscal_year=year).count() == 1
        assert AuditEvent.objects.filter(agency=agency, action="people.ethics.acknowledged").count() == 1


def test_an_officer_cannot_see_who_has_not_acknowledged_and_is_told_who_can(staff_client):
    assert staff_client.get("/staff/people/acknowledgements/").status_code == 403
    page = staff_client.get("/staff/people/").content.decode()
    assert "หัวหน้าส่วนราชการ หรือ ผู้บริหาร" in page


def test_nothing_to_acknowledge_before_the_codes_are_published(staff_client, agency, in_scope):
    response = staff_client.post("/staff/people/acknowledge/", follow=True)
    assert "ยังไม่ได้เผยแพร่ประมวลจริยธรรม" in response.content.decode()
    with in_scope(agency):
        assert not Acknowledgement.objects.filter(agency=agency).exists()
