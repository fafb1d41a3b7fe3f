"""Discipline decisions (kỷ luật) and the effective-dated rules that say which forms apply to whom."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backend.effective import EffectiveDated
from hr.models.annulment import Annullable
from hr.models.employees import Category

# Where the selectors put a record's prefetched pauses (`DisciplineRecord.pause_list`).
PREFETCHED_PAUSES = "prefetched_pauses"


class DisciplineForm(models.TextChoices):
    REPRIMAND = "KHIEN_TRACH", _("Reprimand (khiển trách)")
    WARNING = "CANH_CAO", _("Warning (cảnh cáo)")
    SALARY_DEMOTION = "HA_BAC_LUONG", _("Salary-step demotion (hạ bậc lương, legacy)")
    DEMOTION = "GIANG_CHUC", _("Demotion in post (giáng chức, legacy)")
    DISMISSAL_FROM_POST = "CACH_CHUC", _("Dismissal from post (cách chức)")
    RECALL = "BAI_NHIEM", _("Removal from elected office (bãi nhiệm)")
    FORCED_DISMISSAL = "BUOC_THOI_VIEC", _("Forced dismissal (buộc thôi việc)")


# The ladder of NĐ 172/2025 Điều 8–11 (and NĐ 112/2020 for the legacy forms), lightest
# first: "at or above warning" and "one level heavier for a repeat offence" compare these.
FORM_ORDER = {
    DisciplineForm.REPRIMAND: 1,
    DisciplineForm.WARNING: 2,
    DisciplineForm.SALARY_DEMOTION: 3,
    DisciplineForm.DEMOTION: 4,
    DisciplineForm.DISMISSAL_FROM_POST: 5,
    DisciplineForm.RECALL: 6,
    DisciplineForm.FORCED_DISMISSAL: 6,
}


def forms_at_or_above(form: str) -> list[str]:
    """The forms as heavy as `form` or heavier."""
    level = FORM_ORDER[form]
    return [f for f, lvl in FORM_ORDER.items() if lvl >= level]


class Severity(models.TextChoices):
    """Consequences of the violation (NĐ 172/2025 Điều 6.2)."""

    LESS_SERIOUS = "IT_NGHIEM_TRONG", _("Less serious consequences")
    SERIOUS = "NGHIEM_TRONG", _("Serious consequences")
    VERY_SERIOUS = "RAT_NGHIEM_TRONG", _("Very serious consequences")


class Holder(models.TextChoices):
    """Which people of a category a form applies to, by leadership status on the decision date."""

    ANY = "ANY", _("Anyone in the category")
    LEADER = "LEADER", _("Leaders and managers only")
    NON_LEADER = "NON_LEADER", _("People without a leadership post only")


class Restriction(models.TextChoices):
    """What a person under discipline may not receive while the decision is in force (Luật CBCC 2025 Điều 38)."""

    APPOINTMENT = "APPOINTMENT", _("Appointment or nomination for election")
    TRANSFER = "TRANSFER", _("Transfer, rotation or secondment")
    TRAINING = "TRAINING", _("Nomination for training")
    RANK_PROMOTION = "RANK_PROMOTION", _("Rank promotion")
    SALARY_RAISE = "SALARY_RAISE", _("Salary raise")
    COMMENDATION = "COMMENDATION", _("Emulation title or commendation")


class DisciplineFormRule(EffectiveDated):
    """One form allowed for a category between two dates, with its limitation period and effect.

    A new decree is new rows (and a `valid_to` on the old ones), never a code change;
    decisions keep the row they were taken under. One row per category and form on a day:
    `holder` narrows who of the category may receive it.
    """

    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    form = models.CharField(_("form"), max_length=16, choices=DisciplineForm.choices)
    holder = models.CharField(_("applies to"), max_length=16, choices=Holder.choices, default=Holder.ANY)
    limitation_years = models.PositiveSmallIntegerField(_("limitation period (years)"))
    effect_months = models.PositiveSmallIntegerField(_("duration of effect (months)"))
    # Thời hạn xử lý, from discovery to decision: figures of the row's instrument (rules/), no default.
    processing_days = models.PositiveSmallIntegerField(_("processing deadline (days)"))
    complex_processing_days = models.PositiveSmallIntegerField(_("processing deadline for complex cases (days)"))
    # For viên chức a forced dismissal counts from its own effective date, not the Party decision (NĐ 234 Điều 2.9).
    effect_from_party_decision = models.BooleanField(
        _("in force from the Party decision's date when there is one"), default=True
    )

    # Past decisions were taken under these rows: every change to them is kept.
    history = HistoricalRecords()

    overlap_key = ("category", "form")

    class Meta(EffectiveDated.Meta):
        verbose_name = _("discipline form rule")
        verbose_name_plural = _("discipline form rules")
        ordering = ["category", "valid_from", "form"]
        constraints = [
            *EffectiveDated.Meta.constraints,
            models.UniqueConstraint(fields=["category", "form", "holder", "valid_from"], name="disciplinerule_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.category} {self.form} ({self.valid_from})"


class DisciplineRestrictionRule(models.Model):
    """A restriction a form's decision imposes for its whole period of effect."""

    rule = models.ForeignKey(DisciplineFormRule, on_delete=models.CASCADE, related_name="restrictions")
    restriction = models.CharField(_("restriction"), max_length=16, choices=Restriction.choices)
    # The text each restriction rests on (Luật CBCC 2025 Điều 38, or the "quy định tương ứng" it defers to).
    legal_basis = models.CharField(_("legal basis"), max_length=255)

    # Past decisions were taken under these rows: every change to them is kept.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("discipline restriction rule")
        verbose_name_plural = _("discipline restriction rules")
        constraints = [models.UniqueConstraint(fields=["rule", "restriction"], name="disciplinerestriction_unique")]

    def __str__(self) -> str:
        return f"{self.rule_id}: {self.restriction}"


