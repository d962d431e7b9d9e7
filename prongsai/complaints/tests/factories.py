"""Builders of the complaint tests: categories and complaints through the services, and the public form's
data for posting it as a citizen would."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from prongsai.complaints import services
from prongsai.complaints.models import Complaint, ComplaintCategory
from prongsai.core.demo_images import activity_photo_jpeg
from prongsai.core.models import Agency, OrgUnit, User
from prongsai.core.safeguards import aged_token
from prongsai.core.tenancy import agency_scope

SUBJECT = "ไฟถนนดับหน้าโรงเรียนบ้านวังทอง"
DESCRIPTION = "ไฟส่องสว่างดับสามต้นติดกันมาหนึ่งสัปดาห์ ผู้ปกครองมารับเด็กตอนค่ำไม่ปลอดภัย"
ADDRESS = "หมู่ที่ 1 หน้าโรงเรียนบ้านวังทอง"


def photo(seed: int = 1, name: str = "IMG_0001.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, activity_photo_jpeg(seed, with_gps=True), "image/jpeg")


def form_data(category: ComplaintCategory, /, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "form_token": aged_token("complaint"),
        "website": "",
        "category": str(category.pk),
        "subject": SUBJECT,
        "description": DESCRIPTION,
        "location_address": ADDRESS,
        "latitude": "16.020300",
        "longitude": "101.438600",
        "contact_name": "",
        "contact_phone": "",
        "contact_email": "",
    }
    data.update(overrides)
    return data


def file_complaint(client: Client, category: ComplaintCategory, /, **overrides: Any):
    return client.post("/complaints/new/", form_data(category, **overrides))


def category(agency: Agency, user: User, unit: OrgUnit, **overrides: Any) -> ComplaintCategory:
    """A category routed to ``unit`` with short time limits (2 working days to acknowledge, 7 to resolve)."""
    fields: dict[str, Any] = {"name_th": "ไฟฟ้าส่องสว่างสาธารณะ", "ack_days": 2, "resolve_days": 7}
    fields.update(overrides)
    return services.category_save(agency=agency, acting_user=user, default_unit=unit, **fields)


def complaint(agency: Agency, category: ComplaintCategory, **fields: Any) -> Complaint:
    """A complaint filed online by a citizen (the service enters the agency's scope)."""
    values: dict[str, Any] = dict(
        agency=agency,
        idempotency_key=uuid.uuid4(),
        category=category,
        subject=SUBJECT,
        description=DESCRIPTION,
        location_address=ADDRESS,
    )
    values.update(fields)
    with agency_scope(agency):
        complaint, _new = services.complaint_submit(**values)
    return complaint
