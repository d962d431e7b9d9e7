"""Fixtures of the E-Service tests: the demo catalogue in the test agency, a frozen clock, uploads."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from PIL import Image

from prongsai.core.files import check_upload
from prongsai.core.thai import BANGKOK
from prongsai.eservice import clock, services
from prongsai.eservice.tests import factories
from prongsai.ita.tests.fixtures import catalogues  # noqa: F401  (the ITA catalogues, for the evidence tests)

# Friday 4 December 2026 (2569 BE), 10:00 in Bangkok. Saturday 5 December is Father's Day, so Monday
# 7 December is its substitution holiday: one working day from this moment is Tuesday 8 December.
BEFORE_FATHERS_DAY = datetime(2026, 12, 4, 10, 0, tzinfo=BANGKOK)


@pytest.fixture
def now(monkeypatch):
    """Put the E-Service at a fixed moment; returns a setter to move it."""
    moment = {"now": BEFORE_FATHERS_DAY}
    monkeypatch.setattr(clock, "now", lambda: moment["now"])

    def set_now(value: datetime) -> datetime:
        moment["now"] = value
        return value

    set_now.current = lambda: moment["now"]  # type: ignore[attr-defined]
    return set_now


@pytest.fixture
def catalogue(agency, admin_member, in_scope):
    with in_scope(agency):
        return factories.catalogue(
            agency,
            admin_member,
            "elderly-allowance",
            "official-information",
            "building-permit",
            "garbage-collection",
        )


@pytest.fixture
def other_catalogue(other_agency, outsider, in_scope):
    with in_scope(other_agency):
        return factories.catalogue(other_agency, outsider, "elderly-allowance")


def pdf_bytes(size: int = 0) -> bytes:
    body = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    return body + b"0" * max(0, size - len(body))


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def submit(agency, in_scope):
    """Submit a request through the service layer (online unless a channel is given)."""

    def _submit(service, **options):
        with in_scope(agency):
            return factories.service_request(agency, service, **options)

    return _submit


def checked_pdf(name: str = "plan.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")
    return services.IncomingFile(field_name="plans", original_name=name, checked=check_upload(upload))
