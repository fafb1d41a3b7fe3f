"""List rows built by a plan (`RowListSerializer`) equal DRF's own rows, on each serializer using it."""

import datetime

import pytest
from rest_framework import serializers

from backend.api.rows import RowListSerializer
from hr.models import Commendation, DisciplineRecord, PauseKind, User
from hr.serializers.accounts import AccountOutputSerializer
from hr.serializers.commendations import CommendationOutputSerializer
from hr.serializers.discipline import DisciplineOutputSerializer
from tests.factories import EmployeeFactory, UserFactory
from tests.matrix.discipline import commendation, discipline
from tests.training.factories import enrol, open_class, trained
from training.models import Enrolment
from training.serializers.enrolments import EnrolmentOutputSerializer

pytestmark = pytest.mark.django_db
D = datetime.date


def _same(serializer_class, queryset) -> None:
    rows = list(queryset)
    assert len(rows) > 1
    planned = serializer_class(rows, many=True).data
    assert isinstance(serializer_class(many=True), RowListSerializer)
    assert planned == [serializer_class(row).data for row in rows]  # DRF's own to_representation, one by one


def test_discipline_rows(org):
    discipline(org.a.staff.employee)
    discipline(
        org.a.manager.employee,
        decision_date=D(2025, 8, 1),
        effective_date=D(2025, 8, 1),
        discovered_on=D(2025, 6, 1),
        pauses=[{"kind": PauseKind.ILLNESS, "start": D(2025, 7, 1), "end": D(2025, 7, 5), "note": "ốm"}],
    )
    _same(DisciplineOutputSerializer, DisciplineRecord.objects.select_related("employee", "rule"))


def test_commendation_rows_of_people_and_units(org):
    commendation(employee=org.a.staff.employee)
    commendation(unit=org.a.room, award="TT_LDTT")
    _same(CommendationOutputSerializer, Commendation.objects.select_related("employee", "unit", "rule"))


def test_account_rows_with_and_without_a_person_or_scope(org):
    UserFactory(username="no.person", employee=None, scope_unit=None)
    _same(AccountOutputSerializer, User.objects.select_related("employee", "scope_unit").order_by("username"))


def test_enrolment_rows_with_and_without_a_certificate(org):
    trained(org.admin, org.a.staff.employee, end=D(2025, 6, 1), certify=True)
    enrol(org.admin, open_class(org), org.a.manager.employee, EmployeeFactory(unit=org.a.room))
    rows = Enrolment.objects.select_related("employee", "training_class__programme", "certificate")
    assert {hasattr(row, "certificate") for row in rows} == {True, False}
    _same(EnrolmentOutputSerializer, rows)


class Person(serializers.Serializer):
    name = serializers.CharField(source="full_name")
    greeting = serializers.CharField(source="greet")  # a method: called, as DRF does
    unit_code = serializers.CharField(source="unit.code")
    nickname = serializers.CharField(required=False)  # missing: left out, as DRF does
    missing = serializers.CharField(source="nothing.here", default="-")  # missing with a default
    initials = serializers.SerializerMethodField()

    class Meta:
        list_serializer_class = RowListSerializer

    def get_initials(self, person) -> str:
        return "".join(word[0] for word in person.full_name.split())


class Upper(serializers.Serializer):
    code = serializers.CharField()

    def to_representation(self, instance):  # an override is kept
        return {"code": instance.code.upper()}


class PersonWithUnit(Person):
    unit = Upper()


class Named:
    def __init__(self, full_name, unit):
        self.full_name, self.unit = full_name, unit

    def greet(self) -> str:
        return f"Chào {self.full_name}"


def test_drf_semantics_are_kept(org):
    people = [Named("Lò Văn Hùng", org.a.unit), Named("Cầm Thị Lan", org.a.room)]
    for serializer_class in (Person, PersonWithUnit):
        rows = serializer_class(people, many=True).data
        assert rows == [serializer_class(person).data for person in people]
    assert rows[0] == {
        "name": "Lò Văn Hùng",
        "greeting": "Chào Lò Văn Hùng",
        "unit_code": org.a.unit.code,
        "missing": "-",
        "initials": "LVH",
        "unit": {"code": org.a.unit.code.upper()},
    }
