"""Fetching pages: a real HTTP server on 127.0.0.1 in a thread; no other network."""

import contextlib
import ipaddress
import socket
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sources.ingest import IngestError
from sources.ingest import fetch as fetch_module
from sources.ingest.fetch import (
    MAX_PAGE_BYTES,
    USER_AGENT,
    extract_url,
    fetch,
    is_private_address,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
SLOW_SECONDS = 2.0
NOTES = (
    "Nine officers were suspended, the force said.\r\n\r\nThe café “statement” followed."
).encode("cp1252")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # keep test output quiet
        pass

    def do_GET(self):
        route = ROUTES.get(self.path.split("?")[0])
        if route is None and self.path.startswith("/chain/"):
            step = int(self.path.rsplit("/", 1)[1])
            return self.redirect(f"/chain/{step + 1}")  # never ends
        if route is None and self.path.startswith("/hops/"):
            left = int(self.path.rsplit("/", 1)[1])
            return self.redirect(f"/hops/{left - 1}") if left else article(self)
        if route is None:
            return self.send_body(404, "text/html", b"<p>Not found</p>")
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route(self)  # the client may stop reading, as it should for huge bodies

    def send_body(self, status, content_type, body, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location, status=302):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


def article(handler):
    body = (FIXTURES / "article.html").read_bytes()
    handler.send_body(200, "text/html; charset=utf-8", body)


def slow(handler):
    time.sleep(SLOW_SECONDS)
    handler.send_body(200, "text/html", b"<p>Too late</p>")


def huge_declared(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(MAX_PAGE_BYTES + 1))
    handler.end_headers()
    handler.wfile.write(b"<p>" + b"x" * 1000)


def huge_streamed(handler):
    # No Content-Length: the body ends when the connection closes (HTTP/1.0).
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(50):
        handler.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")


def echo(handler):
    text = f"Host: {handler.headers['Host']}\nUser-Agent: {handler.headers['User-Agent']}\n"
    handler.send_body(200, "text/plain; charset=utf-8", text.encode())


ROUTES = {
    "/article": article,
    "/moved": lambda h: h.redirect("/article", 301),
    "/relative-moved": lambda h: h.redirect("article"),
    "/loop": lambda h: h.redirect("/loop"),
    "/redirect-to-file": lambda h: h.redirect("file:///etc/passwd"),
    "/redirect-to-metadata": lambda h: h.redirect("http://169.254.169.254/latest/meta-data/"),
    "/redirect-nowhere": lambda h: h.redirect(""),
    "/slow": slow,
    "/huge-declared": huge_declared,
    "/huge-streamed": huge_streamed,
    "/report.pdf": lambda h: h.send_body(
        200, "application/pdf", (FIXTURES / "report.pdf").read_bytes()
    ),
    "/pdf-as-octets": lambda h: h.send_body(
        200, "application/octet-stream", (FIXTURES / "report.pdf").read_bytes()
    ),
    "/pdf-labelled-html": lambda h: h.send_body(
        200, "text/html", (FIXTURES / "report.pdf").read_bytes()
    ),
    "/notes.txt": lambda h: h.send_body(200, "text/plain; charset=windows-1252", NOTES),
    "/chart.png": lambda h: h.send_body(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100),
    "/gone": lambda h: h.send_body(410, "text/html", b"<p>Gone</p>"),
    "/broken": lambda h: h.send_body(500, "text/html", b"<p>Oops</p>"),
    "/echo": echo,
}


def _serve(host, family=socket.AF_INET):
    class Server(ThreadingHTTPServer):
        address_family = family
        daemon_threads = True

    server = Server((host, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


@pytest.fixture(scope="module")
def server():
    httpd, thread = _serve("127.0.0.1")
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture(scope="module")
def port(server):
    return int(server.rsplit(":", 1)[1])


@pytest.fixture
def loopback_is_public(monkeypatch):
    """Pretend 127.0.0.1 is a public address, so that the default (private addresses refused)
    can be tested against the local server without any traffic leaving the machine."""
    real = is_private_address
    loopback = ipaddress.ip_address("127.0.0.1")
    monkeypatch.setattr(
        fetch_module, "is_private_address", lambda address: address != loopback and real(address)
    )


# What a journalist gets back


def test_it_fetches_an_article_page_with_its_final_url_and_type(server):
    fetched = fetch(f"{server}/article", allow_private=True)

    assert fetched.url == f"{server}/article"
    assert fetched.content_type == "text/html"
    assert fetched.charset == "utf-8"
    assert b"Nine officers and one member of staff" in fetched.body


def test_it_extracts_an_article_without_its_scripts_and_with_its_metadata(server):
    extracted = extract_url(f"{server}/article", allow_private=True)

    assert extracted.title == "Nine Met officers suspended after Panorama film"
    assert extracted.authors == ["Jane Reporter"]
    assert extracted.published == datetime(2025, 10, 2, 8, 48, tzinfo=timezone(timedelta(hours=1)))
    assert extracted.language == "en-GB"
    assert "suspended after a BBC Panorama investigation" in extracted.text
    for text in (extracted.text, extracted.sanitised_html):
        assert "alert" not in text
        assert "<script" not in text
        assert "onerror" not in text
        assert "javascript:" not in text


def test_it_follows_a_redirect_and_reports_the_final_url(server):
    extracted = extract_url(f"{server}/moved", allow_private=True)

    assert extracted.url == f"{server}/article"
    assert extracted.title == "Nine Met officers suspended after Panorama film"


def test_it_resolves_a_relative_redirect(server):
    assert fetch(f"{server}/relative-moved", allow_private=True).url == f"{server}/article"


def test_it_reads_a_pdf(server):
    extracted = extract_url(f"{server}/report.pdf", allow_private=True)

    assert extracted.kind == "official_report"
    assert "Nine officers were investigated for gross misconduct." in extracted.text
    assert extracted.url == f"{server}/report.pdf"


def test_it_reads_a_pdf_the_server_labels_as_html(server):
    assert (
        "Fourteen officers" in extract_url(f"{server}/pdf-labelled-html", allow_private=True).text
    )


def test_it_reads_plain_text_in_the_charset_the_server_names(server):
    fetched = fetch(f"{server}/notes.txt", allow_private=True)
    extracted = extract_url(f"{server}/notes.txt", allow_private=True)

    assert fetched.content_type == "text/plain"
    assert fetched.charset == "windows-1252"
    assert extracted.text == (
        "Nine officers were suspended, the force said.\n\nThe café “statement” followed."
    )


def test_it_says_who_is_asking(server):
    assert USER_AGENT == "Corroborate/0.1 (+research)"
    assert f"User-Agent: {USER_AGENT}" in fetch(f"{server}/echo", allow_private=True).body.decode()


# What goes wrong, and what the journalist is told


@pytest.mark.parametrize("path", ["/chart.png", "/pdf-as-octets"])
def test_it_refuses_a_content_type_it_cannot_read_naming_the_type(server, path):
    with pytest.raises(IngestError, match=r"file of type “(image/png|application/octet-stream)”"):
        fetch(f"{server}{path}", allow_private=True)


def test_it_gives_up_on_a_slow_site_after_the_timeout(server):
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"^The site did not answer within 0.5 seconds\.$"):
        fetch(f"{server}/slow", timeout=0.5, allow_private=True)
    assert time.monotonic() - started < SLOW_SECONDS


def test_it_refuses_a_redirect_loop(server):
    with pytest.raises(IngestError, match="The page redirects too many times"):
        fetch(f"{server}/loop", allow_private=True)


def test_it_refuses_an_endless_chain_of_redirects(server):
    with pytest.raises(IngestError, match=r"^The page redirects too many times\.$"):
        fetch(f"{server}/chain/1", allow_private=True)


def test_it_follows_five_redirects_but_not_six(server):
    assert fetch(f"{server}/hops/5", allow_private=True).url == f"{server}/hops/0"
    with pytest.raises(IngestError, match=r"^The page redirects too many times\.$"):
        fetch(f"{server}/hops/6", allow_private=True)


def test_it_follows_no_redirect_when_told_so(server):
    with pytest.raises(IngestError, match="redirects too many times"):
        fetch(f"{server}/moved", max_redirects=0, allow_private=True)


def test_it_refuses_a_redirect_without_a_location(server):
    with pytest.raises(IngestError, match="without saying where"):
        fetch(f"{server}/redirect-nowhere", allow_private=True)


def test_it_refuses_a_page_that_declares_a_body_over_the_limit(server):
    with pytest.raises(IngestError, match=r"^The page is larger than 5 MB"):
        fetch(f"{server}/huge-declared", allow_private=True)


def test_it_stops_reading_a_body_that_grows_past_the_limit(server):
    with pytest.raises(IngestError, match=r"^The page is larger than 100 KB"):
        fetch(f"{server}/huge-streamed", max_bytes=100 * 1024, allow_private=True)


@pytest.mark.parametrize(
    ("path", "message"),
    [("/nowhere", "404 Not Found"), ("/gone", "410 Gone"), ("/broken", "500")],
)
def test_it_reports_http_errors_with_their_status(server, path, message):
    with pytest.raises(IngestError, match=f"The site answered with an error \\({message}"):
        fetch(f"{server}{path}", allow_private=True)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/report.txt",
        "javascript:alert(1)",
        "data:text/html,<p>hi</p>",
        "www.example.com/article",
    ],
)
def test_it_refuses_addresses_that_are_not_web_pages(url):
    with pytest.raises(IngestError, match="start with http:// or https://"):
        fetch(url)


