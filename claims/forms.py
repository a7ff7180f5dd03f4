from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import forms
from django.db import models

from claims.models import Attestation, Claim, Topic
from claims.picking import KINDS, PickField, PickInput
from claims.rules.values import InvalidValue, Value, parse_typed_value
from sources.ingest.extract import MAX_UPLOAD_BYTES
from sources.models import Outlet, Source
from sources.text.moments import MOMENT_HELP, parse_moment


def max_length(model: type[models.Model], name: str) -> int:
    """The column's limit, so that a form refuses what the database could not store."""
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field) and field.max_length is not None
    return field.max_length


class LimitsShown(forms.Form):
    """Each text field with a limit says it: ``maxlength`` on the input (Django's), "Up to N
    characters." in its help, and an error giving both lengths, with the text kept in the
    field. A browser cuts a paste at ``maxlength`` without a word, so the help is what tells."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if limit := getattr(field, "max_length", None):
                hint = f"Up to {limit} characters."
                field.help_text = (
                    f"{field.help_text.rstrip('.')}. {hint}" if field.help_text else hint
                )
                field.error_messages["max_length"] = (
                    "This is %(show_value)d characters long; the limit is %(limit_value)d. "
                    "Shorten it and send it again."
                )


# A comparison's table has a column per source: more would not fit a screen, or be read.
MAX_COMPARED = 12


class TypedValues(forms.MultipleChoiceField):
    """Several values, as typed: the form's clean method says which are valid."""

    def valid_value(self, value: str) -> bool:
        return True


class CompareForm(forms.Form):
    """The sources to compare: those already chosen (checkboxes), and one more typed or picked
    in the box (``PickField``); only the chosen are ever listed."""

    source = TypedValues(required=False, label="Sources to compare")

    def clean_source(self) -> list[Source]:
        picked = PickField("source")
        chosen: list[Source] = []
        for typed in self.cleaned_data["source"]:
            if typed.strip():
                source = picked.clean(typed)
                if source not in chosen:
                    chosen.append(source)
        if len(chosen) < 2:
            raise forms.ValidationError("Pick at least two sources to compare.")
        if len(chosen) > MAX_COMPARED:
            raise forms.ValidationError(f"Compare at most {MAX_COMPARED} sources at a time.")
        return chosen

    def add_box(self) -> str:
        """The box to type or pick one more source in."""
        return PickInput("source").render("source", "", {"id": "id_add_source"})

    def chosen(self) -> list[Source]:
        """The sources to show ticked: those sent that are known, in the order sent."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["source"]
        slugs = [slug for slug in self["source"].value() or [] if slug]
        found = {s.slug: s for s in KINDS["source"].rows.filter(slug__in=slugs[:MAX_COMPARED])}
        return [found[slug] for slug in dict.fromkeys(slugs) if slug in found]


class AddSourceForm(LimitsShown):
    """One of: pasted text, an uploaded file, or a URL. Outlet, title and date are taken from
    the source when they are not given."""

    url = forms.URLField(
        required=False,
        max_length=max_length(Source, "url"),
        assume_scheme="https",
        label="Web address",
    )
    upload = forms.FileField(
        required=False,
        label="Or upload a file",
        help_text=f".txt, .md, .html or .pdf, up to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB",
    )
    text = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 10}), label="Or paste the text"
    )
    outlet = forms.CharField(
        required=False,
        max_length=max_length(Outlet, "name"),
        help_text="Found in the page when left empty.",
    )
    title = forms.CharField(required=False, max_length=max_length(Source, "title"))
    published = forms.CharField(
        required=False, label="Published", help_text="2025-10-02, or 2025-10-02 08:48"
    )
    kind = forms.ChoiceField(
        choices=[("", "Guess from the source"), *Source.Kind.choices], required=False
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.order_by("title"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave empty to have topics suggested.",
    )

    def clean_upload(self) -> Any:
        upload = self.cleaned_data.get("upload")
        if upload and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 1024 / 1024:.1f} MB; the limit is "
                f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB."
            )
        return upload

    def clean_published(self) -> date | datetime | None:
        text = self.cleaned_data.get("published", "")
        moment = parse_moment(text)
        if text.strip() and moment is None:
            raise forms.ValidationError(MOMENT_HELP)
        return moment

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        given = [name for name in ("url", "upload", "text") if cleaned.get(name)]
        if len(given) != 1 and not self.errors:
            raise forms.ValidationError("Give one of: a web address, a file, or pasted text.")
        return cleaned


class LinkForm(LimitsShown):
    """Link a candidate span to a claim, with the value as the editor confirms it."""

    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    claim = forms.ModelChoiceField(queryset=Claim.objects.all(), to_field_name="slug")
    value = forms.CharField(required=False, max_length=max_length(Attestation, "value_text"))
    as_of = forms.DateField(required=False)
    attributed_to = forms.CharField(
        required=False, max_length=max_length(Attestation, "attributed_to")
    )

    def __init__(self, *args: Any, source: Source, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.source = source

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None and not (start < end <= len(self.source.text)):
            raise forms.ValidationError("That span is not in the source.")
        claim = cleaned.get("claim")
        if claim is not None:
            cleaned["parsed_value"] = self._value(cleaned.get("value", ""), claim.kind)
        return cleaned

    def _value(self, text: str, kind: str) -> Value | None:
        try:
            return parse_typed_value(text, kind=kind)
        except InvalidValue as error:
            self.add_error("value", str(error))
            return None


class NewClaimForm(LinkForm):
    """Create a claim from a candidate, pre-filled from what the finder saw."""

    claim = None  # type: ignore[assignment]
    topic = forms.ModelChoiceField(queryset=Topic.objects.order_by("title"))
    statement = forms.CharField(
        max_length=max_length(Claim, "statement"), widget=forms.Textarea(attrs={"rows": 2})
    )
    slug = forms.SlugField(max_length=max_length(Claim, "slug"))
    kind = forms.ChoiceField(choices=Claim.Kind.choices)
    subject = forms.CharField(required=False, max_length=max_length(Claim, "subject"))
    unit = forms.CharField(required=False, max_length=max_length(Claim, "unit"))
    entity = forms.CharField(
        required=False,
        max_length=max_length(Claim, "entity"),
        label="Counted entity",
        help_text="people, workers, votes",
    )
    predicate = forms.CharField(
        required=False,
        max_length=max_length(Claim, "predicate"),
        label="What happened",
        help_text="died, injured, laid off",
    )
    qualifiers = forms.CharField(
        required=False,
        max_length=max_length(Claim, "qualifiers"),
        help_text="serving, former, confirmed, estimated",
    )
    event = forms.CharField(
        required=False, max_length=max_length(Claim, "event"), help_text="the second strike day"
    )
    changes_over_time = forms.BooleanField(required=False)

    field_order = [
        "topic",
        "statement",
        "slug",
        "kind",
        "subject",
        "unit",
        "entity",
        "predicate",
        "qualifiers",
        "event",
        "changes_over_time",
        "value",
    ]

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if Claim.objects.filter(slug=slug).exists():
            raise forms.ValidationError("A claim with this slug exists; choose another.")
        return slug

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if kind := cleaned.get("kind"):
            cleaned["parsed_value"] = self._value(cleaned.get("value", ""), kind)
        return cleaned


class DismissForm(forms.Form):
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
