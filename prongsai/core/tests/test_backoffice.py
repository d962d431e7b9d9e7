"""Back-office pages of the core app, through HTTP: structure, people, agency profile, members, calendar."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scopes_disabled
from PIL import Image

from prongsai.core.demo_images import activity_photo_jpeg
from prongsai.core.models import AgencyDayOff, Membership, OrgUnit, Person, Position, User
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories


@pytest.fixture
def unit(agency, admin_member):
    with agency_scope(agency):
        return factories.org_unit(agency, admin_member)


def test_an_officer_adds_a_unit_a_position_and_a_person_with_a_photo(staff_client, agency, unit):
    response = staff_client.post(
        "/staff/structure/units/new/", {"side": "career", "parent": unit.pk, "name_th": "งานพัสดุ", "order": 1}
    )
    assert response.status_code == 302
    with agency_scope(agency):
        child = OrgUnit.objects.get(name_th="งานพัสดุ")
    assert child.parent == unit
    response = staff_client.post(
        "/staff/structure/positions/new/",
        {"unit": child.pk, "title_th": "นักวิชาการพัสดุ", "level": "staff", "order": 0},
    )
    assert response.status_code == 302
    with agency_scope(agency):
        position = Position.objects.get()
    photo = SimpleUploadedFile("me.jpg", activity_photo_jpeg(1, with_gps=True), content_type="image/jpeg")
    response = staff_client.post(
        "/staff/structure/people/new/",
        {
            "position": position.pk,
            "prefix": "นาย",
            "first_name": "ณัฐพล",
            "last_name": "คงสมบูรณ์",
            "phone": "๐๘๑ ๒๓๔ ๕๖๗๘",
            "email": "",
            "order": 0,
            "is_current": "on",
            "photo_upload": photo,
        },
    )
    assert response.status_code == 302
    with agency_scope(agency):
        person = Person.objects.get()
    assert person.phone == "081-234-5678"
    stored = Image.open(io.BytesIO(person.photo.read()))
    assert not stored.getexif().get_ifd(0x8825)
    assert max(stored.size) <= 800


def test_a_bad_phone_number_gets_a_thai_error(staff_client, agency, unit):
    with agency_scope(agency):
        position = Position.objects.create(agency=agency, unit=unit, title_th="ผู้อำนวยการกองคลัง")
    response = staff_client.post(
        "/staff/structure/people/new/",
        {"position": position.pk, "first_name": "ก", "last_name": "ข", "phone": "12345", "order": 0},
    )
    assert response.status_code == 400
    assert "หมายเลขโทรศัพท์" in response.content.decode()
    with agency_scope(agency):
        assert not Person.objects.exists()


def test_a_unit_cannot_be_its_own_ancestor(staff_client, agency, unit):
    with agency_scope(agency):
        child = OrgUnit.objects.create(agency=agency, side="career", name_th="งานพัสดุ", parent=unit)
    response = staff_client.post(
        f"/staff/structure/units/{unit.pk}/",
        {"side": "career", "parent": child.pk, "name_th": "กองคลัง", "order": 0},
    )
    assert response.status_code == 400
    assert "ส่วนงานย่อยของตัวเอง" in response.content.decode()


def test_a_unit_with_positions_is_not_deleted(staff_client, agency, unit):
    with agency_scope(agency):
        Position.objects.create(agency=agency, unit=unit, title_th="ผู้อำนวยการกองคลัง")
    response = staff_client.post(f"/staff/structure/units/{unit.pk}/delete/", follow=True)
    assert "ลบส่วนงานนี้ไม่ได้" in response.content.decode()
    with agency_scope(agency):
        assert OrgUnit.objects.filter(pk=unit.pk).exists()


def test_a_duplicate_unit_name_gets_a_thai_error_not_a_crash(staff_client, unit):
    response = staff_client.post(
        "/staff/structure/units/new/", {"side": "career", "name_th": "กองคลัง", "order": 0}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "ส่วนงานที่มีฝ่าย และ ชื่อส่วนงานนี้มีอยู่แล้ว กรุณาเปลี่ยนฝ่าย และ ชื่อส่วนงาน หรือแก้ไขรายการเดิมแทน" in html
    assert "already exists" not in html


def test_the_administrator_edits_the_contact_data(admin_client, agency):
    data = {
        "name_th": agency.name_th,
        "name_en": "Wang Thong SAO",
        "short_name_th": "อบต.วังทอง",
        "address": "หมู่ที่ 1",
        "postal_code": "36260",
        "phones_text": "044-056-789, ๐๘๑-๒๓๔-๕๖๗๘",
        "fax": "",
        "email": "saraban@example.go.th",
        "website": "",
        "latitude": "16.0203",
        "longitude": "101.4386",
        "office_hours": "จันทร์–ศุกร์",
    }
    assert admin_client.post("/staff/agency/", data).status_code == 302
    agency.refresh_from_db()
    assert agency.phones == ["044-056-789", "081-234-5678"]
    bad = admin_client.post("/staff/agency/", {**data, "postal_code": "3626", "latitude": "200"})
    assert bad.status_code == 400
    body = bad.content.decode()
    assert "รหัสไปรษณีย์ต้องเป็นตัวเลข 5 หลัก" in body


def test_an_officer_cannot_edit_the_agency_profile(staff_client):
    assert staff_client.get("/staff/agency/").status_code == 403


def test_the_administrator_invites_a_new_member_and_sees_the_password_once(admin_client, agency):
    response = admin_client.post(
        "/staff/members/", {"username": "newclerk", "first_name": "ใหม่", "role": "officer"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "รหัสผ่านเริ่มต้น" in body
    user = User.objects.get(username="newclerk")
    with scopes_disabled():
        assert Membership.objects.filter(agency=agency, user=user, role="officer", is_active=True).exists()
    assert "รหัสผ่านเริ่มต้น" not in admin_client.get("/staff/members/").content.decode()


def test_a_bad_username_gets_a_thai_error(admin_client):
    response = admin_client.post("/staff/members/", {"username": "ชื่อไทย", "role": "officer"})
    assert response.status_code == 400
    assert "ชื่อผู้ใช้ใช้ได้เฉพาะ" in response.content.decode()


def test_an_administrator_cannot_revoke_their_own_administration(admin_client, admin_member, agency):
    with scopes_disabled():
        membership = Membership.objects.get(user=admin_member)
    response = admin_client.post(f"/staff/members/{membership.pk}/revoke/", follow=True)
    assert "ไม่สามารถถอนสิทธิ์ผู้ดูแลระบบของตนเองได้" in response.content.decode()
    membership.refresh_from_db()
    assert membership.is_active


def test_a_revoked_member_loses_access(admin_client, client, agency, member):
    from conftest import login_verified

    with scopes_disabled():
        membership = Membership.objects.get(user=member)
    assert admin_client.post(f"/staff/members/{membership.pk}/revoke/").status_code == 302
    client.defaults["HTTP_HOST"] = "wangthong.test"
    login_verified(client, member)
    assert client.get("/staff/").status_code == 403


def test_the_administrator_declares_an_agency_day_off(admin_client, agency):
    assert (
        admin_client.post("/staff/calendar/", {"date": "18/03/2568", "name_th": "วันท้องถิ่นไทย"}).status_code
        == 302
    )
    with agency_scope(agency):
        assert str(AgencyDayOff.objects.get().date) == "2025-03-18"
    again = admin_client.post("/staff/calendar/", {"date": "18 มีนาคม 2568", "name_th": "ซ้ำ"})
    assert again.status_code == 400
    assert "เป็นวันหยุดของหน่วยงานอยู่แล้ว" in again.content.decode()
    bad = admin_client.post("/staff/calendar/", {"date": "18/13/2568", "name_th": "x"})
    assert bad.status_code == 400
    assert "กรุณาตรวจสอบวัน เดือน และปี" in bad.content.decode()
