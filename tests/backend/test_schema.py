"""The OpenAPI schema is complete enough to generate a client from it."""

import pytest
from django.core.management import call_command

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def schema(django_db_blocker, tmp_path_factory):
    import yaml

    path = tmp_path_factory.mktemp("schema") / "schema.yml"
    with django_db_blocker.unblock():
        call_command("spectacular", "--file", str(path), "--validate", "--fail-on-warn")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_schema_lists_the_personnel_endpoints(schema):
    paths = schema["paths"]
    for expected in [
        "/api/v1/units/",
        "/api/v1/employees/",
        "/api/v1/employees/{id}/history/",
        "/api/v1/employees/{id}/transfer/",
        "/api/v1/employees/{id}/salary-changes/",
        "/api/v1/accounts/",
        "/api/v1/auth/jwt/create/",
        "/api/v1/auth/users/me/",
    ]:
        assert expected in paths, expected


def test_every_operation_has_a_unique_operation_id(schema):
    ids = [op["operationId"] for item in schema["paths"].values() for op in item.values() if "operationId" in op]
    assert len(ids) == len(set(ids))


def test_served_at_api_schema_and_docs(client, db):
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200


def test_exports_of_lists_document_their_job_answer(schema):
    """A list export may answer 202 with a job (more rows than EXCHANGE_EXPORT_JOB_ROWS); the report of one row
    per unit never does."""
    for path in ("/api/v1/exports/employees/", "/api/v1/exports/discipline-summary/csv/"):
        responses = schema["paths"][path]["get"]["responses"]
        assert responses["202"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Job"}
        assert set(responses["200"]["content"]) == {"text/csv" if path.endswith("csv/") else XLSX}
    assert "202" not in schema["paths"]["/api/v1/exports/rating-distribution/"]["get"]["responses"]
