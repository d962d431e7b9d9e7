"""Fixtures of the channel's tests: committee members and a custodian with keys, and a reporter's client."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from conftest import AGENCY_HOST, login_verified
from prongsai.core.roles import Role
from prongsai.ita.tests.fixtures import catalogues  # noqa: F401 - the OIT catalogues, for the evidence tests
from prongsai.whistleblower.tests import factories
from prongsai.whistleblower.tests.factories import PASSPHRASE

RECEIPT_RE = re.compile(r'<p class="receipt" id="receipt">([0-9 ]+)</p>')


@pytest.fixture
def committee(agency):
    return factories.recipient(agency, "committee", Role.INTEGRITY_COMMITTEE)


@pytest.fixture
def committee2(agency):
    return factories.recipient(agency, "committee2", Role.INTEGRITY_COMMITTEE)


@pytest.fixture
def custodian(agency):
    return factories.recipient(agency, "custodian", Role.IDENTITY_CUSTODIAN)


def unlocked_client(user, passphrase=PASSPHRASE) -> Client:
    client = login_verified(Client(HTTP_HOST=AGENCY_HOST), user)
    response = client.post("/staff/integrity/key/unlock/", {"passphrase": passphrase})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client


@pytest.fixture
def committee_client(committee):
    return unlocked_client(committee)


@pytest.fixture
def reporter():
    return Client(HTTP_HOST=AGENCY_HOST)


def jpeg_bytes(comment: bytes = b"") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 30, 30)).save(out, format="JPEG", comment=comment)
    return out.getvalue()


def pdf_bytes(text: str) -> bytes:
    """A small valid PDF whose (uncompressed) content stream holds ``text``."""
    stream = f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def submit(
    client: Client, *, what="เจ้าหน้าที่เรียกรับเงินใต้โต๊ะ", files=(), token=None, **extra
) -> tuple[object, str | None]:
    """Submit the form as a reporter; return the done page's response and the receipt shown on it."""
    page = client.get("/integrity/report/")
    assert page.status_code == 200, page.content.decode()[:500]
    if token is None:
        token = re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)
    data = {"what": what, "token": token, "strip_metadata": "", **extra}
    if files:
        data["evidence"] = [SimpleUploadedFile(name, content) for name, content in files]
    response = client.post("/integrity/report/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    done = client.get(response["Location"])
    match = RECEIPT_RE.search(done.content.decode())
    return done, (match.group(1).replace(" ", "") if match else None)
