from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from claims.retention import prune_history


class Command(BaseCommand):
    help = (
        "Fold claims' revisions older than HISTORY_KEEP_DAYS (or --days) into the last of "
        "them: what stood then is kept, how it came to be is not (docs/history.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, help="Keep this many days of revisions.")

    def handle(self, *args: object, days: int | None, **options: object) -> None:
        days = days if days is not None else settings.HISTORY_KEEP_DAYS
        if days is None:
            self.stdout.write("HISTORY_KEEP_DAYS is not set: every revision is kept.")
            return
        if days < 1:
            raise CommandError("Keep at least one day of history.")
        before = timezone.now() - timedelta(days=days)
        pruned = prune_history(before=before)
        self.stdout.write(
            f"Pruned {pruned.records} history records of {pruned.claims} claims "
            f"(revisions before {before:%Y-%m-%d %H:%M} UTC)."
        )
