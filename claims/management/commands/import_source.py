"""Add many sources at once, from files or URLs, with a progress bar. Each source is added
whole or not at all; a failure is reported with its path and the others go on."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from claims.models import Topic
from claims.services import source_add
from sources.ingest import IngestError
from sources.ingest.extract import MAX_UPLOAD_BYTES, Extracted, extract_upload
from sources.ingest.fetch import extract_url
from sources.models import Source
from sources.services import DuplicateSource, MissingMetadata
from sources.text.moments import MOMENT_HELP, parse_moment


class Command(BaseCommand):
    help = "Add sources from files (.txt .md .html .pdf) or URLs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument(
            "--outlet", default="", help="The publisher, when the source does not say."
        )
        parser.add_argument("--title", default="", help="The title (for a single input).")
        parser.add_argument("--published", default="", help="2025-10-02 or 2025-10-02T08:48+01:00")
        parser.add_argument("--kind", default="", choices=["", *Source.Kind.values])
        parser.add_argument(
            "--topic", action="append", default=[], help="A topic slug; repeatable."
        )

    def handle(self, *args: object, inputs: list[str], **options: str | list[str]) -> None:
        topics = list(Topic.objects.filter(slug__in=options["topic"]))
        if missing := set(options["topic"]) - {t.slug for t in topics}:
            raise CommandError(f"Unknown topic: {', '.join(sorted(missing))}.")
        published = parse_moment(str(options["published"]))
        if options["published"] and published is None:
            raise CommandError(MOMENT_HELP)
        if options["title"] and len(inputs) > 1:
            raise CommandError("--title names one source; give one input with it.")
        failures = []
        # The real streams: tqdm redraws its line on stderr and prints around it on stdout.
        err, out = cast(TextIO, self.stderr._out), cast(TextIO, self.stdout._out)
        progress = tqdm(inputs, unit="source", file=err, mininterval=0.5)
        for item in progress:
            progress.set_postfix_str(Path(item).name[-40:])
            try:
                extracted = self._extract(item)
                source, near = source_add(
                    extracted=extracted,
                    outlet=str(options["outlet"]),
                    title=str(options["title"]),
                    published=published,
                    kind=str(options["kind"]),
                    topics=topics,
                )
            except (IngestError, MissingMetadata, DuplicateSource) as error:
                failures.append(f"{item}: {error}")
                continue
            except ValidationError as error:  # a field the model refuses, a URL too long say
                failures.append(f"{item}: {' '.join(error.messages)}")
                continue
            copy = f" (a copy of {near.original.slug})" if near else ""
            progress.write(f"added {source.slug}{copy}", file=out)
        for failure in failures:
            self.stderr.write(failure)
        added = len(inputs) - len(failures)
        self.stdout.write(f"{added} added, {len(failures)} failed.")
        if failures:
            raise CommandError(f"{len(failures)} of {len(inputs)} could not be added; see above.")

    def _extract(self, item: str) -> Extracted:
        if item.startswith(("http://", "https://")) or "://" in item:
            return extract_url(item, allow_private=settings.INGEST_ALLOW_PRIVATE_ADDRESSES)
        path = Path(item)
        try:
            if path.stat().st_size > MAX_UPLOAD_BYTES:
                raise IngestError(
                    f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB."
                )
            data = path.read_bytes()
        except OSError as error:
            raise IngestError(f"Cannot read the file: {error.strerror}.") from None
        return extract_upload(path.name, data)
