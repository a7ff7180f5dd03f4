"""Metadata of an HTML page: title, bylines, dates, language and schema.org types.

Read from the original page's ``<head>`` (meta tags, JSON-LD), which sanitising removes. Nothing
here keeps any of the page's markup. trafilatura supplies title and authors; the dates are read
here too because trafilatura keeps only the day, and live pages need the time.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import lxml.html
import trafilatura
from trafilatura.settings import Document

from sources.ingest.sanitise import parse_html
from sources.text.moments import parse_moment

# Meta tag names and properties that carry a date, best first.
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
)
_UPDATED_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dc.date.modified",
    "dcterms.modified",
)
# JSON-LD types whose dates are the page's own (not those of an embedded video or a publisher).
_ARTICLE_TYPES = re.compile(r"Article|Posting|Report|Release|WebPage|CreativeWork", re.I)
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_MAX_JSON_LD_CHARS = 1_000_000


@dataclass
class PageMetadata:
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: date | datetime | None = None
    updated: date | datetime | None = None
    language: str = ""
    types: set[str] = field(default_factory=set)  # schema.org @type and og:type values


def read_metadata(html: str, *, url: str = "") -> PageMetadata:
    """Whatever the page says about itself; every field may be empty."""
    tree = parse_html(html)
    if tree is None:
        return PageMetadata()
    meta = _meta_tags(tree)
    objects = _json_ld_objects(tree)
    own = [obj for obj in objects if _ARTICLE_TYPES.search(" ".join(_types(obj)))] or objects
    try:
        document = trafilatura.extract_metadata(html, default_url=url or None, extensive=False)
    except Exception:  # odd markup must cost us the title and bylines, not the whole page
        document = Document()

    published = _first_moment(
        [str(obj["datePublished"]) for obj in own if "datePublished" in obj]
        + [meta[key] for key in _PUBLISHED_KEYS if key in meta]
        + _time_elements(tree, "datePublished")
        + ([document.date] if document.date else [])
    )
    updated = _first_moment(
        [str(obj["dateModified"]) for obj in own if "dateModified" in obj]
        + [meta[key] for key in _UPDATED_KEYS if key in meta]
        + _time_elements(tree, "dateModified")
    )
    authors = [name.strip() for name in (document.author or "").split(";") if name.strip()]
    if not authors and meta.get("author"):
        authors = [meta["author"].strip()]
    types = {value for obj in objects for value in _types(obj)}
    if meta.get("og:type"):
        types.add(meta["og:type"])
    return PageMetadata(
        title=(document.title or meta.get("og:title", "")).strip(),
        authors=authors,
        published=published,
        updated=updated,
        language=_language(tree, meta, own),
        types=types,
    )


def page_moment(value: str) -> date | datetime | None:
    """A date or time a page gives in its metadata. A time without a zone keeps only its date:
    we cannot tell which zone the site meant, and verdicts use the date."""
    moment = parse_moment(value)
    if isinstance(moment, datetime) and moment.tzinfo is None:
        return moment.date()
    return moment


def _first_moment(values: list[str]) -> date | datetime | None:
    for value in values:
        moment = page_moment(value)
        if moment is not None:
            return moment
    return None


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """``<meta>`` contents by lower-cased name, property, itemprop or http-equiv; first wins."""
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = element.get("content")
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (element.get(attribute) or "").strip().lower()
            if key:
                tags.setdefault(key, content)
    return tags


def _time_elements(tree: lxml.html.HtmlElement, itemprop: str) -> list[str]:
    return [
        element.get("datetime") or element.text_content()
        for element in tree.iter("time")
        if (element.get("itemprop") or "").lower() == itemprop.lower()
    ]


def _json_ld_objects(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks, @graph members included, outermost first.
    Broken or deeply nested JSON is skipped."""
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        source = script.text or ""
        if len(source) > _MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(source)
        except (ValueError, RecursionError):
            continue
        pending: list[Any] = [data]
        while pending and len(objects) < 1000:
            item = pending.pop(0)
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                if "@graph" in item:
                    pending.append(item["@graph"])
    return objects


def _types(obj: dict[str, Any]) -> list[str]:
    value = obj.get("@type", [])
    values = value if isinstance(value, list) else [value]
    return [str(item) for item in values if isinstance(item, str)]


def _language(
    tree: lxml.html.HtmlElement, meta: dict[str, str], objects: list[dict[str, Any]]
) -> str:
    candidates = [
        tree.get("lang") or "",
        tree.get("xml:lang") or "",
        meta.get("content-language", ""),
        meta.get("language", ""),
        meta.get("og:locale", ""),
        *[str(obj["inLanguage"]) for obj in objects if isinstance(obj.get("inLanguage"), str)],
    ]
    for candidate in candidates:
        tag = candidate.split(",")[0].strip().replace("_", "-")
        if tag and len(tag) <= 35 and _LANGUAGE_TAG.match(tag):
            return tag
    return ""
