"""Creating a hosted agency: the service, the command and the operator's page."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django_scopes import scopes_disabled
from PIL import Image

from prongsai.core.audit import verify_chain
from prongsai.core.models import Agency, AgencyHost, Invitation, Membership, OrgUnit, Position, User
from prongsai.core.roles import Role
from prongsai.core.tenancy import agency_scope
from prongsai.ita.models import YearSetting

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 40), (20, 54, 95)).save(out, format="PNG")
    return out.getvalue()


def test_the_service_creates_the_agency_with_its_hosts_org_chart_ita_year_and_invited_administrator(
    make_new_agency, chaiyaphum, catalogues
):
    made = make_new_agency(
        "nongbua",
        name_th="เทศบาลตำบลหนองบัว",
        kind="subdistrict_municipality",
        brand_colour="#0a5c36",
        logo=SimpleUploadedFile("logo.png", _png()),
    )
    agency = made.agency
    assert agency.operator == chaiyaphum
    assert agency.logo.name
    assert agency.brand_colour == "#0a5c36"
    with scopes_disabled():
        assert list(AgencyHost.objects.filter(agency=agency).values_list("host", flat=True)) == [
            "nongbua.test"
        ]
    with agency_scope(agency):
        units = list(OrgUnit.objects.filter(agency=agency).values_list("name_th", flat=True))
        titles = set(Position.objects.filter(agency=agency).values_list("title_th", flat=True))
        assert YearSetting.objects.filter(agency=agency).count() == 1
        assert Membership.objects.get(agency=agency, user=made.administrator).role == Role.ADMINISTRATOR
    assert "สำนักปลัดเทศบาล" in units and "กองคลัง" in units and "สภาเทศบาลตำบลหนองบัว" in units
    assert "นายกเทศมนตรีตำบลหนองบัว" in titles
    assert not made.administrator.has_usable_password()
    invitation = Invitation.objects.get(user=made.administrator)
    assert invitation.token_digest != made.invitation_token and len(made.invitation_token) >= 40
    assert invitation.usable
    count, problem = verify_chain(agency)
    assert problem is None and count > 10


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"code": "Bad Code"}, "code", "อักษรอังกฤษตัวเล็ก"),
        ({"hosts": ["wangthong.test"]}, "hosts", "ใช้กับหน่วยงานอื่นแล้ว"),
        ({"hosts": ["ไม่ใช่โฮสต์"]}, "hosts", "ไม่ถูกต้อง"),
        ({"hosts": []}, "hosts", "อย่างน้อยหนึ่งชื่อ"),
        ({"kind": "other"}, "kind", "กรุณาเลือกประเภทหน่วยงาน"),
        ({"admin_username": "admin"}, "admin_username", "มีอยู่แล้ว"),
        ({"brand_colour": "red"}, "brand_colour", "#RRGGBB"),
        ({"logo": SimpleUploadedFile("logo.png", b"<svg></svg>")}, "logo", "ไม่ใช่ชนิดที่รับได้"),
    ],
)
def test_bad_input_is_refused_in_thai_and_creates_nothing(
    make_new_agency, agency, admin_member, overrides, field, words
):
    code = overrides.pop("code", "nongbua")
    with pytest.raises(ValidationError) as refused:
        make_new_agency(code, **overrides)
    assert any(words in message for message in refused.value.message_dict[field])
    with scopes_disabled():
        assert not Agency.objects.filter(code=code).exists()
    assert not User.objects.filter(username=f"{code}.admin").exists()


def test_a_code_already_used_is_refused(make_new_agency):
    make_new_agency("nongbua")
    with pytest.raises(ValidationError) as refused:
        make_new_agency("nongbua", hosts=["other-nongbua.test"], admin_username="someone")
    assert "มีผู้ใช้แล้ว" in refused.value.message_dict["code"][0]


def test_the_command_creates_the_agency_and_prints_the_invitation(chaiyaphum, operator_user):
    out = io.StringIO()
    call_command(
        "create_agency",
        "--operator=chaiyaphum",
        "--acting-user=province.officer",
        "--code=khokmuang",
        "--name=องค์การบริหารส่วนตำบลโคกม่วง",
        "--kind=sao",
        "--province=ชัยภูมิ",
        "--district=ภักดีชุมพล",
        "--host=khokmuang.test",
        "--admin-username=khokmuang.admin",
        "--admin-email=admin@khokmuang.test",
        "--answer-date=30/04/2570",
        stdout=out,
    )
    printed = out.getvalue()
    assert "https://khokmuang.test/accounts/invitation/" in printed
    token = printed.rsplit("/accounts/invitation/", 1)[1].strip().rstrip("/")
    from prongsai.core.services_onboarding import invitation_for

    assert invitation_for(token) is not None
    with scopes_disabled():
        assert Agency.objects.get(code="khokmuang").operator == chaiyaphum


def test_the_command_refuses_someone_who_is_not_a_member_of_the_operator(chaiyaphum, member):
    with pytest.raises(CommandError, match="not an active member"):
        call_command(
            "create_agency",
            "--operator=chaiyaphum",
            f"--acting-user={member.username}",
            "--code=khokmuang",
            "--name=อบต.",
            "--kind=sao",
            "--province=ชัยภูมิ",
            "--host=khokmuang.test",
            "--admin-username=x.admin",
            "--admin-email=a@b.test",
        )


def test_the_command_reports_thai_errors(chaiyaphum, operator_user, agency):
    with pytest.raises(CommandError, match="ใช้กับหน่วยงานอื่นแล้ว"):
        call_command(
            "create_agency",
            "--operator=chaiyaphum",
            "--acting-user=province.officer",
            "--code=khokmuang",
            "--name=องค์การบริหารส่วนตำบลโคกม่วง",
            "--kind=sao",
            "--province=ชัยภูมิ",
            "--host=wangthong.test",
            "--admin-username=x.admin",
            "--admin-email=a@b.test",
        )


def test_the_operator_creates_an_agency_on_the_page_and_sees_the_invitation_link_once(operator_client):
    response = operator_client.post(
        "/hosting/agencies/new/",
        {
            "name_th": "องค์การบริหารส่วนตำบลหนองบัว",
            "kind": "sao",
            "code": "nongbua",
            "province": "ชัยภูมิ",
            "district": "ภักดีชุมพล",
            "hosts": "nongbua.test",
            "admin_first_name": "สมหญิง",
            "admin_last_name": "ใจงาม",
            "admin_username": "nongbua.admin",
            "admin_email": "admin@nongbua.test",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "http://nongbua.test/accounts/invitation/" in body
    with scopes_disabled():
        assert Agency.objects.filter(code="nongbua").exists()


def test_the_page_shows_thai_errors_and_keeps_what_was_typed(operator_client):
    response = operator_client.post(
        "/hosting/agencies/new/",
        {
            "name_th": "องค์การบริหารส่วนตำบลหนองบัว",
            "code": "nongbua",
            "kind": "sao",
            "province": "ชัยภูมิ",
            "hosts": "wangthong.test",
            "admin_first_name": "ก",
            "admin_last_name": "ข",
            "admin_username": "nongbua.admin",
            "admin_email": "not-an-email",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "องค์การบริหารส่วนตำบลหนองบัว" in body
    assert "อีเมล" in body
    with scopes_disabled():
        assert not Agency.objects.filter(code="nongbua").exists()


def test_the_agencys_colours_are_served_as_a_style_sheet_on_its_site(make_new_agency):
    from django.test import Client

    make_new_agency("nongbua", brand_colour="#0a5c36", accent_colour="#1f5c99")
    client = Client(HTTP_HOST="nongbua.test")
    home = client.get("/").content.decode()
    assert "/theme.css?v=0a5c361f5c99" in home
    sheet = client.get("/theme.css")
    assert sheet["Content-Type"].startswith("text/css")
    assert sheet.content.decode() == ":root { --brand: #0a5c36; --brand-2: #1f5c99; }\n"
