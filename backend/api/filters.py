"""Query-string filters for ids and years: whole numbers in range, so odd input is a 400, not a database error."""

import django_filters
from django import forms

# Primary keys are 32-bit (AutoField) on every database we run; larger values cannot name a row.
MAX_ID = 2**31 - 1
# Years a personnel record can sensibly carry (recruitments of the 1950s to the plan's horizon and beyond).
FIRST_YEAR, LAST_YEAR = 1900, 2100


class IdFilter(django_filters.NumberFilter):
    """The id of a related row (`employee=12`): a positive whole number that fits the column."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class YearFilter(django_filters.NumberFilter):
    """A calendar year: a whole number in a sane range, so `year=0.0` or `year=1e308` is a 400."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)
