"""Every template is ready for a strict Content-Security-Policy: styles only from static CSS
files, scripts only from static JS files. No ``style="…"`` attribute, no ``<style>`` element,
no ``<script>`` without ``src`` (a JSON data block, ``type="application/…json"``, runs
nothing and is allowed), no ``on…=`` handler and no ``javascript:`` address."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Django tags and comments can hold anything: they are left out before looking at the markup.
DJANGO_TAG = re.compile(r"{%.*?%}|{#.*?#}|{{.*?}}", re.S)
INLINE = {
    "a style attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I | re.S),
    "a <style> element": re.compile(r"<style[\s>]", re.I),
    "an event handler attribute": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I | re.S),
    "a javascript: address": re.compile(r"javascript:", re.I),
}
SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)
DATA_TYPE = re.compile(r"""\stype\s*=\s*["']?application/(ld\+)?json""", re.I)


def inline_code(markup: str) -> list[str]:
    """What in ``markup`` a strict policy would block."""
    markup = DJANGO_TAG.sub(" ", markup)
    found = [what for what, pattern in INLINE.items() if pattern.search(markup)]
    for attributes in SCRIPT.findall(markup):
        if not re.search(r"\ssrc\s*=", attributes) and not DATA_TYPE.search(attributes):
            found.append(f"a <script{attributes}> without src")
    return found


def test_it_finds_each_kind_of_inline_code():
    assert inline_code('<p style="color: red">') == ["a style attribute"]
    assert inline_code("<style>p { color: red }</style>") == ["a <style> element"]
    assert inline_code('<button onclick="go()">') == ["an event handler attribute"]
    assert inline_code('<a href="javascript:go()">') == ["a javascript: address"]
    assert inline_code("<script>go()</script>") == ["a <script> without src"]
    assert inline_code("<script src=\"{% static 'js/cite.js' %}\" defer></script>") == []
    assert inline_code('<script type="application/ld+json">{}</script>') == []
    assert inline_code('<p class="stylish" data-online="1">{{ style }}</p>') == []


@pytest.mark.parametrize(
    "template", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_no_template_holds_inline_styles_or_scripts(template: Path):
    assert inline_code(template.read_text(encoding="utf-8")) == []
