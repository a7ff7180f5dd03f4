"""Highlighting attested spans in a source's text, for the reader.

The text is cut at every span boundary into segments; each segment knows which spans cover
it, so overlapping and nested spans render as flat, non-nested links (HTML forbids a link
inside a link). Markup is built from escaped parts with ``format_html``: source text is
untrusted and is never marked safe as it is.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

from claims.rules.bidi import isolate

# Shown before each highlight so that colour is never the only cue.
VERDICT_ICONS = {"agree": "✓", "differ": "✗", "updated": "↻", "single": "•", "": "○"}
VERDICT_LABELS = {
    "agree": "sources agree",
    "differ": "sources differ",
    "updated": "updated over time",
    "single": "one source only",
    "": "no verdict",
}


@dataclass(frozen=True)
class Highlight:
    anchor: str  # the id readers jump to: the claim page links to ``#<anchor>``
    start: int
    end: int
    verdict: str
    href: str
    claim: str  # the claim's slug
    statement: str
    claimant: str = ""  # who the source attributes it to, as curated; "" for the source itself


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str
    covering: tuple[Highlight, ...]  # innermost (shortest) first
    starting: tuple[Highlight, ...]  # the highlights that begin here
    mark: str = ""  # the id of a place that begins here (a live page's entry), if any


def segments(
    text: str, highlights: Sequence[Highlight], marks: Mapping[int, str] | None = None
) -> list[Segment]:
    """Cut ``text`` at every highlight boundary and at every marked place (offset → id);
    spans and places outside the text are ignored."""
    usable = [h for h in highlights if 0 <= h.start < h.end <= len(text)]
    marks = {at: name for at, name in (marks or {}).items() if 0 <= at < len(text)}
    cuts = sorted(
        {0, len(text)} | {h.start for h in usable} | {h.end for h in usable} | marks.keys()
    )
    result = []
    for start, end in itertools.pairwise(cuts):
        covering = sorted(
            (h for h in usable if h.start <= start and end <= h.end),
            key=lambda h: (h.end - h.start, h.start, h.claim),
        )
        starting = tuple(h for h in covering if h.start == start)
        segment = Segment(
            start, end, text[start:end], tuple(covering), starting, marks.get(start, "")
        )
        result.append(segment)
    return result


def render_highlighted(
    text: str, highlights: Sequence[Highlight], marks: Mapping[int, str] | None = None
) -> SafeString:
    """The text as HTML, each attested segment a link to its innermost claim, and an empty
    target at each marked place."""
    # Each part is already escaped or built by format_html; joining them escapes nothing twice.
    return format_html_join(
        "", "{}{}", ((_mark(s), _render_segment(s)) for s in segments(text, highlights, marks))
    )


def _mark(segment: Segment) -> str:
    if not segment.mark:
        return ""
    return format_html('<span class="place" id="{}"></span>', segment.mark)


def _render_segment(segment: Segment) -> str:
    if not segment.covering:
        return escape(segment.text)
    target = segment.covering[0]
    anchors = format_html_join(
        "", '<span class="anchor" id="{}"></span>', ((h.anchor,) for h in segment.starting)
    )
    start_label = (
        format_html(
            '<span class="hl-icon" aria-hidden="true">{}</span>'
            '<span class="visually-hidden">({}{}) </span>',
            VERDICT_ICONS.get(target.verdict, "○"),
            VERDICT_LABELS.get(target.verdict, ""),
            f"; according to {isolate(target.claimant)}" if target.claimant else "",
        )
        if segment.starting
        else ""
    )
    classes = f"hl hl-{target.verdict or 'none'}" + (
        " hl-overlap" if len(segment.covering) > 1 else ""
    )
    others = len({h.claim for h in segment.covering}) - 1
    title = (
        target.statement
        + (f" — according to {isolate(target.claimant)}" if target.claimant else "")
        + (f" (and {others} more claim{'s' if others > 1 else ''} here)" if others else "")
    )
    return format_html(
        '{}<a class="{}" href="{}" data-claim="{}" data-verdict="{}" title="{}">{}{}</a>',
        anchors,
        classes,
        target.href,
        target.claim,
        target.verdict,
        title,
        start_label,
        segment.text,
    )
