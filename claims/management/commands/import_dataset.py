from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from claims.dataset import DatasetError, import_dataset_file

ANALYZE_AFTER = 10_000  # rows created


class Command(BaseCommand):
    help = "Import a dataset file (docs/dataset-format.md). All or nothing; idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: object, file: Path, **options: object) -> None:
        try:
            summary = import_dataset_file(file)
        except DatasetError as error:
            raise CommandError(f"{error}\nNothing was imported.") from None
        self.stdout.write(f"{file}: {summary}")
        if sum(summary.created.values()) >= ANALYZE_AFTER:
            # The planner's statistics still describe the tables as they were: until
            # autovacuum gets round to them, a page may scan what an index would find.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
