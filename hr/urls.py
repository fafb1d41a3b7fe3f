"""URL routes of the personnel app under /api/v1/."""

from rest_framework.routers import DefaultRouter

from hr.views.accounts import AccountViewSet
from hr.views.commendations import CommendationViewSet, InitiativeViewSet
from hr.views.discipline import DisciplineRecordViewSet
from hr.views.employees import EmployeeViewSet
from hr.views.reference import BaseSalaryViewSet, PositionViewSet, RankViewSet, SalaryScaleViewSet
from hr.views.units import UnitViewSet

router = DefaultRouter()
router.register("units", UnitViewSet, basename="unit")
router.register("employees", EmployeeViewSet, basename="employee")
router.register("accounts", AccountViewSet, basename="account")
router.register("salary-scales", SalaryScaleViewSet, basename="salary-scale")
router.register("ranks", RankViewSet, basename="rank")
router.register("positions", PositionViewSet, basename="position")
router.register("base-salaries", BaseSalaryViewSet, basename="base-salary")
router.register("discipline-records", DisciplineRecordViewSet, basename="discipline-record")
router.register("commendations", CommendationViewSet, basename="commendation")
router.register("initiatives", InitiativeViewSet, basename="initiative")

urlpatterns = router.urls
