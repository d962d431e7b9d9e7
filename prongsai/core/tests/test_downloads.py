"""Every download leaves with the same safe headers, whatever its body and name."""

from __future__ import annotations

from urllib.parse import quote

from django.core.files.base import ContentFile

from prongsai.core.downloads import file_download
from prongsai.core.models import Attachment


def test_generated_bytes_download_as_an_attachment_that_is_never_sniffed_or_stored():
    response = file_download(b"a,b\n", content_type="text/csv; charset=utf-8", filename="register.csv")
    assert response.status_code == 200
    assert response.content == b"a,b\n"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="register.csv"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"] == "private, no-store"


def test_a_thai_file_name_survives_in_the_header_as_rfc_6266_asks():
    name = "แผนการจัดซื้อจัดจ้าง 2570.pdf"
    response = file_download(b"%PDF", content_type="application/pdf", filename=name, inline=True)
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline; ")
    assert f"filename*=utf-8''{quote(name)}" in disposition
    disposition.encode("latin-1")  # a header must be Latin-1: the Thai name is percent-encoded


def test_a_stored_file_is_streamed_and_a_published_one_may_be_cached(scoped):
    attachment = Attachment(
        agency=scoped, original_name="x.pdf", kind="pdf", content_type="application/pdf", size=4, sha256="0"
    )
    attachment.file.save("upload.pdf", ContentFile(b"%PDF"), save=False)
    response = file_download(
        attachment.file, content_type="application/pdf", filename="ประกาศ.pdf", inline=True, max_age=3600
    )
    assert b"".join(response.streaming_content) == b"%PDF"
    assert response["Cache-Control"] == "public, max-age=3600"
    assert response["Content-Length"] == "4"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_chunks_are_streamed():
    response = file_download(iter([b"a", b"b"]), content_type="text/csv", filename="rows.csv")
    assert response.streaming and b"".join(response.streaming_content) == b"ab"
    assert response["Content-Disposition"] == 'attachment; filename="rows.csv"'
