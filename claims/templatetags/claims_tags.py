from django import template

from claims.highlight import VERDICT_ICONS

register = template.Library()


@register.filter
def verdict_icon(verdict: str) -> str:
    """The symbol shown beside a verdict, so colour is never the only cue."""
    return VERDICT_ICONS.get(verdict or "", "○")
