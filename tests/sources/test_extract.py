"""Reading uploads, HTML pages, PDFs and plain text into a source's text and metadata."""

import io
import re
import socket
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pypdf
import pytest

from sources.ingest import IngestError
from sources.ingest import extract as extract_module
from sources.ingest.extract import (
    MAX_UPLOAD_BYTES,
    Extracted,
    extract_html,
    extract_pdf,
    extract_plain,
    extract_upload,
)
from sources.text.normalise import normalise_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
BST = timezone(timedelta(hours=1))
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def assert_no_active_content(extracted: Extracted) -> None:
    for text in (extracted.text, extracted.sanitised_html):
        assert "alert" not in text
        assert "<script" not in text.lower()
        assert "javascript:" not in text.lower()
        assert not EVENT_HANDLER.search(text)
        assert "document.write" not in text


# HTML


def test_it_reads_an_articles_text_and_metadata_from_html():
    extracted = extract_html(fixture("article.html").decode(), url="https://news.example/uk/1")

    assert extracted.title == "Nine Met officers suspended after Panorama film"
    assert extracted.authors == ["Jane Reporter"]
    assert extracted.published == datetime(2025, 10, 2, 8, 48, tzinfo=BST)
    assert extracted.updated == datetime(2025, 10, 2, 14, 14, tzinfo=BST)
    assert extracted.language == "en-GB"
    assert extracted.url == "https://news.example/uk/1"
    assert extracted.kind == "article"
    assert extracted.entries == []
    assert extracted.text.startswith("Nine Met officers suspended after Panorama film\n\n")
    assert (
        "Nine officers and one member of staff have been suspended after a BBC Panorama "
        "investigation filmed officers at Charing Cross police station" in extracted.text
    )


def test_it_leaves_out_navigation_and_footer():
    extracted = extract_html(fixture("article.html").decode())

    assert "Politics" not in extracted.text
    assert "Terms" not in extracted.text


def test_it_never_keeps_scripts_styles_or_event_handlers():
    extracted = extract_html(fixture("article.html").decode())

    assert_no_active_content(extracted)
    assert "color: red" not in extracted.sanitised_html
    assert "Please enable JavaScript" not in extracted.sanitised_html
    assert "injected" not in extracted.text + extracted.sanitised_html
    assert "<p>Commissioner Sir Mark Rowley said" in extracted.sanitised_html


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)><circle r=1></circle></svg>",
        "<a href='javascript:alert(1)'>read more</a>",
        "<a href='JaVaScRiPt:alert(1)'>read more</a>",
        "<iframe src='javascript:alert(1)'></iframe>",
        "<div onclick='alert(1)' style='background:url(javascript:alert(1))'>x</div>",
        "<<script>script>alert(1)<</script>/script>",
        "<template><script>alert(1)</script></template>",
        "<noscript><img src=x onerror=alert(1)></noscript>",
        "<math><mtext><style><img src=x onerror=alert(1)></style></mtext></math>",
        "<form action='https://evil.example'><button formaction=x>alert</button></form>",
        "<!-- <script>alert(1)</script> -->",
        "<object data='javascript:alert(1)'></object><embed src=javascript:alert(1)>",
    ],
)
def test_it_sanitises_hostile_markup(attack):
    page = (
        "<html><body><article><p>Nine officers have been suspended after a BBC investigation "
        f"showed officers at Charing Cross making sexualised comments.</p>{attack}"
        "<p>The Commissioner said the behaviour was reprehensible and wanted them off the "
        "payroll as soon as the hearings allow.</p></article></body></html>"
    )
    extracted = extract_html(page)

    assert_no_active_content(extracted)
    assert "Nine officers have been suspended" in extracted.text


