import pytest
from django.test import Client

from conftest import AGENCY_HOST, login_verified, make_member
from prongsai.core.roles import Role
from prongsai.ita.tests.fixtures import catalogues  # noqa: F401


@pytest.fixture
def auditor(agency):
    """The agency's internal auditor: reviews red flags and tunes their parameters, edits nothing."""
    return make_member(agency, "auditor", Role.INTERNAL_AUDITOR)


@pytest.fixture
def auditor_client(auditor) -> Client:
    return login_verified(Client(HTTP_HOST=AGENCY_HOST), auditor)


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Tasks are enqueued on commit; the test settings run them at once (immediate backend)."""

    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run
