from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from sources.models import Outlet, Source
from sources.services import source_delete, source_save
from sources.signals import source_dated_or_origin_changed
from sources.text.normalise import content_hash, normalise_text


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "source_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Outlet]:
        return super().get_queryset(request).annotate(source_count=Count("sources"))

    @admin.display(ordering="source_count", description="Sources")
    def source_count(self, outlet: Outlet) -> int:
        return outlet.source_count  # type: ignore[attr-defined]


class SourceAdminForm(forms.ModelForm):
    authors = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, help_text="One name per line."
    )

    class Meta:
        model = Source
        fields = [
            "outlet",
            "title",
            "slug",
            "authors",
            "url",
            "kind",
            "language",
            "published_on",
            "published_at",
            "updated_on",
            "updated_at",
            "text",
            "copy_of",
            "agency",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 24})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial["authors"] = "\n".join(self.instance.authors or [])

    def clean_authors(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["authors"].splitlines() if line.strip()]

    def clean_text(self) -> str:
        text = normalise_text(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError("The text is empty.")
        twins = Source.objects.filter(content_hash=content_hash(text)).exclude(pk=self.instance.pk)
        if twin := twins.first():
            raise forms.ValidationError(
                format_html(
                    'The same text is already stored as <a href="{}">{}</a>.',
                    twin.get_absolute_url(),
                    twin,
                )
            )
        if self.instance.pk and text != self.instance.text:
            for attestation in self.instance.attestations.select_related("claim"):
                if text[attestation.start : attestation.end] != attestation.quote:
                    raise forms.ValidationError(
                        f"This change breaks the quote “{attestation.quote}” of the claim "
                        f"“{attestation.claim}”: edit or remove that attestation first."
                    )
        return text

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        on, at = cleaned.get("published_on"), cleaned.get("published_at")
        if on and at and at.date() != on:
            self.add_error("published_at", "The time is not on the publication date.")
        return cleaned


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceAdminForm
    list_display = ["title", "outlet", "kind", "published_on", "attestation_count"]
    list_filter = ["outlet", "kind", ("published_on", admin.DateFieldListFilter)]
    list_select_related = ["outlet"]
    search_fields = ["title", "slug", "outlet__name", "text"]
    date_hierarchy = "published_on"
    ordering = ["-published_on", "title"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["content_hash", "copy_similarity", "created", "modified"]
    autocomplete_fields = ["copy_of"]
    fieldsets = [
        (None, {"fields": ["outlet", "title", "slug", "authors", "url", "kind", "language"]}),
        ("Independence", {"fields": ["copy_of", "copy_similarity", "agency"]}),
        ("Dates", {"fields": ["published_on", "published_at", "updated_on", "updated_at"]}),
        ("Text", {"fields": ["text", "content_hash"]}),
        ("Record", {"fields": ["created", "modified"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).annotate(attestation_count=Count("attestations"))

    @admin.display(ordering="attestation_count", description="Attestations")
    def attestation_count(self, source: Source) -> int:
        return source.attestation_count  # type: ignore[attr-defined]

    def save_model(self, request: HttpRequest, obj: Source, form: Any, change: bool) -> None:
        source_save(source=obj)  # the hash, anchors and live-page entries follow text and date
        # As-of dates follow the source's date; independence follows copy_of and the agency.
        if change and {"published_on", "copy_of", "agency"} & set(form.changed_data):
            source_dated_or_origin_changed.send(sender=Source, source=obj)

    def delete_model(self, request: HttpRequest, obj: Source) -> None:
        source_delete(source=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        for source in queryset:
            source_delete(source=source)
