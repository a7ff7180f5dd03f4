"""Signing in and out on the site (the admin keeps its own sign-in page, for Curators), and
what a sign-in locked out by too many failures answers (django-axes, settings.AXES_*)."""

from __future__ import annotations

import math
from typing import Any

from axes.helpers import get_cool_off, get_failure_limit
from django.contrib.auth import views as auth
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class SignInView(auth.LoginView):
    template_name = "accounts/login.html"
    next_page = "claims:home"  # when no ``next`` says where


class SignOutView(auth.LogoutView):
    next_page = "claims:home"


def locked_out(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """Axes' answer to a sign-in while locked out (the right password too): 429, and for how
    long, on the site's page (the admin's sign-in form answers with it as well)."""
    cool_off = get_cool_off(request)
    return render(
        request,
        "accounts/locked_out.html",
        {
            "failure_limit": get_failure_limit(request, credentials),
            "minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
        },
        status=429,
    )
