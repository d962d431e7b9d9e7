"""The home page of a real อบต.: tiles for the services people come for, and one tracking box that takes any
citizen code and leads to that channel's own tracking page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from prongsai.complaints.tests import factories as complaint_factories
from prongsai.core.tests import factories
from prongsai.eservice.tests import factories as eservice_factories


@pytest.fixture
def codes(agency, admin_member, in_scope):
    with in_scope(agency):
        services = eservice_factories.catalogue(agency, admin_member, "official-information")
        request = eservice_factories.service_request(agency, services["official-information"]).request
        unit = factories.org_unit(agency, admin_member, name_th="งานรับเรื่องร้องเรียน")
        category = complaint_factories.category(agency, admin_member, unit)
    complaint = complaint_factories.complaint(agency, category)
    return request, complaint


def test_the_home_page_has_the_service_tiles_and_the_tracking_box(anon, agency):
    page = anon.get("/").content.decode()
    for href in ("/eservice/", "/complaints/", "/integrity/", "/ita/", "/plans/"):
        assert f'href="{href}"' in page, href
    assert 'action="/track/"' in page and 'name="code"' in page


def test_one_box_finds_a_request_or_a_complaint_by_its_code(anon, codes):
    request, complaint = codes
    to_request = anon.get("/track/", {"code": request.tracking_code})
    assert to_request.status_code == 302
    assert urlsplit(to_request["Location"]).path.startswith("/eservice/track/")
    # Typed with dashes and lower case, as people copy codes.
    to_complaint = anon.get("/track/", {"code": complaint.display_code.lower()})
    assert to_complaint.status_code == 302
    assert urlsplit(to_complaint["Location"]).path == f"/complaints/track/{complaint.display_code}/"


def test_an_unknown_code_is_a_clear_thai_error_and_names_the_corruption_channel(anon, agency):
    response = anon.get("/track/", {"code": "1234 5678 9012 3456"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "ไม่พบเรื่องที่มีรหัสติดตามนี้" in page and "หน้าแจ้งเบาะแสการทุจริต" in page
    empty = anon.get("/track/", {"code": ""})
    assert empty.status_code == 400 and "กรุณากรอกรหัสติดตาม" in empty.content.decode()
    assert anon.get("/track/").status_code == 200


def test_one_box_also_finds_a_question_a_loan_and_a_personal_data_request(
    anon, agency, admin_member, in_scope
):
    """Issue 19: Q&A, loan and PDPA codes are citizen codes too; none of them is followed on LINE."""
    from prongsai.assets.tests import factories as asset_factories
    from prongsai.core import trackers
    from prongsai.engagement.tests import factories as engagement_factories
    from prongsai.privacy.tests import factories as privacy_factories

    with in_scope(agency):
        question = engagement_factories.question(agency)
        unit = factories.org_unit(agency, admin_member, name_th="สำนักปลัด")
    kind = asset_factories.asset_type(agency, admin_member)
    item = asset_factories.asset(agency, admin_member, kind, unit)
    loan = asset_factories.loan(agency, admin_member, item)
    pdpa = privacy_factories.subject_request(agency)
    for code, path in (
        (question.display_code, f"/qa/track/{question.display_code}/"),
        (loan.display_code.lower(), f"/assets/borrow/{loan.display_code}/"),
        (pdpa.display_code, f"/privacy/request/track/{pdpa.display_code}/"),
    ):
        response = anon.get("/track/", {"code": code})
        assert response.status_code == 302, code
        assert urlsplit(response["Location"]).path == path
        assert anon.get(path).status_code == 200
        with in_scope(agency):
            assert trackers.find_for_line(agency, code) is None  # the tracking box only
    assert {"question", "loan", "pdpa"}.isdisjoint(trackers.kinds())


def test_an_unknown_code_is_headed_as_a_search_not_as_a_save(anon, agency):
    page = anon.get("/track/", {"code": "ABCD-EFGH-JKMN"}).content.decode()
    assert "ยังไม่พบเรื่องที่ค้นหา" in page and "ยังบันทึกไม่ได้" not in page
