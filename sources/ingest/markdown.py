"""Markdown to plain text, without a Markdown library: the text a reader sees, not the markup.

Headings lose their ``#``, emphasis and code lose their markers, links and images keep their
text, block quotes and reference definitions lose their syntax, bullets become "•". Anything
unusual is left as it is, which for plain text is the safe failure.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+\s*)?$")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^(\s*)[-*+]\s+")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
# Every inline pattern is bounded ({…,500}) and stops at brackets it cannot close, so that a
# hostile line ("[[[[…", "**a **a …") costs linear time, not quadratic.
_SPAN = r"[^\n]{1,500}?"
_IMAGE = re.compile(r"!\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
_INLINE_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\([^()\n]{0,2000}\)")
_REFERENCE_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\[[^\[\]\n]{0,500}\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]{1,2000})>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,500}>")
_CODE = re.compile(r"(`{1,3})([^`\n]{1,500}?)\1")
_STRONG = re.compile(rf"(\*\*|__)(?=\S)({_SPAN})(?<=\S)\1")
_STAR_EMPHASIS = re.compile(rf"(?<![\w*])\*(?=\S)({_SPAN})(?<=\S)\*(?![\w*])")
_UNDERSCORE_EMPHASIS = re.compile(rf"(?<!\w)_(?=\S)({_SPAN})(?<=\S)_(?!\w)")
_STRIKE = re.compile(rf"~~(?=\S)({_SPAN})(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")


def markdown_to_text(markdown: str) -> tuple[str, str]:
    """The plain text of ``markdown``, and its first heading (a title guess, may be empty)."""
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    title = ""
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)  # code is kept verbatim
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        heading = _ATX_HEADING.match(line)
        if heading:
            line = heading.group(1)
            title = title or _inline(line).strip()
        elif line.strip() and _SETEXT_UNDERLINE.match(next_line) and not _RULE.match(line):
            title = title or _inline(line).strip()
        elif _SETEXT_UNDERLINE.match(line) and out and out[-1].strip():
            continue  # the underline of the heading above
        elif _RULE.match(line) or _REFERENCE_DEFINITION.match(line):
            out.append("")
            continue
        line = _QUOTE.sub("", line)
        line = _BULLET.sub(r"\1• ", line)
        out.append(_inline(line))
    return "\n".join(out), title


def _inline(text: str) -> str:
    # Code spans first, so their content is not read as emphasis; escapes last.
    text = _CODE.sub(r"\2", text)
    text = _IMAGE.sub(r"\1", text)
    text = _INLINE_LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _STAR_EMPHASIS.sub(r"\1", text)
    text = _UNDERSCORE_EMPHASIS.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)
