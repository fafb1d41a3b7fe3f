"""The API contract a generated client reads: JSON bodies, one media type per download, ASCII and shared enums,
integer ids, null for unset ratings, typed errors, Vietnamese summaries, workflow enums, detail routes that
ignore list filters, and the messages of DRF, simplejwt and djoser in Vietnamese."""

import json
import re

import pytest
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from rest_framework.settings import api_settings
from rest_framework.test import APIClient

from backend.api.auth import AuthRateThrottle
from backend.api.parsers import BoundedJSONParser
from evaluations.models import Transition, WorkflowState
from evaluations.serializers.fields import TRANSITION_NAMES, WORKFLOW_STATES
from exchange.importers.dossier_groups import EDITABLE_GROUPS
from tests.evaluations.factories import evaluation_of, generated

UPLOADS = {"reform_appraisals_evidence_create"} | {
    f"imports_{kind}_create"
    for kind in (
        "employees",
        "training_results",
        "discipline",
        "commendations",
        "dossier_qualifications",
        "dossier_family",
        "dossier_positions",
        "dossier_allowances",
        *(f"dossier_group_{group.lower()}" for group in EDITABLE_GROUPS),
    )
}
VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.IGNORECASE)
ID_PARAMETERS = {"employee", "unit", "cycle", "programme", "training_class", "rank", "position", "parent", "id"}


@pytest.fixture(scope="module")
def schema(django_db_setup, django_db_blocker) -> dict:
    with django_db_blocker.unblock():
        generated_schema = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(json.dumps(generated_schema, cls=DjangoJSONEncoder))


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def _operation(schema, operation_id: str) -> dict:
    return next(op for _p, _m, op in _operations(schema) if op["operationId"] == operation_id)


def _parameter_schemas(schema):
    for path, _method, operation in _operations(schema):
        for parameter in operation.get("parameters", []):
            yield path, parameter


