"""URL routes of the training app under /api/v1/."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from training.views.catalogue import ContentAreaViewSet, ProgrammeViewSet, TopicTagViewSet
from training.views.classes import TrainingClassViewSet
from training.views.enrolments import CertificateViewSet, EnrolmentViewSet
from training.views.records import (
    CertificateVerifyView,
    ComplianceListView,
    ComplianceSummaryView,
    MyTrainingView,
    PersonTrainingView,
)
from training.views.teaching import TeachingViewSet

router = DefaultRouter()
router.register("training/content-areas", ContentAreaViewSet, basename="training-content-area")
router.register("training/tags", TopicTagViewSet, basename="training-tag")
router.register("training/programmes", ProgrammeViewSet, basename="training-programme")
router.register("training/classes", TrainingClassViewSet, basename="training-class")
router.register("training/enrolments", EnrolmentViewSet, basename="training-enrolment")
router.register("training/certificates", CertificateViewSet, basename="training-certificate")
router.register("training/teaching", TeachingViewSet, basename="training-teaching")

urlpatterns = [
    path("training/compliance/", ComplianceListView.as_view(), name="training-compliance"),
    path("training/compliance/summary/", ComplianceSummaryView.as_view(), name="training-compliance-summary"),
    path("training/records/<int:employee_id>/", PersonTrainingView.as_view(), name="training-record"),
    path("training/verify/<str:code>/", CertificateVerifyView.as_view(), name="training-certificate-verify"),
    path("me/training/", MyTrainingView.as_view(), name="my-training"),
    *router.urls,
]
