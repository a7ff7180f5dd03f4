"""The multi-story benchmark corpus (``bench/corpus/``) as plain records, checked on load.

    python -m bench.stories              # check every story and print its size
    python -m bench.stories -v           # also list digits that no link or trap covers

The format is described in ``bench/corpus/README.md``. Nothing here needs Django.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "corpus"
# Short stories for developing the finder and matcher beyond the two tuning stories, written by
# someone who does not work on them; never part of the benchmark's figures (README there).
PROBE = Path(__file__).resolve().parent / "probe"

KINDS = {"quantity", "date", "status", "quote", "event", "other"}
QUALIFIERS = {"exact", "approximately", "at_least", "at_most"}
VERDICTS = {"single", "agree", "differ", "updated"}
SPLITS = {"tuning", "held-out", "probe"}
TRAP_REASONS = {
    "age",
    "ordinal",
    "ratio",
    "time",
    "address",
    "page",
    "name",
    "year",
    "phone",
    "score",
    "other",
}


class StoryError(ValueError):
    """A story breaks the corpus format; the message names the story and the place."""


@dataclass(frozen=True)
class Report:
    slug: str
    outlet: str
    published: str
    url: str
    credit: str
    text: str

    @property
    def day(self) -> date:
        return date.fromisoformat(self.published[:10])


@dataclass(frozen=True)
class GoldClaim:
    slug: str
    statement: str
    kind: str
    unit: str
    entity: str
    predicate: str
    qualifiers: tuple[str, ...]
    event: str
    changes_over_time: bool
    parts: tuple[str, ...]
    verdict: str


@dataclass(frozen=True)
class Link:
    report: str
    quote: str
    start: int
    claim: str
    value: dict[str, Any] | None
    as_of: str
    claimant: str

    @property
    def end(self) -> int:
        return self.start + len(self.quote)


@dataclass(frozen=True)
class Trap:
    report: str
    quote: str
    start: int
    number: str
    why: str

    @property
    def end(self) -> int:
        return self.start + len(self.quote)


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    field: str
    split: str
    reports: tuple[Report, ...]
    claims: tuple[GoldClaim, ...]
    links: tuple[Link, ...]
    traps: tuple[Trap, ...]

    def report(self, slug: str) -> Report:
        return next(r for r in self.reports if r.slug == slug)

    def claim(self, slug: str) -> GoldClaim:
        return next(c for c in self.claims if c.slug == slug)


def load_corpus(root: Path = CORPUS, *, split: str | None = None) -> list[Story]:
    """Every story under ``root`` (or only those of ``split``), sorted by slug."""
    stories = [load_story(path) for path in sorted(root.glob("*/story.json"))]
    _check_unique([r.slug for s in stories for r in s.reports], "report slug", "corpus")
    _check_unique([c.slug for s in stories for c in s.claims], "claim slug", "corpus")
    return [s for s in stories if split is None or s.split == split]


def load_story(path: Path) -> Story:
    place = path.parent.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise StoryError(f"{place}: story.json is not JSON: {error}") from error
    split = _string(data, "split", place)
    if split not in SPLITS:
        raise StoryError(f"{place}: split must be one of {sorted(SPLITS)}")
    reports = tuple(
        _report(item, path.parent, f"{place} report {i}")
        for i, item in _items(data, "reports", place)
    )
    if len(reports) < 2:
        raise StoryError(f"{place}: a story needs several reports")
    days = [r.day for r in reports]
    if days != sorted(days):
        raise StoryError(f"{place}: reports must be listed in the order they were published")
    _check_unique([r.slug for r in reports], "report slug", place)
    texts = {r.slug: r.text for r in reports}
    claims = tuple(_claim(item, f"{place} claim {i}") for i, item in _items(data, "claims", place))
    slugs = {c.slug for c in claims}
    _check_unique([c.slug for c in claims], "claim slug", place)
    for claim in claims:
        for part in claim.parts:
            if part not in slugs:
                raise StoryError(f"{place}: claim {claim.slug} has unknown part {part}")
    links = tuple(
        _link(item, texts, slugs, f"{place} link {i}") for i, item in _items(data, "links", place)
    )
    order = {r.slug: n for n, r in enumerate(reports)}
    if [order[link.report] for link in links] != sorted(order[link.report] for link in links):
        raise StoryError(f"{place}: links must follow the order of the reports")
    linked = {link.claim for link in links}
    for claim in claims:
        if claim.slug not in linked:
            raise StoryError(f"{place}: claim {claim.slug} has no link")
    traps = tuple(
        _trap(item, texts, f"{place} trap {i}")
        for i, item in _items(data, "traps", place, required=False)
    )
    return Story(
        slug=_string(data, "story", place),
        title=_string(data, "title", place),
        field=_string(data, "field", place),
        split=split,
        reports=reports,
        claims=claims,
        links=links,
        traps=traps,
    )


def _items(
    data: dict[str, Any], key: str, place: str, *, required: bool = True
) -> list[tuple[int, Any]]:
    items = data.get(key, [] if not required else None)
    if not isinstance(items, list) or (required and not items):
        raise StoryError(f"{place}: {key} must be a non-empty list")
    return list(enumerate(items))


def _string(obj: Any, key: str, place: str, *, required: bool = True) -> str:
    if not isinstance(obj, dict):
        raise StoryError(f"{place}: must be an object")
    value = obj.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise StoryError(f"{place}: {key} must be a non-empty string")
    return value


def _check_unique(values: list[str], what: str, place: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise StoryError(f"{place}: {what} {value!r} is used twice")
        seen.add(value)


def _report(item: Any, root: Path, place: str) -> Report:
    slug = _string(item, "slug", place)
    published = _string(item, "published", place)
    try:
        date.fromisoformat(published[:10])
    except ValueError as error:
        raise StoryError(f"{place}: published {published!r} is not a date") from error
    file = root / _string(item, "file", place)
    if not file.is_file():
        raise StoryError(f"{place}: {file.name} does not exist")
    credit = _string(item, "credit", place, required=False)
    if credit and credit not in {"AP", "Reuters", "PA", "AFP"}:
        raise StoryError(f"{place}: credit must be AP, Reuters, PA or AFP")
    return Report(
        slug=slug,
        outlet=_string(item, "outlet", place),
        published=published,
        url=_string(item, "url", place),
        credit=credit,
        text=file.read_text(encoding="utf-8"),
    )


def _claim(item: Any, place: str) -> GoldClaim:
    kind = _string(item, "kind", place)
    if kind not in KINDS:
        raise StoryError(f"{place}: kind must be one of {sorted(KINDS)}")
    verdict = _string(item, "verdict", place)
    if verdict not in VERDICTS:
        raise StoryError(f"{place}: verdict must be one of {sorted(VERDICTS)}")
    entity = _string(item, "entity", place, required=kind == "quantity")
    predicate = _string(item, "predicate", place, required=kind == "quantity")
    qualifiers, parts = item.get("qualifiers", []), item.get("parts", [])
    if not all(isinstance(q, str) for q in qualifiers) or not all(
        isinstance(p, str) for p in parts
    ):
        raise StoryError(f"{place}: qualifiers and parts are lists of strings")
    return GoldClaim(
        slug=_string(item, "slug", place),
        statement=_string(item, "statement", place),
        kind=kind,
        unit=_string(item, "unit", place, required=False),
        entity=entity,
        predicate=predicate,
        qualifiers=tuple(qualifiers),
        event=_string(item, "event", place, required=False),
        changes_over_time=bool(item.get("changes_over_time", False)),
        parts=tuple(parts),
        verdict=verdict,
    )


def _only_place(text: str, quote: str, place: str) -> int:
    count = text.count(quote)
    if count != 1:
        found = "does not occur" if not count else f"occurs {count} times"
        raise StoryError(f"{place}: quote {quote!r} {found} in the report")
    return text.index(quote)


def _link(item: Any, texts: dict[str, str], claims: set[str], place: str) -> Link:
    report = _string(item, "report", place)
    if report not in texts:
        raise StoryError(f"{place}: unknown report {report}")
    claim = _string(item, "claim", place)
    if claim not in claims:
        raise StoryError(f"{place}: unknown claim {claim}")
    quote = _string(item, "quote", place)
    value = item.get("value")
    _check_value(value, place)
    as_of = _string(item, "as_of", place, required=False)
    if as_of:
        try:
            date.fromisoformat(as_of)
        except ValueError as error:
            raise StoryError(f"{place}: as_of {as_of!r} is not a date") from error
    return Link(
        report=report,
        quote=quote,
        start=_only_place(texts[report], quote, place),
        claim=claim,
        value=value,
        as_of=as_of,
        claimant=_string(item, "claimant", place, required=False),
    )


def _check_value(value: Any, place: str) -> None:
    if value is None:
        return
    if not isinstance(value, dict) or len({"number", "date", "period", "text"} & value.keys()) != 1:
        raise StoryError(f"{place}: value must be null or have one of number, date, period, text")
    if "number" in value:
        if not isinstance(value["number"], int | float):
            raise StoryError(f"{place}: number must be a JSON number")
        if value.get("qualifier", "exact") not in QUALIFIERS:
            raise StoryError(f"{place}: qualifier must be one of {sorted(QUALIFIERS)}")


def _trap(item: Any, texts: dict[str, str], place: str) -> Trap:
    report = _string(item, "report", place)
    if report not in texts:
        raise StoryError(f"{place}: unknown report {report}")
    quote, number = _string(item, "quote", place), _string(item, "number", place)
    if number not in quote:
        raise StoryError(f"{place}: number {number!r} is not in the quote")
    why = _string(item, "why", place)
    if why not in TRAP_REASONS:
        raise StoryError(f"{place}: why must be one of {sorted(TRAP_REASONS)}")
    return Trap(report, quote, _only_place(texts[report], quote, place), number, why)


_DIGITS = re.compile(r"\d[\d,.]*\d|\d")


def uncovered_digits(story: Story) -> list[tuple[str, str]]:
    """(report, digits) for each number written in digits that no link or trap covers: dates
    may be among them, anything else is missing from the gold."""
    spans: dict[str, list[tuple[int, int]]] = {}
    items: list[Link | Trap] = [*story.links, *story.traps]
    for item in items:
        spans.setdefault(item.report, []).append((item.start, item.end))
    missing = []
    for report in story.reports:
        covered = spans.get(report.slug, [])
        for match in _DIGITS.finditer(report.text):
            if not any(s <= match.start() and match.end() <= e for s, e in covered):
                missing.append((report.slug, match.group()))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    try:
        stories = load_corpus() + load_corpus(PROBE)
    except StoryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for story in stories:
        words = sum(len(r.text.split()) for r in story.reports)
        missing = uncovered_digits(story)
        print(
            f"{story.slug:40} {story.split:9} {story.field:14} reports {len(story.reports):2}"
            f"  words {words:6}  claims {len(story.claims):3}  links {len(story.links):3}"
            f"  traps {len(story.traps):3}  uncovered digits {len(missing)}"
        )
        if args.verbose:
            for report, digits in missing:
                print(f"    {report}: {digits}")
    print(f"{len(stories)} stories")
    return 0


if __name__ == "__main__":
    sys.exit(main())
