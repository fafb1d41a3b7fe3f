"""Evaluations, cycles, rule sets and workflows in the admin: shown, scoped to the officer's agency, never written.

And the admin speaks Vietnamese: the site's header and title and every app's name.
"""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from evaluations.models import Evaluation, EvaluationCycle, RuleSet, Workflow

READ_ONLY = [Evaluation, EvaluationCycle, RuleSet, Workflow]


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.parametrize("role", ["admin", "officer_a"])
@pytest.mark.parametrize("model", READ_ONLY, ids=lambda m: m.__name__)
def test_pages_are_read_only(world, login, model, role):
    model_admin = admin.site._registry[model]
    request = _request(world.user(role))
    assert model_admin.has_view_permission(request)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    client = login(role)
    row = world.samples[model.__name__]["a"] if model.__name__ in world.samples else model.objects.first()
    page = client.get(_url(model, "change", row.pk))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()  # a view page: no save button
    assert client.get(_url(model, "add")).status_code == 403
    assert client.post(_url(model, "change", row.pk), {}).status_code == 403
    assert client.post(_url(model, "delete", row.pk), {"post": "yes"}).status_code == 403


@pytest.mark.parametrize("model", [Evaluation, EvaluationCycle], ids=lambda m: m.__name__)
def test_an_officer_sees_only_the_agencys_evaluations_and_cycles(world, login, model):
    own, foreign = world.samples[model.__name__]["a"], world.samples[model.__name__]["b"]
    client = login("officer_a")
    listed = client.get(_url(model, "changelist"))
    assert listed.status_code == 200
    body = listed.content.decode()
    assert _url(model, "change", own.pk) in body
    assert _url(model, "change", foreign.pk) not in body
    assert client.get(_url(model, "change", foreign.pk)).status_code == 302
    # The province administrator sees both agencies.
    everything = login("admin").get(_url(model, "changelist")).content.decode()
    assert _url(model, "change", own.pk) in everything and _url(model, "change", foreign.pk) in everything


def test_a_stuck_evaluation_can_be_inspected(world, login):
    evaluation = world.samples["Evaluation"]["a"]
    page = login("officer_a").get(_url(Evaluation, "change", evaluation.pk)).content.decode()
    assert evaluation.employee.full_name in page
    assert evaluation.status in page


def test_the_admin_is_branded_in_vietnamese(world, login):
    page = login("admin").get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Hệ thống đánh giá và đào tạo cán bộ, công chức" in page  # site header
    assert "<title>Quản trị hệ thống | Quản trị Sở Nội vụ</title>" in page  # index title | site title
    assert "Django" not in page.split("<body")[1].split("</header>")[0]
    for name in ("Hồ sơ nhân sự", "Đào tạo, bồi dưỡng", "Đánh giá, xếp loại", "Cải cách hành chính"):
        assert name in page, name


def test_app_names_are_translated(settings):
    from django.apps import apps
    from django.utils import translation

    names = {}
    with translation.override("vi"):
        for label in ("hr", "training", "evaluations", "reform", "exchange", "portal", "demo"):
            names[label] = str(apps.get_app_config(label).verbose_name)
    assert names == {
        "hr": "Hồ sơ nhân sự",
        "training": "Đào tạo, bồi dưỡng",
        "evaluations": "Đánh giá, xếp loại",
        "reform": "Cải cách hành chính",
        "exchange": "Nhập, xuất dữ liệu",
        "portal": "Cổng thông tin",
        "demo": "Dữ liệu mẫu",
    }
