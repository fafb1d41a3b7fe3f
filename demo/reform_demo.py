"""Demo reform (PAR) appraisals of last year: some departments and communes published, others self-assessing."""

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from demo.activity import ActivitySummary, Staff
from hr.models import OrgUnit, Role, UnitKind, User
from hr.services.accounts import account_create
from reform.access import may_self_assess
from reform.models import TARGET_LEVEL_OF_KIND, Appraisal, AppraisalScore, IndexSet, ScoreSource, ScoringMethod
from reform.services.appraisals import (
    appraisal_open,
    appraisal_publish,
    appraisal_set_appraised_scores,
    appraisal_set_self_scores,
    appraisal_set_survey_scores,
    appraisal_submit,
)
from reform.services.evidence import evidence_add
from reform.services.indexes import index_set_copy

# (published, still self-assessing) of the departments and of the communes and wards, for the default
# 3000 people; a smaller province gets proportionally fewer (an appraisal takes about half a second).
DEPARTMENTS = (10, 4)
COMMUNES = (10, 6)
DEFAULT_STAFF = 3000
QUARTER = Decimal("0.25")
EVIDENCE = b"%PDF-1.4\n% Demo: bao cao ket qua thuc hien\n%%EOF\n"
OFFICER_PASSWORD = "Tochuc@2026"
APPRAISAL_REASON = "Hồ sơ minh chứng chưa thể hiện đầy đủ kết quả thực hiện."


def _index_sets(admin: User, year: int) -> None:
    """Last year's index for each level: copied from the nearest year's set when it was not issued."""
    for level in sorted(set(TARGET_LEVEL_OF_KIND.values())):
        if IndexSet.objects.filter(year=year, target_level=level).exists():
            continue
        source = IndexSet.objects.filter(target_level=level).order_by("-year").first()
        if source is not None:
            index_set_copy(actor=admin, source=source, year=year)


def _points(rng: random.Random, score: AppraisalScore, quality: float) -> Decimal:
    criterion = score.criterion
    if criterion.scoring_method == ScoringMethod.ALL_OR_NOTHING:
        return criterion.max_points if rng.random() < quality + 0.1 else Decimal(0)
    if criterion.scoring_method == ScoringMethod.COMPUTED and score.computed_points is not None:
        return score.computed_points
    share = Decimal(str(min(1.0, max(0.0, rng.gauss(quality, 0.08)))))
    points = (criterion.max_points * share / QUARTER).quantize(Decimal(1), rounding=ROUND_HALF_UP) * QUARTER
    return min(points, criterion.max_points)


def _self_assessor(admin: User, staff: Staff, appraisal: Appraisal) -> User:
    """The unit's personnel officer, who alone self-assesses: the demo login when there is one, else a login given
    to one of the agency's people (password `OFFICER_PASSWORD`)."""
    officers = User.objects.filter(role=Role.PERSONNEL_OFFICER, is_active=True).select_related("scope_unit")
    officer = next((user for user in officers.order_by("pk") if may_self_assess(user, appraisal)), None)
    if officer is not None:
        return officer
    unit = appraisal.unit
    with_login = set(User.objects.filter(employee__isnull=False).values_list("employee_id", flat=True))
    employee = next(person for person in staff.active(unit) if person.pk not in with_login)
    return account_create(
        actor=admin,
        username=f"tccb.{unit.code.lower()}",
        password=OFFICER_PASSWORD,
        role=Role.PERSONNEL_OFFICER,
        employee=employee,
        scope_unit=unit,
    )


