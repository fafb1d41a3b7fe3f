"""The index entries a new person costs: every index of the tables a bulk load writes is a decision (issue 15)."""

import pytest
from django.db import connection

from hr.models import Assignment, Employee, PersonChange, SalaryRecord

# Per table, the indexed columns (primary keys and unique constraints included). Each index is one more B-tree
# insert for every person a load writes (three change-log rows a person): 22 entries, where there were 26 before
# hr migration 0025. An index added here must be read by a query (a list's filter or order, a lookup by person).
EXPECTED = {
    Employee: {("id",), ("national_id",), ("unit_id", "status"), ("full_name",), ("position_id",), ("rank_id",)},
    # A person's versions are read by person only (`id`), never across people by date or author.
    Employee.history.model: {("history_id",), ("id",)},
    Assignment: {("id",), ("employee_id",), ("unit_id",)},
    SalaryRecord: {("id",), ("employee_id",)},
    PersonChange: {("id",), ("sequence",), ("acknowledged_at", "changed_at")},
}


@pytest.mark.django_db
@pytest.mark.parametrize("model", list(EXPECTED), ids=lambda model: model._meta.db_table)
def test_a_new_persons_tables_hold_only_the_indexes_their_reads_use(model):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
    indexed = {
        tuple(found["columns"])
        for found in constraints.values()
        if (found["index"] or found["primary_key"] or found["unique"]) and not found["foreign_key"]
    }
    assert indexed == EXPECTED[model]


def test_the_person_history_fields_are_unindexed_in_the_model():
    history = Employee.history.model
    assert not history._meta.get_field("history_date").db_index
    assert not history._meta.get_field("history_user").db_index
    # Still a relation: a version names its author (`history_user.username` in the history endpoints).
    assert history._meta.get_field("history_user").related_model is not None
