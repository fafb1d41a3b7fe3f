"""factory-boy factories for the personnel app, shared by every app's tests."""

import datetime
import itertools

import factory
from factory.django import DjangoModelFactory

from hr.identity import make_national_id
from hr.models import (
    AnnualRating,
    Category,
    Employee,
    OrgUnit,
    Position,
    Rank,
    Role,
    SalaryStep,
    Sex,
    UnitKind,
    UnitLevel,
    User,
)
from hr.services.units import unit_create

_serial = itertools.count(1)


class OrgUnitFactory(DjangoModelFactory):
    class Meta:
        model = OrgUnit

    code = factory.Sequence(lambda n: f"U{n:05d}")
    name = factory.Sequence(lambda n: f"Đơn vị số {n}")
    kind = UnitKind.DEPARTMENT
    level = UnitLevel.PROVINCE
    parent = None
    # Before the recruitment dates the tests use: nobody is assigned to a unit before it exists.
    valid_from = datetime.date(2000, 1, 1)
    valid_to = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # The materialised path needs the service, which knows how to build it.
        return unit_create(actor=None, **kwargs)


class EmployeeFactory(DjangoModelFactory):
    class Meta:
        model = Employee

    full_name = factory.Faker("name", locale="vi_VN")
    sex = factory.Iterator([Sex.MALE, Sex.FEMALE])
    date_of_birth = factory.Sequence(lambda n: datetime.date(1970 + n % 30, 1 + n % 12, 1 + n % 28))
    national_id = factory.LazyAttribute(lambda o: make_national_id(14, o.date_of_birth, o.sex, next(_serial)))
    ethnicity = "Kinh"
    category = Category.CONG_CHUC
    unit = factory.SubFactory(OrgUnitFactory)
    recruitment_date = datetime.date(2015, 3, 1)

    class Params:
        ranked = factory.Trait(
            rank=factory.LazyFunction(lambda: Rank.objects.get(code="01.003")),
            salary_step=factory.LazyFunction(lambda: SalaryStep.objects.get(scale__code="A1", step=3)),
            salary_coefficient=factory.LazyAttribute(lambda o: o.salary_step.coefficient),
            salary_date=datetime.date(2022, 1, 1),
        )


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.vn")
    role = Role.STAFF
    password = factory.PostGenerationMethodCall("set_password", "Matkhau@2026")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class AnnualRatingFactory(DjangoModelFactory):
    class Meta:
        model = AnnualRating

    employee = factory.SubFactory(EmployeeFactory)
    year = 2025
    rating = "HTTNV"


def position(code: str) -> Position:
    return Position.objects.get(code=code)
