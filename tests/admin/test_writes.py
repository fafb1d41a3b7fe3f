"""Admin writes go through the services: out-of-scope inputs and own records are refused, nothing is written."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from hr.access import OWN_RECORD
from hr.models import (
    AnnualRating,
    Commendation,
    DisciplineRecord,
    Employee,
    Initiative,
    OrgUnit,
    Rank,
    Role,
    SalaryStep,
    User,
)
from tests.admin.conftest import registered_models
from tests.matrix.discipline import discipline

EMPLOYEE_INLINES = {
    "assignments-TOTAL_FORMS": "0",
    "assignments-INITIAL_FORMS": "0",
    "salary_records-TOTAL_FORMS": "0",
    "salary_records-INITIAL_FORMS": "0",
}


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _unit(world, agency: str) -> dict:
    return {
        "code": "PHONG-MOI",
        "name": "Phòng mới",
        "kind": "PHONG",
        "level": "TINH",
        "parent": getattr(world.org, agency).unit.pk,
        "valid_from": "2025-01-01",
    }


def _employee(world, agency: str) -> dict:
    return {
        "national_id": "014191004242",
        "full_name": "Quàng Thị Ỵ",
        "date_of_birth": "1991-04-12",
        "sex": "F",
        "ethnicity": "Thái",
        "category": "CONG_CHUC",
        "unit": getattr(world.org, agency).room.pk,
        "rank": Rank.objects.get(code="01.003").pk,
        "salary_step": SalaryStep.objects.get(scale__code="A1", step=1).pk,
        "recruitment_date": "2020-01-02",
        "status": "ACTIVE",
        **EMPLOYEE_INLINES,
    }


def _rating(world, agency: str) -> dict:
    return {"employee": world.spare[agency].pk, "year": "2023", "rating": "HTTNV"}


def _account(world, agency: str) -> dict:
    return {
        "username": "tai_khoan_moi",
        "password1": "Matkhau@2026-moi",
        "password2": "Matkhau@2026-moi",
        "role": Role.STAFF,
        "employee": world.spare[agency].pk,
    }


def _manager_account(world, agency: str) -> dict:
    # The person is A's; the unit the role applies to is the one that changes.
    return _account(world, "a") | {"role": Role.MANAGER, "scope_unit": getattr(world.org, agency).room.pk}


def _commendation(world, agency: str) -> dict:
    return {
        "employee": world.spare[agency].pk,
        "award": "LDTT",
        "year": "2025",
        "decision_number": "KT-MOI/QĐ",
        "issuing_authority": "Giám đốc Sở Nội vụ",
        "decision_date": "2025-06-16",
    }


def _unit_commendation(world, agency: str) -> dict:
    unit = getattr(world.org, agency).room.pk
    return _commendation(world, agency) | {"employee": "", "award": "TT_LDTT", "unit": unit}


def _initiative(world, agency: str) -> dict:
    return {
        "employee": world.spare[agency].pk,
        "title": "Sáng kiến mới",
        "recognition_level": "CO_SO",
        "year": "2025",
        "decision_number": "SK-MOI/QĐ",
        "recognised_on": "2025-11-20",
    }


# model, the input naming the other agency, payload builder, how to find what the POST would create
ADD_CASES = [
    (OrgUnit, "parent", _unit, {"code": "PHONG-MOI"}),
    (Employee, "unit", _employee, {"national_id": "014191004242"}),
    (AnnualRating, "employee", _rating, {"year": 2023}),
    (User, "employee", _account, {"username": "tai_khoan_moi"}),
    (User, "scope_unit", _manager_account, {"username": "tai_khoan_moi"}),
    (Commendation, "employee", _commendation, {"decision_number": "KT-MOI/QĐ"}),
    (Commendation, "unit", _unit_commendation, {"decision_number": "KT-MOI/QĐ"}),
    (Initiative, "employee", _initiative, {"decision_number": "SK-MOI/QĐ"}),
]


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _refused_as_own_record(response) -> bool:
    """Whether the page says the service refused with `OwnRecord` (in whichever language it answered)."""
    sentences = set()
    for language in ("vi", "en"):
        with translation.override(language):
            sentences.add(str(OWN_RECORD))
    return any(sentence in message for message in _messages(response) for sentence in sentences)


@pytest.mark.django_db
def test_every_add_form_open_to_officers_has_an_out_of_scope_case(world):
    request = RequestFactory().get("/")
    request.user = world.org.a.officer
    addable = {m for m in registered_models() if admin.site._registry[m].has_add_permission(request)}
    assert addable == {case[0] for case in ADD_CASES}


@pytest.mark.parametrize(("model", "field", "payload", "created"), ADD_CASES, ids=lambda c: getattr(c, "__name__", c))
def test_add_naming_the_other_agency_writes_nothing(world, login, model, field, payload, created):
    client = login("officer_a")
    count = model._default_manager.count()
    response = client.post(_url(model, "add"), payload(world, "b"))
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert model._default_manager.count() == count
    body = response.content.decode()
    for name in (world.org.b.room.name, world.spare["b"].full_name, world.org.b.unit.name):
        assert name not in body  # the raw-id input does not name what it refused

    # The same form within the agency is written, by the service, as the officer.
    response = client.post(_url(model, "add"), payload(world, "a"))
    assert response.status_code == 302, _messages(response) or response.context["adminform"].form.errors
    record = model._default_manager.get(**created)
    if hasattr(record, "history"):
        assert record.history.latest("history_date").history_user == world.org.a.officer


def test_an_officer_cannot_edit_their_own_record(world, login):
    client = login("officer_a")
    me = world.org.a.officer.employee
    url = _url(Employee, "change", me.pk)
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if k in form.fields and v is not None} | EMPLOYEE_INLINES
    data |= {"date_of_birth": me.date_of_birth.isoformat(), "full_name": "Tên tự sửa"}
    versions = me.history.count()
    response = client.post(url, data)
    assert response.status_code == 302 and response.url == url
    assert _refused_as_own_record(response), _messages(response)
    me.refresh_from_db()
    assert me.full_name != "Tên tự sửa" and me.history.count() == versions


def test_an_officer_cannot_correct_their_own_discipline(world, login):
    record = discipline(world.org.a.officer.employee, decision_number="KL-TU/QĐ")
    client = login("officer_a")
    url = _url(DisciplineRecord, "change", record.pk)
    data = {"decision_number": "KL-TU/QĐ", "issuing_authority": record.issuing_authority, "reason": "Tự sửa"}
    data |= {"severity": record.severity, "duty_related": "on"}
    data |= {"pauses-TOTAL_FORMS": "0", "pauses-INITIAL_FORMS": "0"}
    response = client.post(url, data)
    assert response.status_code == 302 and response.url == url
    assert _refused_as_own_record(response), _messages(response)
    record.refresh_from_db()
    assert record.reason != "Tự sửa" and record.history.count() == 1


def test_an_officer_cannot_commend_themselves(world, login):
    client = login("officer_a")
    data = _commendation(world, "a") | {"employee": world.org.a.officer.employee_id}
    response = client.post(_url(Commendation, "add"), data)
    assert response.status_code == 302 and response.url == _url(Commendation, "add")
    assert _refused_as_own_record(response), _messages(response)
    assert not Commendation.objects.filter(decision_number="KT-MOI/QĐ").exists()


def test_corrections_within_the_agency_go_through_the_services(world, login):
    client = login("officer_a")
    record = world.samples["DisciplineRecord"]["a"]
    url = _url(DisciplineRecord, "change", record.pk)
    data = {"decision_number": record.decision_number, "issuing_authority": record.issuing_authority}
    data |= {"reason": "Lý do đã đính chính", "severity": record.severity, "duty_related": "on", "form": "CANH_CAO"}
    data |= {"pauses-TOTAL_FORMS": "0", "pauses-INITIAL_FORMS": "0"}
    assert client.post(url, data).status_code == 302
    record.refresh_from_db()
    assert record.reason == "Lý do đã đính chính"
    assert record.form == "KHIEN_TRACH"  # the form is read-only: a different form is a new decision
    assert record.history.latest("history_date").history_user == world.org.a.officer


def test_a_refusal_is_a_message_not_a_500(world, login):
    client = login("officer_a")
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    response = client.post(_url(Commendation, "add"), _commendation(world, "a") | {"decision_date": future})
    assert response.status_code == 302
    label = str(Commendation._meta.get_field("decision_date").verbose_name)
    assert any(m.lower().startswith(label.lower() + ":") for m in _messages(response)), _messages(response)
    assert not Commendation.objects.filter(decision_number="KT-MOI/QĐ").exists()


def test_an_officer_cannot_grant_roles_above_their_own(world, login):
    client = login("officer_a")
    staff = world.org.a.staff
    url = _url(User, "change", staff.pk)
    data = {"email": staff.email, "is_active": "on", "role": Role.PROVINCE_ADMIN}
    response = client.post(url, data)
    assert response.status_code == 302 and response.url == url
    staff.refresh_from_db()
    assert staff.role == Role.STAFF and not staff.is_staff


def test_superuser_flag_and_passwords_are_not_set_in_the_admin(world, login):
    client = login("admin")
    staff = world.org.a.staff
    url = _url(User, "change", staff.pk)
    data = {"email": staff.email, "is_active": "on", "role": Role.STAFF, "is_superuser": "on", "is_staff": "on"}
    assert client.post(url, data).status_code == 302
    staff.refresh_from_db()
    assert not staff.is_superuser and not staff.is_staff
    password = staff.password
    form = {"password1": "Matkhau@2026-moi", "password2": "Matkhau@2026-moi", "usable_password": "true"}
    assert client.post(reverse("admin:auth_user_password_change", args=[staff.pk]), form).status_code == 403
    staff.refresh_from_db()
    assert staff.password == password


def test_autocomplete_offers_only_units_in_scope(world, login):
    client = login("officer_a")
    query = {"app_label": "hr", "model_name": "employee", "field_name": "unit", "term": ""}
    response = client.get(reverse("admin:autocomplete"), query)
    assert response.status_code == 200
    ids = {int(row["id"]) for row in response.json()["results"]}
    assert world.org.a.room.pk in ids
    assert world.org.b.room.pk not in ids and world.org.province.pk not in ids
