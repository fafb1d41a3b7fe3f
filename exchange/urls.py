"""URL routes of the import/export app under /api/v1/."""

from django.urls import path

from exchange.views.exports import (
    GROUP_EXPORTS,
    AllowanceExportApi,
    CommendationExportApi,
    DisciplineExportApi,
    EmployeeExportApi,
    FamilyMemberExportApi,
    PositionHoldingExportApi,
    QualificationExportApi,
    RatingDistributionExportApi,
    ReformRankingExportApi,
    TrainingComplianceExportApi,
)
from exchange.views.imports import ImportApi

urlpatterns = [
    path("imports/employees/", ImportApi.as_view(kind="employees"), name="import-employees"),
    path("imports/training-results/", ImportApi.as_view(kind="training-results"), name="import-training-results"),
    path("imports/discipline/", ImportApi.as_view(kind="discipline"), name="import-discipline"),
    path("imports/commendations/", ImportApi.as_view(kind="commendations"), name="import-commendations"),
    *[
        path(f"imports/{kind}/", ImportApi.as_view(kind=kind), name=f"import-{kind}")
        for kind in ("dossier-qualifications", "dossier-family", "dossier-positions", "dossier-allowances")
    ],
    *[
        path(
            f"imports/dossier-group-{slug}/",
            ImportApi.as_view(kind=f"dossier-group-{slug}"),
            name=f"import-dossier-group-{slug}",
        )
        for slug in GROUP_EXPORTS
    ],
    path("exports/employees/", EmployeeExportApi.as_view(), name="export-employees"),
    path("exports/rating-distribution/", RatingDistributionExportApi.as_view(), name="export-rating-distribution"),
    path("exports/training-compliance/", TrainingComplianceExportApi.as_view(), name="export-training-compliance"),
    path("exports/discipline-summary/", DisciplineExportApi.as_view(), name="export-discipline-summary"),
    path("exports/commendation-summary/", CommendationExportApi.as_view(), name="export-commendation-summary"),
    path("exports/reform-ranking/", ReformRankingExportApi.as_view(), name="export-reform-ranking"),
    path("exports/dossier-qualifications/", QualificationExportApi.as_view(), name="export-dossier-qualifications"),
    path("exports/dossier-family/", FamilyMemberExportApi.as_view(), name="export-dossier-family"),
    path("exports/dossier-positions/", PositionHoldingExportApi.as_view(), name="export-dossier-positions"),
    path("exports/dossier-allowances/", AllowanceExportApi.as_view(), name="export-dossier-allowances"),
    *[
        path(f"exports/dossier-group-{slug}/", view.as_view(), name=f"export-dossier-group-{slug}")
        for slug, view in GROUP_EXPORTS.items()
    ],
]

# The same exports as CSV, each its own operation with one media type (a generated client reads it as a file).
CSV_EXPORTS = [
    ("employees", EmployeeExportApi),
    ("rating-distribution", RatingDistributionExportApi),
    ("training-compliance", TrainingComplianceExportApi),
    ("discipline-summary", DisciplineExportApi),
    ("commendation-summary", CommendationExportApi),
    ("reform-ranking", ReformRankingExportApi),
    ("dossier-qualifications", QualificationExportApi),
    ("dossier-family", FamilyMemberExportApi),
    ("dossier-positions", PositionHoldingExportApi),
    ("dossier-allowances", AllowanceExportApi),
    *[(f"dossier-group-{slug}", view) for slug, view in GROUP_EXPORTS.items()],
]
urlpatterns += [
    path(f"exports/{name}/csv/", view.as_view(export_format="csv"), name=f"export-{name}-csv")
    for name, view in CSV_EXPORTS
]
