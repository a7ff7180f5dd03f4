"""API tokens expire: one older than ``API_TOKEN_MAX_AGE_DAYS`` (a setting; 90 days unless set)
is refused, and ``manage.py api_token USERNAME`` gives its owner a new one in its place."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed

DEFAULT_MAX_AGE_DAYS = 90


def max_age() -> timedelta:
    return timedelta(days=getattr(settings, "API_TOKEN_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS))


class ExpiringTokenAuthentication(TokenAuthentication):
    """DRF's token authentication, refusing tokens past their age."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Token]:
        user, token = super().authenticate_credentials(key)
        if token.created < timezone.now() - max_age():
            raise AuthenticationFailed(
                "This token has expired: ask for a new one (manage.py api_token)."
            )
        return user, token


@transaction.atomic
def token_rotate(user: Any) -> Token:
    """A new token for ``user``; the one it had, if any, stops working at once."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)