def test_it_refuses_a_redirect_to_another_scheme(server, loopback_is_public):
    with pytest.raises(IngestError, match="start with http:// or https://"):
        fetch(f"{server}/redirect-to-file")


def test_it_refuses_a_redirect_into_a_private_network(server, loopback_is_public):
    # The classic: a public page that redirects to the cloud metadata service.
    with pytest.raises(IngestError, match=r"private or local network \(169\.254\.169\.254\)"):
        fetch(f"{server}/redirect-to-metadata")


def test_it_refuses_a_web_address_with_a_password():
    with pytest.raises(IngestError, match="user name or password"):
        fetch("http://user:secret@example.com/")


def test_it_says_when_a_site_cannot_be_found(monkeypatch):
    def unknown(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", unknown)  # no real DNS query
    with pytest.raises(IngestError, match=r"no-such-host\.invalid could not be found"):
        fetch("http://no-such-host.invalid/")


# Private addresses: refused by default, with no connection made


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.1.2.3",
        "localhost",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "[::1]",
        "[::]",
        "[fe80::1]",
        "[fd00::1]",
        "[::ffff:127.0.0.1]",
        "[::ffff:10.0.0.1]",
    ],
)
def test_it_refuses_private_and_local_addresses_by_default(host, monkeypatch):
    def no_connection(*args, **kwargs):
        raise AssertionError("a refused address must not be contacted")

    monkeypatch.setattr(fetch_module.httpx.Client, "send", no_connection)
    with pytest.raises(IngestError, match="private or local network"):
        fetch(f"http://{host}/")