class DisciplineRecord(Annullable):
    """A discipline decision about one person; annulled, never deleted.

    `effect_start`/`effect_end` are computed by the service from the rule row: the
    decision is in force on every day between them (both included) and lapses by
    itself the day after `effect_end`, with no job to run.
    """

    employee = models.ForeignKey(
        "hr.Employee", on_delete=models.PROTECT, related_name="discipline_records", verbose_name=_("employee")
    )
    form = models.CharField(_("form"), max_length=16, choices=DisciplineForm.choices)
    rule = models.ForeignKey(DisciplineFormRule, on_delete=models.PROTECT, related_name="+", editable=False)
    decision_number = models.CharField(_("decision number"), max_length=64)
    issuing_authority = models.CharField(_("issuing authority"), max_length=255)
    decision_date = models.DateField(_("decision date"))
    effective_date = models.DateField(_("effective date"))
    violation_date = models.DateField(_("violation date"))
    reason = models.TextField(_("reason"))
    duty_related = models.BooleanField(_("related to public duty"), default=True)
    severity = models.CharField(_("severity"), max_length=16, choices=Severity.choices)
    # Violations with no limitation period (NĐ 172 Điều 5.2: fake degrees, national interests...).
    no_limitation = models.BooleanField(_("not subject to a limitation period"), default=False)
    party_decision_number = models.CharField(_("Party discipline decision number"), max_length=64, blank=True)
    party_decision_date = models.DateField(_("Party discipline decision date"), null=True, blank=True)
    # Processing time (thời hạn xử lý): unknown for records entered without their discovery date.
    discovered_on = models.DateField(_("violation discovered on"), null=True, blank=True)
    complex_case = models.BooleanField(_("complex case (extended processing deadline)"), default=False)
    processing_deadline = models.DateField(_("processing deadline"), null=True, blank=True, editable=False)
    is_repeat = models.BooleanField(_("repeat offence"), default=False, editable=False)
    repeat_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    effect_start = models.DateField(_("in force from"), editable=False)
    effect_end = models.DateField(_("in force until"), editable=False)
    created_by = models.ForeignKey("hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("discipline decision")
        verbose_name_plural = _("discipline decisions")
        ordering = ["-decision_date", "-id"]
        indexes = [
            models.Index(fields=["employee", "effect_start", "effect_end"]),
            models.Index(fields=["decision_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.decision_number} ({self.form})"

    @property
    def pause_list(self) -> list["DisciplinePause"]:
        """The periods not counted in the processing time: as the selectors prefetched them, else read now.

        The selectors prefetch them into a plain list (`Prefetch("pauses", to_attr=PREFETCHED_PAUSES)`):
        prefetching into the related manager builds a manager and a queryset for every record of a page.
        """
        prefetched = self.__dict__.get(PREFETCHED_PAUSES)
        return prefetched if prefetched is not None else list(self.pauses.all())

    @property
    def days_not_counted(self) -> int:
        """Days of the periods not counted in the processing time."""
        return sum(pause.days for pause in self.pause_list)

    @property
    def processed_late(self) -> bool | None:
        """Decided after the processing deadline; None when the discovery date is not recorded."""
        if self.processing_deadline is None:
            return None
        return self.decision_date > self.processing_deadline

    def in_force_on(self, day) -> bool:
        return not self.is_annulled and self.effect_start <= day <= self.effect_end


class PauseKind(models.TextChoices):
    """Periods not counted in the processing time (NĐ 172/2025 Điều 3 and Điều 5)."""

    ILLNESS = "OM_DAU", _("Serious illness, loss of cognition or inpatient treatment (discipline deferred)")
    MATERNITY = "THAI_SAN", _("Pregnancy, maternity leave or raising a child under 12 months (discipline deferred)")
    DETENTION = "TAM_GIAM", _("Held or detained pending investigation (discipline deferred)")
    CRIMINAL_PROCEEDINGS = "TO_TUNG_HINH_SU", _("Criminal proceedings")
    COMPLAINT = "KHIEU_NAI", _("Complaint or lawsuit")


class DisciplinePause(models.Model):
    """A period between discovery and decision that the processing deadline does not count."""

    record = models.ForeignKey(DisciplineRecord, on_delete=models.PROTECT, related_name="pauses")
    kind = models.CharField(_("reason"), max_length=16, choices=PauseKind.choices)
    start = models.DateField(_("from"))
    end = models.DateField(_("to (last day)"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("period not counted")
        verbose_name_plural = _("periods not counted")
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="disciplinepause_range"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.start}–{self.end}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1
