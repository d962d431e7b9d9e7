"""Shared test fixtures: two agencies on one instance and the personas of STYLE.md §12.

Personas: ``member`` (an officer of the agency), ``admin_member`` (its administrator), ``outsider`` (an
administrator of *another* agency on the same instance) and the anonymous visitor (a plain client).
Requests for the first agency use the host ``wangthong.test``; for the other agency ``other.test``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client, override_settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from prongsai.core.models import Agency, User
from prongsai.core.roles import Role
from prongsai.core.tenancy import agency_scope
from prongsai.core.tests import factories
from tests.demo_snapshot import seed_or_restore_demo

AGENCY_HOST = "wangthong.test"
OTHER_HOST = "other.test"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _thai_again():
    """A test that switches the interface to English must not leave the next test in English."""
    yield
    from django.utils import translation

    translation.activate("th")


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Login-attempt counters and cached values never leak from one test into the next."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


# The builders live with the core tests; these names are what the app tests import from here.
make_agency = factories.agency
make_member = factories.member


@pytest.fixture
def agency(db) -> Agency:
    return make_agency("wangthong", "องค์การบริหารส่วนตำบลวังทอง", AGENCY_HOST, default=True)


@pytest.fixture
def other_agency(db) -> Agency:
    return make_agency("other", "องค์การบริหารส่วนตำบลอื่น", OTHER_HOST)


@pytest.fixture
def in_scope() -> Callable[[Agency], AbstractContextManager[None]]:
    """``with in_scope(agency): ...`` runs ORM code as a request of that agency would."""
    return agency_scope


@pytest.fixture
def member(agency) -> User:
    return make_member(agency, "officer", Role.OFFICER)


@pytest.fixture
def admin_member(agency) -> User:
    return make_member(agency, "admin", Role.ADMINISTRATOR)


@pytest.fixture
def outsider(other_agency) -> User:
    return make_member(other_agency, "outsider", Role.ADMINISTRATOR)


def login_verified(client: Client, user: User) -> Client:
    """Sign ``user`` in with a passed second factor, as after the TOTP step."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    assert device is not None, "the persona needs a confirmed TOTP device"
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def anon() -> Client:
    return Client(HTTP_HOST=AGENCY_HOST)


@pytest.fixture
def staff_client(member) -> Client:
    return login_verified(Client(HTTP_HOST=AGENCY_HOST), member)


@pytest.fixture
def admin_client(admin_member) -> Client:
    return login_verified(Client(HTTP_HOST=AGENCY_HOST), admin_member)


@pytest.fixture
def outsider_client(outsider) -> Client:
    """The other agency's administrator, visiting the first agency's host."""
    return login_verified(Client(HTTP_HOST=AGENCY_HOST), outsider)


@pytest.fixture
def scoped(agency) -> Iterator[Agency]:
    with agency_scope(agency):
        yield agency


@pytest.fixture(scope="module")
def _committed_demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Path]:
    """The full demo (``seed_demo``), committed once for the tests of one module and emptied after them.

    Seeded the first time a test process needs it and restored from that copy after (tests/demo_snapshot.py):
    seeding costs a minute or more, and half a dozen modules check the demo. Yields its uploaded files.
    """
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        seed_or_restore_demo(lambda: call_command("seed_demo", "--allow-production", stdout=StringIO()))
        try:
            yield media
        finally:
            # As pytest-django empties the tables after a transactional test; content types are cached by id.
            call_command("flush", interactive=False, verbosity=0)
            ContentType.objects.clear_cache()


@pytest.fixture
def demo(_committed_demo, db, settings) -> Agency:
    """The demo agency อบต.วังทอง (and the second agency beside it); what a test changes is rolled back."""
    shutil.copytree(_committed_demo, settings.MEDIA_ROOT, dirs_exist_ok=True)
    with scopes_disabled():
        return Agency.objects.get(code="wangthong")
