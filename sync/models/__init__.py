"""Models of the national database feed: the deadline rules and the acknowledgements received."""

from sync.models.acknowledgements import Acknowledgement
from sync.models.deadlines import DeadlineKind, SyncDeadlineRule

__all__ = ["Acknowledgement", "DeadlineKind", "SyncDeadlineRule"]
