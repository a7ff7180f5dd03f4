from __future__ import annotations

from typing import Any

from django import forms

from sources.models import Source


class SourceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.outlet.name}: {obj.title} ({obj.published_on:%-d %b %Y})"


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
