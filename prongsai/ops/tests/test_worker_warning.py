"""Staff pages say so when background work waits and no worker has been seen for a minute."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.html import strip_tags
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST, login_verified
from prongsai.core.models import OutboundEmail
from prongsai.core.roles import Role
from prongsai.core.tasks import send_outbound_email
from prongsai.core.tests import factories
from prongsai.ops.models import Heartbeat
from prongsai.ops.selectors import worker_missing

WARNING = "งานเบื้องหลังไม่ทำงาน"


@pytest.fixture
def waiting_task(agency):
    """An e-mail stored for the worker (the database backend), not yet sent."""
    with scopes_disabled():
        message = OutboundEmail.objects.create(
            agency=agency, to="citizen@example.com", subject="ทดสอบ", body="x"
        )
    return send_outbound_email.using(backend="database").enqueue(agency.pk, message.pk)


def _beat(seconds_ago: int) -> None:
    when = timezone.now() - timedelta(seconds=seconds_ago)
    Heartbeat.objects.create(kind=Heartbeat.Kind.WORKER, process="w:1:x", started_at=when, beat_at=when)


def test_no_warning_without_waiting_work_or_with_a_live_worker(agency, settings):
    settings.TASKS_USE_WORKER = True
    assert worker_missing(now=timezone.now()) is None, "nothing waits: nothing to say"


def test_waiting_work_and_a_silent_worker_give_a_warning(agency, settings, waiting_task):
    settings.TASKS_USE_WORKER = True
    now = timezone.now()
    assert worker_missing(now=now) is not None, "never seen a worker"
    _beat(seconds_ago=20)
    assert worker_missing(now=now) is None, "a worker beat 20 seconds ago"
    later = now + timedelta(seconds=90)
    warning = worker_missing(now=later)
    assert warning is not None and warning.last_seen is not None
    settings.TASKS_USE_WORKER = False
    assert worker_missing(now=later) is None, "tasks run inline: no worker is needed"


def test_every_staff_page_shows_the_warning_and_the_administrator_gets_the_fix(
    agency, settings, waiting_task
):
    settings.TASKS_USE_WORKER = True
    _beat(seconds_ago=600)
    officer = login_verified(Client(HTTP_HOST=AGENCY_HOST), factories.member(agency, "o", Role.OFFICER))
    admin = login_verified(Client(HTTP_HOST=AGENCY_HOST), factories.member(agency, "a", Role.ADMINISTRATOR))
    for path in ("/staff/", "/staff/news/"):
        page = officer.get(path).content.decode()
        assert WARNING in page, path
        assert "กรุณาแจ้งผู้ดูแลระบบของหน่วยงาน" in page
        assert "run_worker" not in page
    admin_page = admin.get("/staff/").content.decode()
    assert WARNING in admin_page and "python manage.py run_worker" in admin_page
    public_home = strip_tags(Client(HTTP_HOST=AGENCY_HOST).get("/").content.decode())  # read as text
    assert WARNING not in public_home, "never on the public site"