class RequestBodyTests:
    def test_bodies_are_json_only_except_uploads(self, schema):
        for _path, _method, operation in _operations(schema):
            body = operation.get("requestBody")
            if body is None:
                continue
            expected = {"multipart/form-data"} if operation["operationId"] in UPLOADS else {"application/json"}
            assert set(body["content"]) == expected, operation["operationId"]

    def test_the_default_parser_is_the_bounded_json_one(self):
        assert [BoundedJSONParser] == api_settings.DEFAULT_PARSER_CLASSES

    def test_a_form_body_on_a_json_endpoint_is_415_in_vietnamese(self, db):
        response = APIClient().post(
            "/api/v1/auth/jwt/create/", "username=a&password=b", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 415
        assert response.json()["code"] == "unsupported_media_type"
        assert "không được hỗ trợ" in response.json()["detail"]

    def test_the_portal_reads_django_forms_not_drf_parsers(self):
        from pathlib import Path

        portal = Path(__file__).resolve().parents[2] / "portal"
        for source in portal.rglob("*.py"):
            text = source.read_text(encoding="utf-8")
            assert "request.data" not in text and "parser_classes" not in text, source


class DownloadTests:
    def test_each_download_declares_one_binary_media_type_and_its_headers(self, schema):
        downloads = {}
        for _path, _method, operation in _operations(schema):
            ok = operation.get("responses", {}).get("200", {})
            media = [key for key in ok.get("content", {}) if key != "application/json"]
            if media:
                # An evidence document is whatever was uploaded (pdf, docx, xlsx, jpg, png): each a binary file.
                if operation["operationId"] != "reform_appraisals_evidence_retrieve":
                    assert len(ok["content"]) == 1, operation["operationId"]
                for kind in media:
                    text = {"type": "string"} if kind == "text/csv" else {"type": "string", "format": "binary"}
                    assert ok["content"][kind]["schema"] == text, operation["operationId"]
                assert "Content-Disposition" in ok["headers"], operation["operationId"]
                downloads[operation["operationId"]] = (media[0], ok["headers"])
        assert downloads["evaluations_pdf_retrieve"][0] == "application/pdf"
        assert {"X-Content-SHA256", "X-Form-Verified", "ETag"} <= set(downloads["evaluations_pdf_retrieve"][1])
        assert downloads["exports_employees_retrieve"][0].endswith("spreadsheetml.sheet")
        assert downloads["exports_employees_csv_retrieve"][0] == "text/csv"
        exports = [name for name in downloads if name.startswith("exports_")]
        # Ten exports and one per editable dossier group, each as XLSX and as CSV.
        assert len(exports) == 2 * (10 + len(EDITABLE_GROUPS)) == 38

    def test_the_csv_route_answers_csv(self, org, as_user):
        response = as_user(org.admin).get("/api/v1/exports/employees/csv/")
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        assert as_user(org.admin).get("/api/v1/exports/employees/")["Content-Type"].endswith("spreadsheetml.sheet")


class NamingTests:
    def test_component_names_are_ascii(self, schema):
        assert all(name.isascii() for name in schema["components"]["schemas"])

    def test_no_parameter_schema_carries_a_title(self, schema):
        for path, parameter in _parameter_schemas(schema):
            assert "title" not in parameter.get("schema", {}), (path, parameter["name"])
            assert "title" not in parameter.get("schema", {}).get("items", {}), (path, parameter["name"])

    def test_each_choice_set_is_one_component(self, schema):
        components = schema["components"]["schemas"]
        seen = {}
        for name, component in components.items():
            if "enum" in component:
                values = frozenset(map(str, component["enum"]))
                assert values not in seen, (name, seen.get(values))
                seen[values] = name
        for path, parameter in _parameter_schemas(schema):
            inner = parameter.get("schema", {})
            inner = inner.get("items", inner)
            if "enum" in inner:
                assert frozenset(map(str, inner["enum"])) not in seen, (path, parameter["name"])

    def test_the_rating_is_one_component_everywhere(self, schema):
        components = schema["components"]["schemas"]
        assert "HeadRatingCapEnum" not in components
        text = json.dumps(schema)
        assert text.count('"#/components/schemas/RatingLevel"') > 10

    def test_ids_and_years_are_integers(self, schema):
        for path, parameter in _parameter_schemas(schema):
            inner = parameter.get("schema", {})
            if parameter["name"] in ID_PARAMETERS or parameter["name"] == "year":
                assert inner.get("type") == "integer", (path, parameter["name"], inner)


class ValueTests:
    def test_unset_ratings_are_null(self, schema, org, as_user):
        rating = schema["components"]["schemas"]["EvaluationDetail"]["properties"]["final_rating"]
        assert {"$ref": "#/components/schemas/NullEnum"} in rating["oneOf"]
        cycle = generated(org.admin, org.a.unit)
        evaluation = evaluation_of(cycle, org.a.staff.employee)
        data = as_user(org.a.staff).get(reverse("evaluation-detail", args=[evaluation.pk])).json()
        assert data["final_rating"] is None and data["self_rating"] is None and data["computed_rating"] is None

    def test_every_refusal_is_the_typed_error_component(self, schema):
        error = schema["components"]["schemas"]["Error"]
        assert (
            error["required"] == ["code", "detail"]
            and "precondition_failed" in error["properties"]["code"]["description"]
        )
        for _path, _method, operation in _operations(schema):
            for status, response in operation["responses"].items():
                if (status.startswith("4") and status != "400") or status in ("401", "403", "409", "412"):
                    assert response["content"]["application/json"]["schema"] == {
                        "$ref": "#/components/schemas/Error"
                    }, (operation["operationId"], status)

    def test_if_match_and_412_on_guarded_writes(self, schema):
        for operation_id in (
            "evaluations_partial_update",
            "evaluations_transitions_create",
            "employees_partial_update",
        ):
            operation = next(op for _p, _m, op in _operations(schema) if op["operationId"] == operation_id)
            assert any(p["name"] == "If-Match" and p["in"] == "header" for p in operation["parameters"])
            assert "412" in operation["responses"] and "ETag" in operation["responses"]["200"]["headers"]


class DocumentationTests:
    def test_every_operation_has_a_vietnamese_summary_and_description(self, schema):
        for _path, _method, operation in _operations(schema):
            assert operation.get("summary"), operation["operationId"]
            assert VIETNAMESE.search(operation["summary"]), operation["operationId"]
            assert operation["description"].startswith(operation["summary"]), operation["operationId"]

    def test_summaries_are_distinct(self, schema):
        summaries = [op["summary"] for _p, _m, op in _operations(schema)]
        duplicated = {s for s in summaries if summaries.count(s) > 1}
        assert not duplicated


class WorkflowEnumTests:
    def test_status_and_transition_names_are_enums(self, schema):
        components = schema["components"]["schemas"]
        assert components["EvaluationStatus"]["enum"][-2:] == ["NOT_RATED", "SUPERSEDED"]
        status = components["EvaluationDetail"]["properties"]["status"]
        assert "#/components/schemas/EvaluationStatus" in json.dumps(status)
        assert "#/components/schemas/TransitionName" in json.dumps(components["AllowedAction"]["properties"]["name"])
        transition = next(
            op for _p, _m, op in _operations(schema) if op["operationId"] == "evaluations_transitions_create"
        )
        name = next(p for p in transition["parameters"] if p["name"] == "name")
        assert name["schema"] == {"$ref": "#/components/schemas/TransitionName"}

    def test_the_enums_cover_every_workflow_in_the_database(self, db):
        assert set(WorkflowState.objects.values_list("code", flat=True)) <= set(WORKFLOW_STATES)
        assert set(Transition.objects.values_list("name", flat=True)) <= set(TRANSITION_NAMES)


class DetailFilterTests:
    def test_history_advertises_no_list_filter(self, schema):
        history = schema["paths"]["/api/v1/evaluations/{id}/history/"]["get"]
        names = {p["name"] for p in history.get("parameters", [])}
        assert names <= {"id", "page", "page_size"}, names

    def test_detail_routes_ignore_list_filters(self, org, as_user):
        cycle = generated(org.admin, org.a.unit)
        evaluation = evaluation_of(cycle, org.a.staff.employee)
        client = as_user(org.a.officer)
        for route in ("evaluation-history", "evaluation-detail", "evaluation-allowed-actions"):
            url = reverse(route, args=[evaluation.pk])
            assert client.get(url, {"status": "NOTIFIED", "rating": "HTXSNV"}).status_code == 200, route
        assert client.get("/api/v1/evaluations/", {"status": "NOTIFIED"}).json()["count"] == 0


def _vi(client: APIClient, method: str, url: str, *args, **kwargs):
    return getattr(client, method)(url, *args, HTTP_ACCEPT_LANGUAGE="vi", **kwargs)


class TranslationTests:
    @pytest.fixture(autouse=True)
    def _fresh_throttles(self):
        cache.clear()
        yield
        cache.clear()

    def test_not_signed_in(self, db):
        response = _vi(APIClient(), "get", "/api/v1/evaluations/")
        assert response.status_code == 401
        assert response.json()["detail"].startswith("Bạn chưa đăng nhập")

    def test_bad_login(self, org):
        response = _vi(APIClient(), "post", "/api/v1/auth/jwt/create/", {"username": "admin", "password": "sai"})
        assert response.status_code == 401
        assert response.json()["detail"] == "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa."

    def test_throttled(self, org, monkeypatch):
        monkeypatch.setattr(AuthRateThrottle, "THROTTLE_RATES", {"auth": "1/minute", "auth_refresh": "5/minute"})
        client = APIClient()
        body = {"username": "admin", "password": "Matkhau@2026"}
        assert _vi(client, "post", "/api/v1/auth/jwt/create/", body).status_code == 200
        response = _vi(client, "post", "/api/v1/auth/jwt/create/", body)
        assert response.status_code == 429 and int(response["Retry-After"]) > 0
        assert re.fullmatch(r"Quá nhiều yêu cầu: hãy thử lại sau \d+ giây\.", response.json()["detail"])

    def test_invalid_page(self, org, as_user):
        response = _vi(as_user(org.admin), "get", "/api/v1/units/", {"page": 999})
        assert response.status_code == 404 and response.json()["detail"] == "Trang không hợp lệ."

    def test_not_a_valid_choice(self, org, as_user):
        response = _vi(as_user(org.admin), "get", "/api/v1/evaluations/statistics/", {"year": 2026, "period_kind": "X"})
        assert response.status_code == 400
        assert response.json()["fields"]["period_kind"] == ["“X” không phải là một lựa chọn hợp lệ."]

    def test_json_parse_error(self, db):
        response = _vi(APIClient(), "post", "/api/v1/auth/jwt/create/", "{not json", content_type="application/json")
        assert response.status_code == 400 and response.json()["code"] == "parse_error"
        assert VIETNAMESE.search(response.json()["detail"]), response.json()

    def test_token_errors(self, org):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION="Bearer abc.def.ghi")
        response = _vi(client, "get", "/api/v1/evaluations/")
        assert response.status_code == 401
        assert response.json()["detail"] == "Mã đăng nhập không hợp lệ hoặc đã hết hạn."
        verify = _vi(APIClient(), "post", "/api/v1/auth/jwt/verify/", {"token": "abc"})
        assert verify.status_code == 401 and verify.json()["detail"] == "Mã không hợp lệ."
        refresh = _vi(APIClient(), "post", "/api/v1/auth/jwt/refresh/", {"refresh": "abc"})
        assert refresh.status_code == 401 and refresh.json()["detail"] == "Mã không hợp lệ."

    def test_english_on_request(self, db):
        response = APIClient().get("/api/v1/evaluations/", HTTP_ACCEPT_LANGUAGE="en")
        assert response.json()["detail"] == "Authentication credentials were not provided."
