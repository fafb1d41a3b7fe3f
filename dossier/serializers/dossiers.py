"""The dossier as a whole, one group's values, proposals, the catalogue and administrative units."""

from rest_framework import serializers

from dossier.models import AdministrativeUnit, ChangeProposal, DataGroup, FieldDefinition, ProposalTable, RowOperation
from hr.serializers.history import HistoryEntrySerializer


class DossierOutputSerializer(serializers.Serializer):
    """`groups`: NĐ 27's ten groups in order; a sensitive group the caller may not read is null."""

    employee = serializers.IntegerField()
    full_name = serializers.CharField()
    hidden_groups = serializers.ListField(child=serializers.CharField())
    groups = serializers.DictField(child=serializers.DictField(allow_null=True), allow_empty=False)


class GroupValuesOutputSerializer(serializers.Serializer):
    employee = serializers.IntegerField()
    group = serializers.ChoiceField(choices=DataGroup.choices)
    values = serializers.DictField()


class GroupValuesInputSerializer(serializers.Serializer):
    """The group's record fields, by catalogue key; the service checks each against the catalogue."""

    values = serializers.DictField()


class ProposalOutputSerializer(serializers.ModelSerializer):
    """A field proposal has `table` blank; a row proposal names the table, operation and row. `summary`: one line."""

    employee_name = serializers.CharField(source="employee.full_name", read_only=True)
    proposed_by_name = serializers.CharField(source="proposed_by.get_username", read_only=True)
    decided_by_name = serializers.CharField(
        source="decided_by.get_username", read_only=True, default=None, allow_null=True
    )

    class Meta:
        model = ChangeProposal
        fields = [
            "id",
            "employee",
            "employee_name",
            "group",
            "table",
            "operation",
            "row_id",
            "summary",
            "values",
            "note",
            "status",
            "proposed_by",
            "proposed_by_name",
            "proposed_at",
            "decided_by",
            "decided_by_name",
            "decided_at",
            "reason",
        ]


class ProposalInputSerializer(serializers.Serializer):
    group = serializers.ChoiceField(choices=DataGroup.choices)
    values = serializers.DictField()
    note = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)


class RowProposalInputSerializer(serializers.Serializer):
    """A row to add, or the person's row `row` with its new values; the service checks them as the officer's would."""

    table = serializers.ChoiceField(choices=ProposalTable.choices)
    operation = serializers.ChoiceField(choices=RowOperation.choices)
    row = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1)
    values = serializers.DictField()
    note = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)


class DecisionInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)


class FieldDefinitionOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = FieldDefinition
        fields = [
            "id",
            "instrument",
            "group",
            "key",
            "label_vi",
            "value_type",
            "required",
            "source",
            "options",
            "max_length",
            "self_service",
            "form_item",
            "order",
            "valid_from",
            "valid_to",
        ]


class AdministrativeUnitOutputSerializer(serializers.ModelSerializer):
    current = serializers.SerializerMethodField()

    class Meta:
        model = AdministrativeUnit
        fields = ["id", "code", "name", "level", "parent", "valid_from", "valid_to", "merged_into", "current"]

    def get_current(self, unit) -> int:
        """The id of the unit this one is today (itself if never merged)."""
        return unit.successor().pk


class GroupHistoryEntrySerializer(HistoryEntrySerializer):
    """A version of a group record: the history user approved it; `proposed_by` proposed it, if a proposal did."""

    proposal = serializers.IntegerField(source="proposal_id", allow_null=True)
    proposed_by = serializers.SerializerMethodField()
    change_reason = serializers.CharField(source="history_change_reason", allow_null=True)

    def get_proposed_by(self, version) -> str | None:
        return self.context.get("proposers", {}).get(version.proposal_id)