def test_it_refuses_a_name_that_resolves_to_a_private_address(monkeypatch):
    monkeypatch.setattr(
        fetch_module.socket,
        "getaddrinfo",
        lambda *args, **kwargs: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", 80))],
    )
    with pytest.raises(IngestError, match=r"intranet\.example points into a private"):
        fetch("http://intranet.example/")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_it_reads_local_addresses_when_allowed(host, port):
    fetched = fetch(f"http://{host}:{port}/article", allow_private=True)

    assert fetched.url == f"http://{host}:{port}/article"
    assert b"Charing Cross" in fetched.body


def test_it_reads_ipv6_loopback_when_allowed():
    try:
        httpd, thread = _serve("::1", socket.AF_INET6)
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    try:
        url = f"http://[::1]:{httpd.server_address[1]}/article"
        with pytest.raises(IngestError, match="private or local network"):
            fetch(url)
        assert b"Charing Cross" in fetch(url, allow_private=True).body
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_it_connects_to_the_address_it_checked_not_a_second_lookup(port, monkeypatch):
    """DNS rebinding: the name is resolved once, checked, and the request goes to that address
    with the name in the Host header."""
    lookups = []

    def resolve(host, *args, **kwargs):
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", resolve)
    fetched = fetch(f"http://news.example:{port}/echo", allow_private=True)

    assert f"Host: news.example:{port}" in fetched.body.decode()
    # The connection itself looks up only the numeric address, which needs no DNS.
    assert [host for host in lookups if host != "127.0.0.1"] == ["news.example"]
    assert fetched.url == f"http://news.example:{port}/echo"


def test_it_checks_the_certificate_of_the_name_while_connecting_to_the_checked_address(
    monkeypatch,
):
    """For https the request goes to the checked address, with the name as Host and for TLS
    (SNI and certificate check). Nothing is sent: the client is stopped before connecting."""
    monkeypatch.setattr(
        fetch_module.socket,
        "getaddrinfo",
        lambda *args, **kwargs: [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", 443))
        ],
    )
    sent = []

    def capture(client, request, **kwargs):
        sent.append(request)
        raise fetch_module.httpx.ConnectError("stopped by the test", request=request)

    monkeypatch.setattr(fetch_module.httpx.Client, "send", capture)
    with pytest.raises(IngestError, match=r"^Corroborate could not connect to news\.example\.$"):
        fetch("https://news.example/story")

    [request] = sent
    assert str(request.url) == "https://93.184.215.14/story"
    assert request.headers["Host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"
    assert request.headers["User-Agent"] == USER_AGENT


@pytest.mark.parametrize(
    ("address", "private"),
    [
        ("93.184.215.14", False),
        ("2606:4700::6810:85e5", False),
        ("127.0.0.1", True),
        ("10.0.0.1", True),
        ("169.254.1.1", True),
        ("::1", True),
        ("::ffff:192.168.0.1", True),
        ("2002:c0a8:0001::", True),  # 6to4 around 192.168.0.1
        ("240.0.0.1", True),  # reserved
    ],
)
def test_it_tells_public_from_private_addresses(address, private):
    assert is_private_address(ipaddress.ip_address(address)) is private
