"""Emulation titles and commendations (thi đua, khen thưởng), initiatives, and their dated award rules."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backend.effective import EffectiveDated
from hr.models.annulment import Annullable
from hr.models.discipline import DisciplineForm
from hr.models.ratings import RatingLevel


class AwardKind(models.TextChoices):
    TITLE = "TITLE", _("Emulation title")
    FORM = "FORM", _("Form of commendation")


class Recipient(models.TextChoices):
    INDIVIDUAL = "INDIVIDUAL", _("Individual")
    COLLECTIVE = "COLLECTIVE", _("Collective")


class AwardLevel(models.TextChoices):
    GRASSROOTS = "CO_SO", _("Grassroots")
    PROVINCE = "TINH", _("Province, ministry or sector")
    NATIONAL = "TOAN_QUOC", _("National")
    STATE = "NHA_NUOC", _("State")


class Award(models.TextChoices):
    """Titles and forms of Luật Thi đua, khen thưởng 2022 Điều 8–9 this system records."""

    ADVANCED_WORKER = "LDTT", _("Advanced worker (Lao động tiên tiến)")
    GRASSROOTS_SOLDIER = "CSTDCS", _("Grassroots emulation soldier (Chiến sĩ thi đua cơ sở)")
    PROVINCIAL_SOLDIER = "CSTD_TINH", _("Provincial emulation soldier (Chiến sĩ thi đua cấp tỉnh)")
    NATIONAL_SOLDIER = "CSTD_TOAN_QUOC", _("National emulation soldier (Chiến sĩ thi đua toàn quốc)")
    ADVANCED_COLLECTIVE = "TT_LDTT", _("Advanced collective (Tập thể lao động tiên tiến)")
    EXCELLENT_COLLECTIVE = "TT_LDXS", _("Excellent collective (Tập thể lao động xuất sắc)")
    PROVINCIAL_FLAG = "CO_THI_DUA_TINH", _("Provincial emulation flag")
    GOVERNMENT_FLAG = "CO_THI_DUA_CP", _("Government emulation flag")
    CERTIFICATE = "GIAY_KHEN", _("Certificate of merit (Giấy khen)")
    PROVINCIAL_MERIT = "BANG_KHEN_TINH", _("Merit of the provincial chairman (Bằng khen Chủ tịch UBND tỉnh)")
    PRIME_MINISTER_MERIT = "BANG_KHEN_TTG", _("Merit of the Prime Minister (Bằng khen Thủ tướng)")
    LABOUR_ORDER_3 = "HUAN_CHUONG_LD3", _("Labour Order, third class")
    LABOUR_ORDER_2 = "HUAN_CHUONG_LD2", _("Labour Order, second class")
    LABOUR_ORDER_1 = "HUAN_CHUONG_LD1", _("Labour Order, first class")


class InitiativeLevel(models.TextChoices):
    GRASSROOTS = "CO_SO", _("Grassroots")
    PROVINCE = "TINH", _("Province")
    NATIONAL = "TOAN_QUOC", _("National")


def award_rules_day(year: int) -> datetime.date:
    """The one day an emulation year's award rules are read on: its last day, 31 December.

    A title or commendation for year N judges the achievements of year N (Luật TĐKT 2022 Điều 23–27; the ratings
    of year N), so the rules in force at the close of that year apply, whether the council meets in December or
    the decision is issued the next January. Eligibility and the recorded commendation read the same row; only
    the money follows the decision date (NĐ 152/2025 Điều 50: the base salary in force when it is issued).
    """
    return datetime.date(year, 12, 31)


INITIATIVE_ORDER = {InitiativeLevel.GRASSROOTS: 1, InitiativeLevel.PROVINCE: 2, InitiativeLevel.NATIONAL: 3}


class AwardRule(EffectiveDated):
    """An award for one kind of recipient between two dates: its coefficient and the figures its criteria use.

    How the criteria combine is law (Luật TĐKT 2022 Điều 22–27); the numbers in them
    (consecutive years, member share, disqualifying discipline) are data here.

    A rule may name an alternative ("either … or …", e.g. Bằng khen of the provincial chairman:
    2 consecutive CSTĐCS titles, *or* 2 consecutive years rated HTXSNV with 2 initiatives):
    the `alt_*` fields. The award is met by the main criteria (rating, prerequisite, initiative
    level) or by the alternative: rated `alt_min_rating` or better in each of the
    `alt_consecutive_years` years up to the year asked, with at least `alt_initiative_count`
    initiatives recognised (any level) in those years. The disqualifying discipline applies to both.
    `council_judgement` marks criteria no record can check (an achievement in emulation): the
    answer says the council decides them.
    """

    award = models.CharField(_("award"), max_length=16, choices=Award.choices)
    recipient = models.CharField(_("recipient"), max_length=16, choices=Recipient.choices)
    kind = models.CharField(_("kind"), max_length=8, choices=AwardKind.choices)
    level = models.CharField(_("level"), max_length=16, choices=AwardLevel.choices)
    coefficient = models.DecimalField(_("award coefficient (× base salary)"), max_digits=5, decimal_places=2)
    min_rating = models.CharField(_("minimum rating"), max_length=8, choices=RatingLevel.choices, blank=True)
    prerequisite = models.CharField(_("prerequisite title"), max_length=16, choices=Award.choices, blank=True)
    consecutive_years = models.PositiveSmallIntegerField(_("consecutive years of the prerequisite"), default=0)
    initiative_level = models.CharField(
        _("initiative level required"), max_length=16, choices=InitiativeLevel.choices, blank=True
    )
    member_share_pct = models.PositiveSmallIntegerField(_("share of members with LĐTT (%)"), null=True, blank=True)
    disqualifying_form = models.CharField(
        _("discipline form that disqualifies"), max_length=16, choices=DisciplineForm.choices, blank=True
    )
    alt_min_rating = models.CharField(
        _("alternative: rating held each year"), max_length=8, choices=RatingLevel.choices, blank=True
    )
    alt_consecutive_years = models.PositiveSmallIntegerField(
        _("alternative: consecutive years at that rating"), null=True, blank=True
    )
    alt_initiative_count = models.PositiveSmallIntegerField(
        _("alternative: initiatives recognised in those years"), null=True, blank=True
    )
    # Luật TĐKT 2022 Điều 23 (CSTĐCS): an initiative recognised in the year at `initiative_level` or above stands in
    # for the excellent rating.
    initiative_replaces_rating = models.BooleanField(
        _("an initiative of the year may stand in for the rating"), default=False
    )
    # Tập thể lao động xuất sắc: every member rated at least this.
    member_min_rating = models.CharField(
        _("rating every member must hold"), max_length=8, choices=RatingLevel.choices, blank=True
    )
    council_judgement = models.BooleanField(
        _("other criteria judged by the emulation council"),
        default=False,
        help_text=_("Criteria no record shows, such as an achievement in emulation; the answer says so."),
    )

    # Past decisions were taken under these rows: every change to them is kept.
    history = HistoricalRecords()

    overlap_key = ("award", "recipient")

    class Meta(EffectiveDated.Meta):
        verbose_name = _("award rule")
        verbose_name_plural = _("award rules")
        ordering = ["award", "recipient", "valid_from"]
        constraints = [
            *EffectiveDated.Meta.constraints,
            models.UniqueConstraint(fields=["award", "recipient", "valid_from"], name="awardrule_unique"),
            models.CheckConstraint(
                condition=models.Q(
                    alt_min_rating="", alt_consecutive_years__isnull=True, alt_initiative_count__isnull=True
                )
                | (~models.Q(alt_min_rating="") & models.Q(alt_consecutive_years__gte=1)),
                name="awardrule_alternative_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award} {self.recipient} ({self.valid_from})"

    @property
    def has_alternative(self) -> bool:
        return bool(self.alt_min_rating and self.alt_consecutive_years)


class Commendation(Annullable):
    """An emulation title or commendation given to a person or a unit; annulled, never deleted."""

    employee = models.ForeignKey(
        "hr.Employee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commendations",
        verbose_name=_("employee"),
    )
    unit = models.ForeignKey(
        "hr.OrgUnit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("unit")
    )
    award = models.CharField(_("award"), max_length=16, choices=Award.choices)
    rule = models.ForeignKey(AwardRule, on_delete=models.PROTECT, related_name="+", editable=False)
    year = models.PositiveSmallIntegerField(_("emulation year"))
    decision_number = models.CharField(_("decision number"), max_length=64)
    issuing_authority = models.CharField(_("issuing authority"), max_length=255)
    decision_date = models.DateField(_("decision date"))
    reason = models.TextField(_("achievement"), blank=True)
    coefficient = models.DecimalField(_("award coefficient"), max_digits=5, decimal_places=2, editable=False)
    base_salary = models.PositiveIntegerField(_("base salary used"), editable=False)
    amount = models.PositiveIntegerField(_("award amount (VND)"), editable=False)
    created_by = models.ForeignKey("hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("commendation")
        verbose_name_plural = _("commendations")
        ordering = ["-year", "-decision_date", "-id"]
        indexes = [models.Index(fields=["award", "year"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(employee__isnull=True, unit__isnull=False)
                | models.Q(employee__isnull=False, unit__isnull=True),
                name="commendation_one_recipient",
            )
        ]

    def __str__(self) -> str:
        return f"{self.award} {self.year} ({self.decision_number})"


class Initiative(Annullable):
    """An initiative or science project recognised for a person, as the emulation criteria require."""

    employee = models.ForeignKey(
        "hr.Employee", on_delete=models.PROTECT, related_name="initiatives", verbose_name=_("employee")
    )
    title = models.CharField(_("title"), max_length=255)
    recognition_level = models.CharField(_("recognised at level"), max_length=16, choices=InitiativeLevel.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    decision_number = models.CharField(_("recognition decision number"), max_length=64)
    recognised_on = models.DateField(_("recognised on"))
    created_by = models.ForeignKey("hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-year", "-id"]

    def __str__(self) -> str:
        return self.title
