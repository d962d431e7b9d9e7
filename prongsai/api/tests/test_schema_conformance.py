"""The OpenAPI document agrees with the API (issue 15): schemathesis generates requests from the live
schema (``/api/v1/schema/``, served by the app itself) and sends them to the live app; no answer may be a
5xx, and every answer's status, content type and body must be the ones the document declares.

Bounded so CI stays short: ``EXAMPLES`` generated cases per operation, at least 500 in all.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as run_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from conftest import AGENCY_HOST
from prongsai.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES = 100
MIN_CASES = 500
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# schemathesis calls the WSGI app directly and reads the body as sent; an HTTP client would undo the gzip the
# app applies to text answers (ADR 0090), this transport does not, so the test asks for plain bodies.
HEADERS = {"Host": AGENCY_HOST, "Accept-Encoding": "identity"}


@pytest.fixture
def _in_the_test_transaction():
    """Keep the test's database connection across the WSGI calls, as Django's test client does.

    schemathesis calls the WSGI application itself, inside the test's transaction; Django's
    ``close_old_connections`` (on request_started and request_finished) sees a connection that is not in
    autocommit mode and closes it, which on PostgreSQL ends the test's transaction under it.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_operation_answers_as_its_openapi_document_says(catalogue, settings, _in_the_test_transaction):
    # Generated requests are many and come from one client: the limits are not what is tested here.
    settings.API_READ_RATE = "100000/hour"
    settings.OPEN311_SUBMIT_RATE = "100000/hour"
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application, headers=HEADERS)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) * EXAMPLES >= MIN_CASES, len(operations)
    cases = 0

    for operation in operations:

        @given(case=operation.as_strategy())
        @run_settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: schemathesis.Case) -> None:
            nonlocal cases
            cases += 1
            case.call_and_validate(headers=HEADERS, checks=CHECKS)

        run()
    assert cases >= MIN_CASES
