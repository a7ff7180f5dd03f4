"""Bytes to text: what kind of file it is, and which character encoding it uses."""

from __future__ import annotations

import codecs
import re
import unicodedata

from sources.ingest.errors import IngestError

# Magic numbers of files people upload by mistake, and what to tell them.
_NOT_TEXT = (
    (
        b"PK\x03\x04",
        "This file is a Word document or another ZIP archive, not text. Save it as PDF or plain "
        "text (.txt) and upload that, or paste the text.",
    ),
    (
        b"\xd0\xcf\x11\xe0",
        "This file is an old Word or Excel document, not text. Save it as PDF or plain text "
        "(.txt) and upload that, or paste the text.",
    ),
    (b"{\\rtf", "This file is in Rich Text Format. Save it as plain text (.txt) or PDF instead."),
    (b"\x89PNG", "This file is an image, not text. Paste the text instead."),
    (b"\xff\xd8\xff", "This file is an image, not text. Paste the text instead."),
    (b"GIF8", "This file is an image, not text. Paste the text instead."),
    (b"\x1f\x8b", "This file is a compressed archive, not text. Unpack it first."),
    (b"7z\xbc\xaf", "This file is a compressed archive, not text. Unpack it first."),
    (b"Rar!", "This file is a compressed archive, not text. Unpack it first."),
)
BINARY_MESSAGE = (
    "This file is not text (it looks like a program or another binary file). Upload a .txt, "
    ".md, .html or .pdf file, or paste the text."
)
_ENCODING_MESSAGE = (
    "Corroborate could not work out the character encoding of this text. Save it as UTF-8 and "
    "try again."
)
# Control characters other than tab, line feed, form feed and carriage return.
_CONTROL_SHARE = 0.01
_SAMPLE_CHARS = 20_000
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})""", re.I
)


def is_pdf(data: bytes) -> bool:
    """The PDF header, which readers accept anywhere in the first kilobyte."""
    return b"%PDF-" in data[:1024]


def starts_as_pdf(data: bytes) -> bool:
    """The PDF header right at the start: strict enough to tell a PDF from a text that mentions
    "%PDF-" near its top."""
    return data.lstrip()[:5] == b"%PDF-"


def refuse_non_text(data: bytes) -> None:
    """Raise ``IngestError`` if ``data`` is a PDF, an archive, an image or another known binary."""
    if starts_as_pdf(data):
        raise IngestError("This file is a PDF, not text. Upload it with a .pdf name.")
    for magic, message in _NOT_TEXT:
        if data.startswith(magic):
            raise IngestError(message)


def decode_text(data: bytes, charset: str | None = None) -> str:
    """Decode plain text: a byte-order mark wins, then ``charset`` (from an HTTP header), then
    UTF-8, and Windows-1252 only when the bytes are not valid UTF-8. Binary data is refused."""
    refuse_non_text(data)
    text = _decode_by_bom(data)
    if text is None and charset:
        text = _try_decode(data, charset)
    if text is None:
        if b"\x00" in data:
            raise IngestError(BINARY_MESSAGE)
        text = _try_decode(data, "utf-8")
    if text is None:
        text = _try_decode(data, "cp1252")
    if text is None:
        raise IngestError(_ENCODING_MESSAGE)
    refuse_binary_text(text)
    return text


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Decode an HTML page: byte-order mark, then ``charset`` (from the HTTP header), then the
    page's own ``<meta charset>``, then UTF-8, then Windows-1252."""
    text = _decode_by_bom(data)
    if text is None and charset:
        text = _try_decode(data, charset)
    if text is None:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            text = _try_decode(data, declared.group(1).decode("ascii"))
    if text is None:
        if b"\x00" in data:
            raise IngestError(BINARY_MESSAGE)
        text = _try_decode(data, "utf-8") or _try_decode(data, "cp1252")
    if text is None:
        raise IngestError(_ENCODING_MESSAGE)
    refuse_binary_text(text)
    return text


def refuse_binary_text(text: str) -> None:
    """Raise ``IngestError`` if decoded text is mostly not printable: a binary file that happened
    to decode."""
    sample = text[:_SAMPLE_CHARS]
    if "\x00" in sample:
        raise IngestError(BINARY_MESSAGE)
    controls = sum(
        1 for char in sample if char not in "\t\n\r\f\v" and unicodedata.category(char) == "Cc"
    )
    if sample and controls / len(sample) > _CONTROL_SHARE:
        raise IngestError(BINARY_MESSAGE)


def _decode_by_bom(data: bytes) -> str | None:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _try_decode(data, encoding)
    return None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    # Browsers read pages labelled Latin-1 or ASCII as Windows-1252 (WHATWG Encoding), and so do we.
    if name in ("latin-1", "iso8859-1", "ascii"):
        name = "cp1252"
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None
