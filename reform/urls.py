"""URL routes of the reform app under /api/v1/."""

from rest_framework.routers import DefaultRouter

from reform.views.appraisals import AppraisalViewSet
from reform.views.indexes import IndexSetViewSet

router = DefaultRouter()
router.register("reform-appraisals", AppraisalViewSet, basename="reform-appraisal")
router.register("reform-index-sets", IndexSetViewSet, basename="reform-index-set")

urlpatterns = router.urls
