from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.dataset import DatasetError, import_dataset_file


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