def _self_assess(
    rng: random.Random, admin: User, staff: Staff, appraisal: Appraisal, quality: float, *, share: float = 1.0
):
    officer = _self_assessor(admin, staff, appraisal)
    scores = list(
        appraisal.scores.select_related("criterion").filter(criterion__source=ScoreSource.SELF).order_by("pk")
    )
    scores = scores[: round(len(scores) * share)]
    entries = [{"criterion": s.criterion_id, "score": _points(rng, s, quality)} for s in scores]
    appraisal = appraisal_set_self_scores(actor=officer, appraisal=appraisal, entries=entries)
    for score, entry in zip(scores, entries, strict=True):
        if score.criterion.evidence_required and entry["score"]:
            upload = SimpleUploadedFile(f"{score.criterion.code}.pdf", EVIDENCE, content_type="application/pdf")
            evidence_add(actor=officer, appraisal=appraisal, criterion_id=score.criterion_id, file=upload)
    return appraisal, scores, entries, officer


def _lower(points: Decimal) -> Decimal:
    """The appraiser's figure: half the self-score, on the quarter-point grid."""
    return (points / 2 / QUARTER).quantize(Decimal(1), rounding=ROUND_HALF_UP) * QUARTER


def _publish(rng: random.Random, admin: User, staff: Staff, appraisal: Appraisal, quality: float, number: int) -> None:
    appraisal, scores, entries, officer = _self_assess(rng, admin, staff, appraisal, quality)
    appraisal = appraisal_submit(actor=officer, appraisal=appraisal)
    # The appraiser lowers a few self-scores, with the reason.
    lowered = [
        {"criterion": e["criterion"], "score": _lower(e["score"]), "reason": APPRAISAL_REASON}
        for e, score in zip(entries, scores, strict=True)
        if e["score"] and score.criterion.scoring_method == ScoringMethod.GRADED and rng.random() < 0.15
    ]
    if lowered:
        appraisal = appraisal_set_appraised_scores(actor=admin, appraisal=appraisal, entries=lowered)
    survey = appraisal.scores.select_related("criterion").filter(criterion__source=ScoreSource.SURVEY)
    entries = [{"criterion": s.criterion_id, "score": _points(rng, s, quality)} for s in survey.order_by("pk")]
    if entries:
        appraisal = appraisal_set_survey_scores(actor=admin, appraisal=appraisal, entries=entries)
    appraisal_publish(actor=admin, appraisal=appraisal, decision_number=f"{number}/QĐ-UBND")


def _appraise(
    rng: random.Random,
    admin: User,
    staff: Staff,
    units: list[OrgUnit],
    year: int,
    counts: tuple[int, int],
    summary: ActivitySummary,
) -> None:
    units = [u for u in units if u.valid_from.year <= year]
    published, open_ = counts
    chosen = rng.sample(units, min(len(units), published + open_))
    for index, unit in enumerate(chosen):
        if not IndexSet.objects.filter(year=year, target_level=TARGET_LEVEL_OF_KIND[unit.kind]).exists():
            return
        appraisal = appraisal_open(actor=admin, unit=unit, year=year)
        quality = rng.uniform(0.72, 1.0)
        if index < published:
            _publish(rng, admin, staff, appraisal, quality, number=300 + summary.appraisals_published)
            summary.appraisals_published += 1
        else:
            _self_assess(rng, admin, staff, appraisal, quality, share=rng.uniform(0.3, 0.9))
            summary.appraisals_open += 1


def seed_reform(
    *, rng: random.Random, admin: User, staff: Staff, as_of: datetime.date, summary: ActivitySummary
) -> None:
    year = as_of.year - 1
    _index_sets(admin, year)
    agencies = sorted(staff.agencies.values(), key=lambda a: a.path)
    departments = [a for a in agencies if a.kind == UnitKind.DEPARTMENT]
    communes = [a for a in agencies if a.kind != UnitKind.DEPARTMENT and a.kind in TARGET_LEVEL_OF_KIND]
    share = min(1.0, sum(len(people) for people in staff.people.values()) / DEFAULT_STAFF)
    for units, counts in ((departments, DEPARTMENTS), (communes, COMMUNES)):
        _appraise(rng, admin, staff, units, year, tuple(max(2, round(n * share)) for n in counts), summary)