def test_it_keeps_the_paragraph_breaks_of_a_simple_page():
    page = (
        "<html><head><title>Notice</title></head><body>"
        "<p>The station will close on Monday.</p>"
        "<p>Officers will move to the\n   new building in Holborn.</p>"
        "<p>The public counter opens at nine.</p>"
        "</body></html>"
    )
    extracted = extract_html(page)

    assert extracted.text == (
        "The station will close on Monday.\n\n"
        "Officers will move to the new building in Holborn.\n\n"
        "The public counter opens at nine."
    )


def test_it_falls_back_to_the_whole_page_when_trafilatura_finds_no_article(monkeypatch):
    monkeypatch.setattr(extract_module.trafilatura, "extract", lambda *args, **kwargs: None)
    page = (
        "<html><body><nav>Home | News</nav><div><h2>Statement</h2><div>Nine officers are "
        "suspended.</div><ul><li>One is a sergeant.</li><li>Two are constables.</li></ul>"
        "<p>Line one<br>line two</p></div><footer>© 2025</footer></body></html>"
    )
    extracted = extract_html(page)

    assert extracted.text == (
        "Statement\n\nNine officers are suspended.\n\n"
        "• One is a sergeant.\n• Two are constables.\n\nLine one\nline two"
    )


def test_it_reads_dates_and_authors_from_json_ld_alone():
    page = """<html lang="fr"><head>
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Example"},
      {"@type": "NewsArticle", "headline": "Neuf policiers suspendus",
       "datePublished": "2025-10-02T07:48:00Z", "dateModified": "2025-10-03",
       "author": [{"@type": "Person", "name": "Marie Dupont"}]}]}</script>
    </head><body><article><h1>Neuf policiers suspendus</h1><p>Neuf policiers ont été suspendus
    après une enquête de la BBC sur le commissariat de Charing Cross, a indiqué la police.</p>
    </article></body></html>"""
    extracted = extract_html(page)

    assert extracted.published == datetime(2025, 10, 2, 7, 48, tzinfo=UTC)
    assert extracted.updated == date(2025, 10, 3)
    assert extracted.authors == ["Marie Dupont"]
    assert extracted.language == "fr"


def test_it_keeps_only_the_date_of_a_time_without_a_zone():
    page = (
        '<html><head><meta property="article:published_time" content="2025-10-02T08:48:00">'
        "</head><body><p>Nine officers were suspended on Thursday after the film was shown."
        "</p></body></html>"
    )
    assert extract_html(page).published == date(2025, 10, 2)


def test_it_survives_broken_json_ld_and_odd_markup():
    page = (
        '<?xml version="1.0" encoding="utf-8"?><html><head>'
        '<script type="application/ld+json">{"@type": "NewsArticle", broken</script>'
        '<script type="application/ld+json">' + "[" * 5000 + "]" * 5000 + "</script>"
        "</head><body><p>Nine officers were suspended<p>unclosed paragraphs"
        "<table><tr><td>a</td><td>b</td></tr></table></body></html>"
    )
    extracted = extract_html(page)

    assert "Nine officers were suspended" in extracted.text
    assert extracted.published is None


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<html><body></body></html>",
        "<html><head><script>alert(1)</script></head><body><script>x()</script></body></html>",
    ],
)
def test_it_refuses_a_page_with_no_text(page):
    with pytest.raises(IngestError, match="This page has no text to read"):
        extract_html(page)


def test_it_returns_normalised_text():
    page = "<html><body><p>  Nine\u00a0officers\t were\r\n suspended.  </p></body></html>"
    text = extract_html(page).text

    assert text == normalise_text(text) == "Nine officers were suspended."


def test_it_splits_a_live_page_into_entries():
    extracted = extract_html(fixture("live-page.html").decode())

    assert extracted.kind == "live_page"
    assert extracted.published == datetime(2025, 10, 2, 8, 48, tzinfo=BST)
    assert [entry.title for entry in extracted.entries] == [
        "This is a systemic challenge, deputy commissioner says",
        "Rowley: we won't stop until it's finished",
        "Rowley pushed on whether Met is changing",
    ]
    assert [entry.published_at for entry in extracted.entries] == [
        datetime(2025, 10, 2, 10, 39, tzinfo=BST),
        datetime(2025, 10, 2, 8, 49, tzinfo=BST),
        datetime(2025, 10, 2, 8, 48, tzinfo=BST),
    ]
    first = extracted.entries[0]
    assert extracted.text[first.start : first.end].startswith("This is a systemic challenge")
    assert extracted.text[first.start : first.end].endswith("not a few rotten apples.")
    assert "Summary" in extracted.text[: first.start]


