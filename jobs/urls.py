"""URL routes of the jobs app under /api/v1/."""

from rest_framework.routers import DefaultRouter

from jobs.views.jobs import JobViewSet

router = DefaultRouter()
router.register("jobs", JobViewSet, basename="job")

urlpatterns = router.urls
