"""Programme catalogue: administrators write, everyone reads, filters by area, tag and reform content."""

import pytest

from tests.refusals import refused, unchanged
from tests.training.factories import ProgrammeFactory, reform_programme
from training.models import ContentArea, Programme

pytestmark = pytest.mark.django_db
URL = "/api/v1/training/programmes/"


def payload(**overrides) -> dict:
    return {
        "code": "VTVL-01",
        "name": "Bồi dưỡng kỹ năng giải quyết thủ tục hành chính",
        "content_area": "JOB_POSITION",
        "programme_type": "JOB_POSITION",
        "periods": 40,
        "tags": ["REFORM_PROCEDURES", "REFORM_E_GOVERNMENT"],
        **overrides,
    }


class ProgrammeWriteTests:
    def test_admin_creates_with_area_and_reform_tags(self, as_user, org):
        response = as_user(org.admin).post(URL, payload(), format="json")
        assert response.status_code == 201, response.data
        body = response.json()
        assert body["content_area"]["code"] == "JOB_POSITION"
        assert {t["code"] for t in body["tags"]} == {"REFORM_PROCEDURES", "REFORM_E_GOVERNMENT"}
        assert body["has_reform_content"] is True
        assert Programme.objects.get(code="VTVL-01").history.first().history_user == org.admin

    @pytest.mark.parametrize("role", ["officer", "manager", "staff"])
    def test_other_roles_may_not_write(self, as_user, org, role):
        programme = ProgrammeFactory()
        with unchanged(Programme.objects.all()):
            response = as_user(getattr(org.a, role)).post(URL, payload(), format="json")
            refused(response, "permission_denied", status=403)
            response = as_user(getattr(org.a, role)).patch(f"{URL}{programme.pk}/", {"name": "X"}, format="json")
            refused(response, "permission_denied", status=403)

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("content_area", "NO_SUCH_AREA"),
            ("programme_type", "RANK"),
            ("periods", 0),
            ("periods", -5),
            ("periods", "bốn mươi"),
            ("tags", ["NO_SUCH_TAG"]),
            ("name", ""),
            ("code", ""),
        ],
    )
    def test_bad_input_names_the_field(self, as_user, org, field, value):
        response = as_user(org.admin).post(URL, payload(**{field: value}), format="json")
        assert response.status_code == 400
        assert field in response.json()

    @pytest.mark.parametrize(
        ("field", "value"), [("periods", 0), ("content_area", "X"), ("tags", "REFORM_PROCEDURES"), ("is_active", "có")]
    )
    def test_bad_patch_names_the_field(self, as_user, org, field, value):
        programme = ProgrammeFactory()
        response = as_user(org.admin).patch(f"{URL}{programme.pk}/", {field: value}, format="json")
        assert response.status_code == 400
        assert field in response.json()

    def test_duplicate_code_is_refused(self, as_user, org):
        ProgrammeFactory(code="VTVL-01")
        with unchanged(Programme.objects.all()):
            response = as_user(org.admin).post(URL, payload(), format="json")
        refused(response, "unique", field="code", status=400)

    def test_admin_deactivates_and_retags(self, as_user, org):
        programme = reform_programme()
        response = as_user(org.admin).patch(f"{URL}{programme.pk}/", {"is_active": False, "tags": []}, format="json")
        assert response.status_code == 200
        assert response.json()["is_active"] is False
        assert response.json()["has_reform_content"] is False
        history = as_user(org.admin).get(f"{URL}{programme.pk}/history/").json()["results"]
        assert history[0]["history_type"] == "changed"

    def test_put_replaces_and_validates(self, as_user, org):
        programme = ProgrammeFactory()
        response = as_user(org.admin).put(f"{URL}{programme.pk}/", payload(code=programme.code), format="json")
        assert response.status_code == 200
        assert as_user(org.admin).put(f"{URL}{programme.pk}/", {"name": "X"}, format="json").status_code == 400


class ProgrammeReadTests:
    def test_filters_by_area_tag_and_reform(self, as_user, org):
        digital = ProgrammeFactory(
            content_area=ContentArea.objects.get(code="SCIENCE_DIGITAL"), tags=["REFORM_E_GOVERNMENT"]
        )
        procedures = reform_programme()
        plain = ProgrammeFactory()
        client = as_user(org.a.staff)

        def ids(**query):
            response = client.get(URL, query)
            assert response.status_code == 200
            return {row["id"] for row in response.json()["results"]}

        assert ids(content_area="SCIENCE_DIGITAL") == {digital.pk}
        assert ids(tag="REFORM_PROCEDURES") == {procedures.pk}
        assert ids(reform="true") == {digital.pk, procedures.pk}
        assert ids(reform="false") == {plain.pk}
        assert client.get(URL, {"tag": "NOPE"}).status_code == 400

    def test_reference_lists(self, as_user, org):
        client = as_user(org.a.staff)
        areas = client.get("/api/v1/training/content-areas/").json()["results"]
        assert len(areas) == 5
        tags = client.get("/api/v1/training/tags/", {"is_reform": "true"}).json()["results"]
        assert len(tags) == 6

    def test_list_runs_constant_queries(self, as_user, org, django_assert_num_queries):
        client = as_user(org.a.staff)
        reform_programme()
        with django_assert_num_queries(4):  # savepoint pair, page (not full: no count), tags
            assert client.get(URL).status_code == 200
        for _ in range(6):
            reform_programme()
        with django_assert_num_queries(4):
            assert len(client.get(URL).json()["results"]) == 7
