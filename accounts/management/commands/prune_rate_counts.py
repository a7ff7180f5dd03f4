"""Delete the rate limits' counts of windows that have ended (docs/api.md): a row is left for
every client that has made a request; run it from cron, say daily."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from accounts.limits import prune


class Command(BaseCommand):
    help = "Delete the rate limits' counts of windows that have ended."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = prune(time.time())
        self.stdout.write(f"Deleted {deleted} count{'' if deleted == 1 else 's'} of ended windows.")
