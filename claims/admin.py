from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from claims import services
from claims.claimants import ClaimantQuerySet
from claims.models import (
    Attestation,
    Claim,
    Claimant,
    ClaimantName,
    Topic,
    TopicQuerySet,
    value_shape_error,
)
from claims.rules.names import name_key
from claims.rules.quotes import QuoteError
from claims.rules.values import InvalidValue, format_partial_date, parse_partial_date
from sources.admin import VersionedAdmin, VersionedForm
from sources.slugs import free_slug, name_slug


class SlugFromNameForm(forms.ModelForm):
    """A slug left empty is made from the name: its Latin words, or ``kind`` and a hash of
    it for a name in another script, which the admin's prepopulating script leaves empty."""

    slug_from: str  # the field the slug is made from
    slug_kind: str  # "topic": a Chinese title's slug is "topic-3fa9c1d2"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = (
            f"Left empty, it is made from the {self.slug_from}: its Latin words, or "
            f"“{self.slug_kind}-” and a code for a {self.slug_from} in another script."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("slug") and data.get(self.slug_from):
            model = self._meta.model
            base = name_slug(data[self.slug_from], kind=self.slug_kind, max_length=190)
            data["slug"] = free_slug(model.objects.exclude(pk=self.instance.pk), base)
        return data


class TopicForm(SlugFromNameForm):
    slug_from, slug_kind = "title", "topic"


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    form = TopicForm
    list_display = ["title", "slug", "claim_count"]
    search_fields = ["title", "slug", "description"]
    prepopulated_fields = {"slug": ["title"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Topic]:
        topics = super().get_queryset(request)
        assert isinstance(topics, TopicQuerySet)
        # counted for each topic shown, not for every topic before the page is cut
        return topics.with_claim_count()

    @admin.display(ordering="claim_count", description="Claims")
    def claim_count(self, topic: Topic) -> str:
        # the claim list's way to one topic's claims: it lists no topics to filter by
        claims = reverse("admin:claims_claim_changelist")
        count = topic.claim_count  # type: ignore[attr-defined]
        return format_html('<a href="{}?topic__id__exact={}">{}</a>', claims, topic.pk, count)


class AttestationForm(VersionedForm):
    """Paste the quote; the offsets and context are found. Dates are typed as 2018, 2018-02
    or 2018-02-14, and the form of the date is its precision."""

    value_date_text = forms.CharField(
        label="Value: date", required=False, help_text="2018, 2018-02 or 2018-02-14."
    )
    value_date_end_text = forms.CharField(
        label="Value: period end", required=False, help_text="For a period: its last date."
    )

    class Meta:
        model = Attestation
        fields = [
            "source",
            "quote",
            "start",
            "value_number",
            "value_qualifier",
            "value_date_text",
            "value_date_end_text",
            "value_text",
            "as_of",
            "attributed_to",
            "claimant",
            "version",
        ]
        widgets = {"quote": forms.Textarea(attrs={"rows": 2})}
        labels = {
            "value_number": "Value: number",
            "value_qualifier": "Qualifier",
            "value_text": "Value: text",
        }
        help_texts = {
            "start": "Leave empty to find the quote; when it occurs more than once, "
            "the occurrence nearest this offset is used.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start"].required = False
        instance = self.instance
        if instance.value_date:
            precision = instance.value_date_precision
            self.initial["value_date_text"] = format_partial_date(instance.value_date, precision)
            if instance.value_date_end:
                self.initial["value_date_end_text"] = format_partial_date(
                    instance.value_date_end, precision
                )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._clean_value(cleaned)
        source, quote = cleaned.get("source"), cleaned.get("quote")
        if source and quote:
            self.instance.source, self.instance.quote = source, quote
            try:
                self.instance.place_quote(near=cleaned.get("start"))
            except QuoteError as error:
                self.add_error("quote", str(error))
            else:
                cleaned["quote"], cleaned["start"] = self.instance.quote, self.instance.start
        return cleaned

    def _clean_value(self, cleaned: dict[str, Any]) -> None:
        number, qualifier = cleaned.get("value_number"), cleaned.get("value_qualifier")
        if number is not None and not qualifier:
            cleaned["value_qualifier"] = "exact"
        if qualifier and number is None:
            self.add_error("value_qualifier", "A qualifier needs a number.")
        dates = {}
        for key in ("value_date_text", "value_date_end_text"):
            if text := cleaned.get(key, "").strip():
                try:
                    dates[key] = parse_partial_date(text)
                except InvalidValue as error:
                    self.add_error(key, str(error))
        start, end = dates.get("value_date_text"), dates.get("value_date_end_text")
        if end and not start:
            self.add_error("value_date_end_text", "A period needs a start date too.")
        elif start and end and (start[1] != end[1] or end[0] < start[0]):
            self.add_error(
                "value_date_end_text", "The end must have the start's precision and follow it."
            )
        self.instance.value_date = start[0] if start else None
        self.instance.value_date_precision = start[1] if start else ""
        self.instance.value_date_end = end[0] if start and end else None
        shapes = sum([number is not None, start is not None, bool(cleaned.get("value_text"))])
        if shapes > 1:
            raise forms.ValidationError("Give one value: a number, a date or period, or a text.")


class AttestationFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        for form in self.deleted_forms:
            assert isinstance(form, VersionedForm)
            if form.stale is not None:  # to be deleted, but changed since it was shown
                if form.keeps_newer:  # else refused already, by the form
                    form.refuse_stale()
                raise forms.ValidationError(form.stale.explained)
        for form in self.forms:
            if not getattr(form, "cleaned_data", None) or form.cleaned_data.get("DELETE"):
                continue
            if problem := value_shape_error(self.instance.kind, form.instance.value):
                form.add_error(None, problem[0].upper() + problem[1:] + ".")


class AttestationInline(admin.StackedInline):
    model = Attestation
    form = AttestationForm
    formset = AttestationFormSet
    autocomplete_fields = ["source", "claimant"]
    extra = 0
    readonly_fields = ["in_context"]
    fields = [
        "source",
        "quote",
        "start",
        "in_context",
        ("value_number", "value_qualifier"),
        ("value_date_text", "value_date_end_text"),
        "value_text",
        ("as_of", "attributed_to", "claimant"),
        "version",
    ]

    @admin.display(description="In context")
    def in_context(self, attestation: Attestation) -> str:
        if not attestation.pk:
            return "—"
        return format_html(
            "…{}<mark>{}</mark>{}…",
            attestation.context_before,
            attestation.quote,
            attestation.context_after,
        )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Attestation]:
        return super().get_queryset(request).select_related("source__outlet", "claimant")


