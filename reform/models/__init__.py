"""Models of the reform app, one module per concept."""

from reform.models.appraisals import Appraisal, AppraisalScore, AppraisalStatus, Evidence
from reform.models.indexes import (
    PERCENT_METRICS,
    TARGET_LEVEL_OF_KIND,
    Band,
    ComputedMetric,
    IndexArea,
    IndexCriterion,
    IndexSet,
    ScoreSource,
    ScoringMethod,
    TargetLevel,
)

__all__ = [
    "PERCENT_METRICS",
    "TARGET_LEVEL_OF_KIND",
    "Appraisal",
    "AppraisalScore",
    "AppraisalStatus",
    "Band",
    "ComputedMetric",
    "Evidence",
    "IndexArea",
    "IndexCriterion",
    "IndexSet",
    "ScoreSource",
    "ScoringMethod",
    "TargetLevel",
]
