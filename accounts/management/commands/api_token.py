"""Give an account a new API token, the old one stopping at once (tokens expire: docs/api.md)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.tokens import max_age, token_rotate


class Command(BaseCommand):
    help = "Print a new API token for USERNAME; the token it had stops working."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--create",
            action="store_true",
            help="Create the account if there is none (with no password: it signs in by token).",
        )
        parser.add_argument(
            "--group",
            action="append",
            default=[],
            help='Add the account to this group: Reader, Editor, Curator or "Load test".',
        )

    def handle(self, *args: Any, username: str, create: bool, group: list[str], **options: Any):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            if not create:
                raise CommandError(f"No account {username!r} (--create makes one).")
            user = User.objects.create_user(username)  # no password: unusable
        for name in group:
            found = Group.objects.filter(name=name).first()
            if found is None:
                names = ", ".join(Group.objects.order_by("name").values_list("name", flat=True))
                raise CommandError(f"No group {name!r}; there are: {names}.")
            user.groups.add(found)
        token = token_rotate(user)
        if options["verbosity"] > 1:
            self.stderr.write(f"Valid for {max_age().days} days.")
        self.stdout.write(token.key)
