"""Slugs for names in any script.

Django's ``slugify`` keeps only what folds to ASCII, so "الجزيرة", "人民日报" or an emoji give
"" and two such names collided on one empty slug. A name it cannot spell gets a kind and a
short hash of the name instead: "outlet-3fa9c1d2", the same for the same name on every run
and machine. Plain functions (``free_slug`` aside), for ``claims``' claimants, claims and
topics as much as for outlets and sources.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.text import slugify

HASH_LENGTH = 8


def name_hash(name: str) -> str:
    """A short, stable hash of ``name``: the same however its Unicode or spaces were written."""
    canonical = " ".join(unicodedata.normalize("NFC", name).split())
    return hashlib.sha256(canonical.encode()).hexdigest()[:HASH_LENGTH]


def latin_slug(text: str, max_length: int = 200) -> str:
    """``text``'s words as ASCII slug words, cut to ``max_length`` ("" when none are Latin)."""
    return slugify(text)[:max_length].strip("-")


def spells(text: str, slug: str) -> bool:
    """Does ``slug`` stand for ``text``? Not when it is empty, nor when only digits of a name
    in another script are left ("Новости 24" gives "24")."""
    has_letters = any(char.isalpha() for char in text)
    return bool(slug) and (not has_letters or any(char.isalpha() for char in slug))


def name_slug(name: str, *, kind: str, max_length: int = 200) -> str:
    """A Latin slug for ``name``: its words ("bbc-news"), or ``kind`` and the name's hash
    ("outlet-3fa9c1d2") when they cannot be spelled in Latin letters."""
    slug = latin_slug(name, max_length)
    if spells(name, slug):
        return slug
    return f"{kind}-{name_hash(name)}"


def free_slug(rows: QuerySet[Any], base: str) -> str:
    """``base``, or ``base-2``, ``base-3``…: the first slug none of ``rows`` has."""
    slug, n = base, 2
    while rows.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# Only these stand in an address as written; reverse() would quote anything else.
_URL_SAFE_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_MARKER = "slug-marker"


def slug_address(name: str, slug: str) -> str:
    """``reverse(name, args=[slug])`` for a URL whose one argument is a slug. A list links
    fifty claims and their sources, and resolving each address was a good part of its time:
    the address around the slug is resolved once per URL name, script prefix and URLconf."""
    if not _URL_SAFE_SLUG.fullmatch(slug):
        return reverse(name, args=[slug])
    before, after = _around_slug(name, get_script_prefix(), get_urlconf(settings.ROOT_URLCONF))
    return f"{before}{slug}{after}"


@functools.lru_cache(maxsize=64)
def _around_slug(name: str, prefix: str, urlconf: str) -> tuple[str, str]:
    # the prefix and URLconf are the key: reverse() reads them from this thread
    before, _, after = reverse(name, args=[_MARKER]).rpartition(_MARKER)
    return before, after
