"""GET and PATCH /me/notice-preferences/: which e-mails the caller receives."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from notifications.services import notice_preference_set, notice_preferences


class NoticePreferenceSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField(read_only=True)
    mandatory = serializers.BooleanField(read_only=True)
    enabled = serializers.BooleanField()


class NoticePreferencesApi(APIView):
    """The caller's e-mail notices: every kind, whether it is required by the rules, and whether it is on."""

    @extend_schema(responses=NoticePreferenceSerializer(many=True))
    def get(self, request):
        return Response(NoticePreferenceSerializer(notice_preferences(request.user), many=True).data)

    @extend_schema(request=NoticePreferenceSerializer, responses=NoticePreferenceSerializer(many=True))
    def patch(self, request):
        """Turn one kind on or off; a mandatory kind cannot be turned off (400 `notice_mandatory`)."""
        body = NoticePreferenceSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        notice_preference_set(actor=request.user, **body.validated_data)
        return Response(NoticePreferenceSerializer(notice_preferences(request.user), many=True).data)
