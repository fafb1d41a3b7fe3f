"""Reads of classes: the schedule everyone signed in may browse, with free places."""

import django_filters
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from hr.selectors.units import UnitSubtreeFilter
from training.models import ClassSession, ClassStatus, Delivery, EnrolmentStatus, Programme, TrainingClass


class ClassFilter(django_filters.FilterSet):
    programme = django_filters.ModelChoiceFilter(queryset=Programme.objects.all())
    organiser = UnitSubtreeFilter(path_field="organiser__path", label=_("Organising unit (whole subtree)"))
    status = django_filters.MultipleChoiceFilter(choices=ClassStatus.choices)
    delivery = django_filters.MultipleChoiceFilter(choices=Delivery.choices)
    starts_after = django_filters.DateFilter(field_name="start_date", lookup_expr="gte")
    starts_before = django_filters.DateFilter(field_name="start_date", lookup_expr="lte")

    class Meta:
        model = TrainingClass
        fields = ["programme", "organiser", "status", "delivery", "starts_after", "starts_before"]


def class_list(*, filters=None) -> QuerySet[TrainingClass]:
    # Explicit order: Meta.ordering is not applied to a query with an aggregate.
    qs = (
        TrainingClass.objects.select_related("programme", "programme__content_area", "organiser")
        .annotate(enrolled=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.ENROLLED)))
        .order_by("-start_date", "-id")
    )
    return ClassFilter(filters or {}, queryset=qs).qs


def class_sessions(*, training_class: TrainingClass) -> QuerySet[ClassSession]:
    return training_class.sessions.annotate(present=Count("attendances", filter=Q(attendances__present=True))).order_by(
        "date"
    )
