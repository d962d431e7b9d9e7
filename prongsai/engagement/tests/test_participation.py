"""Participation records: the four OIT elements, published per fiscal year, corrected only with a reason."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from conftest import OTHER_HOST, login_verified
from prongsai.core.demo_images import activity_photo_jpeg
from prongsai.core.files import PREVIEW_SIDE
from prongsai.core.models import Revision
from prongsai.core.tenancy import agency_scope
from prongsai.engagement import selectors, services
from prongsai.engagement.models import ParticipationActivity
from prongsai.engagement.tests import factories
from prongsai.engagement.tests.factories import FORUM


@pytest.fixture
def forum(agency, member) -> ParticipationActivity:
    with agency_scope(agency):
        return factories.participation(agency, member)


def test_a_draft_is_not_public(anon, forum):
    assert anon.get(f"/participation/{forum.public_id}/").status_code == 404
    assert FORUM["title"] not in anon.get("/participation/?year=2567").content.decode()


def test_a_published_record_shows_the_four_elements_in_its_fiscal_year(anon, agency, admin_member, forum):
    with agency_scope(agency):
        services.participation_publish(activity=forum, acting_user=admin_member)
    listing = anon.get("/participation/?year=2567").content.decode()
    for text in (
        FORUM["title"],
        "ประชาชนทั่วไป: 86 คน",
        "รวม 94 คน",
        FORUM["results"],
        FORUM["use_of_results"],
    ):
        assert text in listing, text
    assert FORUM["title"] not in anon.get("/participation/?year=2568").content.decode()
    detail = anon.get(f"/participation/{forum.public_id}/").content.decode()
    assert "เผยแพร่ครั้งแรก" in detail
    assert f"/participation/{forum.public_id}/" in anon.get("/search/", {"q": "ประชาคม"}).content.decode()


def test_the_oit_selector_gives_each_activity_with_its_elements(agency, admin_member, forum):
    with agency_scope(agency):
        services.participation_publish(activity=forum, acting_user=admin_member)
        evidence = selectors.oit_participation(agency, 2567)
        assert selectors.oit_participation(agency, 2568) == []
    (item,) = evidence
    assert item.title == FORUM["title"]
    assert item.participant_total == 94
    assert item.results and item.use_of_results
    assert item.url == f"/participation/{forum.public_id}/"


def test_a_published_record_is_corrected_only_with_a_reason(anon, agency, admin_member, forum):
    with agency_scope(agency):
        published = services.participation_publish(activity=forum, acting_user=admin_member)
        with pytest.raises(ValidationError):
            services.participation_update_draft(
                activity=published, acting_user=admin_member, results="แก้ตรง ๆ"
            )
        groups = [{"group": "ประชาชนทั่วไป", "count": 90}, {"group": "ผู้นำชุมชน", "count": 8}]
        services.participation_revise(
            activity=published,
            acting_user=admin_member,
            reason="นับรายชื่อผู้ลงทะเบียนใหม่",
            participant_groups=groups,
        )
        revisions = list(Revision.objects.order_by("number"))
    assert revisions[0].content["participant_groups"][0]["count"] == 86
    assert revisions[1].content["participant_groups"][0]["count"] == 90
    page = anon.get(f"/participation/{forum.public_id}/").content.decode()
    assert "รวม 98 คน" in page and "นับรายชื่อผู้ลงทะเบียนใหม่" in page


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        ([{"group": "", "count": 5}], "กรุณาระบุชื่อกลุ่มผู้มีส่วนร่วม"),
        ([{"group": "ประชาชน", "count": -1}], "ต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป"),
        ([{"group": "ประชาชน", "count": 1}, {"group": "ประชาชน", "count": 2}], "ซ้ำกัน"),
    ],
)
def test_bad_participant_counts_are_refused_by_the_service_in_thai(agency, member, groups, message):
    with agency_scope(agency), pytest.raises(ValidationError) as caught:
        services.participation_create_draft(
            agency=agency, acting_user=member, **{**FORUM, "participant_groups": groups}
        )
    assert message in str(caught.value)


def test_the_staff_form_saves_groups_and_shows_thai_errors(staff_client, agency):
    data = {
        "title": FORUM["title"],
        "kind": "village_forum",
        "stage": "plan",
        "activity_date": "14/11/2566",
        "location": "",
        "description": "",
        "results": FORUM["results"],
        "use_of_results": "",
        "groups-TOTAL_FORMS": "3",
        "groups-INITIAL_FORMS": "0",
        "groups-MIN_NUM_FORMS": "0",
        "groups-MAX_NUM_FORMS": "30",
        "groups-0-group": "ประชาชนทั่วไป",
        "groups-0-count": "86",
        "groups-1-group": "ผู้นำชุมชน",
        "groups-1-count": "",
        "groups-2-group": "",
        "groups-2-count": "",
    }
    response = staff_client.post("/staff/participation/new/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "กรุณากรอกจำนวนผู้มีส่วนร่วมของกลุ่มนี้" in html
    assert FORUM["title"] in html
    response = staff_client.post(
        "/staff/participation/new/", {**data, "activity_date": "31/02/2567", "groups-1-count": "8"}
    )
    assert response.status_code == 400
    response = staff_client.post("/staff/participation/new/", {**data, "groups-1-count": "8"})
    assert response.status_code == 302
    with agency_scope(agency):
        activity = ParticipationActivity.objects.get()
    assert activity.participant_groups == [
        {"group": "ประชาชนทั่วไป", "count": 86},
        {"group": "ผู้นำชุมชน", "count": 8},
    ]
    assert activity.activity_date == date(2023, 11, 14)


def test_an_officer_cannot_publish_but_the_administrator_can(staff_client, admin_client, forum):
    assert staff_client.post(f"/staff/participation/{forum.pk}/publish/").status_code == 403
    assert admin_client.post(f"/staff/participation/{forum.pk}/publish/").status_code == 302


def test_a_photo_of_the_activity_is_published_without_its_location(anon, agency, admin_member, forum):
    photo = SimpleUploadedFile("IMG_0001.jpg", activity_photo_jpeg(3, with_gps=True), "image/jpeg")
    with agency_scope(agency):
        services.participation_attach_file(
            activity=forum, acting_user=admin_member, upload=photo, title="ภาพ"
        )
        services.participation_publish(activity=forum, acting_user=admin_member)
        attachment = forum.attachments.get()
    response = anon.get(f"/participation/files/{attachment.public_id}/")
    assert response.status_code == 200
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert not image.getexif().get_ifd(0x8825)
    # The record shows the picture's preview and links the picture itself.
    page = anon.get(f"/participation/{forum.public_id}/").content.decode()
    preview = f"/participation/files/{attachment.public_id}/preview/"
    assert f'<img src="{preview}"' in page
    assert f'<a href="/participation/files/{attachment.public_id}/">' in page
    shown = Image.open(io.BytesIO(b"".join(anon.get(preview).streaming_content)))
    assert shown.size == (PREVIEW_SIDE, PREVIEW_SIDE * 2 // 3)
    assert not shown.getexif().get_ifd(0x8825)
    missing = anon.get("/participation/files/not-a-uuid/preview/")
    assert missing.status_code == 404 and "ไม่พบ" in missing.content.decode()


def test_another_agency_sees_nothing_of_the_record(agency, admin_member, outsider, forum):
    with agency_scope(agency):
        services.participation_publish(activity=forum, acting_user=admin_member)
    elsewhere = Client(HTTP_HOST=OTHER_HOST)
    assert elsewhere.get(f"/participation/{forum.public_id}/").status_code == 404
    assert FORUM["title"] not in elsewhere.get("/participation/?year=2567").content.decode()
    own = login_verified(Client(HTTP_HOST=OTHER_HOST), outsider)
    assert own.get(f"/staff/participation/{forum.pk}/").status_code == 404
