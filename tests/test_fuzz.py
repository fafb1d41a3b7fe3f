"""Schemathesis over the project's own OpenAPI schema: every operation, signed in, no 5xx, answers as documented.

Two tests: every operation on its own with valid (positive) and invalid (negative) input (invalid input must
be refused with a 4xx: `negative_data_rejection`, since JSON bodies and query flags are strict), then the stateful
phase, which chains operations along the links schemathesis infers (create a unit, then read, change and
list it). Both are bounded so the suite stays fast in CI: FUZZ_EXAMPLES examples per operation (default 6)
and FUZZ_SCENARIOS stateful scenarios (default 10) of at most FUZZ_STEPS calls (default 6). The deep run:
`FUZZ_EXAMPLES=300 FUZZ_SCENARIOS=200 FUZZ_STEPS=10 ./dev.sh test tests/test_fuzz.py`.
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
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from rest_framework_simplejwt.tokens import RefreshToken
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "6"))
SCENARIOS = int(os.environ.get("FUZZ_SCENARIOS", "10"))
STEPS = int(os.environ.get("FUZZ_STEPS", "6"))
# No 5xx; every status and content type documented (so no HTML error page under /api/); bodies match.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Schema-invalid input is refused (4xx), never accepted by coercion (JSON bodies are typed: backend/api/strict.py).
NEGATIVE_CHECKS = [*CHECKS, negative_data_rejection]
HYPOTHESIS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
    "derandomize": True,
}

# The schema as a client downloads it (lazy translation strings and dates made plain JSON).
_raw = json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True), cls=DjangoJSONEncoder))
schema = schemathesis.openapi.from_dict(_raw)
schema.app = get_wsgi_application()
# Valid and invalid input both (schemathesis' default, stated so a config file cannot turn it off).
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])


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
def org(module_org, db):
    """One province for every operation; what a generated request writes rolls back with its test."""
    return module_org


@pytest.fixture
def token(org):
    """A province administrator's access token: the role that reaches every operation."""
    return str(RefreshToken.for_user(org.admin).access_token)


# One pytest test per operation, named by it, so each has its own node id (the suite runs in several workers).
OPERATIONS = {operation.label: operation for operation in (result.ok() for result in schema.get_all_operations())}


@pytest.mark.django_db
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda mode: mode.value)
@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_every_operation_survives_generated_input(label, mode, token):
    headers = {"Authorization": f"Bearer {token}"}

    @given(case=OPERATIONS[label].as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, **HYPOTHESIS)
    def survives(case):
        case.call_and_validate(headers=headers, checks=NEGATIVE_CHECKS if mode is GenerationMode.NEGATIVE else CHECKS)

    try:
        survives()
    except Unsatisfiable:
        # Every input of some operations is valid by its schema (a free-text path segment): nothing negative to send.
        if mode is not GenerationMode.NEGATIVE:
            raise
        pytest.skip("no schema-invalid input exists for this operation")


@pytest.mark.django_db
def test_chained_operations_survive(token):
    """The stateful phase: sequences of calls linked by the ids one answer gives the next request."""

    class Sequences(schema.as_state_machine()):
        def get_call_kwargs(self, case):
            return {"headers": {"Authorization": f"Bearer {token}"}}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS, transport_kwargs=kwargs or None)

    Sequences.run(settings=settings(max_examples=SCENARIOS, stateful_step_count=STEPS, **HYPOTHESIS))
