"""The reform index as data: a set per year and target level, its areas, criteria and bands."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from hr.models import RatingLevel, UnitKind

POINTS = {"max_digits": 6, "decimal_places": 2}


class TargetLevel(models.TextChoices):
    DEPARTMENT = "SO", _("Departments, boards and sectors")
    COMMUNE = "XA", _("Communes, wards and special zones")


# Which index applies to an agency follows its kind; other kinds are not appraised.
TARGET_LEVEL_OF_KIND = {
    UnitKind.DEPARTMENT: TargetLevel.DEPARTMENT,
    UnitKind.COMMUNE: TargetLevel.COMMUNE,
    UnitKind.WARD: TargetLevel.COMMUNE,
    UnitKind.SPECIAL_ZONE: TargetLevel.COMMUNE,
}


class ScoringMethod(models.TextChoices):
    GRADED = "GRADED", _("Any points from zero to the maximum")
    ALL_OR_NOTHING = "ALL_OR_NOTHING", _("Either zero or the maximum")
    COMPUTED = "COMPUTED", _("Computed from the system's data by the criterion's rule")


class ScoreSource(models.TextChoices):
    SELF = "SELF", _("Self-assessment, then appraisal")
    SURVEY = "SURVEY", _("Sociological survey")


class ComputedMetric(models.TextChoices):
    EVAL_ON_TIME_PCT = "EVAL_ON_TIME_PCT", _("Staff evaluated on time (%)")
    TRAINING_COMPLIANT_PCT = "TRAINING_COMPLIANT_PCT", _("Staff meeting the yearly training minimum (%)")
    REFORM_TRAINED_PCT = "REFORM_TRAINED_PCT", _("Staff trained in administrative reform (%)")
    DISCIPLINED_COUNT = "DISCIPLINED_COUNT", _("People disciplined in the year")


# Metrics that are shares (scored against `full_points_at_pct`) rather than head counts.
PERCENT_METRICS = frozenset(
    {ComputedMetric.EVAL_ON_TIME_PCT, ComputedMetric.TRAINING_COMPLIANT_PCT, ComputedMetric.REFORM_TRAINED_PCT}
)


class IndexSet(models.Model):
    """The criteria of one year's reform index for one target level (the provincial decision)."""

    year = models.PositiveSmallIntegerField(_("year"))
    target_level = models.CharField(_("target level"), max_length=4, choices=TargetLevel.choices)
    name = models.CharField(_("name"), max_length=255)
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    max_points = models.DecimalField(_("maximum points"), **POINTS, validators=[MinValueValidator(Decimal("0.01"))])

    class Meta:
        verbose_name = _("reform index set")
        verbose_name_plural = _("reform index sets")
        ordering = ["-year", "target_level"]
        constraints = [models.UniqueConstraint(fields=["year", "target_level"], name="indexset_one_per_year_level")]

    def __str__(self) -> str:
        return self.name


class IndexArea(models.Model):
    """An area of the index (a reform area of the plan, direction and management, or impact)."""

    index_set = models.ForeignKey(IndexSet, on_delete=models.PROTECT, related_name="areas")
    code = models.CharField(_("code"), max_length=16)
    name = models.CharField(_("name"), max_length=255)
    order = models.PositiveSmallIntegerField(_("order"))
    max_points = models.DecimalField(_("maximum points"), **POINTS)

    class Meta:
        verbose_name = _("index area")
        verbose_name_plural = _("index areas")
        ordering = ["index_set", "order"]
        constraints = [models.UniqueConstraint(fields=["index_set", "code"], name="indexarea_unique_code")]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class IndexCriterion(models.Model):
    """A criterion or, when it has a parent, a sub-criterion; only leaves are scored."""

    area = models.ForeignKey(IndexArea, on_delete=models.PROTECT, related_name="criteria")
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("criterion")
    )
    code = models.CharField(_("code"), max_length=16)
    name = models.CharField(_("name"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"))
    max_points = models.DecimalField(_("maximum points"), **POINTS, validators=[MinValueValidator(Decimal("0.01"))])
    is_leaf = models.BooleanField(_("scored"), default=True)
    scoring_method = models.CharField(
        _("scoring method"), max_length=16, choices=ScoringMethod.choices, default=ScoringMethod.GRADED
    )
    evidence_required = models.BooleanField(_("evidence required"), default=False)
    source = models.CharField(_("source"), max_length=8, choices=ScoreSource.choices, default=ScoreSource.SELF)
    computed_metric = models.CharField(_("computed metric"), max_length=32, choices=ComputedMetric.choices, blank=True)
    # Scoring rule of a computed criterion: full points at or above this share, proportional below...
    full_points_at_pct = models.DecimalField(_("full points from (%)"), **POINTS, null=True, blank=True)
    # ...or, for a head count, points taken off per person (never below zero).
    points_off_per_count = models.DecimalField(_("points off per person"), **POINTS, null=True, blank=True)

    class Meta:
        verbose_name = _("index criterion")
        verbose_name_plural = _("index criteria")
        ordering = ["area__order", "order"]
        constraints = [models.UniqueConstraint(fields=["area", "code"], name="indexcriterion_unique_code")]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"

    def clean(self):
        computed = self.scoring_method == ScoringMethod.COMPUTED
        if computed != bool(self.computed_metric):
            raise ValidationError({"computed_metric": [_("A computed criterion, and only it, names its metric.")]})
        if computed and self.computed_metric in PERCENT_METRICS and not self.full_points_at_pct:
            raise ValidationError({"full_points_at_pct": [_("A percentage metric needs the share for full points.")]})
        if computed and self.computed_metric not in PERCENT_METRICS and self.points_off_per_count is None:
            raise ValidationError({"points_off_per_count": [_("A head-count metric needs the points off per person.")]})


class Band(models.Model):
    """A result band (A, B, C…) from a minimum percentage, with the cap it puts on the head's rating."""

    index_set = models.ForeignKey(IndexSet, on_delete=models.PROTECT, related_name="bands")
    code = models.CharField(_("code"), max_length=8)
    name = models.CharField(_("name"), max_length=64)
    min_pct = models.DecimalField(_("from (%)"), **POINTS)
    head_rating_cap = models.CharField(
        _("highest rating of the head"), max_length=8, choices=RatingLevel.choices, blank=True
    )

    class Meta:
        verbose_name = _("result band")
        verbose_name_plural = _("result bands")
        ordering = ["index_set", "-min_pct"]
        constraints = [
            models.UniqueConstraint(fields=["index_set", "code"], name="band_unique_code"),
            models.UniqueConstraint(fields=["index_set", "min_pct"], name="band_unique_floor"),
        ]

    def __str__(self) -> str:
        return self.name
