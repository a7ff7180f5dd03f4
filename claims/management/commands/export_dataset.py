from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.dataset.export import dataset_text
from claims.models import Topic


class Command(BaseCommand):
    help = "Write the ledger in the dataset format (docs/dataset-format.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-o", "--output", type=Path, help="File to write; default stdout.")
        parser.add_argument("--topic", help="Export only this topic (a slug).")

    def handle(
        self, *args: object, output: Path | None, topic: str | None, **options: object
    ) -> None:
        chosen = None
        if topic:
            chosen = Topic.objects.filter(slug=topic).first()
            if chosen is None:
                raise CommandError(f"No topic with slug {topic!r}.")
        # written while it is read: a ledger of any size in flat memory
        if output is None:
            for block in dataset_text(topic=chosen):
                self.stdout.write(block, ending="")
            return
        with output.open("w", encoding="utf-8") as file:
            file.writelines(dataset_text(topic=chosen))
