"""Report exports (training compliance, discipline, commendations, reform ranking): same rows as their lists."""

import datetime

import pytest

from tests.exchange.conftest import read_download
from tests.factories import OrgUnitFactory
from tests.reform.factories import published_at
from tests.training.factories import trained

pytestmark = pytest.mark.django_db


def _both_formats(client, url, params):
    frames = [read_download(client.get(url + suffix, params)) for suffix in ("", "csv/")]
    # The XLSX holds typed cells; read back as text they say the same as the CSV's once dates are trimmed.
    for column in frames[0].columns:
        frames[0][column] = frames[0][column].str.replace(" 00:00:00", "", regex=False)
    return frames


class TrainingComplianceExportTests:
    URL = "/api/v1/exports/training-compliance/"

    def test_matches_the_compliance_list(self, org, as_user):
        trained(org.a.officer, org.a.staff.employee, end=datetime.date(2025, 5, 9), periods=40)
        trained(org.a.officer, org.a.manager.employee, end=datetime.date(2025, 5, 9), periods=8)
        for user, params in [
            (org.a.officer, {"year": 2025}),
            (org.admin, {"year": 2025, "compliant": "true"}),
            (org.a.staff, {"year": 2025}),
            (org.b.manager, {"year": 2025, "ordering": "-credited"}),
        ]:
            client = as_user(user)
            listed = client.get("/api/v1/training/compliance/", {**params, "page_size": 500}).data["results"]
            xlsx, csv = _both_formats(client, self.URL, params)
            assert list(csv["Họ và tên"]) == [row["full_name"] for row in listed], (user, params)
            assert [int(v) for v in csv["Số tiết được tính"]] == [row["credited"] for row in listed]
            assert list(xlsx["Họ và tên"]) == list(csv["Họ và tên"])
        staff_row = read_download(as_user(org.a.staff).get(self.URL + "csv/", {"year": 2025})).iloc[0]
        assert (staff_row["Đạt định mức"], staff_row["Số định danh cá nhân"]) == (
            "Có",
            org.a.staff.employee.national_id,
        )

    def test_bad_year_is_400(self, org, as_user):
        response = as_user(org.admin).get(self.URL, {"year": "năm ngoái"})
        assert response.status_code == 400
        assert "year" in response.json()


class DisciplineAndCommendationExportTests:
    def test_discipline_matches_the_list(self, org, as_user, decisions):
        for user in (org.admin, org.a.officer, org.a.staff, org.b.manager):
            client = as_user(user)
            listed = client.get("/api/v1/discipline-records/", {"page_size": 500}).data["results"]
            xlsx, csv = _both_formats(client, "/api/v1/exports/discipline-summary/", {})
            assert list(csv["Số quyết định"]) == [row["decision_number"] for row in listed], user
            assert xlsx.equals(csv)
        frame = read_download(as_user(org.admin).get("/api/v1/exports/discipline-summary/", {"form": "CANH_CAO"}))
        assert list(frame["Hình thức kỷ luật"]) == ["Cảnh cáo"]
        assert frame.iloc[0]["Ngày quyết định"].startswith("2025-10-01")
        assert frame.iloc[0]["Ngày phát hiện vi phạm"].startswith("2025-06-20")
        assert frame.iloc[0]["Thời hạn xử lý"].startswith("2025-09-18")
        assert frame.iloc[0]["Quyết định sau thời hạn xử lý"] == "Có"

    def test_commendations_match_the_list(self, org, as_user, decisions):
        for user in (org.admin, org.a.officer, org.b.officer, org.b.staff):
            client = as_user(user)
            listed = client.get("/api/v1/commendations/", {"page_size": 500}).data["results"]
            xlsx, csv = _both_formats(client, "/api/v1/exports/commendation-summary/", {})
            assert len(csv) == len(listed), user
            assert [int(v) for v in csv["Số tiền thưởng (đồng)"]] == [row["amount"] for row in listed]
            assert [float(v) for v in xlsx["Số tiền thưởng (đồng)"]] == [float(v) for v in csv["Số tiền thưởng (đồng)"]]
        frame = read_download(as_user(org.admin).get("/api/v1/exports/commendation-summary/csv/"))
        assert set(frame["Người/đơn vị được khen"]) == {org.a.manager.employee.full_name, org.b.room.name}


class ReformRankingExportTests:
    URL = "/api/v1/exports/reform-ranking/"

    def test_matches_the_ranking(self, org, as_user):
        for name, pct in (("Sở Tài chính", "92.50"), ("Sở Xây dựng", "88.00")):
            published_at(OrgUnitFactory(kind="SO", parent=org.province, name=name), pct)
        published_at(org.a.unit, "92.50")
        for user in (org.admin, org.a.officer, org.b.staff):
            client = as_user(user)
            params = {"year": 2026, "level": "SO"}
            listed = client.get("/api/v1/reform-appraisals/ranking/", params).data["results"]
            xlsx, csv = _both_formats(client, self.URL, params)
            assert [(int(r), u) for r, u in zip(csv["Thứ hạng"], csv["Đơn vị"], strict=True)] == [
                (row["rank"], row["unit"]["name"]) for row in listed
            ], user
            assert list(xlsx["Đơn vị"]) == list(csv["Đơn vị"])

    def test_year_and_level_are_required(self, org, as_user):
        response = as_user(org.admin).get(self.URL, {"year": 2026})
        assert response.status_code == 400
        assert "level" in response.json()
