"""The review queue's first page for a long pasted text: time and size, as an editor meets it.

A 200 KB text is pasted in two shapes the issue reported: one paragraph with few full stops
(a report's sentence repeated, joined by commas) and many short paragraphs. For each, on a
fresh database holding the seeds, it times the first review page twice (the first reads the
text, the second finds the reading kept) and the finder alone, and prints the page's size.

    python -m bench.review_page            # 200 KB
    python -m bench.review_page --kb 50 --kb 200
"""

from __future__ import annotations

import argparse
import io
import os
import time
from collections.abc import Sequence
from datetime import date

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
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from claims.finder.find import find_claims
    from sources.ingest.extract import extract_plain
    from sources.services import source_create

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_seeds", stdout=io.StringIO())
        client = Client()
        client.force_login(User.objects.create_superuser("bench", password="bench"))
        print(f"{'text':>16} {'size':>7} {'finder':>8} {'page 1st':>9} {'page 2nd':>9} {'HTML':>9}")
        for kb in args.kb or [200]:
            for n, shape in enumerate(("one paragraph", "many paragraphs")):
                text = text_of(kb, shape)
                began = time.perf_counter()
                find_claims(text, published=date(2010, 10, 16))
                finder = time.perf_counter() - began
                source, _ = source_create(
                    extracted=extract_plain(text),
                    outlet="Bench",
                    title=f"Bench {kb} KB {n}",
                    published=date(2010, 10, 16),
                )
                url = reverse("claims:review", args=[source.slug])
                timings, size = [], 0
                for _ in range(2):
                    began = time.perf_counter()
                    response = client.get(url)
                    timings.append(time.perf_counter() - began)
                    size = len(response.content)
                    assert response.status_code == 200, response.status_code
                print(
                    f"{shape:>16} {kb:>5}KB {finder:>7.2f}s {timings[0]:>8.2f}s "
                    f"{timings[1]:>8.2f}s {size / 1e6:>7.2f}MB"
                )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
