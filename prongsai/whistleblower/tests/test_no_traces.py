"""Done-when: a canary in a report's text, PDF and JPEG is found nowhere on the server (database dump,
media folder, logs, cache, outbox) in any encoding, yet a committee member reads it back byte for byte;
a distinctive client address, forwarded-for chain and user agent leave no trace either."""

from __future__ import annotations

import ipaddress
import uuid

import pytest
from django.core import mail
from django.test import Client
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST
from prongsai.core.models import OutboundEmail
from prongsai.whistleblower import selectors

from .conftest import jpeg_bytes, pdf_bytes, submit, unlocked_client
from .leaks import captured_logs, encodings, everything, occurrences


def _outbox() -> bytes:
    with scopes_disabled():
        rows = [f"{e.to} {e.subject} {e.body}" for e in OutboundEmail.objects.all()]
    rows += [f"{m.to} {m.subject} {m.body}" for m in mail.outbox]
    return "\n".join(rows).encode()


def test_the_leak_detector_finds_a_canary_in_every_encoding_it_searches():
    canary = f"PSWB-CANARY-{uuid.uuid4().hex}"
    for name, patterns in encodings(canary).items():
        for pattern in patterns:
            assert occurrences(canary, {"x": b"prefix " + pattern + b" suffix"}), name
    import base64

    for offset in range(3):
        blob = base64.b64encode(b"ab"[:offset] + canary.encode() + b"tail")
        assert occurrences(canary, {"b64": blob}), offset
    assert occurrences(canary, {"pdf": pdf_bytes(canary)}) == ["pdf: plain"]


def test_a_canary_in_text_pdf_jpeg_messages_and_identity_is_nowhere_on_the_server_but_reads_back(
    agency, committee, custodian
):
    canary = f"PSWB-CANARY-{uuid.uuid4().hex}"
    pdf = pdf_bytes(f"evidence {canary}")
    jpeg = jpeg_bytes(comment=canary.encode())
    assert canary.encode() in pdf and canary.encode() in jpeg

    with captured_logs() as logs:
        reporter = Client(HTTP_HOST=AGENCY_HOST)
        _done, receipt = submit(
            reporter,
            what=f"เจ้าหน้าที่เรียกรับเงิน {canary}",
            who=f"ผู้อำนวยการกองช่าง {canary}",
            files=[(f"{canary}.pdf", pdf), ("photo.jpg", jpeg)],
            identity_name=f"นางสาวผู้แจ้ง {canary}",
            identity_contact="081-234-5678",
        )
        assert receipt
        follower = Client(HTTP_HOST=AGENCY_HOST)
        assert follower.post("/integrity/follow-up/", {"receipt": receipt}).status_code == 302
        assert follower.post("/integrity/follow-up/add/", {"text": f"เพิ่มเติม {canary}"}).status_code == 302

        staff = unlocked_client(committee)
        handle = staff.get("/staff/integrity/").context["rows"][0][0]
        response = staff.post(
            f"/staff/integrity/reports/{handle}/action/", {"action": "message", "text": f"ตอบกลับ {canary}"}
        )
        assert response.status_code == 302

        haystacks = everything(logs.lines, {"outbox": _outbox()})
        assert occurrences(canary, haystacks) == []
        assert occurrences(receipt, haystacks) == [], "the receipt itself is stored nowhere"

        # A committee member decrypts it and gets the original bytes back.
        detail = staff.get(f"/staff/integrity/reports/{handle}/")
        page = detail.content.decode()
        assert f"เจ้าหน้าที่เรียกรับเงิน {canary}" in page
        assert f"เพิ่มเติม {canary}" in page
        downloaded = {
            meta["name"]: staff.get(f"/staff/integrity/reports/{handle}/files/{item.public_id}/").content
            for item, meta in detail.context["opened"].files
        }
        assert downloaded == {f"{canary}.pdf": pdf, "photo.jpg": jpeg}
        # The reporter's follow-up page shows the committee's answer.
        assert f"ตอบกลับ {canary}" in follower.get("/integrity/follow-up/").content.decode()


DISTINCT_ADDRESS = "203.0.113.199"
FORWARDED_CLIENT = "198.51.100.77"
USER_AGENT = "LeakyBrowser/9.9 (pswb-ua-canary-4417)"


