"""URL routes of the national database feed under /api/v1/sync/."""

from django.urls import path

from sync.views.feed import AcknowledgementApi, ChangeFeedApi, OverdueApi, PersonDossierApi

urlpatterns = [
    path("sync/people/<int:pk>/", PersonDossierApi.as_view(), name="sync-person"),
    path("sync/changes/", ChangeFeedApi.as_view(), name="sync-changes"),
    path("sync/acks/", AcknowledgementApi.as_view(), name="sync-acks"),
    path("sync/overdue/", OverdueApi.as_view(), name="sync-overdue"),
]
