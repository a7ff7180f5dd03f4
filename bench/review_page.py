"""The review queue's first page for a long pasted text: time and size, as an editor meets it.

A 200 KB text is pasted in two shapes the issue reported: one paragraph with few full stops
(a report's sentence repeated, joined by commas) and many short paragraphs. For each, on a
fresh database holding the seeds, it adds the source through the add-source form, then times:
the first review page (the worker has not read the text yet, so it shows the progress), the
worker's reading, and the queue's first page twice (the first parses the kept reading, the
second finds it parsed); and prints the pages' sizes.

    python -m bench.review_page            # 200 KB
    python -m bench.review_page --kb 50 --kb 200
    python -m bench.review_page --kb 5000   # the largest upload (5 MB), sent as a .txt file
"""

from __future__ import annotations

import argparse
import io
import os
import time
from collections.abc import Sequence
from typing import Any

# A report sentence of the seeds' kind, about another story (AFP via Expatica, 16 October 2010)
SENTENCE = (
    "Police said Saturday 50,000 demonstrators had turned out in Paris to protest against "
    "pension reform plans, fewer than at a previous weekend rally two weeks ago, while the "
    "unions claimed 310,000"
)


def text_of(kb: int, shape: str) -> str:
    joiner = ", " if shape == "one paragraph" else ".\n\n"
    text = ""
    while len(text) < kb * 1000:
        text += SENTENCE + joiner
    return "Protest figures\n\n" + text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--kb", type=int, action="append", help="text size (repeatable)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from claims.models import Reading
    from sources.models import Source

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_seeds", stdout=io.StringIO())
        client = Client()
        client.force_login(User.objects.create_superuser("bench", password="bench"))
        print(
            f"{'text':>16} {'size':>7} {'add':>6} {'progress':>9} {'worker':>7} "
            f"{'page 1st':>9} {'page 2nd':>9} {'HTML':>8}"
        )
        for kb in args.kb or [200]:
            for n, shape in enumerate(("one paragraph", "many paragraphs")):
                title = f"Bench {kb} KB {n}"
                text = text_of(kb, shape)
                fields: dict[str, Any] = {
                    "outlet": "Bench",
                    "title": title,
                    "published": "2010-10-16",
                }
                if len(text) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:  # too long to paste
                    fields["upload"] = SimpleUploadedFile("bench.txt", text.encode())
                else:
                    fields["text"] = text
                began = time.perf_counter()
                added = client.post(reverse("claims:source_add"), fields)
                add = time.perf_counter() - began
                assert added.status_code == 302, added.status_code
                source = Source.objects.get(title=title)
                url = reverse("claims:review", args=[source.slug])
                progress, _ = timed(client, url)
                began = time.perf_counter()
                call_command(
                    "db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0
                )
                worker = time.perf_counter() - began
                assert Reading.objects.get(source=source).state == Reading.State.DONE
                first, _ = timed(client, url)
                second, size = timed(client, url)
                print(
                    f"{shape:>16} {kb:>5}KB {add:>5.2f}s {progress:>8.2f}s {worker:>6.1f}s "
                    f"{first:>8.2f}s {second:>8.2f}s {size / 1e6:>6.2f}MB"
                )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


def timed(client: Any, url: str) -> tuple[float, int]:
    """Seconds to answer a GET of ``url``, and the size of the answer."""
    began = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return time.perf_counter() - began, len(response.content)


if __name__ == "__main__":
    raise SystemExit(main())
