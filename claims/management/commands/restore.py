from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from claims.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a full backup (manage.py backup) into a freshly migrated, empty database "
        "(docs/backup.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="A backup written by manage.py backup.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete every row the database holds first, instead of refusing one that "
            "is not empty.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(
        self, *args: object, path: Path, replace: bool, database: str, **options: object
    ) -> None:
        try:
            tables = restore_backup(path, replace=replace, using=database)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {sum(tables.values())} rows of {len(tables)} tables from {path}; "
            "every table holds as many rows as in the backup."
        )
