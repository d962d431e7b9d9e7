"""News: drafted, published, corrected only by revisions with a reason; files checked and cleaned."""

from __future__ import annotations

import io
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import strip_tags
from django_scopes import scopes_disabled
from PIL import Image

from conftest import AGENCY_HOST, login_verified, make_member
from prongsai.core.demo_images import activity_photo_jpeg, document_pdf
from prongsai.core.models import AuditEvent, Revision
from prongsai.core.tenancy import agency_scope
from prongsai.portal import services
from prongsai.portal.models import NewsArticle, NewsCategory
from prongsai.portal.tests import factories


def _read(html: bytes) -> str:
    """A news page as text: its Thai words are kept whole with markup between them (core.thai_words)."""
    return unescape(strip_tags(html.decode()))


@pytest.fixture
def category(agency):
    with agency_scope(agency):
        return factories.news_category(agency)


@pytest.fixture
def draft(agency, admin_member, category):
    with agency_scope(agency):
        return factories.news(agency, admin_member, category)


def test_a_draft_is_not_public(anon, draft):
    assert anon.get(f"/news/{draft.public_id}/").status_code == 404
    assert "ข่าวทดสอบ" not in _read(anon.get("/news/").content)


def test_publishing_makes_revision_one_and_shows_the_history(anon, agency, admin_member, draft):
    with agency_scope(agency):
        services.news_publish(article=draft, acting_user=admin_member)
        revision = Revision.objects.get()
    body = _read(anon.get(f"/news/{draft.public_id}/").content)
    assert "ข่าวทดสอบ" in body
    assert "เผยแพร่ครั้งแรก" in body
    assert revision.content_hash in body


def test_the_status_cannot_be_assigned_directly(draft):
    with pytest.raises(AttributeError):
        draft.status = "published"


def test_a_published_article_changes_only_by_a_revision_with_a_reason(anon, agency, admin_member, draft):
    with agency_scope(agency):
        published = services.news_publish(article=draft, acting_user=admin_member)
        with pytest.raises(ValidationError, match="ข่าวนี้เผยแพร่แล้ว การแก้ไขต้องทำเป็นฉบับแก้ไขพร้อมเหตุผล"):
            services.news_update_draft(article=published, acting_user=admin_member, title="แก้ตรง ๆ")
        with pytest.raises(ValidationError, match="กรุณาระบุเหตุผลของการแก้ไข"):
            services.news_revise(article=published, acting_user=admin_member, reason="  ", title="ไม่มีเหตุผล")
        services.news_revise(
            article=published, acting_user=admin_member, reason="แก้คำผิดในหัวข้อ", title="ข่าวทดสอบใหม่"
        )
        revisions = list(Revision.objects.order_by("number"))
        actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[0].content["title"] == "ข่าวทดสอบ"
    assert revisions[1].content["title"] == "ข่าวทดสอบใหม่"
    assert revisions[0].content_hash != revisions[1].content_hash
    assert actions == ["portal.news.drafted", "portal.news.published", "portal.news.revised"]
    body = _read(anon.get(f"/news/{draft.public_id}/").content)
    assert "ข่าวทดสอบใหม่" in body
    assert "แก้คำผิดในหัวข้อ" in body


def test_a_revision_without_change_is_refused(agency, admin_member, draft):
    with agency_scope(agency):
        published = services.news_publish(article=draft, acting_user=admin_member)
        with pytest.raises(ValidationError, match="ไม่มีการเปลี่ยนแปลงเนื้อหา จึงไม่ได้สร้างฉบับแก้ไขใหม่"):
            services.news_revise(
                article=published, acting_user=admin_member, reason="ไม่มีอะไรเปลี่ยน", title="ข่าวทดสอบ"
            )


def test_publishing_twice_is_refused(agency, admin_member, draft):
    with agency_scope(agency):
        services.news_publish(article=draft, acting_user=admin_member)
        with pytest.raises(ValidationError, match="รายการนี้เผยแพร่แล้ว หากต้องการแก้ไขให้สร้างฉบับแก้ไขพร้อมระบุเหตุผล"):
            services.news_publish(article=draft, acting_user=admin_member)


# --- through the back office ------------------------------------------------------------------------------


def test_an_officer_drafts_and_a_head_publishes_through_the_pages(client, agency, member, category):
    login_verified(client, member)
    client.defaults["HTTP_HOST"] = AGENCY_HOST
    response = client.post(
        "/staff/news/new/",
        {
            "category": category.pk,
            "title": "ประชุมประชาคม",
            "summary": "",
            "body": "เนื้อหา",
            "event_date": "15/03/2567",
        },
    )
    assert response.status_code == 302
    with agency_scope(agency):
        article = NewsArticle.objects.get()
    assert str(article.event_date) == "2024-03-15"
    # An officer may draft but not publish.
    assert client.post(f"/staff/news/{article.pk}/publish/").status_code == 403
    head = make_member(agency, "head", "head_of_division")
    login_verified(client, head)
    assert client.post(f"/staff/news/{article.pk}/publish/").status_code == 302
    with agency_scope(agency):
        article.refresh_from_db()
    assert article.is_published


