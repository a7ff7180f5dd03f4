"""Reading a source's text and metadata out of an upload, an HTML page, a PDF or plain text.

Every entry point returns an ``Extracted`` whose ``text`` is normalised (``normalise_text``), so
quote offsets count into it, or raises ``IngestError`` with a message for the user. Nothing is
returned half-done: an input either gives a usable text or an error. Pure Python: no database,
no network (``sources.ingest.fetch`` downloads pages).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import PurePath

import pypdf
import trafilatura

from sources.ingest.decode import (
    decode_html,
    decode_text,
    is_pdf,
    refuse_binary_text,
    refuse_non_text,
)
from sources.ingest.errors import IngestError, describe_size
from sources.ingest.htmlmeta import PageMetadata, read_metadata
from sources.ingest.markdown import markdown_to_text
from sources.ingest.sanitise import html_to_text, sanitise_html
from sources.text.live import DEFAULT_ZONE, split_live_page
from sources.text.normalise import normalise_text
from sources.text.spans import Entry

# The largest file a user may upload; a bigger one is refused before it is read.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# A longer PDF is a book, not a source, and would take minutes to read.
MAX_PDF_PAGES = 1000

UPLOAD_FORMATS = {
    ".txt": "plain",
    ".text": "plain",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}

EMPTY_MESSAGE = "The text is empty."
NO_TEXT_LAYER_MESSAGE = (
    "This PDF has no text layer (it is probably a scan); paste the text instead."
)

# "PRESS RELEASE" or "For immediate release" as a line of its own near the top.
_PRESS_RELEASE_OPENING = re.compile(
    r"^(?:(?:press|news|media)\s+release|for\s+immediate\s+release)\b[^\n]{0,80}$", re.I | re.M
)
_PRESS_RELEASE_CLOSING = re.compile(r"^(?:notes?\s+(?:to|for)\s+editors?|ends)\s*:?$", re.I | re.M)
_PRESS_RELEASE_URL = re.compile(
    r"/(?:press|news|media)[-_]?releases?\b|/press(?:room|[-_]centre|[-_]center)?/", re.I
)
_PDF_FILENAME_TITLE = re.compile(r"^(?:Microsoft Word - )|\.(?:docx?|pdf|odt|rtf|indd)$", re.I)


@dataclass
class Extracted:
    text: str  # plain text, already normalise_text()-ed
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: date | datetime | None = None
    updated: date | datetime | None = None
    url: str = ""
    language: str = ""
    # "article" | "live_page" | "press_release" | "official_report": a guess, for the curator
    kind: str = "article"
    entries: list[Entry] = field(default_factory=list)  # live-page entries, offsets into .text
    sanitised_html: str = ""  # for HTML input: the nh3-cleaned HTML that was kept

    def with_published(self, published: date | datetime) -> Extracted:
        """A copy with ``published`` set and the live-page entries dated against it. Without a
        published date the entries were dated against today: call this when the curator gives
        the date the source did not."""
        return _finish(replace(self, published=published, entries=[]))


def extract_html(html: str, *, url: str = "") -> Extracted:
    """Main text and metadata of a web page.

    The page is sanitised with nh3 first and the text is read from the sanitised HTML only
    (trafilatura finds the article among the navigation; failing that, every block of the page
    is a paragraph). Title, bylines, dates and language come from the original page's head.
    """
    metadata = read_metadata(html, url=url)
    sanitised = sanitise_html(html)
    main_text = _main_text(sanitised)
    page_text = html_to_text(sanitised, page_only=True)
    # trafilatura is made for articles and loses or repeats a live page's entries, so a page
    # that is live, or whose own text has more entries than trafilatura's, is read whole.
    declared_live = any("LiveBlogPosting" in kind for kind in metadata.types)
    reference = metadata.published or _today()
    if declared_live or len(split_live_page(page_text, published=reference)) > len(
        split_live_page(main_text, published=reference)
    ):
        text = page_text or main_text
    else:
        text = main_text or page_text
    if not text:
        raise IngestError(
            "This page has no text to read (it may need JavaScript to show its content); "
            "paste the text instead."
        )
    return _finish(
        Extracted(
            text=text,
            title=metadata.title,
            authors=metadata.authors,
            published=metadata.published,
            updated=metadata.updated,
            url=url,
            language=metadata.language,
            kind="live_page" if declared_live else _guess_kind(text, url=url),
            sanitised_html=sanitised,
        )
    )


def extract_pdf(data: bytes) -> Extracted:
    """Text of every page of a PDF, pages separated by a blank line, with the title, author and
    dates of its document information. Scans (no text layer), password-protected and damaged
    files are refused."""
    if not is_pdf(data):
        raise IngestError("This file is not a PDF.")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _decrypt(reader):
            raise IngestError(
                "This PDF is protected by a password. Save a copy without the password, or "
                "paste the text instead."
            )
        if len(reader.pages) == 0:
            raise IngestError("This PDF cannot be read (the file may be damaged).")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise IngestError(
                f"This PDF has more than {MAX_PDF_PAGES} pages; upload the part you need."
            )
        pages = [page.extract_text() or "" for page in reader.pages]
        info = _pdf_info(reader)
    except IngestError:
        raise
    except Exception as error:
        # pypdf reports damaged files with many exception types (PdfReadError, KeyError,
        # ValueError, RecursionError…); all of them mean the same thing to the user.
        raise IngestError("This PDF cannot be read (the file may be damaged).") from error
    text = normalise_text("\n\n".join(normalise_text(page) for page in pages))
    if not text:
        raise IngestError(NO_TEXT_LAYER_MESSAGE)
    return _finish(
        Extracted(
            text=text,
            title=info.title,
            authors=info.authors,
            published=info.published,
            updated=info.updated,
            language=info.language,
            kind=_guess_kind(text, default="official_report"),
        )
    )


def extract_plain(data: bytes | str, *, markdown: bool = False) -> Extracted:
    """Plain text (UTF-8, with or without a byte-order mark, or Windows-1252), or Markdown turned
    into the plain text a reader sees. The first Markdown heading is the title."""
    text = decode_text(data) if isinstance(data, bytes) else data
    refuse_binary_text(text)
    title = ""
    if markdown:
        text, title = markdown_to_text(text)
    text = normalise_text(text)
    if not text:
        raise IngestError(EMPTY_MESSAGE)
    return _finish(Extracted(text=text, title=title, kind=_guess_kind(text)))


def extract_upload(filename: str, data: bytes) -> Extracted:
    """An uploaded file, read by its extension (.txt, .md, .html, .htm, .pdf) once its bytes are
    checked to be what the name says. At most ``MAX_UPLOAD_BYTES``."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise IngestError(
            f"The file is too large ({describe_size(len(data))}); the limit is "
            f"{describe_size(MAX_UPLOAD_BYTES)}. Upload a shorter file or paste the text."
        )
    extension = PurePath(filename.strip()).suffix.lower()
    kind = UPLOAD_FORMATS.get(extension)
    if kind is None:
        shown = f"“{extension[:12]}” files" if extension else "files without an extension"
        raise IngestError(
            f"Corroborate cannot read {shown}. Upload a .txt, .md, .html, .htm or .pdf file."
        )
    if not data.strip():
        raise IngestError(EMPTY_MESSAGE)
    if kind == "pdf":
        if not is_pdf(data):
            refuse_non_text(data)  # a Word file renamed .pdf gets the Word message
            raise IngestError("This file is called .pdf but it is not a PDF.")
        return extract_pdf(data)
    refuse_non_text(data)
    if kind == "html":
        return extract_html(decode_html(data))
    return extract_plain(data, markdown=kind == "markdown")


