"""Request bodies are bounded: nesting depth, and no XML-forbidden control character (nor NUL) in any string
of any body, each refused with a 400 that names the field."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.exceptions import ParseError, ValidationError

from backend.api.parsers import check_characters, check_depth

PROGRAMMES = "/api/v1/training/programmes/"
CREATE = "/api/v1/auth/jwt/create/"


def programme(**overrides) -> dict:
    return {
        "code": "VTVL-01",
        "name": "Bồi dưỡng kỹ năng giải quyết thủ tục hành chính",
        "content_area": "JOB_POSITION",
        "programme_type": "JOB_POSITION",
        "periods": 40,
        "tags": ["REFORM_PROCEDURES"],
        **overrides,
    }


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


class DepthTests:
    @pytest.mark.django_db
    def test_a_thousand_levels_on_sign_in_is_a_400(self, api):
        response = api.post(CREATE, deep(1000), content_type="application/json")
        assert response.status_code == 400
        assert response["Content-Type"] == "application/json"
        assert response.json()["code"] == "too_deep"

    @pytest.mark.django_db
    def test_deep_objects_on_an_authenticated_endpoint(self, as_user, org):
        body = '{"name": ' + '{"a": ' * 100 + "1" + "}" * 100 + "}"
        response = as_user(org.admin).post(PROGRAMMES, body, content_type="application/json")
        assert response.status_code == 400

    def test_the_bound(self):
        check_depth(deep(32), 32)
        check_depth('["' + "[" * 100 + '"]', 32)  # brackets inside strings do not count
        check_depth('["\\"[[[[", 1]', 1)
        with pytest.raises(ParseError):
            check_depth(deep(33), 32)

    @pytest.mark.django_db
    def test_nan_and_infinity_are_not_json(self, api):
        response = api.post(CREATE, '{"username": NaN, "password": Infinity}', content_type="application/json")
        assert response.status_code == 400


class ControlCharacterTests:
    @pytest.mark.django_db
    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("name", "Bồi dưỡng\x0bkỹ năng"),
            ("description", "a\x00b"),
            ("code", "\x1f"),
            ("tags", ["REFORM\x00PROCEDURES"]),
            ("name", "\ud800"),
        ],
    )
    def test_refused_with_a_field_level_400(self, as_user, org, field, value):
        body = json.dumps(programme(**{field: value}))
        response = as_user(org.admin).post(PROGRAMMES, body, content_type="application/json")
        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "forbidden_character"
        assert list(body["fields"]) == [field]

    @pytest.mark.django_db
    def test_tab_and_new_lines_are_fine(self, as_user, org):
        response = as_user(org.admin).post(PROGRAMMES, programme(description="Dòng 1\r\n\tDòng 2"), format="json")
        assert response.status_code == 201, response.data

    @pytest.mark.django_db
    def test_sign_in_refuses_them_too(self, api):
        response = api.post(CREATE, {"username": "a\x00", "password": "b"}, format="json")
        assert response.status_code == 400
        assert list(response.json()["fields"]) == ["username"]

    @pytest.mark.django_db
    def test_multipart_fields(self, as_user, org):
        upload = SimpleUploadedFile("a.csv", b"x\n1\n")
        response = as_user(org.admin).post(
            "/api/v1/imports/employees/", {"file": upload, "dry_run": "tr\x0bue"}, format="multipart"
        )
        assert response.status_code == 400
        assert list(response.json()["fields"]) == ["dry_run"]

    def test_nested_values_and_keys_report_the_top_level_field(self):
        with pytest.raises(ValidationError) as caught:
            check_characters({"scores": [{"note": ["ok", "b\x08"]}]})
        assert list(caught.value.detail) == ["scores"]
        with pytest.raises(ValidationError) as caught:
            check_characters({"scores": {"k\x01": 1}})
        assert list(caught.value.detail) == ["scores"]
        with pytest.raises(ValidationError) as caught:
            check_characters(["\x02"])
        assert list(caught.value.detail) == ["non_field_errors"]
        check_characters({"a": ["Lò Văn Đức\t", {"b": 1.5, "c": None, "d": True}]})
