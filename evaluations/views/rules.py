"""Unit ratings (recorded by the province administration), the rule sets, and units' choices of the older rules."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from evaluations.models import RuleSet, UnitRulesChoice
from evaluations.selectors.cycles import UnitRatingFilter, rule_set_list, unit_rating_list
from evaluations.selectors.transitional import UnitRulesChoiceFilter, unit_rules_choice_list
from evaluations.serializers.cycles import RuleSetSerializer, UnitRatingInputSerializer, UnitRatingSerializer
from evaluations.serializers.transitional import UnitRulesChoiceInputSerializer, UnitRulesChoiceSerializer
from evaluations.services.transitional import unit_rules_choice_record
from evaluations.services.unit_ratings import unit_rating_record
from hr.models import UnitRating
from hr.views.history import HistoryMixin


class UnitRatingViewSet(HistoryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A unit's own yearly rating: its head may not be rated above it. POST records or corrects it."""

    serializer_class = UnitRatingSerializer
    filterset_class = UnitRatingFilter
    ordering_fields = ["year", "unit__path", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return UnitRating.objects.none()
        return unit_rating_list(user=self.request.user)

    @extend_schema(request=UnitRatingInputSerializer, responses={201: UnitRatingSerializer})
    def create(self, request):
        if not request.user.is_province_admin:
            raise PermissionDenied()
        serializer = UnitRatingInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = unit_rating_record(actor=request.user, **serializer.validated_data)
        return Response(UnitRatingSerializer(record).data, status=status.HTTP_201_CREATED)


class RuleSetViewSet(viewsets.ReadOnlyModelViewSet):
    """The evaluation rules in force by date: criteria, thresholds, quota and the workflow."""

    serializer_class = RuleSetSerializer
    filterset_fields = ["code"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return RuleSet.objects.none()
        return rule_set_list()


class UnitRulesChoiceViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Public service units that rate a year under the older rules (NĐ 233/2026 Điều 20.1). POST records one."""

    serializer_class = UnitRulesChoiceSerializer
    filterset_class = UnitRulesChoiceFilter
    ordering_fields = ["year", "unit__path", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return UnitRulesChoice.objects.none()
        return unit_rules_choice_list(user=self.request.user)

    @extend_schema(request=UnitRulesChoiceInputSerializer, responses={201: UnitRulesChoiceSerializer})
    def create(self, request):
        serializer = UnitRulesChoiceInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        choice = unit_rules_choice_record(actor=request.user, **serializer.validated_data)
        return Response(UnitRulesChoiceSerializer(choice).data, status=status.HTTP_201_CREATED)
