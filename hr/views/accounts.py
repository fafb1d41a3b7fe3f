"""Account management for administrators and personnel officers."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from backend.api.pagination import BoundedListCountMixin
from hr.models import User
from hr.permissions import IsPersonnelWriter
from hr.selectors.accounts import account_list_rows, account_visible
from hr.serializers.accounts import AccountCreateSerializer, AccountOutputSerializer, AccountUpdateSerializer
from hr.services.accounts import account_create, account_update
from hr.views.history import HistoryMixin


class AccountViewSet(
    BoundedListCountMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Logins of employees. Accounts are deactivated, never deleted."""

    serializer_class = AccountOutputSerializer
    permission_classes = [IsPersonnelWriter]
    filterset_fields = ["role", "is_active"]
    search_fields = ["username", "employee__full_name"]
    ordering_fields = ["username", "date_joined"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return User.objects.none()
        if self.action == "list":
            return account_list_rows(user=self.request.user)
        return account_visible(user=self.request.user)

    @extend_schema(request=AccountCreateSerializer, responses={201: AccountOutputSerializer})
    def create(self, request):
        serializer = AccountCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user = account_create(actor=request.user, **data)
        return Response(AccountOutputSerializer(user).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AccountUpdateSerializer, responses=AccountOutputSerializer)
    def partial_update(self, request, pk=None):
        user = self.get_object()
        serializer = AccountUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        user = account_update(user=user, actor=request.user, **serializer.validated_data)
        return Response(AccountOutputSerializer(user).data)
