"""Real-browser fixtures: Debian's Chromium driven by Playwright, against pytest-django's live
server, with axe-core for accessibility checks.

Locally a missing Chromium or axe-core skips these tests; in CI (``CI`` set) it fails them, so
the browser tests can never silently stop running there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Playwright, sync_playwright

from tests.conftest import load_seed_dump

# Playwright's sync API keeps an event loop in the test thread, which makes Django refuse ORM
# calls there ("You cannot call this from an async context"); the calls really are synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"

CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root in a container
    "--disable-gpu",
    "--disable-dev-shm-usage",  # /dev/shm is tiny in containers
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The site is written for British readers (lang="en-GB"), so browse as one.
READER = {"locale": "en-GB", "timezone_id": "Europe/London"}
DESKTOP = {**READER, "viewport": {"width": 1280, "height": 900}}
PHONE = {**READER, "viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
BLOCKING_IMPACTS = {"serious", "critical"}
FAVICON = "/favicon.ico"

_screenshots_taken: list[Path] = []  # this run's, for the summary line


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this package is a browser test (``-m "not browser"`` leaves them out)."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _screenshots_taken:
        terminalreporter.write_line(f"browser screenshots: {SCREENSHOTS}")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _missing(what: str) -> None:
    """Skip locally, fail in CI."""
    if _in_ci():
        pytest.fail(f"{what} (browser tests must run in CI)", pytrace=False)
    pytest.skip(what)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    path = Path(os.environ.get("CHROMIUM") or "/usr/bin/chromium")
    if not (path.is_file() and os.access(path, os.X_OK)):
        _missing(f"no Chromium at {path}: apt-get install chromium, or set CHROMIUM")
    return path


@pytest.fixture(scope="session")
def axe_path() -> Path:
    if not AXE_JS.is_file():
        _missing(f"no axe-core at {AXE_JS}: run `make install` (needs npm)")
    return AXE_JS


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright, chromium_path: Path) -> Iterator[Browser]:
    browser = playwright.chromium.launch(
        executable_path=str(chromium_path), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


BROWSER_PROBLEMS = pytest.StashKey[list[str]]()

# The site sends a Content-Security-Policy (config/settings.py SECURE_CSP, the same in tests as
# in production); every page reports each violation of it to the test, which fails on it.
# Playwright runs this before the page's own scripts, and the policy does not apply to it.
CSP_WATCH = """
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolation({
    directive: event.effectiveDirective,
    blocked: event.blockedURI || 'inline',
    where: `${event.sourceFile || event.documentURI}:${event.lineNumber}`,
  });
});
"""


def _csp_violation(problems: list[str]) -> Callable[[Any, dict[str, str]], None]:
    def report(source: Any, violation: dict[str, str]) -> None:
        problems.append(
            f"CSP violation on {source['page'].url}: {violation['directive']} blocked "
            f"{violation['blocked']} ({violation['where']})"
        )

    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail the test itself (not its teardown) on anything its pages reported; when the test
    failed anyway, show what they reported next to the failure."""
    try:
        result = yield
    except BaseException:
        if problems := item.stash.get(BROWSER_PROBLEMS, []):
            item.add_report_section("call", "browser", "\n".join(problems))
        raise
    if problems := item.stash.get(BROWSER_PROBLEMS, []):
        pytest.fail("the browser reported:\n" + "\n".join(problems), pytrace=False)
    return result


def _watched_page(
    request: pytest.FixtureRequest, browser: Browser, options: dict[str, Any]
) -> Iterator[Page]:
    """A page in a fresh context that fails its test on any JS error, console error,
    Content-Security-Policy violation or dialog (an ``alert`` is how injected script would
    show itself)."""
    context = browser.new_context(**options)
    context.set_default_timeout(5_000)  # an element the contract promises is there or not
    context.set_default_navigation_timeout(15_000)
    problems = request.node.stash.setdefault(BROWSER_PROBLEMS, [])
    context.expose_binding("__cspViolation", _csp_violation(problems))
    context.add_init_script(script=CSP_WATCH)
    page = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        # Chromium asks for /favicon.ico by itself; the site not having one is not a page error.
        if message.type == "error" and not message.location.get("url", "").endswith(FAVICON):
            where = message.location.get("url") or page.url
            problems.append(f"console error on {page.url} ({where}): {message.text}")

    def on_dialog(dialog: Dialog) -> None:
        problems.append(f"{dialog.type} dialog on {page.url}: {dialog.message!r}")
        dialog.dismiss()

    page.on("pageerror", lambda error: problems.append(f"JS error on {page.url}: {error}"))
    page.on("console", on_console)
    page.on("dialog", on_dialog)
    yield page
    context.close()


@pytest.fixture
def browser_problems(request: pytest.FixtureRequest) -> list[str]:
    """What this test's pages have reported so far (a test that provokes a problem on
    purpose checks it was seen, then clears the list)."""
    return request.node.stash.setdefault(BROWSER_PROBLEMS, [])


@pytest.fixture
def page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A desktop page, 1280×900."""
    yield from _watched_page(request, browser, DESKTOP)


@pytest.fixture
def phone_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A phone-sized touch page, 390×844."""
    yield from _watched_page(request, browser, PHONE)


LAPTOP_WIDTH = 1366


@pytest.fixture(params=["phone", "laptop"])
def sized_page(request: pytest.FixtureRequest) -> tuple[Page, int]:
    """A page 390 px wide (a phone, touch) or 1366 px wide (a laptop), and its width."""
    if request.param == "phone":
        return request.getfixturevalue("phone_page"), PHONE["viewport"]["width"]
    page: Page = request.getfixturevalue("page")
    page.set_viewport_size({"width": LAPTOP_WIDTH, "height": 900})
    return page, LAPTOP_WIDTH


@pytest.fixture
def seeded_live_server(transactional_db: None, live_server: Any, seed_dump: Path) -> Any:
    """The live server with the seed corpus loaded (flushed again after the test)."""
    load_seed_dump(seed_dump)
    return live_server


@pytest.fixture
def screenshot() -> Callable[[Page, str], Path]:
    """``screenshot(page, name)`` saves a full-page PNG as test-artifacts/screenshots/name.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page: Page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True, timeout=30_000)  # long pages, busy CI
        _screenshots_taken.append(path)
        return path

    return take


@pytest.fixture
def check_accessibility(axe_path: Path) -> Callable[[Page], None]:
    """``check_accessibility(page)`` runs axe-core on the page as it is now and fails on any
    serious or critical violation."""

    def check(page: Page) -> None:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            # Through DevTools, which the site's Content-Security-Policy does not govern: a
            # <script> tag with axe's source inline would be refused (and reported).
            page.evaluate("() => {" + axe_path.read_text(encoding="utf-8") + "\n}")
        result = page.evaluate(
            "() => axe.run(document, {resultTypes: ['violations']})"
            ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
            " targets: v.nodes.map(n => n.target.join(' '))})))"
        )
        blocking = [v for v in result if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            lines = [f"axe-core on {page.url}: {len(blocking)} serious or critical violation(s)"]
            for v in blocking:
                targets = ", ".join(v["targets"][:3])
                more = f" (+{len(v['targets']) - 3} more)" if len(v["targets"]) > 3 else ""
                lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} at {targets}{more}")
            pytest.fail("\n".join(lines), pytrace=False)

    return check
