"""The admin is the Curators' tool. Django opens it to staff only; here it also opens to anyone
who may edit claims (the Curator group, ``accounts.roles``), so that being a Curator is a matter
of group membership, not of the staff flag. Within the admin each page still needs its model
permission, as always."""

from __future__ import annotations

from typing import Any

from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest

# The permission that marks a curator: whoever may edit claims curates.
CURATOR_MARK = "claims.change_claim"


def may_use_admin(user: Any) -> bool:
    return bool(user.is_active and (user.is_staff or user.has_perm(CURATOR_MARK)))


class CuratorsLoginForm(AdminAuthenticationForm):
    def confirm_login_allowed(self, user: Any) -> None:
        if not may_use_admin(user):
            raise ValidationError(
                "This account may not use the admin: sign in on the site instead.",
                code="invalid_login",
            )


class CuratorsAdminSite(AdminSite):
    login_form = CuratorsLoginForm

    def has_permission(self, request: HttpRequest) -> bool:
        return may_use_admin(request.user)
