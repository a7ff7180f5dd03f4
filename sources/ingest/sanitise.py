"""Cleaning untrusted HTML with nh3, and reading plain text out of the clean result.

nh3 (Python bindings to the Rust ammonia library) is the maintained successor of bleach, which
is deprecated upstream. Like bleach it keeps the *text* of the tags it strips, so the elements
whose content is code or widgets (scripts, styles, frames, forms' controls…) are removed with
their content: first on an lxml tree, where the ``hidden`` attribute can be seen and the body
found, then again by nh3 itself, so that markup that only becomes such an element when the HTML
is parsed a second time is dropped too.
"""

from __future__ import annotations

import re
from html import escape

import lxml.etree
import lxml.html
import nh3

from sources.text.normalise import normalise_text

# Removed with everything inside them.
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
    "a": {"href", "title"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
# nh3 checks the scheme of href but not of cite, so these are checked here.
_URL_ATTRIBUTES = frozenset({"cite"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
# Removed before the scheme is read: a browser ignores tabs and line breaks anywhere in a URL,
# and spaces and control characters around it.
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")
# Block-level tags outside the allowlist: nh3 strips them leaving nothing, so a line break
# stands for each, as a browser shows it, and words either side stay apart.
_STRIPPED_BLOCKS = frozenset({"address", "details", "fieldset", "form", "hgroup"})
# Obsolete elements whose content both lxml and nh3 read as raw text: unwrapped first, so that
# their text is escaped once, not twice.
_RAW_TEXT = frozenset({"xmp", "plaintext", "noembed", "noframes"})

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
    _prepare_for_nh3(root)
    # The text before the first child is parsed text: escaped again, so "&lt;b&gt;" stays text.
    fragment = escape(root.text or "", quote=False) + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in root
    )
    cleaned = nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_ELEMENTS),
        # An empty "*" turns off ammonia's default of lang and title on every tag.
        attributes={"*": set(), **ALLOWED_ATTRIBUTES},
        attribute_filter=_safe_url_attribute,
        url_schemes=set(ALLOWED_PROTOCOLS),
        strip_comments=True,
        link_rel=None,  # stored text, not a page of ours: no rel="noopener noreferrer" added
    )
    # nh3 writes U+00A0 as "&nbsp;" (and escapes every "&"): back to the character, which
    # strip() removes at the edges.
    return cleaned.replace("&nbsp;", "\xa0").strip()


def _prepare_for_nh3(root: lxml.html.HtmlElement) -> None:
    """Remove the dropped and hidden elements with their content, unwrap raw text, and put a
    line break where a stripped block will be."""
    doomed = [
        element
        for element in root.iter()
        if isinstance(element.tag, str)
        and (element.tag.lower() in DROPPED_ELEMENTS or element.get("hidden") is not None)
    ]
    for element in doomed:
        if element is not root and element.getparent() is not None:
            element.drop_tree()  # keeps the tail text, which belongs to the parent
    for element in list(root.iter()):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in _STRIPPED_BLOCKS:
            element.text = "\n" + (element.text or "")
        elif tag in _RAW_TEXT and element is not root:
            element.drop_tag()


def _safe_url_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: a URL attribute whose scheme is not allowed is dropped."""
    if attribute not in _URL_ATTRIBUTES:
        return value
    scheme = _SCHEME.match(_IGNORED_IN_URLS.sub("", value))
    if scheme and scheme.group(1).lower() not in ALLOWED_PROTOCOLS:
        return None
    return value


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
