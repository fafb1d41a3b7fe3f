"""Serializer for simple-history versions: who changed what, when."""

from rest_framework import serializers


class HistoryEntrySerializer(serializers.Serializer):
    """One version of a record with the fields that changed from the previous version."""

    history_id = serializers.IntegerField()
    history_date = serializers.DateTimeField()
    history_type = serializers.SerializerMethodField()
    history_user = serializers.CharField(source="history_user.username", allow_null=True, default=None)
    changes = serializers.SerializerMethodField()

    TYPES = {"+": "created", "~": "changed", "-": "deleted"}

    def get_history_type(self, obj) -> str:
        return self.TYPES.get(obj.history_type, obj.history_type)

    def get_changes(self, obj) -> list[dict]:
        previous = self.context.get("previous", {}).get(obj.history_id)
        if previous is None:
            return []
        delta = obj.diff_against(previous)
        return [{"field": c.field, "old": _plain(c.old), "new": _plain(c.new)} for c in delta.changes]


def _plain(value):
    return value if value is None or isinstance(value, bool | int | float | str) else str(value)