def _main_text(sanitised: str) -> str:
    """The article text trafilatura finds in sanitised HTML, as paragraphs, or ""."""
    if not sanitised:
        return ""
    # trafilatura's HTML output is built from its own tree of the text: no markup of the page's.
    try:
        main = trafilatura.extract(
            f"<html><body>{sanitised}</body></html>",
            output_format="html",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
        )
    except Exception:  # a heuristic that fails on odd markup: the whole page's text will do
        return ""
    return html_to_text(main) if main else ""


def _finish(extracted: Extracted) -> Extracted:
    """Split a live page into its entries (their dates default to the source's, else today's)."""
    reference = extracted.published or _today()
    entries = split_live_page(extracted.text, published=reference)
    if entries:
        extracted.kind = "live_page"
        extracted.entries = entries
    return extracted


def _today() -> date:
    return datetime.now(DEFAULT_ZONE).date()


def _guess_kind(text: str, *, url: str = "", default: str = "article") -> str:
    if (
        _PRESS_RELEASE_OPENING.search(text[:600])
        or _PRESS_RELEASE_CLOSING.search(text)
        or _PRESS_RELEASE_URL.search(url)
    ):
        return "press_release"
    return default


def _decrypt(reader: pypdf.PdfReader) -> bool:
    """Many PDFs are encrypted only against editing and open with an empty password."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # unsupported algorithms raise pypdf's DependencyError and others
        return False


def _pdf_info(reader: pypdf.PdfReader) -> PageMetadata:
    info = PageMetadata()  # a PDF's document information, in the shape a page's metadata has
    metadata = reader.metadata
    if metadata is not None:
        title = normalise_text(str(metadata.title or "")).replace("\n", " ")
        info.title = "" if _PDF_FILENAME_TITLE.search(title) else title
        author = normalise_text(str(metadata.author or "")).replace("\n", " ")
        info.authors = [name.strip() for name in author.split(";") if name.strip()]
        info.published = _pdf_moment(lambda: metadata.creation_date)
        updated = _pdf_moment(lambda: metadata.modification_date)
        info.updated = updated if updated != info.published else None
    language = reader.root_object.get("/Lang")
    if isinstance(language, str) and 0 < len(language) <= 35:
        info.language = language.strip()
    return info


def _pdf_moment(read: Callable[[], datetime | None]) -> date | datetime | None:
    """A document-information date; one without a zone keeps only its date (see htmlmeta)."""
    try:
        moment = read()
    except Exception:  # a malformed date string must not lose the whole document
        return None
    if not isinstance(moment, datetime):
        return None
    return moment if moment.tzinfo is not None else moment.date()
