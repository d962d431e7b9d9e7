"""Exporting an agency whole (a ZIP, opened and checked here) and deleting it only after such an export."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scopes_disabled
from PIL import Image

from prongsai.core.audit import audit_record
from prongsai.core.models import Agency, AgencyExport, AgencyRemoval, AuditEvent, AuditHead, OrgUnit, User
from prongsai.core.services_onboarding import agency_delete, agency_export_request, agency_suspend
from prongsai.core.tenancy import agency_scope
from prongsai.hosting.export import build_agency_export

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 20, 20)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def nongbua(make_new_agency):
    return make_new_agency("nongbua", logo=SimpleUploadedFile("logo.png", _png())).agency


def _export(agency: Agency, chaiyaphum, user: User) -> AgencyExport:
    export = agency_export_request(agency=agency, operator=chaiyaphum, acting_user=user)
    build_agency_export.call(agency.pk, export.pk)
    export.refresh_from_db()
    return export


def test_the_export_zip_holds_data_sets_rows_audit_chain_and_files(nongbua, chaiyaphum, operator_user):
    export = _export(nongbua, chaiyaphum, operator_user)
    assert export.status == AgencyExport.Status.READY
    assert len(export.sha256) == 64 and export.size > 0
    with export.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["agency"]["code"] == "nongbua"
        assert {"agency.json", "audit/events.jsonl", "data/core/orgunit.json"} <= names
        assert any(name.startswith("datasets/") and name.endswith(".csv") for name in names)
        assert any(name.startswith("files/agency-logos/") for name in names)
        units = json.loads(archive.read("data/core/orgunit.json"))
        assert "กองคลัง" in {row["fields"]["name_th"] for row in units}
        assert manifest["rows"]["core.orgunit"] == len(units)
        events = [json.loads(line) for line in archive.read("audit/events.jsonl").decode().splitlines()]
        assert events[-1]["seq"] == manifest["audit_head"]["seq"] == export.audit_seq
        assert events[-1]["hash"] == export.audit_hash
        for member in manifest["members"]:
            import hashlib

            assert hashlib.sha256(archive.read(member["path"])).hexdigest() == member["sha256"]
    # The export's completion is itself in the agency's chain.
    with scopes_disabled():
        assert AuditEvent.objects.filter(agency=nongbua, action="core.agency.exported").exists()


def test_the_export_of_one_agency_holds_nothing_of_another(
    nongbua, chaiyaphum, operator_user, make_new_agency
):
    other = make_new_agency("khokmuang", name_th="องค์การบริหารส่วนตำบลโคกม่วง").agency
    export = _export(nongbua, chaiyaphum, operator_user)
    with export.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist())
    assert "โคกม่วง".encode() not in everything
    assert other.code.encode() not in everything


def test_deletion_is_refused_without_a_finished_export(nongbua, chaiyaphum, operator_user):
    agency_suspend(agency=nongbua, acting_user=operator_user, reason="ยุบรวม")
    pending = agency_export_request(agency=nongbua, operator=chaiyaphum, acting_user=operator_user)
    with pytest.raises(ValidationError, match="กรุณาส่งออกข้อมูลก่อนลบ"):
        agency_delete(agency=nongbua, acting_user=operator_user, export=pending, reason="ยุบรวม")
    with scopes_disabled():
        assert Agency.objects.filter(pk=nongbua.pk).exists()


def test_deletion_is_refused_while_the_agency_is_serving(nongbua, chaiyaphum, operator_user):
    export = _export(nongbua, chaiyaphum, operator_user)
    with pytest.raises(ValidationError, match="ต้องระงับการให้บริการ"):
        agency_delete(agency=nongbua, acting_user=operator_user, export=export, reason="ยุบรวม")


def test_deletion_is_refused_when_the_data_changed_after_the_export(nongbua, chaiyaphum, operator_user):
    agency_suspend(agency=nongbua, acting_user=operator_user, reason="ยุบรวม")
    export = _export(nongbua, chaiyaphum, operator_user)
    with agency_scope(nongbua):
        audit_record(agency=nongbua, actor=operator_user, action="core.org_unit.saved")
    with pytest.raises(ValidationError, match="ส่งออกข้อมูลอีกครั้ง"):
        agency_delete(agency=nongbua, acting_user=operator_user, export=export, reason="ยุบรวม")


def test_deletion_after_an_export_removes_everything_and_records_the_chain_head(
    nongbua, chaiyaphum, operator_user, make_new_agency
):
    kept = make_new_agency("khokmuang").agency
    agency_suspend(agency=nongbua, acting_user=operator_user, reason="ยุบรวม")
    export = _export(nongbua, chaiyaphum, operator_user)
    with scopes_disabled():
        head = AuditHead.objects.get(agency=nongbua)
    removal = agency_delete(agency=nongbua, acting_user=operator_user, export=export, reason="ยุบรวมกับเทศบาล")
    assert (removal.audit_seq, removal.audit_hash) == (head.seq, head.hash)
    assert removal.agency_code == "nongbua"
    with scopes_disabled():
        assert not Agency.objects.filter(code="nongbua").exists()
        assert not OrgUnit.objects.filter(agency_id=nongbua.pk).exists()
        assert not AuditEvent.objects.filter(agency_id=nongbua.pk).exists()
        assert OrgUnit.objects.filter(agency=kept).exists()
    export.refresh_from_db()
    assert export.agency is None and export.file  # the export outlives the agency
    assert AgencyRemoval.objects.filter(pk=removal.pk).exists()


def test_the_operator_page_refuses_deletion_without_export_in_thai(nongbua, operator_client, operator_user):
    agency_suspend(agency=nongbua, acting_user=operator_user, reason="ยุบรวม")
    response = operator_client.post(
        "/hosting/agencies/nongbua/delete/",
        {"delete-reason": "ยุบรวม", "delete-confirm_code": "nongbua"},
        follow=True,
    )
    assert "กรุณาส่งออกข้อมูลก่อนลบ" in response.content.decode()
    with scopes_disabled():
        assert Agency.objects.filter(code="nongbua").exists()


def test_the_operator_exports_downloads_and_deletes_on_the_pages(
    nongbua, operator_client, operator_user, django_capture_on_commit_callbacks
):
    operator_client.post("/hosting/agencies/nongbua/suspend/", {"suspend-reason": "ยุบรวม"})
    with django_capture_on_commit_callbacks(execute=True):
        operator_client.post("/hosting/agencies/nongbua/export/")
    export = AgencyExport.objects.get(agency_code="nongbua")
    assert export.status == AgencyExport.Status.READY  # tasks run at once in the tests
    download = operator_client.get(f"/hosting/exports/{export.pk}/download/")
    assert download.status_code == 200
    body = b"".join(download.streaming_content) if download.streaming else download.content
    assert zipfile.ZipFile(io.BytesIO(body)).read("manifest.json")
    response = operator_client.post(
        "/hosting/agencies/nongbua/delete/", {"delete-reason": "ยุบรวม", "delete-confirm_code": "nongbua"}
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert not Agency.objects.filter(code="nongbua").exists()
    assert "nongbua" in operator_client.get("/hosting/agencies/removed/").content.decode()
