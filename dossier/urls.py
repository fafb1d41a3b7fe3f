"""Dossier routes under /api/v1/dossier/: the person's dossier by id, its tables, proposals and reference data."""

from rest_framework.routers import DefaultRouter

from dossier.views.dossiers import DossierViewSet
from dossier.views.proposals import ProposalViewSet
from dossier.views.reference import AdministrativeUnitViewSet, FieldDefinitionViewSet
from dossier.views.tables import (
    AllowanceViewSet,
    FamilyMemberViewSet,
    JobPositionViewSet,
    PositionHoldingViewSet,
    QualificationViewSet,
)

router = DefaultRouter()
router.include_root_view = False
router.register("dossier/qualifications", QualificationViewSet, basename="dossier-qualification")
router.register("dossier/family-members", FamilyMemberViewSet, basename="dossier-family-member")
router.register("dossier/job-positions", JobPositionViewSet, basename="dossier-job-position")
router.register("dossier/position-holdings", PositionHoldingViewSet, basename="dossier-position-holding")
router.register("dossier/allowances", AllowanceViewSet, basename="dossier-allowance")
router.register("dossier/proposals", ProposalViewSet, basename="dossier-proposal")
router.register("dossier/fields", FieldDefinitionViewSet, basename="dossier-field")
router.register("dossier/administrative-units", AdministrativeUnitViewSet, basename="dossier-administrative-unit")
# Last: the person's dossier answers /dossier/{employee id}/; the tables above are matched first.
router.register("dossier", DossierViewSet, basename="dossier")

urlpatterns = router.urls
