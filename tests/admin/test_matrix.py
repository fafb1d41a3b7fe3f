"""Every registered admin model × every role × every page: what is shown, what is written, what is refused.

The models come from `admin.site._registry`, so a newly registered model is covered by itself;
it then needs either a sample in each agency (tests/admin/conftest.py) or a place in SHARED.
"""

import pytest
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, TextField
from django.test import RequestFactory
from django.urls import reverse

from hr.admin import ProvinceReadOnly, ScopedAdmin
from tests.admin.conftest import ROLES, WRITERS, registered_models

# Province-wide reference and rule data: every writer reads the same rows; only province administrators add rule
# rows or correct one nothing was decided under (hr.services.rules), nobody else writes them here.
SHARED = {
    "hr.SalaryScale",
    "hr.SalaryStep",
    "hr.Rank",
    "hr.Position",
    "hr.BaseSalary",
    "hr.DisciplineFormRule",
    "hr.AwardRule",
    "hr.UnitLevelRule",
    "training.ContentArea",
    "training.TopicTag",
    "training.PeriodMinimum",
    "training.CreditRule",
    "training.Programme",
    "reform.IndexSet",
    "reform.IndexArea",
    "reform.IndexCriterion",
    "reform.Band",
    "evaluations.Workflow",
    "evaluations.RuleSet",
    "evaluations.ProvincePolicy",
    "evaluations.UnitRatingRule",
}
MODELS = registered_models()


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _tracked(model) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