class ClaimForm(SlugFromNameForm, VersionedForm):
    slug_from, slug_kind = "statement", "claim"


@admin.register(Claim)
class ClaimAdmin(VersionedAdmin):
    form = ClaimForm
    list_display = ["statement", "topic", "kind", "verdict", "source_count"]
    # no topic filter: it would list every topic (a topic's claims are a link on its count)
    list_filter = ["verdict", "kind", "changes_over_time"]
    list_select_related = ["topic"]
    search_fields = ["statement", "slug", "subject", "entity", "predicate", "attestations__quote"]
    prepopulated_fields = {"slug": ["statement"]}
    readonly_fields = ["verdict", "verdict_explanation"]
    inlines = [AttestationInline]
    fieldsets = [
        (None, {"fields": ["topic", "statement", "slug", "kind", "subject", "unit", "version"]}),
        ("What a quantity counts", {"fields": ["entity", "predicate", "qualifiers", "event"]}),
        (None, {"fields": ["changes_over_time"]}),
        ("Verdict (computed)", {"fields": ["verdict", "verdict_explanation"]}),
        (
            "Curators' rating (published as a schema.org ClaimReview)",
            {"fields": ["rating", "rating_explanation"]},
        ),
    ]

    # Writes go through the services, as the review queue's and the API's do; the verdict is
    # refreshed once, after the claim and all its inline attestations are saved. A claim or an
    # attestation that changed since the page was opened, and that the curator left alone
    # there, is not written (``VersionedForm``).

    def save_model(self, request: HttpRequest, obj: Claim, form: Any, change: bool) -> None:
        if not self.kept_newer(request, form):
            services.claim_save(claim=obj, refresh=False)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        formset.save(commit=False)
        for attestation in formset.deleted_objects:
            services.attestation_unlink(attestation=attestation, refresh=False)
        for changed in formset.saved_forms:
            if not self.kept_newer(request, changed):
                services.attestation_save(attestation=changed.instance, refresh=False)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.claims_refresh_verdicts(claims=[form.instance])

    def delete_model(self, request: HttpRequest, obj: Claim) -> None:
        services.claim_delete(claim=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        for claim in queryset:
            services.claim_delete(claim=claim)


class ClaimantNameFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        seen: set[str] = set()
        for form in self.forms:
            name = getattr(form, "cleaned_data", {}).get("name", "")
            if not name or form.cleaned_data.get("DELETE"):
                continue
            if name_key(name) in seen:
                form.add_error("name", f"“{name}” is given twice.")
            seen.add(name_key(name))


class ClaimantNameInline(admin.TabularInline):
    model = ClaimantName
    formset = ClaimantNameFormSet
    extra = 1
    fields = ["name"]
    verbose_name = "name sources use"
    verbose_name_plural = "names sources use (the claimant's own name among them)"


class ClaimantForm(SlugFromNameForm):
    slug_from, slug_kind = "name", "claimant"

    class Meta:
        model = Claimant
        fields = ["name", "slug"]

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        taken = ClaimantName.objects.filter(key=name_key(name)).select_related("claimant")
        other = taken.exclude(claimant_id=self.instance.pk).first()
        if other is not None:
            raise forms.ValidationError(
                f"“{name}” already names {other.claimant}: add names to that claimant instead."
            )
        return name


class ClaimantChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, claimant: Any) -> str:
        others = [f"“{n.name}”" for n in claimant.names.all() if n.name != claimant.name]
        count = claimant.attestation_count
        label = f"{claimant.name} ({count} attestation{'' if count == 1 else 's'})"
        return f"{label}, also {', '.join(others)}" if others else label


