"""Django admin for the reform index data and appraisals: read-only and scoped (changes go through the API).

Index sets, areas, criteria and bands are rule data that published appraisals read, so they are
never edited or deleted here; appraisals are shown to whom `reform.access` shows them.
"""

from django.contrib import admin

from hr.admin import ScopedAdmin
from reform.access import appraisal_scope_q
from reform.models import Appraisal, Band, IndexArea, IndexCriterion, IndexSet


@admin.register(IndexSet)
class IndexSetAdmin(ScopedAdmin):
    list_display = ["year", "target_level", "name", "max_points"]
    list_filter = ["year", "target_level"]


@admin.register(IndexArea)
class IndexAreaAdmin(ScopedAdmin):
    list_display = ["index_set", "code", "name", "max_points"]


@admin.register(IndexCriterion)
class IndexCriterionAdmin(ScopedAdmin):
    list_display = ["area", "code", "name", "max_points", "scoring_method", "source", "computed_metric"]
    list_filter = ["area__index_set", "scoring_method", "source"]


@admin.register(Band)
class BandAdmin(ScopedAdmin):
    list_display = ["index_set", "code", "min_pct", "head_rating_cap"]


@admin.register(Appraisal)
class AppraisalAdmin(ScopedAdmin):
    list_display = ["unit", "index_set", "status", "total", "percentage", "band"]
    list_filter = ["index_set", "status"]
    list_select_related = ["unit", "index_set", "band"]

    def scope_q(self, user):
        return appraisal_scope_q(user)
