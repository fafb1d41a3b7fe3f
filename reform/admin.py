"""Django admin for the reform index data and appraisals (read-mostly; changes go through the API)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from reform.models import Appraisal, Band, IndexArea, IndexCriterion, IndexSet


@admin.register(IndexSet)
class IndexSetAdmin(admin.ModelAdmin):
    list_display = ["year", "target_level", "name", "max_points"]
    list_filter = ["year", "target_level"]


@admin.register(IndexArea)
class IndexAreaAdmin(admin.ModelAdmin):
    list_display = ["index_set", "code", "name", "max_points"]


@admin.register(IndexCriterion)
class IndexCriterionAdmin(admin.ModelAdmin):
    list_display = ["area", "code", "name", "max_points", "scoring_method", "source", "computed_metric"]
    list_filter = ["area__index_set", "scoring_method", "source"]


@admin.register(Band)
class BandAdmin(admin.ModelAdmin):
    list_display = ["index_set", "code", "min_pct", "head_rating_cap"]


@admin.register(Appraisal)
class AppraisalAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "index_set", "status", "total", "percentage", "band"]
    list_filter = ["index_set", "status"]
    readonly_fields = ["status", "self_total", "appraised_total", "survey_total", "total", "percentage", "band"]
