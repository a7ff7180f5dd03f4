from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import forms
from django.db import models
from django.utils.html import format_html
from django.utils.safestring import SafeString

from claims.models import Attestation, Claim, Topic
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


class SourceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> SafeString:
        # The outlet and the title are each set apart (<bdi>), so a name in a right-to-left
        # script keeps its own order and leaves the date's alone.
        return format_html(
            "<bdi>{}</bdi>: <bdi>{}</bdi> ({})",
            obj.outlet.name,
            obj.title,
            f"{obj.published_on:%-d %b %Y}",
        )


class CompareForm(forms.Form):
    source = SourceChoiceField(
        queryset=Source.objects.with_outlet().latest_first(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        label="Sources to compare",
    )

    def clean_source(self) -> list[Source]:
        chosen = list(self.cleaned_data["source"])
        if len(chosen) < 2:
            raise forms.ValidationError("Pick at least two sources to compare.")
        return chosen


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
