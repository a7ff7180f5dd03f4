"""Adding sources: by pasting, uploading or fetching; duplicates refused, copies flagged,
bad input explained with nothing stored."""

from __future__ import annotations

import http.server
import threading
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from sources.ingest.extract import extract_plain
from sources.models import Source, SourceEntry
from sources.services import (
    DuplicateSource,
    MissingMetadata,
    source_create,
    source_entries_sync,
    source_save,
)
from tests.pdf import text_pdf

pytestmark = pytest.mark.django_db

WIRE = (
    "Nine officers have been suspended after a BBC Panorama documentary showed officers at "
    "Charing Cross police station making racist and misogynistic remarks, the Metropolitan "
    "Police said. The Independent Office for Police Conduct said 11 current and former officers "
    "were under investigation for potential gross misconduct. Commissioner Sir Mark Rowley "
    "apologised and said the officers were on a path to likely dismissal within weeks."
)
ARTICLE_HTML = b"""<!doctype html><html lang="en"><head>
<title>Officers suspended | The Paper</title>
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2025-10-01T10:00:00+01:00">
<script>alert(1)</script></head><body><article><h1>Officers suspended</h1>
<p>Nine officers have been suspended, the force said on Wednesday.</p>
<p>The custody team was disbanded.<img src=x onerror=alert(1)></p></article></body></html>"""


def add(**fields) -> Source:
    source, _ = source_create(
        extracted=extract_plain(fields.pop("text", WIRE)),
        outlet=fields.pop("outlet", "The Independent"),
        title=fields.pop("title", "Officers suspended"),
        published=fields.pop("published", date(2025, 9, 30)),
        **fields,
    )
    return source


def test_the_same_text_twice_is_refused_naming_the_first():
    first = add()
    with pytest.raises(DuplicateSource) as refused:
        add(outlet="Another Site", text=WIRE + "\n")
    assert refused.value.existing == first
    assert Source.objects.count() == 1


def test_a_syndicated_copy_is_stored_and_marked_as_a_copy_of_its_original():
    original = add()
    copy, near = source_create(
        extracted=extract_plain(
            "Wire story. " + WIRE.replace("the Metropolitan", "London's Metropolitan")
        ),
        outlet="Evening Paper",
        title="Nine officers suspended",
        published=date(2025, 9, 30),
    )
    assert near is not None and near.original == original
    assert copy.copy_of == original
    assert copy.copy_similarity >= 0.8


def test_a_different_article_is_not_a_copy():
    add()
    other = add(
        outlet="BBC News",
        text="A different report entirely about the Met's vetting rules and their history.",
    )
    assert other.copy_of is None


def test_a_live_page_is_stored_with_its_timestamped_entries():
    text = Path("seeds/articles/bbc-live-2025-10-02.txt").read_text(encoding="utf-8")
    source = add(text=text, outlet="BBC News", title="Live", published=date(2025, 10, 2))
    entries = list(SourceEntry.objects.filter(source=source).order_by("start"))
    assert source.kind == "live_page"
    assert len(entries) == 20
    assert f"{entries[0].published_at:%H:%M %z}" == "13:14 +0000"  # 14:14 BST


def test_a_sources_entries_follow_its_text_and_are_left_alone_when_they_do():
    text = Path("seeds/articles/bbc-live-2025-10-02.txt").read_text(encoding="utf-8")
    source = add(text=text, outlet="BBC News", title="Live", published=date(2025, 10, 2))
    stored = list(source.entries.values_list("pk", flat=True))
    assert source_entries_sync(source=source) is False
    assert list(source.entries.values_list("pk", flat=True)) == stored

    source.text = text[: source.entries.all()[2].start]  # only the first two entries left
    source_save(source=source)
    assert source.entries.count() == 2


def test_missing_metadata_is_asked_for():
    with pytest.raises(MissingMetadata, match="Give the source's outlet:"):
        source_create(extracted=extract_plain(WIRE), published=date(2025, 9, 30))
    assert not Source.objects.exists()


# The web form.


def test_an_editor_pastes_text_and_lands_on_its_review_queue(editor_client):
    response = editor_client.post(
        reverse("claims:source_add"),
        {
            "text": WIRE,
            "outlet": "The Independent",
            "title": "Suspended",
            "published": "2025-09-30",
        },
    )
    source = Source.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("claims:review", args=[source.slug])
    assert source.outlet.name == "The Independent"


def test_an_editor_uploads_a_text_file(editor_client):
    upload = SimpleUploadedFile("report.txt", WIRE.encode(), content_type="text/plain")
    editor_client.post(
        reverse("claims:source_add"),
        {"upload": upload, "outlet": "PA", "title": "Report", "published": "2025-09-30"},
    )
    assert Source.objects.get().text.startswith("Nine officers")


