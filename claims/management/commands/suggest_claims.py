import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.review.queue import review_queue, suggestions_json
from sources.models import Source


class Command(BaseCommand):
    help = (
        "Find the claims a source states and rank the existing claims each may match "
        "(the contract is in docs/suggest-claims.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="The source's slug.")
        parser.add_argument("--json", action="store_true", help="Print JSON (the contract).")

    def handle(self, *args: object, source: str, json: bool, **options: object) -> None:
        found = Source.objects.with_outlet().filter(slug=source).first()
        if found is None:
            raise CommandError(f"No source with slug {source!r}.")
        data = suggestions_json(review_queue(source=found, per_page=None))
        if json:
            self.stdout.write(_dumps(data))
            return
        self.stdout.write(f"Topics: {', '.join(data['topics']) or 'none'}")
        for candidate in data["candidates"]:
            best = candidate["matches"][0] if candidate["matches"] else None
            match = (
                f" → {best['claim']} ({best['verdict_if_linked']}, {best['score']:.2f})"
                if best
                else ""
            )
            self.stdout.write(
                f"{candidate['start']:>6} {candidate['kind']:<8} {candidate['quote']}{match}"
            )


def _dumps(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
