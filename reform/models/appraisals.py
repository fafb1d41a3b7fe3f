"""A unit's yearly reform appraisal: its scores per criterion and the evidence behind them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from reform.models.indexes import POINTS


class AppraisalStatus(models.TextChoices):
    SELF_ASSESSMENT = "SELF_ASSESSMENT", _("Self-assessment")
    APPRAISAL = "APPRAISAL", _("Being appraised by the Department of Home Affairs")
    PUBLISHED = "PUBLISHED", _("Published")


class Appraisal(models.Model):
    """One agency's result for one index set; locked for good once published."""

    unit = models.ForeignKey("hr.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    index_set = models.ForeignKey(
        "reform.IndexSet", on_delete=models.PROTECT, related_name="appraisals", verbose_name=_("index set")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AppraisalStatus.choices, default=AppraisalStatus.SELF_ASSESSMENT
    )
    # Running totals, kept by the services on every score change so lists need no sums.
    self_total = models.DecimalField(_("self-assessed points"), **POINTS, default=0)
    appraised_total = models.DecimalField(_("appraised points"), **POINTS, default=0)
    survey_total = models.DecimalField(_("survey points"), **POINTS, default=0)
    total = models.DecimalField(_("total points"), **POINTS, default=0)
    percentage = models.DecimalField(_("result (%)"), **POINTS, default=0)
    band = models.ForeignKey(
        "reform.Band", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("band")
    )
    decision_number = models.CharField(_("publication decision number"), max_length=64, blank=True)
    created_by = models.ForeignKey("hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reform appraisal")
        verbose_name_plural = _("reform appraisals")
        ordering = ["-index_set__year", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "index_set"], name="appraisal_one_per_unit_set")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.index_set_id}: {self.status}"

    @property
    def is_published(self) -> bool:
        return self.status == AppraisalStatus.PUBLISHED


class AppraisalScore(models.Model):
    """The points of one scored criterion: self, appraised (with the reason for a change) and survey."""

    appraisal = models.ForeignKey(Appraisal, on_delete=models.PROTECT, related_name="scores")
    criterion = models.ForeignKey(
        "reform.IndexCriterion", on_delete=models.PROTECT, related_name="+", verbose_name=_("criterion")
    )
    self_score = models.DecimalField(_("self-assessed points"), **POINTS, null=True, blank=True)
    self_note = models.TextField(_("self-assessment note"), blank=True)
    appraised_score = models.DecimalField(_("appraised points"), **POINTS, null=True, blank=True)
    appraisal_reason = models.TextField(_("reason for the change"), blank=True)
    survey_score = models.DecimalField(_("survey points"), **POINTS, null=True, blank=True)
    # What the system's own data says, shown to the appraiser beside the self-score.
    computed_value = models.DecimalField(_("computed value"), max_digits=8, decimal_places=2, null=True, blank=True)
    computed_points = models.DecimalField(_("computed points"), **POINTS, null=True, blank=True)
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        ordering = ["appraisal", "criterion__area__order", "criterion__order", "criterion__id"]
        constraints = [models.UniqueConstraint(fields=["appraisal", "criterion"], name="score_one_per_criterion")]

    def __str__(self) -> str:
        return f"{self.appraisal_id}/{self.criterion_id}"


def evidence_path(instance: "Evidence", filename: str) -> str:
    return f"reform/evidence/{instance.score.appraisal_id}/{filename}"


class Evidence(models.Model):
    """A document supporting a self-score; kept for good (no deletion)."""

    score = models.ForeignKey(AppraisalScore, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey("hr.User", null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["score", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