def test_a_binary_upload_is_refused_and_nothing_stored(editor_client):
    upload = SimpleUploadedFile("report.txt", b"\x00\x01\x02PNG\x00" * 50)
    response = editor_client.post(
        reverse("claims:source_add"),
        {"upload": upload, "outlet": "PA", "title": "Report", "published": "2025-09-30"},
    )
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()
    assert not Source.objects.exists()


def test_an_oversized_upload_is_refused_with_the_limit(editor_client):
    upload = SimpleUploadedFile("big.txt", b"a " * (3 * 1024 * 1024))
    body = editor_client.post(
        reverse("claims:source_add"),
        {"upload": upload, "outlet": "PA", "title": "Big", "published": "2025-09-30"},
    ).content.decode()
    assert "the limit is 5 MB" in body
    assert not Source.objects.exists()


def test_a_duplicate_is_refused_with_a_link_to_the_existing_source(editor_client):
    first = add()
    body = editor_client.post(
        reverse("claims:source_add"),
        {"text": WIRE, "outlet": "Elsewhere", "title": "Again", "published": "2025-10-01"},
    ).content.decode()
    assert f'The same text is already stored as <a href="{first.get_absolute_url()}">' in body
    assert Source.objects.count() == 1


def test_giving_two_inputs_at_once_is_a_form_error(editor_client):
    body = editor_client.post(
        reverse("claims:source_add"), {"text": WIRE, "url": "https://example.com/a"}
    ).content.decode()
    assert "Give one of: a web address, a file, or pasted text." in body


@pytest.fixture
def local_site():
    """A real HTTP server on 127.0.0.1 serving an article page."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(ARTICLE_HTML)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/article"
    server.shutdown()


def test_a_url_on_a_private_address_is_refused_by_default(editor_client, local_site):
    body = editor_client.post(reverse("claims:source_add"), {"url": local_site}).content.decode()
    assert 'class="error"' in body
    assert not Source.objects.exists()


def test_an_editor_adds_a_url_and_its_metadata_is_read(editor_client, local_site, settings):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = True
    response = editor_client.post(
        reverse("claims:source_add"), {"url": local_site, "outlet": "The Paper"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    source = Source.objects.get()
    assert source.published_on == date(2025, 10, 1)
    assert source.authors == ["Jane Reporter"]
    assert "Nine officers have been suspended" in source.text
    assert "alert" not in source.text
    assert source.url == local_site


def test_anonymous_visitors_are_sent_to_log_in_before_adding_sources(client):
    response = client.post(reverse("claims:source_add"), {"text": WIRE})
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not Source.objects.exists()


def test_users_without_permission_cannot_add_sources(reader_client):
    assert reader_client.post(reverse("claims:source_add"), {"text": WIRE}).status_code == 403
    assert not Source.objects.exists()


REPORT_LINES = [
    "Learning report: the Westminster team",
    "Fourteen officers were investigated by the watchdog.",
    "Two officers were found to have a case to answer for gross misconduct.",
]


def test_an_editor_uploads_a_pdf_the_test_makes_and_its_text_is_read(editor_client):
    upload = SimpleUploadedFile(
        "report.pdf",
        text_pdf(REPORT_LINES, title="Learning report"),
        content_type="application/pdf",
    )
    response = editor_client.post(
        reverse("claims:source_add"),
        {"upload": upload, "outlet": "IOPC", "published": "2022-02-01"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    source = Source.objects.get()
    assert source.title == "Learning report"
    assert source.kind == "official_report"
    assert "Fourteen officers were investigated by the watchdog." in source.text


def test_import_source_reads_a_generated_pdf_and_a_saved_page_by_url(tmp_path, settings):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = True
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(text_pdf(REPORT_LINES, title="Learning report"))
    saved_page = Path("tests/fixtures/ingest/article.html").read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(saved_page)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/news/nine-suspended"
    out, err = StringIO(), StringIO()
    try:
        with pytest.raises(CommandError, match="1 of 2 could not be added"):
            call_command("import_source", pdf, url, outlet="Mixed", stdout=out, stderr=err)
    finally:
        server.shutdown()
    assert "1 added, 1 failed." in out.getvalue()
    assert f"{pdf}: Give the source's date: it was not found in it." in err.getvalue()
    assert "100%" in err.getvalue()  # the progress bar ran to the end
    call_command(
        "import_source", pdf, outlet="IOPC", published="2022-02-01", stdout=out, stderr=err
    )
    page = Source.objects.get(url=url)
    assert page.title == "Nine Met officers suspended after Panorama film"
    assert page.authors == ["Jane Reporter"]
    assert page.published_on == date(2025, 10, 2)
    assert "alert" not in page.text and "injected" not in page.text
    report = Source.objects.get(title="Learning report")
    assert report.text.startswith("Learning report")
    assert report.published_on == date(2022, 2, 1)
