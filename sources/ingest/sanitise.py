"""Cleaning untrusted HTML with bleach, and reading plain text out of the clean result.

bleach keeps the *text* of the tags it strips, so the elements whose content is code or widgets
(scripts, styles, frames, forms' controls…) are removed with their content first, on a parsed
tree, and only the document's body goes through bleach.
"""

from __future__ import annotations

import re

import bleach
import lxml.etree
import lxml.html

from sources.text.normalise import normalise_text

# Removed with everything inside them before bleach runs.
DROPPED_ELEMENTS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "canvas",
        "audio",
        "video",
        "button",
        "select",
        "textarea",
        "input",
        "dialog",
        "head",
        "title",
        "meta",
        "link",
        "base",
    }
)
# The structure an article needs, and the sectioning tags (nav, aside, footer) that tell
# trafilatura what is not the article. No images, no forms, no style.
ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "article",
        "aside",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "i",
        "ins",
        "li",
        "main",
        "mark",
        "nav",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "section",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title"],
    "abbr": ["title"],
    "blockquote": ["cite"],
    "q": ["cite"],
    "ol": ["start"],
    "td": ["colspan", "rowspan"],
    "th": ["colspan", "rowspan", "scope"],
    "time": ["datetime"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

# Paragraph-like blocks: a blank line before and after.
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "div",
        "dl",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    }
)
# Lines within a block: list items, definition terms, table rows.
_LINES = frozenset({"li", "dt", "dd", "tr"})
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SPACES = re.compile(r"\s+")


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """The page as an lxml tree (comments and processing instructions dropped), or None when
    there is nothing to parse."""
    html = _XML_DECLARATION.sub("", html)  # lxml refuses str input that declares an encoding
    if not html.strip():
        return None
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        return lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def sanitise_html(html: str) -> str:
    """The body of ``html`` with scripts, styles, event handlers and every tag or attribute
    outside a small structural allowlist removed. Safe to store and to show."""
    tree = parse_html(html)
    if tree is None:
        return ""
    body = tree.find("body")
    root = body if body is not None else tree
    doomed = [
        element
        for element in root.iter()
        if isinstance(element.tag, str)
        and (element.tag.lower() in DROPPED_ELEMENTS or element.get("hidden") is not None)
    ]
    for element in doomed:
        if element is not root and element.getparent() is not None:
            element.drop_tree()  # keeps the tail text, which belongs to the parent
    fragment = (root.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in root
    )
    cleaned = bleach.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    return cleaned.strip()


def html_to_text(html: str, *, page_only: bool = False) -> str:
    """Plain text of (already sanitised) HTML: blocks become paragraphs, list items and table
    rows lines, ``<br>`` a line break; other white space collapses as a browser shows it.

    With ``page_only``, the site's chrome is left out: navigation, asides, the page-level header
    and footer, and everything outside ``<main>`` when there is one.
    """
    if not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    if page_only:
        root = _without_chrome(root)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.text and not _in_pre(element):
            element.text = _SPACES.sub(" ", element.text)
        parent = element.getparent()
        if element.tail and (parent is None or not _in_pre(parent)):
            element.tail = _SPACES.sub(" ", element.tail)
    for listing in root.iter("ol", "ul"):
        try:
            number = int(listing.get("start") or 1)
        except ValueError:
            number = 1
        for item in listing.iterchildren("li"):
            # An item that holds blocks (a live page's entries) is not a bullet point.
            if (item.text or "").strip() or len(item) == 0 or item[0].tag not in _BLOCKS:
                marker = f"{number}. " if listing.tag == "ol" else "• "
                item.text = marker + (item.text or "").lstrip()
            number += 1
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in _BLOCKS or tag in _LINES:
            # Layout white space between blocks is not text.
            element.tail = element.tail if element.tail and element.tail.strip() else None
        if tag in _BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
        elif tag in _LINES:
            # A line break before each item only, so that items are lines, not paragraphs.
            element.text = "\n" + (element.text or "")
        elif tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in ("td", "th"):
            element.text = " " + (element.text or "")
    return normalise_text(root.text_content())


def _in_pre(element: lxml.html.HtmlElement) -> bool:
    return element.tag == "pre" or any(
        ancestor.tag == "pre" for ancestor in element.iterancestors()
    )


def _without_chrome(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    main = next(root.iter("main"), None)
    if main is not None:
        root = main
    doomed = [
        element
        for element in root.iter("nav", "aside", "header", "footer")
        if element.tag in ("nav", "aside")
        # An article's own header and footer hold its headline, byline and time.
        or not any(ancestor.tag in ("article", "section") for ancestor in element.iterancestors())
    ]
    for element in doomed:
        if element is not root:
            element.drop_tree()
    return root
