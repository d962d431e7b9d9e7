"""A staff member who reports while signed in cannot be identified from the database (issue 15).

The channel writes nothing into a Django session (vault.py keeps the reporter's compartments in cookies),
the report's audit events have no actor, and no row of any table ties the member to the report.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import models
from django.test import Client
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST, login_verified
from prongsai.core.models import AuditEvent, User
from prongsai.whistleblower.models import Report

from .conftest import submit


def _sessions() -> dict[str, tuple[str, object]]:
    return {s.session_key: (s.session_data, s.expire_date) for s in Session.objects.all()}


def _rows_pointing_at(model_class: type[models.Model], pk: int) -> list[tuple[str, int]]:
    """Every (table, row id) of any model with a foreign key to ``model_class`` whose value is ``pk``."""
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.ForeignKey) and field.related_model is model_class:
                with scopes_disabled():
                    ids = model._base_manager.filter(**{field.attname: pk}).values_list("pk", flat=True)
                    found += [(model._meta.db_table, row) for row in ids]
    return found


@pytest.mark.django_db
def test_a_report_made_while_signed_in_leaves_no_link_between_the_member_and_the_report(
    agency, committee, member
):
    browser = login_verified(Client(HTTP_HOST=AGENCY_HOST), member)
    browser.get("/staff/")  # an ordinary signed-in page first
    before_sessions = _sessions()
    before_user_rows = set(_rows_pointing_at(User, member.pk))

    _done, receipt = submit(browser, what="ปลัดเรียกรับเงินใต้โต๊ะ")
    assert receipt
    follow = browser.post("/integrity/follow-up/", {"receipt": receipt})
    assert follow.status_code == 302
    added = browser.post("/integrity/follow-up/add/", {"text": "มีหลักฐานเพิ่มเติม"})
    assert added.status_code in (200, 302)
    browser.post("/integrity/follow-up/leave/")

    # Not a byte of any session changed: no report data beside the member's id, no expiry renewed at the
    # moment the report was received.
    assert _sessions() == before_sessions
    # No row of any table written during the report points at the member.
    assert set(_rows_pointing_at(User, member.pk)) == before_user_rows
    with scopes_disabled():
        report = Report.objects.get()
        events = AuditEvent.objects.filter(
            object_id=str(report.pk), action__startswith="whistleblower.report"
        )
        assert events.exists()
        assert not events.exclude(actor=None).exists()
        assert not events.filter(actor_label__icontains=member.username).exists()
    # The member is still signed in: their own session was left alone.
    assert browser.get("/staff/").status_code == 200
