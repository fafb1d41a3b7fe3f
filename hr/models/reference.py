"""Reference data: salary scales and steps, ranks (ngạch), positions (chức vụ), base salary."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backend.effective import EffectiveDated


class SalaryScale(models.Model):
    """A salary class of the civil-service table (A3.1, A2.1, A1, A0, B, C1...)."""

    code = models.CharField(_("code"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=128)
    # Regular step increase every N years (3 for class A, 2 for B and C).
    step_interval_years = models.PositiveSmallIntegerField(_("years between steps"), default=3)

    class Meta:
        verbose_name = _("salary scale")
        verbose_name_plural = _("salary scales")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class SalaryStep(models.Model):
    """One step (bậc) of a salary scale with its coefficient (hệ số)."""

    scale = models.ForeignKey(SalaryScale, on_delete=models.PROTECT, related_name="steps", verbose_name=_("scale"))
    step = models.PositiveSmallIntegerField(_("step"), validators=[MinValueValidator(1)])
    coefficient = models.DecimalField(_("coefficient"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("salary step")
        verbose_name_plural = _("salary steps")
        ordering = ["scale__code", "step"]
        constraints = [models.UniqueConstraint(fields=["scale", "step"], name="salarystep_unique_step")]

    def __str__(self) -> str:
        return f"{self.scale.code} bậc {self.step} ({self.coefficient})"


class Rank(models.Model):
    """A civil-service rank (ngạch) with its code, e.g. 01.003 Chuyên viên."""

    code = models.CharField(_("code"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=128)
    scale = models.ForeignKey(SalaryScale, on_delete=models.PROTECT, related_name="ranks", verbose_name=_("scale"))
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("rank")
        verbose_name_plural = _("ranks")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Position(models.Model):
    """A post (chức vụ); leadership posts make their holders leaders for evaluation and discipline."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=128)
    is_leadership = models.BooleanField(_("leadership post"), default=False)
    # The head (trưởng) rather than a deputy: head ≤ unit rating rules apply to heads.
    is_head = models.BooleanField(_("head of unit"), default=False)
    allowance_coefficient = models.DecimalField(
        _("leadership allowance coefficient"), max_digits=4, decimal_places=2, default=0
    )

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class BaseSalary(EffectiveDated):
    """The statutory base salary (lương cơ sở) in force between two dates, by decree: one amount on any day."""

    amount = models.PositiveIntegerField(_("amount (VND per month)"))

    # Award amounts were computed from these rows: every change to them is kept.
    history = HistoricalRecords()

    class Meta(EffectiveDated.Meta):
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.amount:,} ({self.valid_from})"

    def is_referenced(self) -> bool:
        """A commendation's amount was computed from this row: one decided while it was in force (NĐ 152 Điều 50)."""
        commendations = self._meta.apps.get_model("hr", "Commendation").objects.filter(
            decision_date__gte=self.valid_from
        )
        if self.valid_to is not None:
            commendations = commendations.filter(decision_date__lte=self.valid_to)
        return commendations.exists()
