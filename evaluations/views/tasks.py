"""GET /me/tasks/: the evaluations awaiting the caller's action, each with the actions they may take on it."""

from rest_framework import serializers
from rest_framework.generics import ListAPIView

from evaluations.models import Evaluation
from evaluations.selectors.evaluations import EvaluationFilter
from evaluations.selectors.tasks import task_list
from evaluations.serializers.evaluations import EvaluationListSerializer
from evaluations.services.workflow import available_transitions


class TaskActionSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()


class TaskSerializer(EvaluationListSerializer):
    actions = serializers.SerializerMethodField()

    class Meta(EvaluationListSerializer.Meta):
        list_serializer_class = serializers.ListSerializer  # `actions` reads the request (`context`)
        fields = [*EvaluationListSerializer.Meta.fields, "actions"]
        read_only_fields = fields

    def get_actions(self, obj) -> list[dict]:
        user = self.context["request"].user
        return TaskActionSerializer(available_transitions(user, obj), many=True).data


class MyTaskListView(ListAPIView):
    """Evaluations on which the caller may take a workflow step now (self-assessment, review, decision...)."""

    serializer_class = TaskSerializer
    filterset_class = EvaluationFilter
    search_fields = ["employee__full_name"]
    ordering_fields = ["employee__full_name", "status", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Evaluation.objects.none()
        return task_list(user=self.request.user)
