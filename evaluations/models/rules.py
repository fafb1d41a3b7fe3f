"""Evaluation rules as effective-dated data: workflows, rule sets, criteria and rating thresholds."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backend.effective import EffectiveDated
from hr.models import RatingLevel


class ActorKind(models.TextChoices):
    """How a signed-in user stands towards one evaluation; transitions list the kinds that may take them."""

    SELF = "SELF", _("The evaluated person")
    UNIT_MANAGER = "UNIT_MANAGER", _("Manager of the person's unit (subtree)")
    AGENCY_OFFICER = "AGENCY_OFFICER", _("Personnel officer of the person's agency")
    PROVINCE_ADMIN = "PROVINCE_ADMIN", _("Province administrator (higher authority)")


class TransitionEffect(models.TextChoices):
    NONE = "NONE", _("No side effect")
    DECIDE = "DECIDE", _("Decision: apply the rating rules and lock the evaluation")
    NOTIFY = "NOTIFY", _("Written notice to the person")


class Workflow(models.Model):
    """A procedure (states and transitions) that rule sets reference; a new decree may bring a new one."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)

    # Evaluations were decided under these rows: every change to them is kept.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluation workflow")
        verbose_name_plural = _("evaluation workflows")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class WorkflowState(models.Model):
    """One step of a workflow; in a locked state nothing of the evaluation may change."""

    workflow = models.ForeignKey(Workflow, on_delete=models.CASCADE, related_name="states")
    code = models.CharField(_("code"), max_length=32)
    label = models.CharField(_("label"), max_length=128)
    is_initial = models.BooleanField(_("initial state"), default=False)
    is_locked = models.BooleanField(_("locked (decided)"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("workflow state")
        verbose_name_plural = _("workflow states")
        ordering = ["workflow", "order"]
        constraints = [
            models.UniqueConstraint(fields=["workflow", "code"], name="workflowstate_unique_code"),
            models.UniqueConstraint(
                fields=["workflow"], condition=models.Q(is_initial=True), name="workflowstate_one_initial"
            ),
        ]

    def __str__(self) -> str:
        return self.label


class Transition(models.Model):
    """A named step from one state to another, who may take it, and which fields it may set.

    `actors` applies to everyone except heads of agencies, who follow
    `agency_head_actors` (reviewed and decided by the higher authority). The
    fields a caller may edit while an evaluation sits in a state are the fields
    of the transitions out of that state that the caller may take.
    """

    workflow = models.ForeignKey(Workflow, on_delete=models.CASCADE, related_name="transitions")
    name = models.SlugField(_("name"), max_length=48)
    label = models.CharField(_("label"), max_length=128)
    source = models.ForeignKey(WorkflowState, on_delete=models.CASCADE, related_name="+", verbose_name=_("from"))
    target = models.ForeignKey(WorkflowState, on_delete=models.CASCADE, related_name="+", verbose_name=_("to"))
    actors = models.JSONField(_("who may take it"), default=list)
    agency_head_actors = models.JSONField(_("who may take it for a head of agency"), default=list)
    fields = models.JSONField(_("fields it may set"), default=list)
    required_fields = models.JSONField(_("fields that must be filled"), default=list)
    effect = models.CharField(_("effect"), max_length=16, choices=TransitionEffect.choices, default="NONE")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("workflow transition")
        verbose_name_plural = _("workflow transitions")
        ordering = ["workflow", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["workflow", "name", "source"], name="transition_unique_name_source")
        ]

    def __str__(self) -> str:
        return self.name

    def actors_for(self, *, agency_head: bool) -> list[str]:
        return self.agency_head_actors if agency_head else self.actors


class ScoringMethod(models.TextChoices):
    POINTS = "POINTS", _("100-point scale (general criteria and task results)")
    CRITERIA_PERCENT = "CRITERIA_PERCENT", _("Rating by the share of tasks and criteria met (no points)")


class QuotaBasis(models.TextChoices):
    GOOD_OR_BETTER = "GOOD_OR_BETTER", _("People rated well-completed or better")
    GOOD_ONLY = "GOOD_ONLY", _("People rated well-completed")


class MissingUnitRatingPolicy(models.TextChoices):
    REFUSE = "REFUSE", _("Refuse the decision until the unit's rating is recorded")
    ALLOW = "ALLOW", _("Decide without the comparison")


class HeadRuleScope(models.TextChoices):
    AGENCY_HEADS = "AGENCY_HEADS", _("Heads of agencies")
    ALL_HEADS = "ALL_HEADS", _("Heads of any unit")


class RuleSet(EffectiveDated):
    """The rules of one decree for some categories of people, valid between two dates.

    One rule set per category on a day; its criteria and thresholds hang on it and share its dates.
    """

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    version = models.CharField(_("rules version"), max_length=32)
    categories = models.JSONField(_("categories of people"), default=list)
    workflow = models.ForeignKey(Workflow, on_delete=models.PROTECT, related_name="rule_sets")
    scoring_method = models.CharField(_("scoring method"), max_length=24, choices=ScoringMethod.choices)
    form_regime = models.CharField(_("printed form"), max_length=8)
    supports_periodic = models.BooleanField(_("monthly and quarterly scoring"), default=False)
    annual_from_periods = models.BooleanField(_("annual score is the average of the periods"), default=False)
    task_max_points = models.DecimalField(
        _("task results maximum"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    error_deduction_pct = models.DecimalField(
        _("deduction per major error (%)"), max_digits=5, decimal_places=2, default=0
    )
    delay_deduction_pct = models.DecimalField(_("deduction per delay (%)"), max_digits=5, decimal_places=2, default=0)
    quota_pct = models.DecimalField(_("excellent quota (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    quota_outstanding_pct = models.DecimalField(
        _("excellent quota for an outstanding unit (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    quota_basis = models.CharField(
        _("quota counted on"), max_length=16, choices=QuotaBasis.choices, default=QuotaBasis.GOOD_OR_BETTER
    )
    quota_small_group_size = models.PositiveSmallIntegerField(_("small group: fewer than"), default=5)
    quota_small_group_max = models.PositiveSmallIntegerField(_("small group: at most"), default=1)
    min_months_worked = models.DecimalField(
        _("minimum months worked to be rated"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    absence_cap_from_months = models.DecimalField(
        _("absence cap: from months absent"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    absence_cap_to_months = models.DecimalField(
        _("absence cap: below months absent"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    absence_cap_rating = models.CharField(
        _("absence cap: best rating"), max_length=8, choices=RatingLevel.choices, blank=True
    )
    discipline_rating = models.CharField(
        _("rating forced by discipline"), max_length=8, choices=RatingLevel.choices, blank=True
    )
    head_not_above_unit = models.BooleanField(_("head not above the unit's rating"), default=False)
    head_rule_scope = models.CharField(
        _("heads concerned"), max_length=16, choices=HeadRuleScope.choices, default=HeadRuleScope.AGENCY_HEADS
    )
    missing_unit_rating = models.CharField(
        _("when the unit's rating is missing"),
        max_length=8,
        choices=MissingUnitRatingPolicy.choices,
        default=MissingUnitRatingPolicy.REFUSE,
    )
    annual_deadline_month = models.PositiveSmallIntegerField(
        _("annual decision deadline: month"), validators=[MinValueValidator(1), MaxValueValidator(12)], default=12
    )
    annual_deadline_day = models.PositiveSmallIntegerField(
        _("annual decision deadline: day"), validators=[MinValueValidator(1), MaxValueValidator(31)], default=14
    )
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta(EffectiveDated.Meta):
        verbose_name = _("evaluation rule set")
        verbose_name_plural = _("evaluation rule sets")
        ordering = ["valid_from", "code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"

    def overlap_keys(self):
        # The categories are a list, so PostgreSQL cannot exclude overlaps by constraint: the overlap test does.
        return [(category,) for category in self.categories]


class CriterionGroup(models.TextChoices):
    GENERAL = "GENERAL", _("General criteria")
    TASK = "TASK", _("Task results component")
    ASPECT = "ASPECT", _("Aspect assessed without points")


class Criterion(models.Model):
    """A line of the form: a general criterion with its maximum, a task component, or an unscored aspect."""

    rule_set = models.ForeignKey(RuleSet, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("code"), max_length=32)
    label = models.CharField(_("label"), max_length=255)
    group = models.CharField(_("group"), max_length=8, choices=CriterionGroup.choices)
    max_points = models.DecimalField(_("maximum points"), max_digits=5, decimal_places=2, null=True, blank=True)
    leaders_only = models.BooleanField(_("leaders only"), default=False)
    # Task components measured from the task lines (quantity, quality, timeliness); the others are entered.
    source = models.CharField(_("value taken from"), max_length=32, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["rule_set", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["rule_set", "code"], name="criterion_unique_code")]

    def __str__(self) -> str:
        return self.label


class RatingThreshold(models.Model):
    """One rating level and what it needs; the first row (best level first) whose conditions all hold applies."""

    rule_set = models.ForeignKey(RuleSet, on_delete=models.CASCADE, related_name="thresholds")
    rating = models.CharField(_("rating"), max_length=8, choices=RatingLevel.choices)
    min_score = models.DecimalField(_("minimum score"), max_digits=5, decimal_places=2, null=True, blank=True)
    min_completed_pct = models.DecimalField(
        _("minimum share of tasks done on time and to quality (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    min_exceeded_pct = models.DecimalField(
        _("minimum share of tasks exceeded (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    max_not_assured_pct = models.DecimalField(
        _("maximum share of criteria not assured (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rating threshold")
        verbose_name_plural = _("rating thresholds")
        ordering = ["rule_set", "id"]
        constraints = [models.UniqueConstraint(fields=["rule_set", "rating"], name="threshold_unique_rating")]

    def __str__(self) -> str:
        return f"{self.rule_set_id}: {self.rating}"


class LeaderUnitRule(models.Model):
    """What the units a head leads must reach for the head to get a rating (NĐ 90/2020 + 48/2023).

    A head rated `leader_rating` or better needs every unit directly under the unit they head rated
    `min_unit_rating` or better for the year and, when set, at least `min_good_pct` % of those units rated
    HTTNV or better. Rule sets without rows (NĐ 335/2025, NĐ 233/2026) have no such link.
    """

    rule_set = models.ForeignKey(RuleSet, on_delete=models.CASCADE, related_name="leader_unit_rules")
    leader_rating = models.CharField(_("rating of the head"), max_length=8, choices=RatingLevel.choices)
    min_unit_rating = models.CharField(_("every unit led rated at least"), max_length=8, choices=RatingLevel.choices)
    min_good_pct = models.DecimalField(
        _("share of the units led rated well-completed or better (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    unrated_units = models.CharField(
        _("when a unit led has no rating for the year"),
        max_length=8,
        choices=MissingUnitRatingPolicy.choices,
        default=MissingUnitRatingPolicy.REFUSE,
    )
    legal_basis = models.CharField(_("legal basis"), max_length=255)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rule on the units a head leads")
        verbose_name_plural = _("rules on the units a head leads")
        ordering = ["rule_set", "leader_rating"]
        constraints = [
            models.UniqueConstraint(fields=["rule_set", "leader_rating"], name="leaderunitrule_unique_rating")
        ]

    def __str__(self) -> str:
        return f"{self.rule_set_id}: {self.leader_rating}"
