"""Refresh tokens that must stop working: every outstanding token of an account, at once."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

# The project's user model, named through Django so `backend` stays below the apps that define it.
User = get_user_model()


@transaction.atomic
def user_tokens_revoke(*, user: User) -> int:
    """Blacklist every unexpired refresh token issued to `user` (password changed or reset, account
    deactivated); returns how many were still usable. Access tokens lapse within minutes on their own."""
    usable = OutstandingToken.objects.filter(user=user, expires_at__gt=timezone.now(), blacklistedtoken__isnull=True)
    tokens = [BlacklistedToken(token=token) for token in usable]
    BlacklistedToken.objects.bulk_create(tokens, ignore_conflicts=True)
    return len(tokens)
