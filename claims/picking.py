"""Picking a topic, an outlet, a source or a claimant by typing part of its name: a few matches
for a search box, and the form field that takes what was picked (a slug, or a name that names
one row). Filters and forms then never list a whole table, however long the ledger grows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from claims.models import Claimant, Topic
from sources.models import Outlet, Source

MATCHES = 10
MIN_TYPED = 2
RELATED_MATCHES = 100  # a text in more outlets' names than this names none of them well


@dataclass(frozen=True)
class Related:
    """A small table whose names find rows of a big one (a source by its outlet's name): its
    matching rows are read first, so the big table is searched on its own indexes, not
    through a join that none of them serves."""

    key: str  # the foreign key to it
    rows: QuerySet[Any]
    searched: str


@dataclass(frozen=True)
class Kind:
    """What can be picked: its rows, the columns a typed text is looked for in, its label."""

    rows: QuerySet[Any]
    searched: tuple[str, ...]
    label: str  # the column shown and accepted in full as well as the slug
    related: Related | None = None

    def holding(self, typed: str) -> Q:
        holds = Q()
        for column in self.searched:
            holds |= Q(**{f"{column}__icontains": typed})
        if self.related is not None:
            found = self.related.rows.filter(**{f"{self.related.searched}__icontains": typed})
            keys = list(found.values_list("pk", flat=True)[:RELATED_MATCHES])
            if keys:
                holds |= Q(**{f"{self.related.key}__in": keys})
        return holds

    def matches(self, typed: str) -> list[dict[str, str]]:
        """Up to ``MATCHES`` rows whose searched columns hold ``typed``: ``value`` (the slug)
        and ``label``. Names starting with the text come first."""
        typed = typed.strip()
        if len(typed) < MIN_TYPED:
            return []
        found = self.rows.filter(self.holding(typed)).distinct()
        starting = list(found.filter(**{f"{self.label}__istartswith": typed})[:MATCHES])
        rest = found.exclude(pk__in=[row.pk for row in starting])[: MATCHES - len(starting)]
        return [{"value": row.slug, "label": picked_label(row)} for row in [*starting, *rest]]


def picked_label(row: Any) -> str:
    if isinstance(row, Source):
        return f"{row.outlet.name}, {row.published_on:%-d %b %Y}: {row.title}"
    return str(row)


KINDS = {
    "topic": Kind(Topic.objects.only("slug", "title").order_by("title"), ("title",), "title"),
    "outlet": Kind(Outlet.objects.order_by("name"), ("name",), "name"),
    # never the texts: a source is picked by its outlet and title
    "source": Kind(
        Source.objects.select_related("outlet")
        .only("slug", "title", "published_on", "outlet__name")
        .latest_first(),
        ("title",),
        "title",
        Related("outlet", Outlet.objects.all(), "name"),
    ),
    "claimant": Kind(Claimant.objects.order_by("name"), ("name", "names__name"), "name"),
}


class PickInput(forms.TextInput):
    """A text box that offers matches as the user types (static/js/pick.js fills its list
    from the picking endpoint); without JavaScript a slug or a whole name is typed."""

    def __init__(self, kind: str, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"autocomplete": "off", **(attrs or {})})
        self.kind = kind

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        matches = f"{(attrs or {}).get('id', name)}-matches"
        attrs = {**(attrs or {}), "list": matches}
        attrs["data-pick-url"] = reverse("claims:pick", args=[self.kind])
        box = super().render(name, value, attrs, renderer)
        return format_html('{}<datalist id="{}"></datalist>', box, matches)


class PickField(forms.ModelChoiceField):
    """One row, given by its slug or by its whole name (any case) when that names one row."""

    def __init__(self, kind: str, **kwargs: Any) -> None:
        self.kind = KINDS[kind]
        kwargs.setdefault("widget", PickInput(kind))
        kwargs.setdefault("queryset", self.kind.rows)
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        text = str(value).strip()
        rows = self.queryset
        assert rows is not None  # the kind's rows (``__init__``), unless given fewer
        found = rows.filter(slug=text).first()
        if found is None:
            named = list(rows.filter(**{f"{self.kind.label}__iexact": text})[:2])
            if len(named) > 1:
                raise forms.ValidationError(
                    f"Several have the name “{text}”: pick one from the list.", code="ambiguous"
                )
            found = named[0] if named else None
        if found is None:
            raise forms.ValidationError(
                f"Nothing is called “{text}”: type part of a name and pick from the list.",
                code="invalid_choice",
            )
        return found

    def prepare_value(self, value: Any) -> Any:
        return value.slug if hasattr(value, "slug") else value
