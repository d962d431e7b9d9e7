"""The public pages: what the ITA items link to, in a fixed number of queries, and bad input never a 500."""

from __future__ import annotations

from datetime import date

from prongsai.people import services
from prongsai.people.tests import factories


def _year_of_records(agency, admin_member, in_scope, people: int) -> None:
    with in_scope(agency):
        course = factories.course(agency, admin_member, topic="ethics", title="อบรมจริยธรรม")
        for n in range(people):
            who = factories.person(agency, admin_member, first_name=f"บุคคล{n}")
            post = factories.post(agency, admin_member, code=f"P-{n}")
            services.tenure_start(
                post=post, acting_user=admin_member, person=who, started_on=date(2022, 10, 1)
            )
            factories.attended(course, admin_member, who)


def test_the_statistics_page_takes_the_same_queries_for_3_or_12_people(
    anon, agency, admin_member, in_scope, django_assert_max_num_queries
):
    _year_of_records(agency, admin_member, in_scope, 3)
    with django_assert_max_num_queries(12) as few:
        assert anon.get("/people/statistics/?fiscal_year=2566").status_code == 200
    with in_scope(agency):
        course = factories.course(agency, admin_member, title="หลักสูตรเพิ่ม")
        for n in range(9):
            who = factories.person(agency, admin_member, first_name=f"เพิ่ม{n}")
            post = factories.post(agency, admin_member, code=f"Q-{n}")
            services.tenure_start(
                post=post, acting_user=admin_member, person=who, started_on=date(2022, 10, 1)
            )
            factories.attended(course, admin_member, who)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = anon.get("/people/statistics/?fiscal_year=2566").content.decode()
    assert "เพิ่ม0" not in page  # counts only, never names


def test_the_ethics_page_names_the_working_group_and_lists_the_codes_and_the_dos_and_donts(
    anon, agency, admin_member, in_scope
):
    with in_scope(agency):
        chair = factories.person(agency, admin_member, first_name="ประธาน")
        factories.ethics_code(agency, admin_member)
        factories.working_group(agency, admin_member, [chair])
        factories.conduct_guide(agency, admin_member)
        factories.ethics_report(agency, admin_member)
    page = anon.get("/people/ethics/?fiscal_year=2567").content.decode()
    assert "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น" in page
    assert chair.full_name in page and "ประธานคณะทำงาน" in page
    assert "ไม่รับของขวัญจากผู้มาติดต่อ" in page
    report = anon.get("/people/ethics/reports/2567/")
    assert report.status_code == 200 and "ร้อยละ 95" in report.content.decode()


def test_bad_addresses_and_years_are_answered_without_an_error(anon, agency):
    assert anon.get("/people/statistics/?fiscal_year=abc").status_code == 200
    assert anon.get("/people/ethics/?fiscal_year=99999999999").status_code == 200
    assert anon.get("/people/rules/not-a-uuid/").status_code == 404
    assert anon.get("/people/documents/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert anon.get("/people/ethics/reports/2500/").status_code == 404
