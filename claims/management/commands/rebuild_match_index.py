from django.core.management.base import BaseCommand

from claims import match_store


class Command(BaseCommand):
    help = (
        "Write the matching index afresh from the claims and the topics' sources. The services "
        "keep it up to date; this mends it after writes that went around them (SQL by hand, a "
        "partial restore). Every process reads the new index on its next suggestion."
    )

    def handle(self, *args: object, **options: object) -> None:
        claims = match_store.rebuild()
        self.stdout.write(f"Indexed {claims} claim{'s' * (claims != 1)} for matching.")
