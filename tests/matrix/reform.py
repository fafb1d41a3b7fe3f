"""Matrix cases for the reform appraisal and index-set endpoints."""

from django.core.files.uploadedfile import SimpleUploadedFile

from reform.models import Appraisal, IndexCriterion, IndexSet, ScoreSource
from reform.services.appraisals import appraisal_open
from reform.services.evidence import evidence_add
from tests.matrix import A_ROOM_READ, EVERYONE, OK, Case, roles

# Agency A's appraisal during self-assessment: its officer writes, the administrator appraises,
# its manager reads (403 on writes); staff see it only once published, agency B not at all.
SELF_ASSESS = roles(404, admin=403, officer_a=OK, manager_a=403)
APPRAISE = roles(404, admin=OK, officer_a=403, manager_a=403)
REFRESH = roles(404, admin=OK, officer_a=OK, manager_a=403)


def appraisal_a(org) -> Appraisal:
    existing = Appraisal.objects.filter(unit=org.a.unit).first()
    return existing or appraisal_open(actor=None, unit=org.a.unit, year=2026)


def a_appraisal(org):
    return {"id": appraisal_a(org).pk}


def criterion(org, source=ScoreSource.SELF) -> int:
    return IndexCriterion.objects.filter(
        area__index_set=appraisal_a(org).index_set, is_leaf=True, source=source
    ).values_list("pk", flat=True)[0]


def detail(action: str, expect, body=lambda org: {}, multipart: bool = False):
    path = "/api/v1/reform-appraisals/{id}/" + (f"{action}/" if action else "")
    return ("POST", path), Case(expect, params=a_appraisal, body=body, multipart=multipart)


def a_evidence(org):
    """A document attached to agency A's appraisal (uploaded once, reused by every role)."""
    appraisal = appraisal_a(org)
    score = appraisal.scores.filter(criterion_id=criterion(org)).get()
    evidence = score.evidence.first() or evidence_add(
        actor=org.a.officer,
        appraisal=appraisal,
        criterion_id=score.criterion_id,
        file=SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    return {"id": appraisal.pk, "evidence_id": evidence.pk}


CASES = {
    ("GET", "/api/v1/reform-appraisals/"): Case(EVERYONE),
    ("GET", "/api/v1/reform-appraisals/{id}/evidence/{evidence_id}/"): Case(A_ROOM_READ, params=a_evidence),
    ("POST", "/api/v1/reform-appraisals/"): Case(
        roles(403, admin=OK, officer_a=OK), body=lambda org: {"unit": org.a.unit.pk, "year": 2026}
    ),
    ("GET", "/api/v1/reform-appraisals/{id}/"): Case(A_ROOM_READ, params=a_appraisal),
    ("GET", "/api/v1/reform-appraisals/{id}/history/"): Case(A_ROOM_READ, params=a_appraisal),
    ("GET", "/api/v1/reform-appraisals/ranking/"): Case(EVERYONE, query=lambda org: {"year": 2026, "level": "SO"}),
    ("GET", "/api/v1/reform-index-sets/"): Case(EVERYONE),
    ("GET", "/api/v1/reform-index-sets/{id}/"): Case(
        EVERYONE, params=lambda org: {"id": IndexSet.objects.get(year=2026, target_level="SO").pk}
    ),
    ("POST", "/api/v1/reform-index-sets/{id}/copy/"): Case(
        roles(403, admin=OK),
        params=lambda org: {"id": IndexSet.objects.get(year=2026, target_level="SO").pk},
        body=lambda org: {"year": 2027},
    ),
}

CASES.update(
    [
        detail(
            "self-scores",
            SELF_ASSESS,
            body=lambda org: {"scores": [{"criterion": criterion(org), "score": "0.5", "note": "Đã ban hành"}]},
        ),
        detail(
            "evidence",
            SELF_ASSESS,
            body=lambda org: {
                "criterion": criterion(org),
                "file": SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4\n%%EOF\n"),
            },
            multipart=True,
        ),
        detail("submit", SELF_ASSESS),
        detail("refresh-computed", REFRESH),
        detail(
            "appraised-scores",
            APPRAISE,
            body=lambda org: {"scores": [{"criterion": criterion(org), "score": "0", "reason": "Thiếu minh chứng"}]},
        ),
        detail(
            "survey-scores",
            APPRAISE,
            body=lambda org: {"scores": [{"criterion": criterion(org, ScoreSource.SURVEY), "score": "5"}]},
        ),
        detail("return", APPRAISE, body=lambda org: {"reason": "Bổ sung minh chứng"}),
        detail("publish", APPRAISE),
    ]
)
