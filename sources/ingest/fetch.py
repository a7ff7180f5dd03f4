"""Downloading a page a user pasted the address of, without letting it reach our own network.

The address is untrusted, so every hop is checked before it is requested: only http and https;
the host name is resolved here and refused if any of its addresses is private, loopback,
link-local, multicast, reserved or unspecified (unless ``allow_private``); and the request then
goes to the address that was checked (the name is kept for the Host header and TLS), so a name
that resolves differently a moment later ("DNS rebinding") cannot slip through. Redirects are
followed by hand, a hop at a time, through the same checks. Size and time are bounded.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from sources.ingest.decode import decode_html, decode_text, starts_as_pdf
from sources.ingest.errors import IngestError, describe_size
from sources.ingest.extract import Extracted, extract_html, extract_pdf, extract_plain

MAX_PAGE_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0
MAX_REDIRECTS = 5
USER_AGENT = "Corroborate/0.1 (+research)"

# Media types we read, and how.
ACCEPTED_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "text/plain": "plain",
}
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHARSET = re.compile(r"""charset\s*=\s*["']?([^\s;"']+)""", re.I)
_Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass
class Fetched:
    url: str  # the final URL, after redirects
    content_type: str  # the media type, lower case, without parameters: "text/html"
    body: bytes
    charset: str | None  # from the Content-Type header, if it names one


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_PAGE_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    allow_private: bool = False,
) -> Fetched:
    """GET ``url`` and return its body, if it is an HTML page, a PDF or plain text.

    ``timeout`` bounds the whole download, redirects included. Raises ``IngestError`` for an
    address that is not http(s) or points into a private network, a site that cannot be
    reached or does not answer in time, an HTTP error, too many redirects, another content type,
    or a body over ``max_bytes``.
    """
    deadline = time.monotonic() + timeout
    current = _checked_url(url)
    seen = {str(current)}
    for _hop in range(max_redirects + 1):
        response_or_next = _get(current, deadline, timeout, max_bytes, allow_private)
        if isinstance(response_or_next, Fetched):
            return response_or_next
        current = response_or_next
        if str(current) in seen:
            raise IngestError(
                "The page redirects too many times (it sends Corroborate round in a loop)."
            )
        seen.add(str(current))
    raise IngestError("The page redirects too many times.")


def extract_url(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_PAGE_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    allow_private: bool = False,
) -> Extracted:
    """Fetch ``url`` (see ``fetch``) and extract it as HTML, PDF or plain text by its content
    type; ``Extracted.url`` is the final URL, after redirects."""
    fetched = fetch(
        url,
        timeout=timeout,
        max_bytes=max_bytes,
        max_redirects=max_redirects,
        allow_private=allow_private,
    )
    kind = ACCEPTED_TYPES.get(fetched.content_type, "html")
    if kind == "pdf" or starts_as_pdf(fetched.body):  # some servers mislabel PDFs
        extracted = extract_pdf(fetched.body)
    elif kind == "plain":
        extracted = extract_plain(decode_text(fetched.body, fetched.charset))
    else:
        extracted = extract_html(decode_html(fetched.body, fetched.charset), url=fetched.url)
    extracted.url = fetched.url
    return extracted


def _get(
    url: httpx.URL, deadline: float, timeout: float, max_bytes: int, allow_private: bool
) -> Fetched | httpx.URL:
    """One hop: the page, or the checked URL it redirects to."""
    host = url.raw_host.decode("ascii")  # IDNA-encoded, as DNS and TLS want it
    port = url.port or (443 if url.scheme == "https" else 80)
    addresses = _resolve(host, port, allow_private)
    last_error: Exception | None = None
    for address in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        # A fresh client per hop and address: a pooled TLS connection checked for one host name
        # must not serve another host at the same address.
        with httpx.Client(
            follow_redirects=False,
            trust_env=False,  # no proxies or .netrc from the environment: we check the target
            timeout=httpx.Timeout(remaining),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        ) as client:
            request = client.build_request(
                "GET",
                url.copy_with(host=str(address)),
                headers={"Host": _host_header(url), "Accept": _ACCEPT},
                extensions={"sni_hostname": host} if url.scheme == "https" else {},
            )
            try:
                response = client.send(request, stream=True)
            except httpx.TimeoutException:
                raise _timeout(timeout) from None
            except httpx.ConnectError as error:
                last_error = error
                continue  # try the host's next address
            except httpx.HTTPError as error:
                raise IngestError(f"The site {host} sent a broken answer.") from error
            try:
                return _read(response, url, deadline, timeout, max_bytes)
            except httpx.TimeoutException:
                raise _timeout(timeout) from None
            except httpx.HTTPError as error:
                raise IngestError(f"The site {host} broke off its answer.") from error
            finally:
                response.close()
    if last_error is None:
        raise _timeout(timeout)
    if "CERTIFICATE" in str(last_error).upper():
        raise IngestError(f"The security certificate of {host} is not valid.") from last_error
    raise IngestError(f"Corroborate could not connect to {host}.") from last_error