def test_it_finds_a_live_page_that_does_not_say_it_is_one():
    page = re.sub(r"<script.*?</script>", "", fixture("live-page.html").decode(), flags=re.DOTALL)
    extracted = extract_html(page)

    assert extracted.kind == "live_page"
    assert len(extracted.entries) == 3
    # With no date from the page, the headings give day and month, and the year is the one
    # that puts them nearest today.
    last = extracted.entries[-1].published_at
    assert (last.month, last.day, last.hour, last.minute) == (10, 2, 8, 48)
    assert last.utcoffset() == timedelta(hours=1)


def test_it_guesses_a_press_release():
    page = (
        "<html><body><article><p>PRESS RELEASE</p><p>For immediate release: the Independent "
        "Office for Police Conduct has today published its learning report on Charing Cross."
        "</p><p>Notes to editors</p></article></body></html>"
    )
    assert extract_html(page).kind == "press_release"


def test_it_guesses_a_press_release_from_its_address():
    page = (
        "<html><body><p>The force has today suspended nine officers after the broadcast of "
        "the film.</p></body></html>"
    )
    extracted = extract_html(page, url="https://www.police.example/news/press-releases/123")

    assert extracted.kind == "press_release"


def test_it_does_not_take_a_mentioned_press_release_for_one():
    page = (
        "<html><body><p>In a press release on Thursday, the force said nine officers had been "
        "suspended after the film was broadcast.</p></body></html>"
    )
    assert extract_html(page).kind == "article"


def test_it_never_touches_the_network_while_extracting(monkeypatch):
    """trafilatura and its helpers must not download anything (models, lists, pages)."""

    def no_network(*args, **kwargs):
        raise AssertionError("extraction must not use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    extract_html(fixture("article.html").decode(), url="https://news.example/uk/1")
    extract_html(fixture("live-page.html").decode())
    extract_pdf(fixture("report.pdf"))


# PDF


def test_it_reads_every_page_of_a_pdf_with_its_metadata():
    extracted = extract_pdf(fixture("report.pdf"))

    assert extracted.text == (
        "Operation Hotton learning report\n"
        "Nine officers were investigated for gross misconduct.\n"
        "\n"
        "Fourteen officers were found to have a case to answer."
    )
    assert extracted.title == "Learning report: Charing Cross police station"
    assert extracted.authors == ["Independent Office for Police Conduct"]
    assert extracted.published == datetime(2022, 2, 1, 10, 30, tzinfo=UTC)
    assert extracted.language == "en-GB"
    assert extracted.kind == "official_report"
    assert extracted.sanitised_html == ""


def test_it_refuses_a_pdf_with_no_text_layer():
    with pytest.raises(IngestError) as error:
        extract_pdf(fixture("scan.pdf"))

    assert str(error.value) == (
        "This PDF has no text layer (it is probably a scan); paste the text instead."
    )


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + bytes(range(256)) * 20,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>",
        fixture("report.pdf")[:700],
    ],
    ids=["garbage", "no-pages", "truncated"],
)
def test_it_refuses_a_damaged_pdf(data):
    with pytest.raises(IngestError, match="This PDF cannot be read"):
        extract_pdf(data)


def test_it_refuses_a_file_that_is_not_a_pdf():
    with pytest.raises(IngestError, match="not a PDF"):
        extract_pdf(b"Nine officers were suspended.")


