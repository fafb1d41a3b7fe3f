"""URL routes of the evaluations app under /api/v1/."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from evaluations.views.cycles import EvaluationCycleViewSet
from evaluations.views.evaluations import EvaluationViewSet, MyEvaluationViewSet
from evaluations.views.rules import RuleSetViewSet, UnitRatingViewSet, UnitRulesChoiceViewSet
from evaluations.views.tasks import MyTaskListView

router = DefaultRouter()
router.register("evaluation-cycles", EvaluationCycleViewSet, basename="evaluation-cycle")
router.register("evaluations", EvaluationViewSet, basename="evaluation")
router.register("me/evaluations", MyEvaluationViewSet, basename="my-evaluation")
router.register("unit-ratings", UnitRatingViewSet, basename="unit-rating")
router.register("evaluation-rule-sets", RuleSetViewSet, basename="evaluation-rule-set")
router.register("unit-rules-choices", UnitRulesChoiceViewSet, basename="unit-rules-choice")

urlpatterns = [path("me/tasks/", MyTaskListView.as_view(), name="my-tasks"), *router.urls]
