"""Values as a source states them: a number with a qualifier, a date or period at a
precision, or a short text. Pure Python: the dataset's JSON shapes and the human wording of
values live here; how values are compared lives in ``claims.rules.verdicts``."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROXIMATELY = "approximately"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class InvalidValue(ValueError):
    """A value that does not fit the dataset's shapes; the message says why."""


@dataclass(frozen=True)
class Quantity:
    number: Decimal
    qualifier: Qualifier = Qualifier.EXACT


@dataclass(frozen=True)
class DateValue:
    """A date at a precision, or a period from ``start`` to ``end`` at one precision.

    A date coarser than a day is held as the first day of its year or month.
    """

    start: date
    precision: Precision
    end: date | None = None

    @property
    def is_period(self) -> bool:
        return self.end is not None

    @property
    def last(self) -> date:
        return self.end if self.end is not None else self.start


@dataclass(frozen=True)
class TextValue:
    text: str

    @property
    def key(self) -> str:
        """What two texts must share to count as the same: their letters and digits, any case,
        so "Re-opened" and "reopened" match."""
        return "".join(char for char in self.text.casefold() if char.isalnum())


Value = Quantity | DateValue | TextValue

_PARTIAL_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def parse_partial_date(text: str) -> tuple[date, Precision]:
    """``"2018"``, ``"2018-02"`` or ``"2018-02-14"`` → (first day it covers, precision)."""
    match = _PARTIAL_DATE.match(text.strip()) if isinstance(text, str) else None
    if not match:
        raise InvalidValue(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    precision = Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
    try:
        return date(int(year), int(month or 1), int(day or 1)), precision
    except ValueError:
        raise InvalidValue(f"{text!r} is not a valid date") from None


def format_partial_date(value: date, precision: Precision) -> str:
    if precision == Precision.YEAR:
        return f"{value.year:04d}"
    if precision == Precision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def truncate(value: date, precision: Precision) -> date:
    """The first day of the year or month ``value`` falls in, at ``precision``."""
    if precision == Precision.YEAR:
        return date(value.year, 1, 1)
    if precision == Precision.MONTH:
        return date(value.year, value.month, 1)
    return value


def coarser(a: Precision, b: Precision) -> Precision:
    order = [Precision.YEAR, Precision.MONTH, Precision.DAY]
    return order[min(order.index(a), order.index(b))]


def value_from_json(data: Any) -> Value | None:
    """Read one dataset value (see docs/dataset-format.md); ``None`` stays ``None``."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise InvalidValue("a value must be an object or null")
    shapes = {"number", "date", "period", "text"} & data.keys()
    if len(shapes) != 1:
        raise InvalidValue('a value needs exactly one of "number", "date", "period" or "text"')
    (shape,) = shapes
    allowed = {"number": {"number", "qualifier"}}.get(shape, {shape})
    if extra := data.keys() - allowed:
        raise InvalidValue(f"unexpected key {sorted(extra)[0]!r} in a {shape} value")
    if shape == "number":
        return _quantity_from_json(data)
    if shape == "date":
        start, precision = parse_partial_date(data["date"])
        return DateValue(start, precision)
    if shape == "period":
        return _period_from_json(data["period"])
    text = data["text"]
    if not isinstance(text, str) or not text.strip():
        raise InvalidValue("a text value must be a non-empty string")
    return TextValue(text.strip())


def _quantity_from_json(data: dict[str, Any]) -> Quantity:
    raw = data["number"]
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
        raise InvalidValue(f"{raw!r} is not a number")
    try:
        number = Decimal(str(raw))
    except InvalidOperation:
        raise InvalidValue(f"{raw!r} is not a number") from None
    if not number.is_finite():
        raise InvalidValue(f"{raw!r} is not a finite number")
    try:
        qualifier = Qualifier(data.get("qualifier", Qualifier.EXACT))
    except ValueError:
        choices = ", ".join(q.value for q in Qualifier)
        raise InvalidValue(f"qualifier must be one of {choices}") from None
    return Quantity(number, qualifier)


def _period_from_json(raw: Any) -> DateValue:
    if not isinstance(raw, list) or len(raw) != 2:
        raise InvalidValue("a period is a list of two dates, start first")
    (start, start_precision), (end, end_precision) = map(parse_partial_date, raw)
    if start_precision != end_precision:
        raise InvalidValue("both ends of a period must have the same precision")
    if end < start:
        raise InvalidValue(f"the period ends ({raw[1]}) before it starts ({raw[0]})")
    return DateValue(start, start_precision, end)


def value_to_json(value: Value | None) -> dict[str, Any] | None:
    match value:
        case None:
            return None
        case Quantity(number, qualifier):
            out: dict[str, Any] = {"number": json_number(number)}
            if qualifier != Qualifier.EXACT:
                out["qualifier"] = qualifier.value
            return out
        case DateValue(start, precision, None):
            return {"date": format_partial_date(start, precision)}
        case DateValue(start, precision, end) if end is not None:
            return {
                "period": [
                    format_partial_date(start, precision),
                    format_partial_date(end, precision),
                ]
            }
        case TextValue(text):
            return {"text": text}
    raise TypeError(f"not a value: {value!r}")


def json_number(number: Decimal) -> int | float:
    """An integral Decimal as an int, anything else as the nearest float."""
    return int(number) if number == number.to_integral_value() else float(number)


_QUALIFIER_WORDS = {
    Qualifier.EXACT: "",
    Qualifier.APPROXIMATELY: "about ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.AT_MOST: "at most ",
}


def describe(value: Value | None) -> str:
    """A value in words, for explanations and pages: "about 1,500", "2015–2017"."""
    match value:
        case None:
            return "no separate value"
        case Quantity(number, qualifier):
            return f"{_QUALIFIER_WORDS[qualifier]}{number.normalize():,f}"
        case DateValue(start, precision, None):
            return describe_date(start, precision)
        case DateValue(start, precision, end) if end is not None:
            return f"{describe_date(start, precision)}–{describe_date(end, precision)}"
        case TextValue(text):
            return f"“{text}”"
    raise TypeError(f"not a value: {value!r}")


def describe_date(value: date, precision: Precision) -> str:
    if precision == Precision.YEAR:
        return str(value.year)
    if precision == Precision.MONTH:
        return f"{calendar.month_name[value.month]} {value.year}"
    return f"{value.day} {calendar.month_name[value.month]} {value.year}"


_NUMBER_WORDS = {
    "about": Qualifier.APPROXIMATELY,
    "~": Qualifier.APPROXIMATELY,
    "at least": Qualifier.AT_LEAST,
    ">=": Qualifier.AT_LEAST,
    "at most": Qualifier.AT_MOST,
    "<=": Qualifier.AT_MOST,
}
_TYPED_NUMBER = re.compile(
    r"^(?P<qualifier>about|~|at least|>=|at most|<=)?\s*(?P<number>-?[0-9][0-9,]*(?:\.[0-9]+)?)$"
)
_TYPED_PERIOD = re.compile(r"^(?P<start>[0-9-]+)\s*(?:\.\.|–|—| to )\s*(?P<end>[0-9-]+)$")


def parse_typed_value(text: str, *, kind: str) -> Value | None:
    """A value as an editor types it: "9", "about 1,500", "at least 90", "2018-02",
    "2015..2017" (a period), or any text for status, quote, event and other claims; "" is none.
    Raises ``InvalidValue`` with a message for the form."""
    text = text.strip()
    if not text:
        return None
    if kind == "quantity":
        match = _TYPED_NUMBER.match(text.lower())
        if not match:
            raise InvalidValue('type a number, e.g. "9", "about 1,500", "at least 90"')
        qualifier = _NUMBER_WORDS.get(match["qualifier"] or "", Qualifier.EXACT)
        return Quantity(Decimal(match["number"].replace(",", "")), qualifier)
    if kind == "date":
        if match := _TYPED_PERIOD.match(text):
            return value_from_json({"period": [match["start"], match["end"]]})
        start, precision = parse_partial_date(text)
        return DateValue(start, precision)
    return TextValue(text)


def typed_value(value: Value | None) -> str:
    """The inverse of ``parse_typed_value``: what an editor's form shows."""
    match value:
        case None:
            return ""
        case Quantity(number, qualifier):
            words = {v: k for k, v in _NUMBER_WORDS.items() if k.isalpha() or " " in k}
            prefix = words.get(qualifier, "")
            return f"{prefix} {number.normalize():f}".strip()
        case DateValue(start, precision, None):
            return format_partial_date(start, precision)
        case DateValue(start, precision, end) if end is not None:
            return f"{format_partial_date(start, precision)}..{format_partial_date(end, precision)}"
        case TextValue(text):
            return text
    raise TypeError(f"not a value: {value!r}")
