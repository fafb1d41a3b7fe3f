"""The rating-distribution export: decided ratings per unit for a year, with a total row."""

from django.utils.translation import gettext as _

from evaluations.selectors.statistics import rating_distribution
from exchange.tables import Column
from exchange.writers import ExportTable
from hr.models import OrgUnit, RatingLevel

COUNT_KEYS = [*RatingLevel.values, "not_rated", "pending", "total"]


def rating_distribution_export(*, year: int, unit: OrgUnit | None, period_kind: str) -> ExportTable:
    """One row per unit (as `evaluations.selectors.statistics.rating_distribution`), then the totals."""
    rows = [
        {"unit": row["unit__name"], **{key: row[key] for key in COUNT_KEYS}}
        for row in rating_distribution(year=year, unit=unit, period_kind=period_kind)
    ]
    totals = {key: sum(row[key] for row in rows) for key in COUNT_KEYS}
    rows.append({"unit": _("Total"), **totals})
    columns = [
        Column("unit", str(_("Unit"))),
        *(Column(level.value, f"{level.value} – {level.label}") for level in RatingLevel),
        Column("not_rated", str(_("Not rated"))),
        Column("pending", str(_("Not yet decided"))),
        Column("total", str(_("Total"))),
    ]
    return ExportTable(title=_("Ratings %(year)s") % {"year": year}, columns=columns, rows=rows)
