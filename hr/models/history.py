"""simple-history's records for a table that grows with the people: only the index its reads use."""

from simple_history.models import HistoricalRecords


class PersonHistoricalRecords(HistoricalRecords):
    """`HistoricalRecords` whose history table has no index on the version's date and author.

    A person's versions are read one person at a time, by the record's `id` (its own index), and sorted
    there; no query reads versions across people by date or by author, and accounts are deactivated, never
    deleted (the only reader of the author's index would be SET_NULL's update). A bulk load writes one
    version per new person: each index is one more B-tree insert per row (issue 15).
    """

    def get_extra_fields(self, model, fields):
        extra = super().get_extra_fields(model, fields)
        # The fields are not yet on a model: the attribute is read when the model class is built.
        extra["history_date"].db_index = False
        extra["history_user"].db_index = False
        return extra
