"""The demo data: อบต.วังทอง with structure, executives, staff accounts per role and news; idempotent."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils.html import strip_tags
from django_scopes import scopes_disabled

from prongsai.core.audit import verify_chain
from prongsai.core.models import Agency, AuditEvent, Membership, Person, User
from prongsai.core.roles import Role
from prongsai.portal.models import NewsArticle


@pytest.fixture
def seeded(demo):
    """The shared demo (conftest ``demo``: one real run of seed_demo per test process); the output is that of
    running the command again over it, which prints the logins too."""
    out = StringIO()
    call_command("seed_demo", "--allow-production", stdout=out)
    return out.getvalue()


def test_it_refuses_to_run_on_a_production_instance(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", stdout=StringIO())


def test_it_builds_the_demo_agency_and_prints_the_logins(seeded):
    assert "wangthong-demo-2567" in seeded
    for username in ("admin", "officer", "head", "executive", "committee", "custodian", "auditor"):
        assert username in seeded
    with scopes_disabled():
        agency = Agency.objects.get(code="wangthong")
        assert agency.is_default
        roles = set(Membership.objects.filter(agency=agency).values_list("role", flat=True))
        assert roles == set(Role.values)
        assert Person.objects.filter(agency=agency, position__level="top").count() == 2
        assert NewsArticle.objects.filter(agency=agency).count() >= 8
    assert verify_chain(agency)[1] is None


def test_running_it_twice_changes_nothing(seeded):
    with scopes_disabled():
        before = (User.objects.count(), AuditEvent.objects.count(), NewsArticle.objects.count())
    out = StringIO()
    call_command("seed_demo", "--allow-production", stdout=out)
    assert "already present" in out.getvalue()
    with scopes_disabled():
        assert (User.objects.count(), AuditEvent.objects.count(), NewsArticle.objects.count()) == before


def test_the_demo_site_answers_on_localhost_and_the_second_agency_on_its_host(seeded):
    home = Client(HTTP_HOST="localhost").get("/").content.decode()
    assert "องค์การบริหารส่วนตำบลวังทอง" in home
    # The page keeps Thai words whole with markup between them (core.thai_words): compare the text as read.
    executives = strip_tags(Client(HTTP_HOST="127.0.0.1").get("/executives/").content.decode())
    assert "นายกองค์การบริหารส่วนตำบลวังทอง" in executives
    other = strip_tags(Client(HTTP_HOST="laemthong.localhost").get("/").content.decode())  # as read
    assert "องค์การบริหารส่วนตำบลแหลมทอง" in other
    assert "ภาษีที่ดิน" not in other


def test_demo_totp_prints_a_code_for_demo_accounts_only(seeded):
    out = StringIO()
    call_command("demo_totp", "admin", stdout=out)
    assert out.getvalue().strip().isdigit()
    User.objects.create_user(username="real", password="x" * 12)
    with pytest.raises(CommandError):
        call_command("demo_totp", "real", stdout=StringIO())


def test_the_demo_operators_demo_prefix_lets_the_demo_publish_valid_ocds(demo):
    import json

    from prongsai.core.demo import DEMO_OCDS_PREFIX
    from prongsai.procurement.tests.ocds_schema import errors

    client = Client(HTTP_HOST="localhost")
    index = client.get("/procurement/ocds/").content.decode()
    assert f"{DEMO_OCDS_PREFIX}-wangthong" in index
    year = next(y for y in range(2570, 2560, -1) if f"/procurement/ocds/{y}.json" in index)
    response = client.get(f"/procurement/ocds/{year}.json")
    package = json.loads(b"".join(response.streaming_content))
    assert errors(package, "release-package-schema.json") == []
    assert all(r["ocid"].startswith(f"{DEMO_OCDS_PREFIX}-wangthong-") for r in package["releases"])
    assert "xxxxxx" not in json.dumps(package)