def _snapshot(model) -> list:
    """Every stored row and history row of the model: a POST that writes anything changes it."""
    rows = list(model._default_manager.order_by("pk").values_list(*[f.attname for f in model._meta.concrete_fields]))
    history = model.history.count() if _tracked(model) else None
    return [rows, history]


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def _free_text(model, name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return isinstance(field, CharField | TextField) and not field.choices and not field.unique


def _form_data(model, user, obj) -> dict:
    """The change form of `obj` as the browser would post it back, with its free-text fields altered."""
    model_admin = admin.site._registry[model]
    request = _request(user)
    form = model_admin.get_form(request, obj, change=True)(instance=obj)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif isinstance(value, str) and _free_text(model, name):
            data[name] = value + " (sửa)"
        else:
            data[name] = str(value)
    for formset, _inline in model_admin.get_formsets_with_inlines(request, obj):
        prefix = formset.get_default_prefix()
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


def _samples(world, model, role):
    """(own, foreign): a record `role` manages and one of the other agency (None where there is none)."""
    if model._meta.label in SHARED:
        return model._default_manager.order_by("pk").first(), None
    per_agency = world.samples.get(model.__name__)
    assert per_agency, f"{model._meta.label}: add a sample per agency to tests/admin/conftest.py or list it in SHARED"
    agency = world.agency(role) or "a"
    other = {"a": "b", "b": "a"}[agency]
    return per_agency[agency], (None if role == "admin" else per_agency[other])


def _province_only(model) -> bool:
    return isinstance(admin.site._registry[model], ProvinceReadOnly)


@pytest.mark.django_db
def test_every_registered_model_has_a_sample_or_is_shared(world):
    for model in MODELS:
        model_admin = admin.site._registry[model]
        assert isinstance(model_admin, ScopedAdmin | ProvinceReadOnly), f"{model._meta.label}: not guarded"
        if not _province_only(model):
            assert model._meta.label in SHARED or model.__name__ in world.samples, model._meta.label


@pytest.mark.parametrize("role", sorted(WRITERS))
@pytest.mark.parametrize("model", [m for m in MODELS if _province_only(m)], ids=lambda m: m._meta.label)
def test_other_apps_pages_are_read_only_for_province_admins(world, login, model, role):
    client = login(role)
    row = model._default_manager.order_by("pk").first()
    assert row is not None, f"{model._meta.label}: add a row in tests/admin/conftest.py"
    before = _snapshot(model)
    allowed = 200 if role == "admin" else 403
    assert client.get(_url(model, "changelist")).status_code == allowed
    assert client.get(_url(model, "change", row.pk)).status_code == allowed
    assert client.get(_url(model, "add")).status_code == 403
    assert client.post(_url(model, "change", row.pk), {}).status_code == 403
    assert client.post(_url(model, "delete", row.pk), {"post": "yes"}).status_code == 403
    client.post(_url(model, "changelist"), {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"})
    assert _snapshot(model) == before


AGENCY_MODELS = [m for m in MODELS if not _province_only(m)]


def _version(model, obj) -> int:
    return obj.history.latest("history_date").history_id if _tracked(model) else 1


@pytest.mark.parametrize("role", ["admin", "officer_a"])
@pytest.mark.parametrize("model", AGENCY_MODELS, ids=lambda m: m._meta.label)
def test_writer_pages(world, login, model, role):
    """A record the writer may see: listed, shown with its history; not reverted, not deleted."""
    client = login(role)
    user = world.user(role)
    own, _foreign = _samples(world, model, role)
    assert own is not None, f"{model._meta.label}: no row to show"
    model_admin = admin.site._registry[model]

    assert _url(model, "change", own.pk) in client.get(_url(model, "changelist")).content.decode()
    assert client.get(_url(model, "change", own.pk)).status_code == 200
    assert client.get(_url(model, "history", own.pk)).status_code == 200
    version = _version(model, own)
    assert client.get(_url(model, "simple_history", own.pk, version)).status_code == (200 if _tracked(model) else 404)
    # Add: open where a service writes the model, closed otherwise.
    add_status = client.get(_url(model, "add")).status_code
    assert add_status == (200 if model_admin.has_add_permission(_request(user)) else 403)

    before = _snapshot(model)
    # Revert: closed for everyone, administrators included.
    revert = client.post(_url(model, "simple_history", own.pk, version), _form_data(model, user, own))
    assert revert.status_code == (403 if _tracked(model) else 404)
    # Deletes: refused page by page and as a bulk action.
    assert client.get(_url(model, "delete", own.pk)).status_code == 403
    assert client.post(_url(model, "delete", own.pk), {"post": "yes"}).status_code == 403
    client.post(_url(model, "changelist"), {"action": "delete_selected", "_selected_action": [own.pk], "post": "yes"})
    assert "delete_selected" not in model_admin.get_actions(_request(user))
    assert _snapshot(model) == before


@pytest.mark.parametrize("role", ["officer_a", "officer_b"])
@pytest.mark.parametrize(
    "model", [m for m in AGENCY_MODELS if m._meta.label not in SHARED], ids=lambda m: m._meta.label
)
def test_other_agency_is_missing(world, login, model, role):
    """The other agency's record: absent from the list, missing on every page, unchanged by any POST."""
    client = login(role)
    user = world.user(role)
    _own, foreign = _samples(world, model, role)
    model_admin = admin.site._registry[model]

    body = client.get(_url(model, "changelist")).content.decode()
    assert _url(model, "change", foreign.pk) not in body
    other = world.org.b if world.agency(role) == "a" else world.org.a
    for name in (other.staff.employee.full_name, other.room.name, other.staff.username):
        assert name not in body

    before = _snapshot(model)
    data = _form_data(model, world.user("admin"), foreign)
    version = _version(model, foreign)
    assert client.get(_url(model, "change", foreign.pk)).status_code == 302
    writable = model_admin.has_change_permission(_request(user))
    assert client.post(_url(model, "change", foreign.pk), data).status_code == (302 if writable else 403)
    assert client.get(_url(model, "history", foreign.pk)).status_code == 404
    assert client.get(_url(model, "simple_history", foreign.pk, version)).status_code == 404
    assert client.post(_url(model, "simple_history", foreign.pk, version), data).status_code == 404
    assert client.post(_url(model, "delete", foreign.pk), {"post": "yes"}).status_code in (302, 403)
    assert _snapshot(model) == before


@pytest.mark.parametrize("role", ["manager_a", "staff_a"])
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_readers_get_no_admin(world, login, model, role):
    client = login(role)
    if _province_only(model):
        own = model._default_manager.order_by("pk").first()
    else:
        own = _samples(world, model, "officer_a")[0]
    version = own.history.latest("history_date").history_id if _tracked(model) else 1
    # The manager's staff flag is set (a misconfiguration): the role refuses; staff are sent to log in.
    refused = {403} if role == "manager_a" else {302}
    before = _snapshot(model)
    pages = [
        client.get(_url(model, "changelist")),
        client.get(_url(model, "add")),
        client.post(_url(model, "add"), {}),
        client.get(_url(model, "change", own.pk)),
        client.post(_url(model, "change", own.pk), _form_data(model, world.user("admin"), own)),
        client.get(_url(model, "history", own.pk)),
        client.post(_url(model, "delete", own.pk), {"post": "yes"}),
    ]
    if not _province_only(model):
        pages += [
            client.get(_url(model, "simple_history", own.pk, version)),
            client.post(_url(model, "simple_history", own.pk, version), {}),
        ]
    for response in pages:
        assert response.status_code in refused, (response.request["PATH_INFO"], response.status_code)
        if response.status_code == 302:
            assert response.url.startswith(reverse("admin:login"))
    assert _snapshot(model) == before


@pytest.mark.parametrize("role", ROLES)
def test_admin_index_lists_apps_to_writers_only(world, login, role):
    response = login(role).get(reverse("admin:index"))
    if role in WRITERS:
        assert response.status_code == 200 and response.context["app_list"]
    elif role == "manager_a":
        assert response.status_code == 200 and not response.context["app_list"]
    else:
        assert response.status_code == 302
