from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.forms import BoundField
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.html import format_html

from sources.models import Outlet, Source, SourceQuerySet, StaleEdit, Versioned
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


class ShowsStoredIfUntouched(BoundField):
    """A field of a stale form that the user had not changed shows the value stored now, so
    that sending the form again does not put back what someone else has changed since."""

    def value(self) -> Any:
        if self.name in getattr(self.form, "shows_stored", ()):
            return self.field.prepare_value(self.initial)  # the form's initial: the row now
        return super().value()


class VersionedForm(forms.ModelForm):
    """The change form of a ``Versioned`` row, with the version it was loaded at (hidden).

    When the row has moved on since, the form is compared with the row as it was at that
    version (its history). If the user changed something, the form is refused, saying who
    changed the row, when and what it holds now; it is shown again with what the user changed,
    the other fields as they are stored now, and the version now stored, so that sending it
    again after a look is accepted. If the user changed nothing in it (an inline they left
    alone), it is not saved at all (``keeps_newer``): the newer row stays as it is."""

    bound_field_class = ShowsStoredIfUntouched
    stale: StaleEdit | None = None
    keeps_newer = False
    shows_stored: frozenset[str] = frozenset()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].widget = forms.HiddenInput()
        self.fields["version"].required = False

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        instance = self.instance
        assert isinstance(instance, Versioned)
        loaded = cleaned.get("version")
        if instance._state.adding or loaded == instance.version:
            return cleaned
        if loaded is None:
            self.add_error(None, "This form came without its version: reload the page.")
            return cleaned
        self.stale = instance.stale_edit(loaded=loaded)
        edited = self._edited_since(loaded)
        if self.stale.version is not None:  # from now on, the user has seen this one
            data = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict or a dict
            data[self.add_prefix("version")] = str(self.stale.version)
            self.data = data
        if edited:
            self.refuse_stale()
        else:
            self.keeps_newer = True
        return cleaned

    def refuse_stale(self) -> None:
        assert self.stale is not None
        kept = " Your changes are kept below; the fields you had not changed show it as it is now."
        self.add_error(None, self.stale.explained + (kept if self.shows_stored else ""))

    def _edited_since(self, loaded: int) -> bool:
        """Does what was sent differ from the row as it was at version ``loaded``? The fields
        it does not differ in are to show the row as it is now (``shows_stored``)."""
        model = type(self.instance)
        records = model.history.filter(id=self.instance.pk, version=loaded)
        record = records.order_by("-history_date", "-history_id").first()
        if record is None:
            return True  # nothing to compare with: the user must look
        then = type(self)(self.data, self.files, instance=record.instance, prefix=self.prefix)
        edited = set(then.changed_data) - {"version"}
        self.shows_stored = frozenset(then.fields) - edited - {"version"}
        return bool(edited)


class VersionedAdmin(admin.ModelAdmin):
    """The admin of a ``Versioned`` model, whose form is a ``VersionedForm``."""

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleEdit:
            # Another save came in after this form was checked and before it was written (the
            # services' conditional UPDATE); all of this one was undone. Check it again against
            # theirs: it is refused, or left alone, as if theirs had come first.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def delete_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        try:
            return super().delete_view(request, object_id, extra_context)
        except StaleEdit:  # changed as it was being deleted: the deletion confirmed is of it
            return super().delete_view(request, object_id, extra_context)

    def kept_newer(self, request: HttpRequest, form: Any) -> bool:
        """Was ``form`` left alone because its row moved on and the user had not changed it?
        Its instance is then the stored row again, and the user is told."""
        if not form.keeps_newer:
            return False
        form.instance.refresh_from_db()
        stale = form.stale
        when = (
            f" at {timezone.localtime(stale.changed_at):%-d %B %Y %H:%M}"
            if stale.changed_at
            else ""
        )
        self.message_user(
            request,
            f"{form.instance} was changed by {stale.changed_by or 'someone else'}{when} while "
            "you had it open; you had not changed it, so their version is kept.",
            messages.WARNING,
        )
        return True


class SourceAdminForm(VersionedForm):
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
            "version",
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
class SourceAdmin(VersionedAdmin):
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
        (
            None,
            {
                "fields": [
                    "outlet",
                    "title",
                    "slug",
                    "authors",
                    "url",
                    "kind",
                    "language",
                    "version",
                ]
            },
        ),
        ("Independence", {"fields": ["copy_of", "copy_similarity", "agency"]}),
        ("Dates", {"fields": ["published_on", "published_at", "updated_on", "updated_at"]}),
        ("Text", {"fields": ["text", "content_hash"]}),
        ("Record", {"fields": ["created", "modified"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        sources = super().get_queryset(request)
        assert isinstance(sources, SourceQuerySet)
        # counted for each source shown, not for every source before the page is cut
        return sources.with_attestation_counts()

    @admin.display(ordering="attestation_count", description="Attestations")
    def attestation_count(self, source: Source) -> int:
        return source.attestation_count  # type: ignore[attr-defined]

    def save_model(self, request: HttpRequest, obj: Source, form: Any, change: bool) -> None:
        if self.kept_newer(request, form):
            return
        source_save(source=obj)  # the hash, anchors and live-page entries follow text and date
        # As-of dates follow the source's date; independence follows copy_of and the agency.
        if change and {"published_on", "copy_of", "agency"} & set(form.changed_data):
            source_dated_or_origin_changed.send(sender=Source, source=obj)

    def delete_model(self, request: HttpRequest, obj: Source) -> None:
        source_delete(source=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        for source in queryset:
            source_delete(source=source)
