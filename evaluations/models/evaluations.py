"""One person's evaluation in a cycle, its criterion points and its task-result lines."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hr.models import Category, RatingLevel

# Statuses outside any workflow: never rated in the cycle, or replaced by an amended version.
NOT_RATED = "NOT_RATED"
SUPERSEDED = "SUPERSEDED"

PCT = [MinValueValidator(0), MaxValueValidator(100)]


class ScoreSource(models.TextChoices):
    NONE = "", _("Not scored")
    DIRECT = "DIRECT", _("Entered on this evaluation")
    PERIODS = "PERIODS", _("Average of the monthly or quarterly evaluations")


class Evaluation(models.Model):
    """A person's evaluation: self-assessment, review, proposal and decision, then locked for good.

    The person's unit, post, category and rule set are fixed when the evaluation is
    created, so a later transfer or a new decree does not change how it is judged.
    A correction is a new version (`amended_from`); the old one becomes SUPERSEDED.
    """

    cycle = models.ForeignKey("evaluations.EvaluationCycle", on_delete=models.PROTECT, related_name="evaluations")
    employee = models.ForeignKey("hr.Employee", on_delete=models.PROTECT, related_name="evaluations")
    unit = models.ForeignKey("hr.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    agency = models.ForeignKey("hr.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    position = models.ForeignKey(
        "hr.Position", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("position")
    )
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    is_leader = models.BooleanField(_("leader"), default=False)
    is_agency_head = models.BooleanField(_("head of agency"), default=False)
    is_unit_head = models.BooleanField(_("head of unit"), default=False)
    rule_set = models.ForeignKey(
        "evaluations.RuleSet",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluations",
        verbose_name=_("rule set"),
    )
    rule_set_version = models.CharField(_("rule set version"), max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=32, db_index=True)
    not_rated_reason = models.CharField(_("reason not rated"), max_length=255, blank=True)
    months_worked = models.DecimalField(
        _("months worked in the year"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    months_absent = models.DecimalField(
        _("months absent"), max_digits=4, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    duty_group = models.CharField(_("group with similar duties"), max_length=64, blank=True)

    # Self-assessment
    self_comment = models.TextField(_("self-assessment"), blank=True)
    self_rating = models.CharField(_("self rating"), max_length=8, choices=RatingLevel.choices, blank=True)
    self_signed_on = models.DateField(_("self-assessed on"), null=True, blank=True)
    # Old regime (no points): shares of tasks and criteria
    completed_pct = models.DecimalField(
        _("tasks done on time and to quality (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PCT,
    )
    exceeded_pct = models.DecimalField(
        _("tasks exceeded (%)"), max_digits=5, decimal_places=2, null=True, blank=True, validators=PCT
    )
    not_assured_pct = models.DecimalField(
        _("criteria not assured (%)"), max_digits=5, decimal_places=2, null=True, blank=True, validators=PCT
    )
    # Collective comments and review
    collective_minutes = models.TextField(_("minutes of the collective meeting"), blank=True)
    minutes_date = models.DateField(_("meeting date"), null=True, blank=True)
    manager_comment = models.TextField(_("manager's comments"), blank=True)
    return_reason = models.TextField(_("reason sent back"), blank=True)
    # Leaders' extra task components (%), assessed by the reviewer
    unit_result_pct = models.DecimalField(
        _("results of the unit led (%)"), max_digits=5, decimal_places=2, null=True, blank=True, validators=PCT
    )
    organising_pct = models.DecimalField(
        _("organising capacity (%)"), max_digits=5, decimal_places=2, null=True, blank=True, validators=PCT
    )
    uniting_pct = models.DecimalField(
        _("ability to unite staff (%)"), max_digits=5, decimal_places=2, null=True, blank=True, validators=PCT
    )
    # Proposal and decision
    proposed_rating = models.CharField(_("proposed rating"), max_length=8, choices=RatingLevel.choices, blank=True)
    handling_proposal = models.TextField(_("proposed handling"), blank=True)
    authority_comment = models.TextField(_("competent authority's comments"), blank=True)
    final_rating = models.CharField(_("rating"), max_length=8, choices=RatingLevel.choices, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    # Who entered the decision in the system: the competent person, or an officer on their behalf.
    decided_by = models.ForeignKey("hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Who proposed the rating (the personnel office): never the one who decides it.
    proposed_by = models.ForeignKey(
        "hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("proposed by")
    )
    # The person competent to evaluate (Luật CBCC 2025 Điều 25), their post and name as of the decision day:
    # the form prints these under "cấp có thẩm quyền", whoever entered the decision.
    competent_person = models.ForeignKey(
        "hr.Employee",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("competent person"),
    )
    competent_title = models.CharField(_("competent person's post"), max_length=255, blank=True)
    competent_name = models.CharField(_("competent person's name"), max_length=128, blank=True)
    notified_on = models.DateField(_("notified on"), null=True, blank=True)
    forced_reasons = models.JSONField(_("rules that set the rating"), default=list, blank=True)
    # Scores, recomputed while the evaluation is open and frozen at the decision
    general_score = models.DecimalField(
        _("general criteria score"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    task_score = models.DecimalField(_("task results score"), max_digits=5, decimal_places=2, null=True, blank=True)
    total_score = models.DecimalField(_("total score"), max_digits=5, decimal_places=2, null=True, blank=True)
    computed_rating = models.CharField(_("rating by the rules"), max_length=8, choices=RatingLevel.choices, blank=True)
    score_source = models.CharField(_("score source"), max_length=8, choices=ScoreSource.choices, blank=True)
    # Quantity, quality, timeliness (and the leaders' components) in percent, as computed.
    task_components = models.JSONField(_("task result components (%)"), default=dict, blank=True)
    # Versions and the frozen record of the decision
    version = models.PositiveSmallIntegerField(_("evaluation version"), default=1)
    amended_from = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="amended_by_version"
    )
    amendment_reason = models.TextField(_("reason for the amendment"), blank=True)
    amended_by = models.ForeignKey("hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    snapshot = models.JSONField(_("decided record"), default=dict, blank=True)
    pdf_sha256 = models.CharField(_("SHA-256 of the decided form"), max_length=64, blank=True)
    pdf_version = models.PositiveSmallIntegerField(_("version of the decided form"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["cycle", "unit__path", "employee__full_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "employee", "version"], name="evaluation_unique_version"),
            models.UniqueConstraint(
                fields=["cycle", "employee"],
                condition=~models.Q(status=SUPERSEDED),
                name="evaluation_one_current",
            ),
        ]
        indexes = [models.Index(fields=["cycle", "agency", "status"])]

    def __str__(self) -> str:
        return f"{self.employee_id} / {self.cycle_id} v{self.version}"


class CriterionScore(models.Model):
    """Points for one general criterion: the person's, the manager's and the competent authority's."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.PROTECT, related_name="scores")
    criterion = models.ForeignKey("evaluations.Criterion", on_delete=models.PROTECT, related_name="+")
    self_points = models.DecimalField(_("self-assessed points"), max_digits=5, decimal_places=2, null=True, blank=True)
    manager_points = models.DecimalField(_("manager's points"), max_digits=5, decimal_places=2, null=True, blank=True)
    final_points = models.DecimalField(_("authority's points"), max_digits=5, decimal_places=2, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        ordering = ["evaluation", "criterion__order"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "criterion"], name="score_unique_criterion")]

    def __str__(self) -> str:
        return f"{self.evaluation_id}/{self.criterion_id}"

    @property
    def effective_points(self):
        """The latest reviewer's points: the authority's, else the manager's, else the person's."""
        for value in (self.final_points, self.manager_points, self.self_points):
            if value is not None:
                return value
        return None


class TaskLine(models.Model):
    """A product or job of the period with its conversion coefficient and how it was delivered."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.PROTECT, related_name="task_lines")
    product = models.CharField(_("product or job"), max_length=255)
    coefficient = models.DecimalField(
        _("conversion coefficient"), max_digits=6, decimal_places=2, default=1, validators=[MinValueValidator(0)]
    )
    assigned = models.DecimalField(_("assigned"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)])
    done = models.DecimalField(_("done"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)])
    done_to_quality = models.DecimalField(
        _("done to the required quality"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)]
    )
    done_on_time = models.DecimalField(
        _("done on time"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)]
    )
    major_errors = models.PositiveSmallIntegerField(_("major errors"), default=0)
    delays = models.PositiveSmallIntegerField(_("delays"), default=0)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("task line")
        verbose_name_plural = _("task lines")
        ordering = ["evaluation", "order", "id"]

    def __str__(self) -> str:
        return self.product
