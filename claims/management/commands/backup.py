from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from claims.backup import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Write a full backup of the database (docs/backup.md): every table, users, password "
        "hashes and API tokens included. Keep it as secret as the database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The file to write, named *.jsonl.gz.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args: object, path: Path, database: str, **options: object) -> None:
        try:
            tables = write_backup(path, using=database)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up {sum(tables.values())} rows of {len(tables)} tables to {path}."
        )
