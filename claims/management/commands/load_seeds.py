from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.dataset import DatasetError, read_dataset_file
from claims.dataset.replay import import_as_published
from claims.models import Attestation, Claim, Topic
from sources.models import Source

SEED_DATASET = settings.BASE_DIR / "seeds" / "dataset.json"


class Command(BaseCommand):
    help = (
        "Import the seed corpus (seeds/dataset.json) as it was published: each claim's history "
        "carries its sources' dates. Safe to run again."
    )

    def handle(self, *args: object, **options: object) -> None:
        try:
            summary = import_as_published(read_dataset_file(SEED_DATASET))
        except DatasetError as error:
            error.filename = error.filename or str(SEED_DATASET)
            raise CommandError(f"{error}\nNothing was imported.") from None
        self.stdout.write(f"{SEED_DATASET.name}: {summary}")
        self.stdout.write(
            f"Ledger: {Topic.objects.count()} topics, {Source.objects.count()} sources, "
            f"{Claim.objects.count()} claims, {Attestation.objects.count()} attestations."
        )