class ClaimantMergeForm(forms.Form):
    """Which of the claimants selected in the list to keep: the others are merged into it."""

    keep = ClaimantChoiceField(
        queryset=Claimant.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Keep",
    )

    def __init__(self, *args: Any, claimants: QuerySet[Claimant], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep = self.fields["keep"]
        assert isinstance(keep, ClaimantChoiceField)
        keep.queryset = claimants.prefetch_related("names")
        # the one most attestations name already, as a curator would most often choose
        busiest = max(claimants, key=lambda c: c.attestation_count)  # type: ignore[attr-defined]
        keep.initial = busiest.pk


@admin.register(Claimant)
class ClaimantAdmin(admin.ModelAdmin):
    """Who figures are attributed to, with every name sources give them: a name belongs to one
    claimant, so "the Met" typed under "Metropolitan Police" makes them one party."""

    form = ClaimantForm
    list_display = ["name", "slug", "attestation_count"]
    search_fields = ["name", "names__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ClaimantNameInline]
    actions = ["merge"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claimant]:
        claimants = super().get_queryset(request)
        assert isinstance(claimants, ClaimantQuerySet)
        return claimants.with_attestation_count()  # for each claimant shown

    @admin.action(
        description="Merge the selected claimants into one", permissions=["change", "delete"]
    )
    def merge(self, request: HttpRequest, queryset: QuerySet[Claimant]) -> TemplateResponse | None:
        """Django's action with an intermediate page: the page posts the selection back with
        ``post`` and the claimant to keep, and the others are merged into it."""
        claimants = queryset.order_by("name")
        if len(claimants) < 2:
            self.message_user(request, "Select two or more claimants to merge.", messages.WARNING)
            return None
        form = ClaimantMergeForm(
            request.POST if "post" in request.POST else None, claimants=claimants
        )
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            dropped = [c for c in claimants if c.pk != keep.pk]
            with transaction.atomic():  # all of them or none
                for drop in dropped:
                    services.claimant_merge(keep=keep, drop=drop)
            merged = ", ".join(c.name for c in dropped)
            self.log_change(request, keep, f"Merged {merged} into it.")
            self.message_user(
                request, f"Merged {len(claimants)} claimants into {keep}.", messages.SUCCESS
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge claimants",
            "subtitle": None,
            "opts": self.opts,
            "form": form,
            "claimants": claimants,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/claims/claimant/merge.html", context)

    @admin.display(ordering="attestation_count", description="Attestations")
    def attestation_count(self, claimant: Claimant) -> int:
        return claimant.attestation_count  # type: ignore[attr-defined]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # the claimant's own name is always one of its names
        services.claimant_name_add(claimant=form.instance, name=form.instance.name)
        if change and "name" in form.changed_data:
            services.claimant_claims_refresh(claimant=form.instance)  # explanations name it
