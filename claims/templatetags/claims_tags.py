import functools
import json
from datetime import date
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from claims.display.highlight import VERDICT_ICONS
from claims.models import Claim

register = template.Library()


@register.simple_tag
@functools.cache  # a handful of verdicts, shown on every row of a list
def verdict_badge(verdict: str) -> SafeString:
    """A verdict's badge: its symbol beside its word, so colour is never the only cue. A tag
    rather than an included template: lists show one on every row."""
    return format_html(
        '<span class="verdict verdict-{}" data-verdict="{}"><span aria-hidden="true">{}</span>'
        " {}</span>",
        verdict or "none",
        verdict,
        VERDICT_ICONS.get(verdict or "", "○"),
        verdict or "no sources",
    )


@functools.lru_cache(maxsize=4096)
def _day_month_year(day: date, language: str) -> str:
    # the list's rows repeat a few hundred days, and formatting one is most of a row's cost
    return date_format(day, "j M Y")


@register.simple_tag
def claim_row(claim: Claim) -> SafeString:
    """A claim of ``Claim.objects.for_rows()`` in a list: its verdict, its statement linked to
    its page, its topic and its sources. Built here rather than in an included template, as
    the admin builds its result rows: a list page shows fifty, and the template engine's cost
    per row was most of the page's."""
    sources = claim.source_count
    counts = format_html("{} source{}", sources, "" if sources == 1 else "s")
    if claim.independent_count != sources:
        counts = format_html("{}, {} independent", counts, claim.independent_count)
    if claim.latest_source_on:
        latest = _day_month_year(claim.latest_source_on, get_language())
        counts = format_html("{} · latest {}", counts, latest)
    return format_html(
        '<li>\n  {}\n  <a href="{}"><bdi>{}</bdi></a>\n  <span class="meta"><bdi>{}</bdi> · {}'
        "</span>\n</li>",
        verdict_badge(claim.verdict),
        claim.get_absolute_url(),
        claim.statement,
        claim.topic_title,  # type: ignore[attr-defined]  # for_rows annotates it
        counts,
    )


# A topic's count columns: the verdict, the column's label, and the words its link is read as.
TOPIC_COUNT_COLUMNS = (
    ("differ", "Differ", "differing"),
    ("updated", "Updated", "updated"),
    ("agree", "Agree", "agreed"),
    ("single", "Single", "from a single source"),
)


@register.simple_tag
def topic_counts_row(topic: Any, list_url: str) -> SafeString:
    """A topic's row of the counts table (``Topic.objects.with_verdict_counts``): its claims,
    then those of each verdict, each count linked to the list of them. Built here for the
    reason ``claim_row`` is."""
    cells = format_html_join(
        "\n      ",
        '<td data-label="{}"><a href="{}?topic={}&amp;verdict={}" aria-label="{} {}">{}</a></td>',
        (
            (label, list_url, topic.slug, verdict, count, words, count)
            for verdict, label, words in TOPIC_COUNT_COLUMNS
            for count in [getattr(topic, f"{verdict}_count")]
        ),
    )
    return format_html(
        '<tr>\n      <th scope="row"><a href="{}" dir="auto">{}</a></th>\n      <td data-label='
        '"Claims"><a href="{}?topic={}" aria-label="All {} claims of {}">{}</a></td>\n      {}\n'
        "    </tr>",
        topic.get_absolute_url(),
        topic.title,
        list_url,
        topic.slug,
        topic.claim_count,
        topic.title,
        topic.claim_count,
        cells,
    )


# As Django's json_script: <, > and & escaped, so the JSON cannot close the script element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data: object) -> SafeString:
    """``data`` as a JSON-LD script element, safe to embed."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
