"""Organisation units: an effective-dated tree with a materialised path and merger lineage."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backend.effective import EffectiveDated


class UnitLevel(models.TextChoices):
    PROVINCE = "TINH", _("Province level")
    DISTRICT = "HUYEN", _("District level (abolished 01/07/2025)")
    COMMUNE = "XA", _("Commune level")


class UnitKind(models.TextChoices):
    PROVINCE = "TINH", _("Provincial People's Committee")
    DEPARTMENT = "SO", _("Department, board or sector")
    PUBLIC_SERVICE_UNIT = "DVSN", _("Public service unit")
    DISTRICT = "HUYEN", _("District People's Committee (legacy)")
    COMMUNE = "XA", _("Commune People's Committee")
    WARD = "PHUONG", _("Ward People's Committee")
    SPECIAL_ZONE = "DAC_KHU", _("Special zone People's Committee")
    SUB_DEPARTMENT = "CHI_CUC", _("Sub-department")
    ROOM = "PHONG", _("Room or office")


# Kinds that are agencies in their own right: a personnel officer's scope and
# the level at which quotas and the reform appraisal are counted.
AGENCY_KINDS = frozenset(
    {
        UnitKind.PROVINCE,
        UnitKind.DEPARTMENT,
        UnitKind.PUBLIC_SERVICE_UNIT,
        UnitKind.DISTRICT,
        UnitKind.COMMUNE,
        UnitKind.WARD,
        UnitKind.SPECIAL_ZONE,
    }
)


class OrgUnit(models.Model):
    """A unit of the provincial apparatus, valid between two dates."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=UnitKind.choices)
    level = models.CharField(_("administrative level"), max_length=8, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # "000001.000007." for a unit whose ancestors are 1 and 7: a subtree is one
    # indexed prefix match instead of a recursive walk.
    path = models.CharField(max_length=255, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    predecessors = models.ManyToManyField(
        "self", verbose_name=_("predecessor units"), symmetrical=False, blank=True, related_name="successors"
    )
    history = HistoricalRecords(excluded_fields=["path", "depth"])

    class Meta:
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        ordering = ["path"]
        indexes = [models.Index(fields=["path"], name="orgunit_path_like", opclasses=["varchar_pattern_ops"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="orgunit_valid_range",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_agency(self) -> bool:
        return self.kind in AGENCY_KINDS

    def is_valid_on(self, day) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class UnitLevelRule(EffectiveDated):
    """Whether units of an administrative level may exist from a date, under a named legal instrument.

    Luật Tổ chức chính quyền địa phương 72/2025/QH15 organises local government in two levels (tỉnh, xã):
    district-level units ended on 01/07/2025, so its row says that from that day no unit of level HUYEN is
    valid. A level without a row is not restricted. A new instrument is a new row, never a code change.
    """

    level = models.CharField(_("administrative level"), max_length=8, choices=UnitLevel.choices)
    permitted = models.BooleanField(_("units of the level may exist"))
    # Units were accepted or refused under these rows: every change to them is kept.
    history = HistoricalRecords()

    overlap_key = ("level",)

    class Meta(EffectiveDated.Meta):
        verbose_name = _("administrative level rule")
        verbose_name_plural = _("administrative level rules")
        ordering = ["level", "valid_from"]
        constraints = [
            *EffectiveDated.Meta.constraints,
            models.UniqueConstraint(fields=["level", "valid_from"], name="unitlevelrule_one_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.level} {'+' if self.permitted else '−'} ({self.valid_from})"
