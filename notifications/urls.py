"""URL routes of the notifications app under /api/v1/."""

from django.urls import path

from notifications.views import NoticePreferencesApi

urlpatterns = [path("me/notice-preferences/", NoticePreferencesApi.as_view(), name="notice-preferences")]
