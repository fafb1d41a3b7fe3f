"""Helpers of the reform tests: open an appraisal and walk it through self-assessment to publication."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from hr.models import OrgUnit, User
from reform.models import Appraisal, AppraisalStatus, ScoreSource
from reform.services.appraisals import (
    appraisal_open,
    appraisal_publish,
    appraisal_result_record,
    appraisal_set_self_scores,
    appraisal_set_survey_scores,
    appraisal_submit,
)
from reform.services.evidence import evidence_add
from reform.services.scoring import band_for

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "minh-chung.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def scores_of(appraisal: Appraisal, source: str = ScoreSource.SELF):
    return appraisal.scores.select_related("criterion").filter(criterion__source=source).order_by("pk")


def self_assessed(appraisal: Appraisal, officer: User, *, points=None) -> Appraisal:
    """Every self-source criterion scored (its maximum unless `points(criterion)` says otherwise), with evidence."""
    entries = []
    for score in scores_of(appraisal):
        value = score.criterion.max_points if points is None else points(score.criterion)
        entries.append({"criterion": score.criterion_id, "score": value, "note": "Đã thực hiện"})
        if score.criterion.evidence_required and value:
            evidence_add(actor=officer, appraisal=appraisal, criterion_id=score.criterion_id, file=pdf())
    return appraisal_set_self_scores(actor=officer, appraisal=appraisal, entries=entries)


def surveyed(appraisal: Appraisal, admin: User, *, fraction=Decimal(1)) -> Appraisal:
    entries = [
        {"criterion": s.criterion_id, "score": (s.criterion.max_points * fraction).quantize(Decimal("0.01"))}
        for s in scores_of(appraisal, ScoreSource.SURVEY)
    ]
    return appraisal_set_survey_scores(actor=admin, appraisal=appraisal, entries=entries)


def submitted(unit: OrgUnit, *, officer: User, year: int = 2026, points=None) -> Appraisal:
    appraisal = appraisal_open(actor=officer, unit=unit, year=year)
    self_assessed(appraisal, officer, points=points)
    return appraisal_submit(actor=officer, appraisal=appraisal)


def published(unit: OrgUnit, *, officer: User, admin: User, year: int = 2026, points=None, survey=Decimal(1)):
    appraisal = submitted(unit, officer=officer, year=year, points=points)
    surveyed(appraisal, admin, fraction=survey)
    return appraisal_publish(actor=admin, appraisal=appraisal, decision_number="QĐ 01/QĐ-UBND")


def published_at(unit: OrgUnit, percentage: str, *, year: int = 2026) -> Appraisal:
    """A published result with a given percentage, written directly (ranking and cap tests need many)."""
    appraisal = appraisal_open(actor=None, unit=unit, year=year)
    pct = Decimal(percentage)
    Appraisal.objects.filter(pk=appraisal.pk).update(
        status=AppraisalStatus.PUBLISHED,
        percentage=pct,
        total=pct,
        band=band_for(appraisal.index_set.bands.all(), pct),
    )
    appraisal.refresh_from_db()
    appraisal_result_record(actor=None, appraisal=appraisal)  # as appraisal_publish does
    return appraisal