def _encrypted(user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(FIXTURES / "report.pdf"))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_it_refuses_a_password_protected_pdf():
    with pytest.raises(IngestError, match="protected by a password"):
        extract_pdf(_encrypted("secret"))


def test_it_reads_a_pdf_encrypted_only_against_editing():
    assert "Fourteen officers" in extract_pdf(_encrypted("")).text


# Plain text and Markdown


def test_it_reads_utf8_text_with_a_byte_order_mark():
    extracted = extract_plain("\ufeffNine officers\r\nwere suspended – “reprehensible”.".encode())

    assert extracted.text == "Nine officers\nwere suspended – “reprehensible”."
    assert extracted.kind == "article"


def test_it_reads_windows_1252_text_that_is_not_utf8():
    data = "The café’s “statement” – 2015–2017".encode("cp1252")

    assert extract_plain(data).text == "The café’s “statement” – 2015–2017"


def test_it_reads_utf16_text_saved_by_notepad():
    data = "\ufeffNine officers were suspended.".encode("utf-16-le")

    assert extract_plain(b"\xff\xfe" + data[2:]).text == "Nine officers were suspended."


def test_it_reads_a_text_that_mentions_the_pdf_header():
    data = b"Notes on file formats\n\nA PDF file starts with %PDF-1.7 and a binary comment."

    assert extract_upload("notes.txt", data).text.startswith("Notes on file formats")


def test_it_accepts_text_already_decoded():
    assert extract_plain("  Nine officers  ").text == "Nine officers"


@pytest.mark.parametrize(
    "data",
    [
        b"Nine officers\x00\x00\x01\x02were suspended",
        bytes(range(1, 32)) * 50,
        "Nine officers".encode("utf-16-le"),  # no byte-order mark: full of NUL bytes
    ],
    ids=["nul-bytes", "control-characters", "utf16-without-bom"],
)
def test_it_refuses_binary_data(data):
    with pytest.raises(IngestError, match="This file is not text"):
        extract_plain(data)


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n  ", "\ufeff\n\n".encode(), "\u00a0\u2009"])
def test_it_refuses_empty_text(data):
    with pytest.raises(IngestError) as error:
        extract_plain(data)

    assert str(error.value) == "The text is empty."


def test_it_turns_markdown_into_the_text_a_reader_sees():
    markdown = (
        "# Nine officers suspended\n"
        "\n"
        "By **Jane Reporter**, _Crime correspondent_\n"
        "\n"
        "The [Metropolitan Police](https://www.met.police.uk) said *nine* officers\n"
        "were suspended after the ![film still](still.jpg) broadcast. See <https://bbc.co.uk>.\n"
        "\n"
        "> “This is not who we are,” said `Sir Mark Rowley`.\n"
        "\n"
        "Key points\n"
        "----------\n"
        "\n"
        "- nine officers\n"
        "* one member of staff\n"
        "1. first point\n"
        "\n"
        "***\n"
        "\n"
        "Read the [full report][iopc], 5 \\* 2 = 10, snake_case_word stays.\n"
        "\n"
        "[iopc]: https://www.policeconduct.gov.uk/report\n"
    )
    extracted = extract_plain(markdown.encode(), markdown=True)

    assert extracted.title == "Nine officers suspended"
    assert extracted.text == (
        "Nine officers suspended\n"
        "\n"
        "By Jane Reporter, Crime correspondent\n"
        "\n"
        "The Metropolitan Police said nine officers\n"
        "were suspended after the film still broadcast. See https://bbc.co.uk.\n"
        "\n"
        "“This is not who we are,” said Sir Mark Rowley.\n"
        "\n"
        "Key points\n"
        "\n"
        "• nine officers\n"
        "• one member of staff\n"
        "1. first point\n"
        "\n"
        "Read the full report, 5 * 2 = 10, snake_case_word stays."
    )


def test_it_splits_a_live_page_pasted_as_text():
    text = (FIXTURES.parent.parent.parent / "seeds/articles/bbc-live-2025-10-02.txt").read_bytes()
    extracted = extract_plain(text)

    assert extracted.kind == "live_page"
    assert len(extracted.entries) == 20


