"""The home page of a real อบต.: tiles for the services people come for, and one tracking box that takes any
citizen code and leads to that channel's own tracking page."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from prongsai.complaints.tests import factories as complaint_factories
from prongsai.core.demo_images import activity_photo_jpeg, document_pdf
from prongsai.core.tests import factories
from prongsai.eservice.tests import factories as eservice_factories
from prongsai.portal import services
from prongsai.portal.tests import factories as portal_factories


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


class _NewsCards(HTMLParser):
    """The news cards of a page: each card's heading link text and its pictures (attributes of each img)."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[dict[str, Any]] = []
        self._in_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "li" and "news-card" in (found.get("class") or "").split():
            self.cards.append({"title": "", "images": []})
        elif self.cards and tag == "a" and not self.cards[-1]["title"]:
            self._in_link = "/news/" in (found.get("href") or "")
        elif self.cards and tag == "img":
            self.cards[-1]["images"].append(found)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_link = False

    def handle_data(self, data: str) -> None:
        if self._in_link:
            self.cards[-1]["title"] += data


def _cards(html: str) -> dict[str, list[dict[str, str | None]]]:
    parser = _NewsCards()
    parser.feed(html)
    return {card["title"].strip(): card["images"] for card in parser.cards}


def test_the_latest_news_show_their_pictures_with_thai_alt_text_and_nothing_in_place_of_a_missing_one(
    anon, agency, admin_member, in_scope
):
    """Issue 19 item 9: the latest news with pictures; a news item without one is a text-only card."""
    with in_scope(agency):
        category = portal_factories.news_category(agency)
        portal_factories.news(
            agency,
            admin_member,
            category,
            published=True,
            title="กิจกรรมจิตอาสาพัฒนาวัด",
            picture=activity_photo_jpeg(1),
            picture_title="ภาพจิตอาสาทำความสะอาดลานวัด",
        )
        untitled = portal_factories.news(
            agency, admin_member, category, title="วันเด็กแห่งชาติ", picture=activity_photo_jpeg(2)
        )
        # A PDF attached beside the photo is not a picture.
        services.news_attach_file(
            article=untitled,
            acting_user=admin_member,
            upload=SimpleUploadedFile("doc.pdf", document_pdf("doc"), "application/pdf"),
        )
        services.news_publish(article=untitled, acting_user=admin_member)
        portal_factories.news(agency, admin_member, category, published=True, title="ประกาศรับสมัครงาน")

    cards = _cards(anon.get("/").content.decode())
    assert set(cards) == {"กิจกรรมจิตอาสาพัฒนาวัด", "วันเด็กแห่งชาติ", "ประกาศรับสมัครงาน"}
    assert cards["ประกาศรับสมัครงาน"] == []  # no picture, no stand-in graphic
    [titled] = cards["กิจกรรมจิตอาสาพัฒนาวัด"]
    [fallback] = cards["วันเด็กแห่งชาติ"]  # the PDF beside the photo is not shown as a picture
    assert titled["alt"] == "ภาพจิตอาสาทำความสะอาดลานวัด"
    assert fallback["alt"] == "ภาพประกอบข่าว วันเด็กแห่งชาติ"
    for image in (titled, fallback):
        src = image["src"] or ""
        # The agency's own site serves it (the content security policy allows no other host).
        assert src.startswith("/files/"), src
        served = anon.get(src)
        assert served.status_code == 200
        assert served["Content-Type"] in {"image/jpeg", "image/png"}
        body = b"".join(served.streaming_content) if served.streaming else served.content
        with Image.open(io.BytesIO(body)) as picture:
            assert picture.format in {"JPEG", "PNG"}
    # The news list shows the same cards.
    assert _cards(anon.get("/news/").content.decode())["กิจกรรมจิตอาสาพัฒนาวัด"][0]["alt"] == titled["alt"]
