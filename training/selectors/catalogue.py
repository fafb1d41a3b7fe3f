"""Reads of the catalogue: programmes filtered by content area, tag and reform content."""

import django_filters
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from training.models import ContentArea, Programme, ProgrammeType, TopicTag


@extend_schema_field(OpenApiTypes.STR)
class CodeChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    """Reference rows chosen by code (repeat the parameter for several); an unknown code is a 400."""


class ProgrammeFilter(django_filters.FilterSet):
    content_area = CodeChoiceFilter(
        field_name="content_area__code", to_field_name="code", queryset=ContentArea.objects.all()
    )
    tag = CodeChoiceFilter(
        field_name="tags__code", to_field_name="code", queryset=TopicTag.objects.all(), label=_("Topic tag (code)")
    )
    reform = django_filters.BooleanFilter(method="filter_reform", label=_("Has administrative-reform content"))
    programme_type = django_filters.MultipleChoiceFilter(choices=ProgrammeType.choices)
    is_active = django_filters.BooleanFilter()

    class Meta:
        model = Programme
        fields = ["content_area", "tag", "reform", "programme_type", "is_active"]

    def filter_reform(self, queryset, name, value):
        # Exists rather than a join: a programme with two reform tags is listed once.
        reform = Programme.tags.through.objects.filter(programme=OuterRef("pk"), topictag__is_reform=True)
        return queryset.filter(Exists(reform)) if value else queryset.exclude(Exists(reform))


def programme_list(*, filters=None) -> QuerySet[Programme]:
    qs = Programme.objects.select_related("content_area").prefetch_related("tags")
    return ProgrammeFilter(filters or {}, queryset=qs).qs.distinct()


def content_area_list() -> QuerySet[ContentArea]:
    return ContentArea.objects.all()


def tag_list() -> QuerySet[TopicTag]:
    return TopicTag.objects.all()
