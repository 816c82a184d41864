"""Fixtures for the real-browser tests: Debian's chromium driven by Playwright, and a report to open in it.

The tests skip, saying why, where chromium or Playwright is missing; CI installs both (.ci/run).
`playwright install` is never needed: the system chromium is used.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from checker.formats.json import render_json
from checker.pipeline import run_check
from checker.report.history import compare, snapshot
from checker.report.render import render_html

CHROMIUM = Path("/usr/bin/chromium")
# The flags of issue 4: no GPU, no background requests of chromium's own, no first-run pages.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
DATA = Path(__file__).parent.parent / "data" / "report"

try:
    from playwright import sync_api
except ImportError:  # a developer without the test group can still run the rest of the suite
    sync_api = None


def _missing() -> str | None:
    if sync_api is None:
        return "Playwright for Python is not installed (pip install -e . --group test)"
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is missing (apt-get install -y chromium); the browser tests drive Debian's chromium"
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reason = _missing()
    if reason:
        here = Path(__file__).parent
        for item in items:
            if here in item.path.parents:
                item.add_marker(pytest.mark.skip(reason=reason))


@dataclass
class Report:
    """A report written to disk, the JSON result it was made with, and its file URL."""

    html: Path
    result: dict[str, Any]

    @property
    def url(self) -> str:
        return self.html.as_uri()


@dataclass
class Watched:
    """A page and everything it did that a test may want to deny: requests, dialogs, console errors."""

    page: Any
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The report of tests/data/report/ (one article hostile), with a "what changed" section."""
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714564800")
    try:
        result = run_check(DATA / "claims", DATA / "articles")
    finally:
        monkeypatch.undo()
    data = json.loads(render_json(result.report))
    # An earlier run that knew one article and one conflict fewer.
    earlier = json.loads(json.dumps(data))
    earlier["articles"] = [a for a in earlier["articles"] if a["id"] != "rival"]
    for claim in earlier["claims"]:
        claim["mentions"] = [m for m in claim["mentions"] if m["article"] != "rival"]
    changes = compare(snapshot(earlier, "reports/earlier.json"), result.report)
    out = tmp_path_factory.mktemp("report") / "report.html"
    out.write_text(render_html(result.report, result.articles, changes), encoding="utf-8")
    return Report(out, data)


def _watch(context: Any) -> Watched:
    page = context.new_page()
    watched = Watched(page)
    page.on("request", lambda r: watched.requests.append(r.url))
    page.on("console", lambda m: watched.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watched.errors.append(str(e)))

    def dismiss(dialog: Any) -> None:
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return watched


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """open_page(url, **context options) -> Watched: a fresh context per page, closed after the test."""
    contexts: list[Any] = []

    def opener(url: str, **options: Any) -> Watched:
        context = browser.new_context(**options)
        contexts.append(context)
        watched = _watch(context)
        watched.page.goto(url, wait_until="load")
        return watched

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the tests' screenshots go: a temporary folder, so a test run never changes the checkout
    (docs/screenshots.py makes the README's)."""
    return tmp_path_factory.mktemp("screenshots")

