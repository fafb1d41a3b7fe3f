"""Evidence uploads: accepted types and size, content checked against the name, stored under MEDIA_ROOT."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from reform.models import Evidence, IndexCriterion, ScoreSource
from reform.services.appraisals import appraisal_open
from reform.services.evidence import MAX_EVIDENCE_BYTES
from tests.reform.factories import PDF_BYTES, pdf
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
ZIP = b"PK\x03\x04" + b"\x00" * 32


@pytest.fixture
def appraisal(org):
    return appraisal_open(actor=org.a.officer, unit=org.a.unit, year=2026)


def criterion(appraisal, source=ScoreSource.SELF):
    return IndexCriterion.objects.filter(area__index_set=appraisal.index_set, is_leaf=True, source=source).first()


def upload(client, appraisal, **data):
    return client.post(f"/api/v1/reform-appraisals/{appraisal.pk}/evidence/", data, format="multipart")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ke-hoach.pdf", PDF_BYTES),
        ("anh.JPG", JPG),
        ("anh.jpeg", JPG),
        ("so-do.png", PNG),
        ("bao-cao.docx", ZIP),
        ("bang.xlsx", ZIP),
    ],
)
def test_accepted_types_are_stored_under_media_root(org, as_user, appraisal, media_root, name, content):
    target = criterion(appraisal)
    response = upload(
        as_user(org.a.officer),
        appraisal,
        criterion=target.pk,
        file=SimpleUploadedFile(name, content),
        note="Kế hoạch số 12",
    )
    assert response.status_code == 201, response.data
    evidence = Evidence.objects.get(pk=response.data["id"])
    assert evidence.original_name == name
    assert evidence.size == len(content)
    assert evidence.file.path.startswith(media_root)
    assert os.path.exists(evidence.file.path)
    detail = as_user(org.a.officer).get(f"/api/v1/reform-appraisals/{appraisal.pk}/").data
    row = next(s for s in detail["scores"] if s["criterion"] == target.pk)
    assert [e["original_name"] for e in row["evidence"]] == [name]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("virus.exe", b"MZ\x90\x00", "file_type"),
        ("ghi-chu.txt", b"hello", "file_type"),
        ("khong-duoi", PDF_BYTES, "file_type"),
        ("gia.pdf", b"MZ\x90\x00 not a pdf", "file_content_mismatch"),
        ("anh.png", JPG, "file_content_mismatch"),
        ("rong.pdf", b"", "empty"),  # DRF's FileField refuses an empty upload before the service sees it
    ],
)
def test_refused_types(org, as_user, appraisal, name, content, code):
    response = upload(
        as_user(org.a.officer), appraisal, criterion=criterion(appraisal).pk, file=SimpleUploadedFile(name, content)
    )
    refused(response, code, field="file", status=400)
    assert not Evidence.objects.exists()


def test_ten_megabytes_at_most(org, as_user, appraisal):
    client = as_user(org.a.officer)
    exact = SimpleUploadedFile("lon.pdf", PDF_BYTES + b"0" * (MAX_EVIDENCE_BYTES - len(PDF_BYTES)))
    assert upload(client, appraisal, criterion=criterion(appraisal).pk, file=exact).status_code == 201
    over = SimpleUploadedFile("qua-lon.pdf", PDF_BYTES + b"0" * (MAX_EVIDENCE_BYTES - len(PDF_BYTES) + 1))
    with unchanged(Evidence.objects.all()):
        response = upload(client, appraisal, criterion=criterion(appraisal).pk, file=over)
    refused(response, "file_too_large", field="file")


def test_bad_criterion_or_missing_file(org, as_user, appraisal):
    client = as_user(org.a.officer)
    survey = criterion(appraisal, ScoreSource.SURVEY)
    for data, field, code in (
        ({"criterion": survey.pk, "file": pdf()}, "criterion", "not_self_assessed"),
        ({"criterion": 999999, "file": pdf()}, "criterion", "not_self_assessed"),
        ({"criterion": "x", "file": pdf()}, "criterion", "invalid"),
        ({"criterion": criterion(appraisal).pk}, "file", "required"),
    ):
        with unchanged(Evidence.objects.all()):
            response = upload(client, appraisal, **data)
        refused(response, code, field=field, status=400)


def test_roles(org, as_user, appraisal):
    target = criterion(appraisal).pk
    for user in (org.admin, org.a.manager):
        with unchanged(Evidence.objects.all()):
            response = upload(as_user(user), appraisal, criterion=target, file=pdf())
        refused(response, "permission_denied", status=403)
    for user in (org.a.staff, org.b.officer, org.b.staff):
        assert upload(as_user(user), appraisal, criterion=target, file=pdf()).status_code == 404


def download(client, appraisal, evidence_id):
    return client.get(f"/api/v1/reform-appraisals/{appraisal.pk}/evidence/{evidence_id}/")


class TestDownload:
    @pytest.mark.parametrize(
        ("name", "content", "content_type"),
        [
            ("Kế hoạch CCHC.pdf", PDF_BYTES, "application/pdf"),
            ("so-do.PNG", PNG, "image/png"),
            ("bang.xlsx", ZIP, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ],
    )
    def test_readers_of_the_appraisal_download_the_file(self, org, as_user, appraisal, name, content, content_type):
        uploaded = upload(
            as_user(org.a.officer), appraisal, criterion=criterion(appraisal).pk, file=SimpleUploadedFile(name, content)
        ).data
        assert uploaded["download_url"] == (
            f"http://testserver/api/v1/reform-appraisals/{appraisal.pk}/evidence/{uploaded['id']}/"
        )
        for user in (org.a.officer, org.admin, org.a.manager):
            response = as_user(user).get(uploaded["download_url"])
            assert response.status_code == 200
            assert b"".join(response.streaming_content) == content
            assert response["Content-Type"] == content_type
            assert response["Content-Disposition"].startswith("attachment;")
            assert "filename" in response["Content-Disposition"]

    def test_the_detail_links_every_document(self, org, as_user, appraisal):
        client = as_user(org.a.officer)
        target = criterion(appraisal)
        upload(client, appraisal, criterion=target.pk, file=pdf("a.pdf"))
        upload(client, appraisal, criterion=target.pk, file=pdf("b.pdf"))
        row = next(
            s
            for s in client.get(f"/api/v1/reform-appraisals/{appraisal.pk}/").data["scores"]
            if s["criterion"] == target.pk
        )
        assert [client.get(e["download_url"]).status_code for e in row["evidence"]] == [200, 200]
        assert "file" not in row["evidence"][0]  # the storage path is never exposed

    def test_out_of_scope_and_unknown_are_404(self, org, as_user, appraisal):
        evidence_id = upload(as_user(org.a.officer), appraisal, criterion=criterion(appraisal).pk, file=pdf()).data[
            "id"
        ]
        for user in (org.a.staff, org.b.officer, org.b.staff):
            assert download(as_user(user), appraisal, evidence_id).status_code == 404
        other = appraisal_open(actor=org.b.officer, unit=org.b.unit, year=2026)
        assert download(as_user(org.admin), other, evidence_id).status_code == 404  # not this appraisal's
        assert download(as_user(org.admin), appraisal, 999999).status_code == 404
        assert download(as_user(org.admin), appraisal, "9" * 19).status_code == 404

    def test_a_file_missing_from_storage_is_a_clear_404(self, org, as_user, appraisal):
        evidence_id = upload(as_user(org.a.officer), appraisal, criterion=criterion(appraisal).pk, file=pdf()).data[
            "id"
        ]
        os.remove(Evidence.objects.get(pk=evidence_id).file.path)
        response = download(as_user(org.a.officer), appraisal, evidence_id)
        assert "lưu trữ" in refused(response, "file_missing")

    def test_links_cost_no_query_per_document(self, org, as_user, appraisal):
        client = as_user(org.a.officer)
        target = criterion(appraisal)
        url = f"/api/v1/reform-appraisals/{appraisal.pk}/"

        def detail_queries():
            # The request resets the query log when it starts; start the count from an empty log too.
            reset_queries()
            with CaptureQueriesContext(connection) as captured:
                row = next(s for s in client.get(url).data["scores"] if s["criterion"] == target.pk)
            return len(captured.captured_queries), len(row["evidence"])

        upload(client, appraisal, criterion=target.pk, file=pdf("a.pdf"))
        queries, documents = detail_queries()
        assert (queries > 0, documents) == (True, 1)
        for name in ("b.pdf", "c.pdf", "d.pdf"):
            upload(client, appraisal, criterion=target.pk, file=pdf(name))
        assert detail_queries() == (queries, 4)
