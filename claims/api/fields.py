"""Serializer fields for the API's own shapes, each with the OpenAPI schema that documents it.

Values keep the dataset's JSON shapes (docs/dataset-format.md), so what the API returns can be
pasted into a dataset file and the other way round.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.utils import timezone
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import VERDICT_CHOICES
from claims.rules.values import InvalidValue, Qualifier, Value, value_from_json, value_to_json

PARTIAL_DATE = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


def absolute(request: Any, path: str) -> str:
    """``path`` as a full address when the serializer knows the request."""
    return request.build_absolute_uri(path) if request is not None else path


class ValueField(serializers.Field):
    """A value as a source states it: a number, a date, a period or a text, or null."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value: Value) -> dict[str, Any] | None:
        return value_to_json(value)

    def to_internal_value(self, data: Any) -> Value | None:
        try:
            return value_from_json(data)
        except InvalidValue as error:
            raise serializers.ValidationError(str(error)) from None


@extend_schema_field(
    {
        "anyOf": [
            {"type": "string", "format": "date"},
            {"type": "string", "format": "date-time"},
        ],
        "description": "A date, or a date and time with its UTC offset when the time is known.",
    }
)
class MomentField(serializers.Field):
    """A date, or a datetime in local time with its offset: how the dataset writes them."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: date | datetime) -> str:
        if isinstance(value, datetime):
            return timezone.localtime(value).isoformat()
        return value.isoformat()


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The address of the object's page on the site (``get_absolute_url``)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.update(read_only=True, source="*")
        super().__init__(**kwargs)

    def to_representation(self, obj: Any) -> str:
        return absolute(self.context.get("request"), obj.get_absolute_url())


class NamedChoiceField(serializers.ChoiceField):
    """A choice documented as a named enum component (``ClaimKind``, ``SourceKind``): claims
    and sources both have a ``kind``, and drf-spectacular would otherwise name them after a
    hash of their choices."""

    def __init__(self, *, component: str, **kwargs: Any) -> None:
        self.component = component
        super().__init__(**kwargs)


class VerdictField(NamedChoiceField):
    """A claim's verdict; null while no source states the claim (stored as "")."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.update(component="Verdict", choices=VERDICT_CHOICES, read_only=True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value: str) -> str | None:  # type: ignore[override]  # null: none
        return super().to_representation(value) or None


# The OpenAPI side.


def component_ref(auto_schema: Any, name: str, schema: dict[str, Any]) -> dict[str, str]:
    """Register ``schema`` as the component ``name`` (once) and return a reference to it."""
    component = ResolvedComponent(
        name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema
    )
    auto_schema.registry.register_on_missing(component)
    return component.ref


def _value_shapes(auto_schema: Any) -> list[dict[str, str]]:
    partial_date = {"type": "string", "pattern": PARTIAL_DATE, "example": "2018-02"}
    qualifier = component_ref(
        auto_schema,
        "Qualifier",
        {
            "type": "string",
            "enum": [q.value for q in Qualifier],
            "description": "How exact the number is; `exact` when left out.",
        },
    )
    shapes = {
        "NumberValue": {
            "type": "object",
            "description": "A number, for quantity claims.",
            "properties": {"number": {"type": "number"}, "qualifier": qualifier},
            "required": ["number"],
            "additionalProperties": False,
            "example": {"number": 1500, "qualifier": "approximately"},
        },
        "DateValue": {
            "type": "object",
            "description": "A date whose precision is its form: YYYY, YYYY-MM or YYYY-MM-DD.",
            "properties": {"date": partial_date},
            "required": ["date"],
            "additionalProperties": False,
        },
        "PeriodValue": {
            "type": "object",
            "description": "Two dates of the same precision, start first.",
            "properties": {
                "period": {"type": "array", "items": partial_date, "minItems": 2, "maxItems": 2}
            },
            "required": ["period"],
            "additionalProperties": False,
            "example": {"period": ["2024-08", "2025-01"]},
        },
        "TextValue": {
            "type": "object",
            "description": "A short text, for status, quote, event and other claims.",
            "properties": {"text": {"type": "string", "minLength": 1}},
            "required": ["text"],
            "additionalProperties": False,
            "example": {"text": "disbanded"},
        },
    }
    return [component_ref(auto_schema, name, schema) for name, schema in shapes.items()]


class ValueFieldExtension(OpenApiSerializerFieldExtension):
    target_class = ValueField

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        return component_ref(
            auto_schema,
            "Value",
            {
                "description": "The value as this source states it, in the dataset's shapes "
                "(docs/dataset-format.md); null when the quote states the claim without one.",
                "oneOf": _value_shapes(auto_schema),
            },
        )


class NamedChoiceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = NamedChoiceField
    match_subclasses = True

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        field: NamedChoiceField = self.target
        labels = "\n".join(f"* `{value}`: {label}" for value, label in field.choices.items())
        return component_ref(
            auto_schema,
            field.component,
            {"type": "string", "enum": list(field.choices), "description": labels},
        )
