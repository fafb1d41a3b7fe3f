"""The dossier's models, re-exported."""

from dossier.models.catalogue import RECORD, DataGroup, FieldDefinition, FieldType
from dossier.models.places import AdministrativeUnit
from dossier.models.proposals import ChangeProposal, ProposalStatus, ProposalTable, RowOperation
from dossier.models.records import GroupRecord
from dossier.models.tables import (
    CERTIFIED_BY_TRAINING,
    PERCENT_KINDS,
    SPOUSE_SIDE_RELATIONS,
    Allowance,
    AllowanceKind,
    FamilyMember,
    FamilySide,
    JobPosition,
    PositionGroup,
    PositionHolding,
    Qualification,
    QualificationKind,
    Relation,
    StudyMode,
)

__all__ = [
    "CERTIFIED_BY_TRAINING",
    "PERCENT_KINDS",
    "RECORD",
    "SPOUSE_SIDE_RELATIONS",
    "AdministrativeUnit",
    "Allowance",
    "AllowanceKind",
    "ChangeProposal",
    "DataGroup",
    "FamilyMember",
    "FamilySide",
    "FieldDefinition",
    "FieldType",
    "GroupRecord",
    "JobPosition",
    "PositionGroup",
    "PositionHolding",
    "ProposalStatus",
    "ProposalTable",
    "Qualification",
    "QualificationKind",
    "Relation",
    "RowOperation",
    "StudyMode",
]
