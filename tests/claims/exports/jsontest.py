"""Run the W3C Web Annotation model tests (tests/conformance/web-annotation) on a document.

A ``.test`` file lists assertions, each a path to a draft-04 JSON Schema file (relative to the
web-annotation folder when it has a slash), an inline assertion object, an object naming an
``assertionFile`` whose keys it overrides, a condition object (``assertions`` combined with
``compareWith`` "and"/"or"), or a nested list. Every assertion says whether validating should
succeed (``expectedResult``, default "valid") and what to do otherwise (``onUnexpectedResult``:
fail or pass, then continue, skip the rest of the list, or abort), as the WPT annotation-model
README defines. The schemas ``$ref`` each other and ``definitions/*.json`` by bare file name;
those resolve from disk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT4

from tests.claims.exports.seed import CONFORMANCE

ROOT = CONFORMANCE / "web-annotation"
DEFINITIONS = ROOT / "definitions"

# jsonschema only checks "uri" and "date-time" with optional packages that are not installed;
# the assertions tell strings from URIs by format, so both are checked here.
FORMATS = jsonschema.FormatChecker(formats=())


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    """RFC 3986: a scheme, then no spaces."""
    if not isinstance(value, str):
        return True
    scheme = urlsplit(value).scheme
    return bool(scheme) and not any(char.isspace() for char in value)


@FORMATS.checks("date-time")
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if "T" not in value or not (value.endswith("Z") or value[-6] in "+-"):
        return False  # RFC 3339 wants a time and an offset
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as file:
        return json.load(file)


@cache
def _retrieve(uri: str) -> Resource[Any]:
    path = DEFINITIONS / uri.rsplit("/", 1)[-1]
    if not path.is_file():
        raise NoSuchResource(ref=uri)
    return Resource.from_contents(_load(path), default_specification=DRAFT4)


REGISTRY: Registry[Any] = Registry(retrieve=_retrieve)


@cache
def _assertion_file(relative: str, base: Path) -> dict[str, Any]:
    path = ROOT / relative if "/" in relative else base / relative
    data: dict[str, Any] = _load(path)
    return data


def is_valid(schema: dict[str, Any], instance: Any) -> bool:
    return jsonschema.Draft4Validator(schema, registry=REGISTRY, format_checker=FORMATS).is_valid(
        instance
    )


@dataclass
class Report:
    failures: list[str] = field(default_factory=list)
    aborted: bool = False


def run_test_file(relative: str, instance: Any) -> list[str]:
    """The failures (error messages) of ``instance`` against a ``.test`` file's assertions."""
    path = ROOT / relative
    return run_assertions(_load(path)["assertions"], instance, base=path.parent)


def run_assertions(assertions: list[Any], instance: Any, *, base: Path = ROOT) -> list[str]:
    report = Report()
    _run_list(assertions, instance, base, report)
    return report.failures


def _run_list(assertions: list[Any], instance: Any, base: Path, report: Report) -> bool:
    """Evaluate a list in order; True when nothing in it failed."""
    passed = True
    for entry in assertions:
        if isinstance(entry, list):
            ok, action, message = _run_list(entry, instance, base, report), "failAndContinue", ""
        else:
            assertion = _resolve(entry, base)
            ok = _outcome(assertion, instance, base, report)
            action = assertion.get("onUnexpectedResult", "failAndContinue")
            message = assertion.get("errorMessage") or assertion.get("title", str(entry))
            if not ok and action.startswith("fail"):
                report.failures.append(f"{entry if isinstance(entry, str) else ''} {message}")
        if ok:
            continue
        passed = passed and not action.startswith("fail")
        if action.endswith("Abort"):
            report.aborted = True
        if action.endswith(("Skip", "Abort")) or report.aborted:
            break
    return passed


def _resolve(entry: str | dict[str, Any], base: Path) -> dict[str, Any]:
    if isinstance(entry, str):
        return _assertion_file(entry, base)
    if "assertionFile" in entry:
        # The file's schema, with the object's own keys (title, expectedResult…) overriding.
        loaded = _assertion_file(entry["assertionFile"], base)
        return {**loaded, **{k: v for k, v in entry.items() if k != "assertionFile"}}
    return entry


def _outcome(assertion: dict[str, Any], instance: Any, base: Path, report: Report) -> bool:
    """Did the assertion give its expected result?"""
    if "assertions" in assertion:  # a condition object
        children = [
            _outcome(_resolve(child, base), instance, base, Report())
            if not isinstance(child, list)
            else _run_list(child, instance, base, Report())
            for child in assertion["assertions"]
        ]
        valid = any(children) if assertion.get("compareWith", "and") == "or" else all(children)
    else:
        valid = is_valid(assertion, instance)
    return valid == (assertion.get("expectedResult", "valid") == "valid")
