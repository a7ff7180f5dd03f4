import functools
import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from claims.display.highlight import VERDICT_ICONS

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


# As Django's json_script: <, > and & escaped, so the JSON cannot close the script element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data: object) -> SafeString:
    """``data`` as a JSON-LD script element, safe to embed."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
