"""Who reads the national database feed: the province administration and the connector's account
(`hr.access.can_read_sync_feed`)."""

from rest_framework.permissions import IsAuthenticated

from hr.access import SYNC_FEED_ONLY, can_read_sync_feed


class SyncFeedReader(IsAuthenticated):
    """Signed in, and allowed to read and acknowledge the feed; anyone else gets 403 `permission_denied`."""

    message = SYNC_FEED_ONLY

    def has_permission(self, request, view):
        return super().has_permission(request, view) and can_read_sync_feed(request.user)
