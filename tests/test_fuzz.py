"""Schemathesis over the project's own OpenAPI schema: every operation, signed in, no 5xx, answers as documented.

The number of examples per operation is bounded (FUZZ_EXAMPLES, default 6) so the suite stays fast in CI;
raise it locally for a deeper run: `FUZZ_EXAMPLES=200 ./dev.sh test tests/test_fuzz.py`.
"""

import json
import os

import pytest
import schemathesis
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from rest_framework_simplejwt.tokens import RefreshToken
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "6"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

# The schema as a client downloads it (lazy translation strings and dates made plain JSON).
_raw = json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True), cls=DjangoJSONEncoder))
schema = schemathesis.openapi.from_dict(_raw)
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def _keep_test_connection():
    """The raw WSGI app closes "old" connections around each request; inside the test's transaction
    that is the test's own connection (PostgreSQL then says "connection is closed"). Django's test
    client detaches the same handler; do likewise while schemathesis calls the app."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(org):
    """A province administrator's access token: the role that reaches every operation."""
    return str(RefreshToken.for_user(org.admin).access_token)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
    derandomize=True,
)
def test_every_operation_survives_generated_input(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