@pytest.mark.parametrize("trust_forwarded", [False, True])
def test_a_distinctive_client_address_and_user_agent_leave_no_trace(
    agency, committee, settings, monkeypatch, trust_forwarded
):
    settings.WHISTLEBLOWER_TRUST_X_FORWARDED_FOR = trust_forwarded
    client = Client(
        HTTP_HOST=AGENCY_HOST,
        REMOTE_ADDR=DISTINCT_ADDRESS,
        HTTP_X_FORWARDED_FOR=f"{FORWARDED_CLIENT}, {DISTINCT_ADDRESS}",
        HTTP_X_REAL_IP=FORWARDED_CLIENT,
        HTTP_FORWARDED=f"for={FORWARDED_CLIENT}",
        HTTP_USER_AGENT=USER_AGENT,
        raise_request_exception=False,
    )
    with captured_logs() as logs:
        assert client.get("/integrity/").status_code == 200
        assert client.post("/integrity/report/", {"what": ""}).status_code == 400  # logged as Bad Request
        _done, receipt = submit(client, what="มีการฮั้วประมูล")
        assert client.post("/integrity/follow-up/", {"receipt": "0000 0000 0000 0000"}).status_code == 400
        assert client.post("/integrity/follow-up/", {"receipt": receipt}).status_code == 302
        assert client.post("/integrity/follow-up/add/", {"text": "ข้อมูลเพิ่ม"}).status_code == 302
        assert client.get("/integrity/no-such-page/").status_code == 404  # logged as Not Found

        def explode(*args, **kwargs):
            raise RuntimeError("boom")

        monkeypatch.setattr(selectors, "published_guideline", explode)
        assert client.get("/integrity/guideline/").status_code == 500  # logged with the request object
        assert any("Internal Server Error" in line for line in logs.lines), "the 500 was logged"

        haystacks = everything(logs.lines, {"outbox": _outbox()})
    for secret in (DISTINCT_ADDRESS, FORWARDED_CLIENT, USER_AGENT, "pswb-ua-canary-4417"):
        assert occurrences(secret, haystacks) == [], secret
    for address in (DISTINCT_ADDRESS, FORWARDED_CLIENT):
        packed = ipaddress.ip_address(address).packed
        assert all(packed not in data for data in haystacks.values()), address


CHANNEL_PAGES = [
    "/integrity/",
    "/integrity/report/",
    "/integrity/follow-up/",
    "/integrity/guideline/",
    "/integrity/statistics/",
]


@pytest.mark.parametrize("path", CHANNEL_PAGES)
def test_channel_pages_tell_browsers_to_keep_nothing_and_load_nothing_from_elsewhere(
    reporter, committee, path
):
    response = reporter.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "http:" not in csp and "https:" not in csp and "*" not in csp
    assert "frame-ancestors 'none'" in csp


def test_staff_pages_of_the_channel_are_not_cached_either(committee_client):
    response = committee_client.get("/staff/integrity/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"


def test_a_form_posted_with_origin_null_from_the_same_site_passes_csrf(committee):
    client = Client(HTTP_HOST=AGENCY_HOST, enforce_csrf_checks=True)
    page = client.get("/integrity/follow-up/")
    token = page.cookies["csrftoken"].value
    response = client.post(
        "/integrity/follow-up/",
        {"receipt": "1", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 400  # reached the view: a Thai error, not a CSRF 403
    cross = client.post(
        "/integrity/follow-up/",
        {"receipt": "1", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert cross.status_code == 403


def test_django_axes_and_the_views_of_the_channel_never_see_the_client_address(agency, committee):
    from axes.helpers import get_client_ip_address, get_client_user_agent
    from django.http import HttpResponse
    from django.test import RequestFactory

    from prongsai.whistleblower.middleware import ChannelPrivacyMiddleware

    seen = {}

    def view(request):
        seen["ip"] = get_client_ip_address(request)
        seen["ua"] = get_client_user_agent(request)
        seen["meta"] = repr(request.META)
        return HttpResponse("ok")

    request = RequestFactory().post(
        "/integrity/follow-up/",
        REMOTE_ADDR=DISTINCT_ADDRESS,
        HTTP_X_FORWARDED_FOR=FORWARDED_CLIENT,
        HTTP_USER_AGENT=USER_AGENT,
    )
    ChannelPrivacyMiddleware(view)(request)
    assert seen["ip"] in (None, "")
    assert seen["ua"] in (None, "", "<unknown>")
    assert (
        DISTINCT_ADDRESS not in seen["meta"]
        and FORWARDED_CLIENT not in seen["meta"]
        and USER_AGENT not in seen["meta"]
    )
    assert getattr(request, "whistleblower_client", "") not in ("", DISTINCT_ADDRESS)


def test_other_pages_keep_their_request_metadata(agency):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from prongsai.whistleblower.middleware import ChannelPrivacyMiddleware

    request = RequestFactory().get("/news/", REMOTE_ADDR="192.0.2.5")
    ChannelPrivacyMiddleware(lambda r: HttpResponse("ok"))(request)
    assert request.META["REMOTE_ADDR"] == "192.0.2.5", "staff login throttling (axes) still needs addresses"
