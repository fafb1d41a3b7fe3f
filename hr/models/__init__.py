"""Models of the personnel app, one module per concept."""

from hr.models.accounts import Role, User
from hr.models.employees import (
    Assignment,
    Category,
    EducationLevel,
    Employee,
    EmploymentStatus,
    PoliticalTheoryLevel,
    SalaryRecord,
    Sex,
    StateManagementLevel,
)
from hr.models.ratings import RATING_ORDER, AnnualRating, RatingLevel, RatingSource
from hr.models.reference import BaseSalary, Position, Rank, SalaryScale, SalaryStep
from hr.models.units import AGENCY_KINDS, OrgUnit, UnitKind, UnitLevel

__all__ = [
    "AGENCY_KINDS",
    "RATING_ORDER",
    "AnnualRating",
    "Assignment",
    "BaseSalary",
    "Category",
    "EducationLevel",
    "Employee",
    "EmploymentStatus",
    "OrgUnit",
    "PoliticalTheoryLevel",
    "Position",
    "Rank",
    "RatingLevel",
    "RatingSource",
    "Role",
    "SalaryRecord",
    "SalaryScale",
    "SalaryStep",
    "Sex",
    "StateManagementLevel",
    "UnitKind",
    "UnitLevel",
    "User",
]