def test_it_dates_the_entries_again_when_the_curator_gives_the_date():
    text = "Intro\n\n2 October 10:00 BST\nOne\nBody.\n\n2 October 11:00 BST\nTwo\nBody."
    extracted = extract_plain(text).with_published(date(2025, 10, 2))

    assert extracted.published == date(2025, 10, 2)
    assert [entry.published_at for entry in extracted.entries] == [
        datetime(2025, 10, 2, 10, 0, tzinfo=BST),
        datetime(2025, 10, 2, 11, 0, tzinfo=BST),
    ]
    assert extracted.kind == "live_page"


# Uploads


def test_it_reads_an_uploaded_text_file():
    assert extract_upload("notes.TXT", b"Nine officers were suspended.").text == (
        "Nine officers were suspended."
    )


def test_it_reads_an_uploaded_markdown_file():
    extracted = extract_upload("notes.md", b"# Suspended\n\nNine **officers**.")

    assert (extracted.title, extracted.text) == ("Suspended", "Suspended\n\nNine officers.")


def test_it_reads_an_uploaded_html_file_in_its_declared_charset():
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9 closes</title></head><body>'
        "<p>The caf\xe9 near the station closed on Monday, the owner said.</p></body></html>"
    ).encode("cp1252")
    extracted = extract_upload("page.htm", page)

    assert extracted.text == "The café near the station closed on Monday, the owner said."
    assert extracted.title == "Café closes"


def test_it_reads_an_uploaded_pdf():
    assert extract_upload("report.pdf", fixture("report.pdf")).kind == "official_report"


def test_it_refuses_an_oversized_upload_before_reading_it():
    data = b"a" * (MAX_UPLOAD_BYTES + 1)

    with pytest.raises(IngestError, match=r"The file is too large \(5 MB\); the limit is 5 MB"):
        extract_upload("big.txt", data)


def test_it_accepts_an_upload_of_exactly_the_limit():
    data = (b"Nine officers were suspended. " * (MAX_UPLOAD_BYTES // 30 + 1))[:MAX_UPLOAD_BYTES]

    assert extract_upload("big.txt", data).text.startswith("Nine officers")


@pytest.mark.parametrize("filename", ["report.docx", "photo.jpg", "README", "page.php"])
def test_it_refuses_a_file_type_it_cannot_read(filename):
    with pytest.raises(IngestError, match=r"Upload a \.txt, \.md, \.html, \.htm or \.pdf file"):
        extract_upload(filename, b"Nine officers")


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("notes.txt", fixture("report.pdf"), "This file is a PDF, not text"),
        ("notes.txt", b"PK\x03\x04" + b"\x00" * 100, "Word document or another ZIP archive"),
        ("page.html", b"PK\x03\x04word/document.xml", "Word document or another ZIP archive"),
        ("notes.md", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "This file is an image"),
        ("notes.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "old Word or Excel"),
        ("notes.txt", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 50, "This file is not text"),
        ("report.pdf", b"Nine officers were suspended.", "called .pdf but it is not a PDF"),
        ("report.pdf", b"PK\x03\x04" + b"\x00" * 100, "Word document or another ZIP archive"),
    ],
    ids=["pdf-as-txt", "zip-as-txt", "zip-as-html", "png-as-md", "doc-as-txt", "program",
         "text-as-pdf", "docx-as-pdf"],
)  # fmt: skip
def test_it_refuses_a_file_that_is_not_what_its_name_says(filename, data, message):
    with pytest.raises(IngestError, match=message):
        extract_upload(filename, data)


@pytest.mark.parametrize("filename", ["empty.txt", "empty.md", "empty.html", "empty.pdf"])
def test_it_refuses_an_empty_upload(filename):
    with pytest.raises(IngestError, match=r"^The text is empty\.$"):
        extract_upload(filename, b"  \n")
