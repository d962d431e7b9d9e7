"""Fixtures shared by the portal's tests."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from prongsai.core.demo_images import portrait_jpeg
from prongsai.core.services import org_unit_save, person_save, position_save
from prongsai.core.tenancy import agency_scope


@pytest.fixture
def structure(agency, admin_member):
    with agency_scope(agency):
        executive = org_unit_save(
            agency=agency, acting_user=admin_member, side="political", name_th="คณะผู้บริหาร"
        )
        mayor = position_save(
            agency=agency, acting_user=admin_member, unit=executive, title_th="นายก อบต.", level="top"
        )
        deputy = position_save(
            agency=agency, acting_user=admin_member, unit=executive, title_th="รองนายก อบต.", level="deputy"
        )
        root = org_unit_save(agency=agency, acting_user=admin_member, side="career", name_th="ปลัด อบต.")
        finance = org_unit_save(
            agency=agency,
            acting_user=admin_member,
            side="career",
            name_th="กองคลัง",
            parent=root,
            duties="งานการเงินและบัญชี",
        )
        clerk = position_save(
            agency=agency, acting_user=admin_member, unit=root, title_th="ปลัด อบต.", level="top"
        )
        position_save(agency=agency, acting_user=admin_member, unit=finance, title_th="ผู้อำนวยการกองคลัง")
        photo = SimpleUploadedFile("p.jpg", portrait_jpeg(1), content_type="image/jpeg")
        mayor_person = person_save(
            agency=agency,
            acting_user=admin_member,
            position=mayor,
            prefix="นาย",
            first_name="ชาญชัย",
            last_name="ศรีวังทอง",
            phone="081-234-5678",
            email="mayor@example.go.th",
            photo_upload=photo,
        )
        person_save(
            agency=agency, acting_user=admin_member, position=deputy, first_name="สมบัติ", last_name="พลนาค"
        )
        person_save(
            agency=agency, acting_user=admin_member, position=clerk, first_name="พรทิพย์", last_name="เจริญสุข"
        )
        person_save(
            agency=agency,
            acting_user=admin_member,
            position=deputy,
            first_name="อดีต",
            last_name="รองนายก",
            is_current=False,
        )
    return mayor_person
