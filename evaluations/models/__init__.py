"""Models of the evaluations app, one module per concept."""

from evaluations.models.cycles import PERIODS_PER_YEAR, EvaluationCycle, PeriodKind, QuotaGroup
from evaluations.models.evaluations import NOT_RATED, SUPERSEDED, CriterionScore, Evaluation, ScoreSource, TaskLine
from evaluations.models.policies import PolicyKind, ProvincePolicy
from evaluations.models.rules import (
    ActorKind,
    Criterion,
    CriterionGroup,
    HeadRuleScope,
    LeaderUnitRule,
    MissingUnitRatingPolicy,
    QuotaBasis,
    RatingThreshold,
    RuleSet,
    ScoringMethod,
    Transition,
    TransitionEffect,
    Workflow,
    WorkflowState,
)
from evaluations.models.transitional import TransitionalRules, UnitRulesChoice
from evaluations.models.unit_rules import UnitRatingRule

__all__ = [
    "NOT_RATED",
    "PERIODS_PER_YEAR",
    "SUPERSEDED",
    "ActorKind",
    "Criterion",
    "CriterionGroup",
    "CriterionScore",
    "Evaluation",
    "EvaluationCycle",
    "HeadRuleScope",
    "LeaderUnitRule",
    "MissingUnitRatingPolicy",
    "PeriodKind",
    "PolicyKind",
    "ProvincePolicy",
    "QuotaBasis",
    "QuotaGroup",
    "RatingThreshold",
    "RuleSet",
    "ScoreSource",
    "ScoringMethod",
    "TaskLine",
    "Transition",
    "TransitionEffect",
    "TransitionalRules",
    "UnitRatingRule",
    "UnitRulesChoice",
    "Workflow",
    "WorkflowState",
]
