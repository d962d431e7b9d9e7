"""Helpers of the complaint tests: posting the public form and submitting through the service."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from prongsai.complaints import services
from prongsai.complaints.models import Complaint, ComplaintCategory
from prongsai.core.demo_images import activity_photo_jpeg
from prongsai.core.models import Agency
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


def submit(agency: Agency, category: ComplaintCategory, **fields: Any) -> Complaint:
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
