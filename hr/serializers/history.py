"""Serializer for history entries: simple-history versions (who changed what, when) and merged events."""

from rest_framework import serializers


def _field(obj, name: str):
    # Versions are model instances; events merged from other records (completed training) are dicts.
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name)


class HistoryEntrySerializer(serializers.Serializer):
    """One version of a record with the fields that changed, or an event from another record.

    Events (history_type "training") have no history_id; their `changes` list what the
    event brought and `training` carries the details. Versions have `training` null.
    """

    history_id = serializers.IntegerField(allow_null=True)
    history_date = serializers.DateTimeField()
    history_type = serializers.SerializerMethodField()
    history_user = serializers.CharField(source="history_user.username", allow_null=True, default=None)
    changes = serializers.SerializerMethodField()
    training = serializers.SerializerMethodField()

    TYPES = {"+": "created", "~": "changed", "-": "deleted"}

    def get_history_type(self, obj) -> str:
        kind = _field(obj, "history_type")
        return self.TYPES.get(kind, kind)

    def get_changes(self, obj) -> list[dict]:
        if isinstance(obj, dict):
            return obj["changes"]
        previous = self.context.get("previous", {}).get(obj.history_id)
        if previous is None:
            return []
        delta = obj.diff_against(previous)
        changes = [{"field": c.field, "old": _plain(c.old), "new": _plain(c.new)} for c in delta.changes]
        changes.extend(_non_editable_changes(previous, obj))
        return sorted(changes, key=lambda change: change["field"])

    def get_training(self, obj) -> dict | None:
        return obj.get("training") if isinstance(obj, dict) else None


def _non_editable_changes(old, new) -> list[dict]:
    """Fields no form edits but a service sets (an annulment's date, decision and reason), which
    simple-history's diff leaves out; timestamps kept automatically are not changes anyone made."""
    changes = []
    for field in new.tracked_fields:
        if field.editable or getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            continue
        before, after = field.value_from_object(old), field.value_from_object(new)
        if before != after:
            changes.append({"field": field.name, "old": _plain(before), "new": _plain(after)})
    return changes


def _plain(value):
    return value if value is None or isinstance(value, bool | int | float | str) else str(value)
