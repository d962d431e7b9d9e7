"""Logs are JSON lines with a request id, and a run over the demo leaves none of its personal data in them."""

from __future__ import annotations

import io
import json
import logging
from datetime import datetime
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django_scopes import scopes_disabled

from conftest import login_verified
from prongsai.core.personal_data import INVENTORY
from prongsai.core.thai import BANGKOK
from prongsai.ops.logs import JsonFormatter, ScrubFilter, scrub
from prongsai.ops.schedule import all_jobs
from prongsai.ops.scheduler import tick
from prongsai.whistleblower.demo import DEMO_KEY_PASSPHRASE

REPORT_TEXT = "นายทดสอบ รับเงินใต้โต๊ะที่ห้องพัสดุ"
REPORTER_CONTACT = "0891234567"


@pytest.fixture
def captured():
    """Everything logged at any level, written as production writes it (scrubbed JSON lines)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(ScrubFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)


def test_a_log_line_is_one_json_object_with_the_request_id(captured, agency, anon, settings):
    from django.http import HttpResponse
    from django.urls import include, path

    from prongsai.core.permissions import public

    def view_logging(request):
        logging.getLogger("prongsai.test").warning("looked at %s", "the page")
        return HttpResponse("ok")

    urlconf = type(
        "Urls",
        (),
        {"urlpatterns": [path("logging-test/", public(view_logging)), path("", include("prongsai.urls"))]},
    )
    settings.ROOT_URLCONF = urlconf
    response = anon.get("/logging-test/")
    lines = [json.loads(line) for line in captured.getvalue().splitlines()]
    (entry,) = [line for line in lines if line["logger"] == "prongsai.test"]
    assert entry["message"] == "looked at the page"
    assert entry["level"] == "WARNING"
    assert entry["request_id"] == response["X-Request-ID"]
    assert entry["time"].endswith("+00:00")


@pytest.mark.parametrize(
    ("text", "kept", "removed"),
    [
        ("mail to somchai.j@example.co.th failed", "mail to", "somchai"),
        ("id 1-1037-00123-45-6 and 1103700123456", "id", "00123"),
        ("call 081-234-5678 or +66812345678", "call", "234"),
        ("Not Found: /integrity/follow-up/?r=1234", "/integrity/", "follow-up"),
        ("GET /search/?q=สมชาย ใจดี", "/search/", "สมชาย"),
        ("job ita.snapshots run 12 succeeded", "run 12 succeeded", "[number]"),
        ("Task id=461f6c44-1234-4567-b752-6a83a5f7d975", "461f6c44-1234-4567-b752-6a83a5f7d975", "[number]"),
    ],
)
def test_scrubbing_removes_what_looks_personal_and_keeps_the_rest(text, kept, removed):
    assert kept in scrub(text)
    assert removed not in scrub(text)


def test_a_traceback_keeps_its_frames_but_not_the_exception_text(captured):
    try:
        raise ValueError("นางสาวข้อมูล ส่วนตัว")
    except ValueError:
        logging.getLogger("prongsai.test").exception("it failed")
    entry = json.loads(captured.getvalue().splitlines()[-1])
    assert "test_logs.py" in entry["traceback"] and "ValueError (message withheld)" in entry["traceback"]
    assert "ส่วนตัว" not in entry["traceback"].split("\n")[-1]


def _personal_values() -> set[str]:
    """Every value of every inventoried personal-data field, as stored now (long enough to be meaningful)."""
    values: set[str] = set()
    with scopes_disabled():
        for entry in INVENTORY:
            model = apps.get_model(entry.model)
            field = model._meta.get_field(entry.field)
            if field.get_internal_type() not in {"CharField", "TextField", "EmailField"}:
                continue
            for value in model._base_manager.values_list(entry.field, flat=True):
                if isinstance(value, str) and len(value.strip()) >= 6:
                    values.add(value.strip())
    return values


def test_a_run_over_the_demo_logs_none_of_its_personal_data(captured, settings, db):
    """Seed the demo, use it as citizens, staff and the committee would, run every job, then grep the logs."""
    settings.EMAIL_BACKEND = "prongsai.ops.tests.failing_mail.RefusingBackend"
    call_command("seed_demo", "--allow-production", stdout=StringIO())
    from prongsai.core.models import User
    from prongsai.whistleblower.tests.conftest import submit

    citizen = Client(HTTP_HOST="localhost")
    for path in (
        "/",
        "/structure/",
        "/executives/",
        "/contact/",
        "/news/",
        "/search/?q=ถนน",
        "/integrity/",
        "/integrity/statistics/",
        "/no-such-page/?email=somchai@example.com",
    ):
        citizen.get(path)
    submit(
        Client(HTTP_HOST="localhost"),
        what=REPORT_TEXT,
        files=(),
        identity_name="นายผู้แจ้ง ทดสอบ",
        identity_contact=REPORTER_CONTACT,
    )
    citizen.post("/complaints/new/", {"description": "ถนนชำรุด", "contact_name": "นางร้องเรียน ทดสอบ"})
    citizen.get("/integrity/follow-up/?receipt=1234-5678-9012")

    staff = {
        name: login_verified(Client(HTTP_HOST="localhost"), User.objects.get(username=name))
        for name in ("admin", "committee", "officer")
    }
    for path in (
        "/staff/",
        "/staff/members/",
        "/staff/audit/",
        "/staff/system/",
        "/staff/structure/",
        "/staff/eservice/",
        "/staff/complaints/",
    ):
        staff["admin"].get(path)
    staff["committee"].post("/staff/integrity/key/unlock/", {"passphrase": DEMO_KEY_PASSPHRASE})
    home = staff["committee"].get("/staff/integrity/")
    for row in (home.context or {}).get("rows", [])[:2]:
        staff["committee"].get(f"/staff/integrity/reports/{row[0]}/")

    # Every job, at a time when each is due (the e-mails they queue are refused by the SMTP server).
    with time_machine.travel(datetime(2027, 1, 11, 23, 0, tzinfo=BANGKOK), tick=False):
        tick(
            now=datetime(2027, 1, 11, 23, 0, tzinfo=BANGKOK),
            process="log-test",
            jobs=[job for job in all_jobs() if job.name != "ops.backup"],
        )

    logs = captured.getvalue()
    assert logs.count("\n") > 20, "the run wrote logs"
    for line in logs.splitlines():
        json.loads(line)
    leaked = sorted(
        value
        for value in _personal_values()
        | {
            REPORT_TEXT,
            REPORTER_CONTACT,
            "นายผู้แจ้ง ทดสอบ",
            "นางร้องเรียน ทดสอบ",
            "somchai@example.com",
            "1234-5678-9012",
            DEMO_KEY_PASSPHRASE,
        }
        if value in logs
    )
    assert leaked == []
