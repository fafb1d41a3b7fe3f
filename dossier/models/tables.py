"""The dossier's tables: degrees and certificates, family relations, job positions held, allowances."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class QualificationKind(models.TextChoices):
    DEGREE = "DEGREE", _("Professional degree")
    POLITICAL_THEORY = "POLITICAL_THEORY", _("Political theory")
    STATE_MANAGEMENT = "STATE_MANAGEMENT", _("State management")
    DEFENCE_SECURITY = "DEFENCE_SECURITY", _("National defence and security")
    FOREIGN_LANGUAGE = "FOREIGN_LANGUAGE", _("Foreign language")
    IT = "IT", _("Information technology")
    OTHER = "OTHER", _("Other training")


#: The kinds whose certificates the training app issues: such a row may name the training certificate.
CERTIFIED_BY_TRAINING = (QualificationKind.POLITICAL_THEORY, QualificationKind.STATE_MANAGEMENT)


class StudyMode(models.TextChoices):
    FULL_TIME = "CHINH_QUY", _("Full-time")
    PART_TIME = "VUA_LAM_VUA_HOC", _("Work and study")
    DISTANCE = "TU_XA", _("Distance learning")
    IN_SERVICE = "TAP_TRUNG", _("Intensive course")
    NON_INTENSIVE = "KHONG_TAP_TRUNG", _("Non-intensive course")


class Qualification(models.Model):
    """A degree or certificate: level, institution, field, years and mode (Mẫu 2C item 27)."""

    employee = models.ForeignKey("hr.Employee", on_delete=models.PROTECT, related_name="qualifications")
    kind = models.CharField(_("kind"), max_length=24, choices=QualificationKind.choices)
    level = models.CharField(_("level"), max_length=64)
    institution = models.CharField(_("institution"), max_length=255)
    field_of_study = models.CharField(_("field of study"), max_length=255, blank=True)
    start_year = models.PositiveSmallIntegerField(_("from (year)"))
    end_year = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)
    mode = models.CharField(_("mode of study"), max_length=24, choices=StudyMode.choices)
    diploma = models.CharField(_("diploma or certificate"), max_length=128, blank=True)
    certificate = models.ForeignKey(
        "training.Certificate",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("training certificate"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        ordering = ["employee", "start_year", "id"]

    def __str__(self) -> str:
        return f"{self.level} – {self.institution}"


class FamilySide(models.TextChoices):
    SELF = "SELF", _("The person's side")
    SPOUSE = "SPOUSE", _("The spouse's side")


class Relation(models.TextChoices):
    FATHER = "FATHER", _("Father")
    MOTHER = "MOTHER", _("Mother")
    SPOUSE = "SPOUSE", _("Spouse")
    CHILD = "CHILD", _("Child")
    SIBLING = "SIBLING", _("Brother or sister")


#: On the spouse's side Mẫu 2C lists the spouse's parents and siblings: never a spouse or a child of theirs.
SPOUSE_SIDE_RELATIONS = (Relation.FATHER, Relation.MOTHER, Relation.SIBLING)


class FamilyMember(models.Model):
    """A relative on the person's or the spouse's side (Mẫu 2C item 30); sensitive."""

    employee = models.ForeignKey("hr.Employee", on_delete=models.PROTECT, related_name="family_members")
    side = models.CharField(_("side"), max_length=8, choices=FamilySide.choices)
    relation = models.CharField(_("relation"), max_length=16, choices=Relation.choices)
    full_name = models.CharField(_("full name"), max_length=128)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"))
    hometown = models.CharField(_("hometown"), max_length=255, blank=True)
    occupation = models.CharField(_("occupation"), max_length=255, blank=True)
    workplace = models.CharField(_("workplace"), max_length=255, blank=True)
    residence = models.CharField(_("residence"), max_length=255, blank=True)
    deceased = models.BooleanField(_("deceased"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("family member")
        verbose_name_plural = _("family members")
        ordering = ["employee", "side", "birth_year", "id"]

    def __str__(self) -> str:
        return f"{self.get_relation_display()}: {self.full_name}"


class PositionGroup(models.TextChoices):
    """Luật CBCC 2025 Điều 23: the three groups of công chức job positions."""

    LEADERSHIP = "LANH_DAO_QUAN_LY", _("Leadership and management")
    PROFESSIONAL = "CHUYEN_MON_NGHIEP_VU", _("Professional")
    SUPPORT = "HO_TRO_PHUC_VU", _("Support and service")


class JobPosition(models.Model):
    """A job position (vị trí việc làm) in an agency's approved list, with its description."""

    agency = models.ForeignKey("hr.OrgUnit", on_delete=models.PROTECT, related_name="job_positions")
    code = models.CharField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=255)
    group = models.CharField(_("group"), max_length=24, choices=PositionGroup.choices)
    description = models.TextField(_("job description"), blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("job position")
        verbose_name_plural = _("job positions")
        ordering = ["agency", "group", "code", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="dossier_position_code_per_agency")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class PositionHolding(models.Model):
    """A dated period in which a person holds a job position of their agency."""

    employee = models.ForeignKey("hr.Employee", on_delete=models.PROTECT, related_name="position_holdings")
    job_position = models.ForeignKey(
        JobPosition, on_delete=models.PROTECT, related_name="holdings", verbose_name=_("job position")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("job position held")
        verbose_name_plural = _("job positions held")
        ordering = ["employee", "-start_date", "-id"]

    def __str__(self) -> str:
        return f"{self.employee_id} – {self.job_position_id} từ {self.start_date}"


class AllowanceKind(models.TextChoices):
    POSITION = "POSITION", _("Leadership position allowance")
    SENIORITY = "SENIORITY_ABOVE_SCALE", _("Seniority above the scale")
    REGIONAL = "REGIONAL", _("Regional allowance")


#: Seniority above the scale is a percentage of the salary; the others are coefficients of the base salary.
PERCENT_KINDS = (AllowanceKind.SENIORITY,)


class Allowance(models.Model):
    """A dated allowance decision: a coefficient (position, regional) or a percentage (seniority above the scale)."""

    employee = models.ForeignKey("hr.Employee", on_delete=models.PROTECT, related_name="allowances")
    kind = models.CharField(_("kind"), max_length=24, choices=AllowanceKind.choices)
    coefficient = models.DecimalField(_("coefficient"), max_digits=4, decimal_places=2, null=True, blank=True)
    percent = models.PositiveSmallIntegerField(_("percent"), null=True, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("allowance")
        verbose_name_plural = _("allowances")
        ordering = ["employee", "kind", "-start_date", "-id"]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.kind} từ {self.start_date}"
