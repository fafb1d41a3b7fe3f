"""The registry of group providers: keys of NĐ 27 only, models checked, parts merged, changes mapped to groups."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from dossier.sync_groups import dossier_groups_register
from hr.models import Employee, UnitRating
from sync import registry
from sync.groups import GROUP_KEYS
from sync.registry import RATING, groups_of_change, rating_sources, register_group
from sync.selectors.dossier import group_data


@pytest.fixture
def restored():
    """Whatever a test registers is forgotten afterwards."""
    saved = list(registry._providers)
    yield
    registry._providers[:] = saved


def test_hr_fills_four_groups_and_the_dossier_all_ten():
    def keys_of(module):
        return sorted({p.key for p in registry.providers() if p.serialize.__module__ == module})

    assert keys_of("sync.hr_groups") == ["career", "education", "identity", "work"]
    assert keys_of("dossier.sync_groups") == sorted(GROUP_KEYS)
    assert rating_sources() == {"hr.annualrating"}
    assert groups_of_change("hr.disciplinerecord", []) == ["work"]
    assert groups_of_change("dossier.familymember", []) == ["family"]
    assert groups_of_change("dossier.allowance", ["coefficient"]) == ["work"]


def test_a_group_record_change_touches_its_own_group_only():
    # The dossier logs the record's group key (upper case) with the value keys changed.
    assert groups_of_change("dossier.grouprecord", ["HEALTH", "height_cm"]) == ["health"]
    assert groups_of_change("dossier.grouprecord", ["RECRUITMENT"]) == ["career"]
    assert groups_of_change("dossier.grouprecord", ["POLITICAL", "party_joined_date"]) == ["organisations"]


def test_the_dossier_registering_again_changes_nothing(restored):
    before = list(registry.providers())
    dossier_groups_register()
    assert registry.providers() == before


def test_an_unknown_group_is_refused(restored):
    with pytest.raises(ImproperlyConfigured):
        register_group("hobbies", "Sở thích", lambda employee: {}, [Employee])


def test_models_must_be_models(restored):
    with pytest.raises(ImproperlyConfigured):
        register_group("family", "Gia đình", lambda employee: {}, ["hr.Employee"])
    with pytest.raises(ImproperlyConfigured):
        register_group("family", "Gia đình", lambda employee: {}, [Employee], deadline="SOON")


def test_registering_again_changes_nothing(restored):
    def family(employee):
        return {"relatives": []}

    register_group("family", "Gia đình", family, [UnitRating])
    register_group("family", "Gia đình", family, [UnitRating])
    assert len([p for p in registry.providers("family") if p.serialize is family]) == 1
    assert groups_of_change("hr.unitrating", []) == ["family"]


def test_a_later_app_adds_to_a_group_and_its_model_maps_there(restored, db):
    register_group("work", "Khen thưởng", lambda employee: {"commendations": []}, [UnitRating])
    assert groups_of_change("hr.unitrating", ["note"]) == ["work"]
    employee = Employee(pk=1)
    register_group("health", "Sức khỏe", lambda employee: {"vaccinations": []}, [(Employee, ["health_note"])])
    assert group_data(employee, "health")["vaccinations"] == []
    # A change of a field only the new provider reads touches its group alone.
    assert groups_of_change("hr.employee", ["health_note"]) == ["health"]


def test_a_field_no_provider_names_touches_every_group_of_the_model():
    assert groups_of_change("hr.employee", ["updated_at"]) == ["identity", "career", "education", "work"]
    assert groups_of_change("hr.unknown", []) == []


def test_two_providers_giving_the_same_name_is_an_error(restored):
    register_group("health", "A", lambda employee: {"note": 1}, [])
    register_group("health", "B", lambda employee: {"note": 2}, [])
    with pytest.raises(RuntimeError):
        group_data(Employee(pk=1), "health")


def test_a_model_read_by_a_ratings_provider_and_another_follows_the_shorter_deadline(restored):
    register_group("work", "Ratings copy", lambda employee: {}, [UnitRating], deadline=RATING)
    assert "hr.unitrating" in rating_sources()
    register_group("work", "UnitRatings", lambda employee: {}, [UnitRating])
    assert "hr.unitrating" not in rating_sources()
