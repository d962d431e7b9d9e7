"""A data subject's export covers the personal data of the assets, people and integrity apps: a member of
staff's person record, posts, training and acknowledgements; a loan; the gift register entries that name an
outsider. Found by e-mail, phone, tracking code or full name; someone else's records never come along."""

from __future__ import annotations

from datetime import date

import pytest

from prongsai.assets.tests import factories as asset_factories
from prongsai.core.subject_data import SubjectQuery, gather, plain_name
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories as core_factories
from prongsai.integrity.tests import factories as integrity_factories
from prongsai.people import services as people_services
from prongsai.people.tests import factories as people_factories
from prongsai.privacy import services as privacy_services
from prongsai.privacy.tests import factories as privacy_factories


@pytest.fixture
def held(agency, admin_member, member):
    """Records of the officer (a person record with the account's e-mail, a post, a course, an
    acknowledgement, a loan) and a gift entry naming an outside giver."""
    member.email = "officer@wangthong.go.th"
    member.save(update_fields=["email"])
    with agency_scope(agency):
        unit = core_factories.org_unit(agency, admin_member, name_th="สำนักปลัด", order=1)
        person = people_factories.person(
            agency, admin_member, first_name="วิไลวรรณ", last_name="ศรีสุข", email="officer@wangthong.go.th"
        )
        other = people_factories.person(agency, admin_member, first_name="สมศักดิ์", last_name="มั่นคง")
        post = people_factories.post(agency, admin_member)
        people_services.tenure_start(
            post=post, acting_user=admin_member, person=person, started_on=date(2022, 10, 1)
        )
        course = people_factories.course(agency, admin_member, title="หลักสูตรการเงินการคลังท้องถิ่น")
        people_factories.attended(course, admin_member, person)
        people_factories.attended(
            people_factories.course(agency, admin_member, title="หลักสูตรของคนอื่น"), admin_member, other
        )
        people_factories.ethics_code(agency, admin_member)
        people_services.acknowledge(agency=agency, acting_user=member, fiscal_year=2569)
        kind = asset_factories.asset_type(agency, admin_member)
        item = asset_factories.asset(agency, admin_member, kind, unit)
        loan = asset_factories.loan(agency, member, item)
        integrity_factories.gift(agency, admin_member, counterpart_name="นายสมชาย ผู้รับเหมา")
    return {"loan": loan}


def _sources(agency, **query) -> list[str]:
    with agency_scope(agency):
        return [h.source for h in gather(agency, SubjectQuery.build(codes_text="", phone="", **query))]


def test_a_member_of_staff_gets_their_people_records_and_loans_by_e_mail(agency, held):
    sources = _sources(agency, email="Officer@Wangthong.go.th")
    assert "ข้อมูลบุคลากร: นางสาววิไลวรรณ ศรีสุข" in sources
    assert "การดำรงตำแหน่งตามแผนอัตรากำลัง เลขที่ 01-2-04-3201-001" in sources
    assert "การฝึกอบรม: หลักสูตรการเงินการคลังท้องถิ่น" in sources
    assert "การรับทราบประมวลจริยธรรมและแนวปฏิบัติ ปีงบประมาณ 2569" in sources
    assert f"การยืมทรัพย์สินของราชการ {held['loan'].display_code}" in sources
    assert "การฝึกอบรม: หลักสูตรของคนอื่น" not in sources
    assert not any("ของขวัญ" in s for s in sources)


def test_a_former_member_is_found_by_full_name_with_or_without_a_title(agency, held):
    for name in ("นางสาววิไลวรรณ  ศรีสุข", "วิไลวรรณ ศรีสุข"):
        assert "การฝึกอบรม: หลักสูตรการเงินการคลังท้องถิ่น" in _sources(agency, email="", name=name)
    # A first name alone is not enough.
    assert _sources(agency, email="", name="วิไลวรรณ") == []
    assert plain_name("นาย สมชาย  ผู้รับเหมา") == plain_name("สมชาย ผู้รับเหมา")


def test_an_outsider_named_in_the_gift_register_gets_that_entry_through_the_privacy_export(
    agency, admin_member
):
    with agency_scope(agency):
        integrity_factories.gift(agency, admin_member, counterpart_name="นายสมชาย ผู้รับเหมา")
        integrity_factories.gift(agency, admin_member, counterpart_name="นายสมปอง ใจดี")
    request = privacy_factories.subject_request(
        agency, requester_name="นายสมชาย ผู้รับเหมา", requester_email="somchai@example.com"
    )
    with agency_scope(agency):
        holdings = privacy_services.subject_request_export(item=request, acting_user=admin_member)
    gifts = [h for h in holdings if "ของขวัญ" in h.source]
    assert len(gifts) == 1
    values = dict(gifts[0].fields)
    assert "นายสมชาย ผู้รับเหมา" in values.values() and "นายสมปอง ใจดี" not in values.values()