def test_bad_news_input_gets_thai_errors_and_keeps_what_was_typed(staff_client, category):
    response = staff_client.post(
        "/staff/news/new/",
        {"category": category.pk, "title": "", "body": "ข้อความที่พิมพ์ไว้", "event_date": "31/02/2567"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "กรุณาแก้ไขรายการต่อไปนี้" in body
    assert "ไม่มีวันที่" in body
    assert "ข้อความที่พิมพ์ไว้" in body


def test_editing_a_published_article_in_the_back_office_needs_a_reason(
    admin_client, agency, admin_member, draft
):
    with agency_scope(agency):
        services.news_publish(article=draft, acting_user=admin_member)
    data = {"category": draft.category_id, "title": "หัวข้อใหม่", "body": "ย่อหน้าแรก", "event_date": ""}
    response = admin_client.post(f"/staff/news/{draft.pk}/", data)
    assert response.status_code == 400
    assert "กรุณาระบุเหตุผลของการแก้ไข" in response.content.decode()
    response = admin_client.post(f"/staff/news/{draft.pk}/", {**data, "reason": "ปรับหัวข้อให้ชัดเจน"})
    assert response.status_code == 302
    with agency_scope(agency):
        assert Revision.objects.count() == 2


def test_choosing_another_agencys_category_is_refused(admin_client, other_agency):
    with agency_scope(other_agency):
        foreign = NewsCategory.objects.create(agency=other_agency, slug="x", name_th="หมวดอื่น")
    response = admin_client.post("/staff/news/new/", {"category": foreign.pk, "title": "t", "body": "b"})
    assert response.status_code == 400
    with scopes_disabled():
        assert not NewsArticle.objects.exists()


# --- attachments ------------------------------------------------------------------------------------------


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_published_photo_has_no_gps_metadata(anon, agency, admin_member, draft):
    original = activity_photo_jpeg(3, with_gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the upload really carries GPS
    with agency_scope(agency):
        services.news_attach_file(
            article=draft, acting_user=admin_member, upload=upload("p.jpg", original, "image/jpeg")
        )
        services.news_publish(article=draft, acting_user=admin_member)
        attachment = draft.attachments.get()
    response = anon.get(f"/files/{attachment.public_id}/")
    assert response.status_code == 200
    served = b"".join(response.streaming_content)
    image = Image.open(io.BytesIO(served))
    assert not image.getexif().get_ifd(0x8825)
    assert "exif" not in image.info
    assert response["Content-Type"] == "image/jpeg"
    assert "sandbox" in response["Content-Security-Policy"]


def test_attachments_of_drafts_are_not_served(anon, agency, admin_member, draft):
    with agency_scope(agency):
        services.news_attach_file(
            article=draft,
            acting_user=admin_member,
            upload=upload("d.pdf", document_pdf("x"), "application/pdf"),
        )
        attachment = draft.attachments.get()
    assert anon.get(f"/files/{attachment.public_id}/").status_code == 404
    assert anon.get("/files/not-a-uuid/").status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", b"<html><script>alert(1)</script></html>", "ไม่ใช่ชนิดที่รับได้"),
        ("fake.pdf", b"MZ\x90\x00 this is an executable", "ไม่ใช่ชนิดที่รับได้"),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "ไม่ใช่ชนิดที่รับได้"),
        ("empty.pdf", b"", "ว่างเปล่า"),
        ("broken.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "อ่านรูปภาพ"),
    ],
)
def test_disguised_or_broken_files_are_refused_in_thai(staff_client, agency, draft, name, content, message):
    response = staff_client.post(
        f"/staff/news/{draft.pk}/attachments/", {"file-file": upload(name, content), "file-title": ""}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    with agency_scope(agency):
        assert not draft.attachments.exists()


def test_an_oversized_file_is_refused(staff_client, settings, draft):
    settings.UPLOAD_MAX_BYTES = 1024
    pdf = document_pdf("big", pages=2)
    assert len(pdf) > 1024
    response = staff_client.post(
        f"/staff/news/{draft.pk}/attachments/", {"file-file": upload("big.pdf", pdf)}
    )
    assert response.status_code == 400
    assert "เกินกว่าที่รับได้" in response.content.decode()


def test_adding_a_file_to_a_published_article_is_a_revision_with_a_reason(agency, admin_member, draft):
    with agency_scope(agency):
        services.news_publish(article=draft, acting_user=admin_member)
        pdf = upload("d.pdf", document_pdf("x"), "application/pdf")
        with pytest.raises(ValidationError):
            services.news_attach_file(article=draft, acting_user=admin_member, upload=pdf)
        pdf.seek(0)
        services.news_attach_file(
            article=draft, acting_user=admin_member, upload=pdf, reason="เพิ่มเอกสารประกาศ"
        )
        last = Revision.objects.order_by("-number").first()
    assert last.number == 2
    assert last.content["attachments"][0]["name"] == "d.pdf"
    assert last.reason == "เพิ่มเอกสารประกาศ"


def _minimal_docx() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_office_documents_are_downloaded_not_displayed(anon, agency, admin_member, draft):
    with agency_scope(agency):
        services.news_attach_file(
            article=draft, acting_user=admin_member, upload=upload("แบบฟอร์ม.docx", _minimal_docx())
        )
        services.news_publish(article=draft, acting_user=admin_member)
        attachment = draft.attachments.get()
    response = anon.get(f"/files/{attachment.public_id}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert attachment.kind == "docx"


def test_a_field_error_is_announced_with_its_field(staff_client, category):
    response = staff_client.post("/staff/news/new/", {"category": category.pk, "title": "", "body": "x"})
    body = response.content.decode()
    assert 'aria-invalid="true"' in body
    assert 'aria-describedby="id_title_errors"' in body
    assert 'id="id_title_errors"' in body
