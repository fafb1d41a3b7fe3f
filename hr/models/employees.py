"""Employees (cán bộ, công chức, viên chức, contract staff) and their dated history rows."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hr.identity import validate_legacy_id_number, validate_national_id
from hr.models.history import PersonHistoricalRecords


class Category(models.TextChoices):
    CAN_BO = "CAN_BO", _("Cán bộ (elected or appointed official)")
    CONG_CHUC = "CONG_CHUC", _("Công chức (civil servant)")
    VIEN_CHUC = "VIEN_CHUC", _("Viên chức (public employee)")
    CONTRACT = "HOP_DONG", _("Contract staff")


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


class EmploymentStatus(models.TextChoices):
    ACTIVE = "ACTIVE", _("Working")
    ON_LEAVE = "ON_LEAVE", _("On leave")
    SUSPENDED = "SUSPENDED", _("Temporarily suspended")
    TRANSFERRED = "TRANSFERRED", _("Transferred out of the province")
    RETIRED = "RETIRED", _("Retired")
    RESIGNED = "RESIGNED", _("Resigned")
    DISMISSED = "DISMISSED", _("Dismissed")
    DECEASED = "DECEASED", _("Deceased")


class EducationLevel(models.TextChoices):
    NONE = "", _("Not declared")
    SECONDARY = "TRUNG_CAP", _("Vocational secondary")
    COLLEGE = "CAO_DANG", _("College")
    BACHELOR = "DAI_HOC", _("Bachelor")
    MASTER = "THAC_SI", _("Master")
    DOCTOR = "TIEN_SI", _("Doctor")


class PoliticalTheoryLevel(models.TextChoices):
    NONE = "", _("None")
    ELEMENTARY = "SO_CAP", _("Elementary")
    INTERMEDIATE = "TRUNG_CAP", _("Intermediate")
    ADVANCED = "CAO_CAP", _("Advanced")
    BACHELOR = "CU_NHAN", _("Bachelor of political science")


class StateManagementLevel(models.TextChoices):
    NONE = "", _("None")
    SPECIALIST = "CHUYEN_VIEN", _("Specialist programme")
    PRINCIPAL = "CHUYEN_VIEN_CHINH", _("Principal specialist programme")
    SENIOR = "CHUYEN_VIEN_CAO_CAP", _("Senior specialist programme")
    LEADERSHIP = "LANH_DAO", _("Leadership programme (NĐ 171/2025)")


class Employee(models.Model):
    """A person employed by a unit of the province; never hard-deleted."""

    national_id = models.CharField(
        _("personal identification number"), max_length=12, unique=True, validators=[validate_national_id]
    )
    legacy_id_number = models.CharField(
        _("legacy ID card number (9 digits)"), max_length=9, blank=True, validators=[validate_legacy_id_number]
    )
    full_name = models.CharField(_("full name"), max_length=128)
    date_of_birth = models.DateField(_("date of birth"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    ethnicity = models.CharField(_("ethnicity"), max_length=64, default="Kinh")
    email = models.EmailField(_("email"), blank=True)
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    # Indexed by (unit, status) below, which serves every lookup by unit alone as well.
    unit = models.ForeignKey(
        "hr.OrgUnit", on_delete=models.PROTECT, related_name="employees", verbose_name=_("unit"), db_index=False
    )
    position = models.ForeignKey(
        "hr.Position", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("position")
    )
    rank = models.ForeignKey(
        "hr.Rank", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("rank")
    )
    # No index: no list filters or sorts people by their step, and steps are never deleted (only the PROTECT
    # check would read it), while every new person and every salary decision would write an entry (issue 15).
    salary_step = models.ForeignKey(
        "hr.SalaryStep",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("salary step"),
        db_index=False,
    )
    salary_coefficient = models.DecimalField(
        _("salary coefficient"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    salary_date = models.DateField(_("salary step received on"), null=True, blank=True)
    recruitment_date = models.DateField(_("recruitment date"))
    status = models.CharField(
        _("employment status"), max_length=16, choices=EmploymentStatus.choices, default=EmploymentStatus.ACTIVE
    )
    education_level = models.CharField(
        _("highest professional education"), max_length=16, choices=EducationLevel.choices, blank=True
    )
    political_theory_level = models.CharField(
        _("political theory"), max_length=16, choices=PoliticalTheoryLevel.choices, blank=True
    )
    state_management_level = models.CharField(
        _("state management"), max_length=24, choices=StateManagementLevel.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The history is read one person at a time (by `id`, in `history_date` order): the indexes the
    # employee table has for its lists and searches, and those on the version's date and author, would only
    # slow every write of a version.
    history = PersonHistoricalRecords(
        no_db_index=["national_id", "full_name", "unit", "position", "rank", "salary_step"]
    )

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        ordering = ["full_name", "id"]
        indexes = [
            models.Index(fields=["unit", "status"]),
            # No index on the category: four values, each held by many people; a filter on it is read in the
            # list's order or within a unit's subtree, never by such an index, which every new person wrote to
            # (issue 15).
            # The list's order. A plain B-tree: no query compares names with LIKE 'prefix%' (searches
            # are `icontains`, UPPER(...) LIKE '%…%', which no B-tree serves), so no `_like` twin.
            models.Index(fields=["full_name"], name="hr_employee_full_name"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.national_id})"

    @property
    def is_leader(self) -> bool:
        return bool(self.position_id and self.position.is_leadership)


class Assignment(models.Model):
    """A dated period in a unit and post: transfers and appointments are new rows, never overwrites."""

    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="assignments")
    unit = models.ForeignKey("hr.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    # No index on the post: assignments are read by person or by unit, and posts are reference rows, never
    # deleted (the only reader would be PROTECT's check). Every new person writes a row here (issue 15).
    position = models.ForeignKey(
        "hr.Position",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("position"),
        db_index=False,
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)
    # No index: no query reads assignments by their author, and accounts are deactivated, never deleted (the
    # only reader would be SET_NULL's update). Every new person writes a row here (issue 15).
    created_by = models.ForeignKey(
        "hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["employee", "-start_date", "-id"]

    def __str__(self) -> str:
        return f"{self.employee_id} @ {self.unit_id} từ {self.start_date}"


class SalaryRecord(models.Model):
    """A dated rank and salary-step decision (nâng lương, chuyển ngạch)."""

    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="salary_records")
    # No indexes on the rank, the step and the author: salary records are read by person only, and ranks,
    # steps and accounts are never deleted (the only readers would be PROTECT's and SET_NULL's checks).
    # Every new ranked person writes a row here (issue 15).
    rank = models.ForeignKey(
        "hr.Rank", on_delete=models.PROTECT, related_name="+", verbose_name=_("rank"), db_index=False
    )
    salary_step = models.ForeignKey(
        "hr.SalaryStep", on_delete=models.PROTECT, related_name="+", verbose_name=_("salary step"), db_index=False
    )
    coefficient = models.DecimalField(_("coefficient"), max_digits=5, decimal_places=2)
    effective_date = models.DateField(_("effective date"))
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        "hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("salary record")
        verbose_name_plural = _("salary records")
        ordering = ["employee", "-effective_date", "-id"]

    def __str__(self) -> str:
        return f"{self.employee_id}: {self.coefficient} từ {self.effective_date}"
