from django.core.management.base import BaseCommand

from claims.services import claims_recount


class Command(BaseCommand):
    help = (
        "Check every claim's stored counts (sources, quotes, latest source) and sort keys "
        "against its attestations, and mend those that are wrong."
    )

    def handle(self, *args: object, **options: object) -> None:
        mended = claims_recount()
        if mended:
            self.stdout.write(f"Mended the counts of {mended} claim{'s' * (mended != 1)}.")
        else:
            self.stdout.write("Every claim's counts were right.")
