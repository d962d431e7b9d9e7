"""The personal-data inventory covers the schema, and retention is enforced."""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from prongsai.core.models import OutboundEmail
from prongsai.core.personal_data import INVENTORY, NOT_PERSONAL, inventoried

LOOKS_PERSONAL = re.compile(
    r"(^|_)(name|first_name|last_name|prefix|email|phone|phones|mobile|photo|address|national_id|citizen_id|"
    r"tax_id|birth|ip|user_agent|to|body|label|logo)($|_)"
)


def test_every_field_that_looks_personal_is_in_the_inventory():
    missing = []
    for model in apps.get_models():
        if not model.__module__.startswith("prongsai."):
            continue
        for field in model._meta.concrete_fields:
            key = (model._meta.label_lower, field.name)
            if LOOKS_PERSONAL.search(field.name) and key not in inventoried() and key not in NOT_PERSONAL:
                missing.append(key)
    assert missing == [], f"add these to prongsai/core/personal_data.py: {missing}"


def test_every_inventory_entry_names_a_real_field():
    for entry in INVENTORY:
        model = apps.get_model(entry.model)
        assert model._meta.get_field(entry.field), entry
        assert entry.purpose and entry.retention


def test_old_notifications_are_purged_and_recent_ones_kept(agency):
    with scopes_disabled():
        old = OutboundEmail.objects.create(
            agency=agency, to="a@example.com", subject="s", body="b", status="sent"
        )
        recent = OutboundEmail.objects.create(
            agency=agency, to="b@example.com", subject="s", body="b", status="sent"
        )
        pending = OutboundEmail.objects.create(agency=agency, to="c@example.com", subject="s", body="b")
        OutboundEmail.objects.filter(pk__in=[old.pk, pending.pk]).update(
            updated_at=timezone.now() - timedelta(days=400)
        )
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "outbound e-mails: 1 deleted" in out.getvalue()
    with scopes_disabled():
        assert set(OutboundEmail.objects.values_list("pk", flat=True)) == {recent.pk, pending.pk}