_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8"


def _read(
    response: httpx.Response, url: httpx.URL, deadline: float, timeout: float, max_bytes: int
) -> Fetched | httpx.URL:
    status = response.status_code
    if status in _REDIRECTS:
        location = response.headers.get("location", "").strip()
        if not location:
            raise IngestError("The site redirects without saying where to.")
        return _checked_url(urljoin(str(url), location))
    if status >= 400:
        raise IngestError(_status_message(status, response.reason_phrase))
    if not 200 <= status < 300:
        raise IngestError(f"The site answered with an unexpected status: {status}.")

    header = response.headers.get("content-type", "")
    media_type = header.split(";")[0].strip().lower()
    charset_match = _CHARSET.search(header)
    if media_type and media_type not in ACCEPTED_TYPES:
        raise IngestError(
            f"The address points to a file of type “{media_type[:80]}”, not a web page, a PDF "
            "or plain text."
        )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(max_bytes)
    chunks = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(max_bytes)
        if time.monotonic() > deadline:
            raise _timeout(timeout)
        chunks.append(chunk)
    body = b"".join(chunks)
    return Fetched(
        url=str(url),
        content_type=media_type or _sniff(body),
        body=body,
        charset=charset_match.group(1) if charset_match else None,
    )


def _checked_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError):
        raise IngestError("This is not a valid web address.") from None
    if parsed.scheme not in ("http", "https"):
        raise IngestError("Only web addresses that start with http:// or https:// can be read.")
    if not parsed.host:
        raise IngestError("This web address has no site name in it.")
    if parsed.userinfo:
        raise IngestError("Web addresses with a user name or password in them are not accepted.")
    return parsed


def _resolve(host: str, port: int, allow_private: bool) -> list[_Address]:
    """The host's addresses, all of them public unless ``allow_private``."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise IngestError(
            f"The site {host} could not be found. Check the address for typing mistakes."
        ) from None
    addresses: list[_Address] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in addresses:
            addresses.append(address)
    if not allow_private:
        for address in addresses:
            if is_private_address(address):
                raise IngestError(
                    f"The address {host} points into a private or local network ({address}); "
                    "Corroborate only reads public web pages."
                )
    return addresses


def is_private_address(address: _Address) -> bool:
    """True for anything but a public unicast address, IPv4 inside IPv6 included."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo or (None, None))[1]
        if embedded is not None and is_private_address(embedded):
            return True
    return (
        not address.is_global
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def _host_header(url: httpx.URL) -> str:
    host = url.raw_host.decode("ascii")
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    return f"{host}:{url.port}" if url.port is not None else host


def _sniff(body: bytes) -> str:
    """A media type for a response that gave none."""
    if starts_as_pdf(body):
        return "application/pdf"
    if body.lstrip()[:1] == b"<":
        return "text/html"
    return "text/plain"


def _status_message(status: int, reason: str) -> str:
    answer = f"{status} {reason}".strip()
    if status in (404, 410):
        hint = "Check the address: the page may have moved or been taken down."
    elif status in (401, 403):
        hint = "The page may need a login or a subscription, or the site blocks automatic readers."
    elif status == 429:
        hint = "The site is limiting requests; try again later."
    elif status >= 500:
        hint = "The site has a problem; try again later."
    else:
        hint = "Check the address."
    return f"The site answered with an error ({answer}). {hint}"


def _timeout(timeout: float) -> IngestError:
    return IngestError(f"The site did not answer within {timeout:g} seconds.")


def _too_large(max_bytes: int) -> IngestError:
    return IngestError(
        f"The page is larger than {describe_size(max_bytes)}, so Corroborate did not read it."
    )
