"""The HTML discrepancy report: the view model printed through the jinja2 templates, one self-contained page."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence

from jinja2 import Environment, PackageLoader, StrictUndefined

from checker.findings.standing import Standings
from checker.models import Article, Report
from checker.report.history import Changes
from checker.report.page import build_page
from checker.report.view import PageView
from checker.text.normalise import utf8_safe

_ENV = Environment(
    loader=PackageLoader("checker.report", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def render_html(report: Report, articles: Sequence[Article], changes: Changes | None = None,
                standings: Standings | None = None) -> str:
    """The self-contained HTML discrepancy report for `report`, quoting the `articles`' text.

    `changes` (see checker.report.history) adds the "what changed" section; `standings`
    (checker.findings.standing) mark the conflicts a baseline accepts.
    """
    with _collector_paused():
        return print_page(build_page(report, articles, changes, standings))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the page is made: it allocates millions of small records beside a
    Report of millions more, and each full collection walks them all to free nothing (the view model holds
    no cycles); a quarter to a third of the CPU time of a 10,000-article page (benchmarks/page.py)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def print_page(page: PageView) -> str:
    """The page's view model printed through report.html (apart from `render_html` so each can be timed)."""
    # escaped by the templates; a lone surrogate (from a name that is not UTF-8) is then no character to write
    return utf8_safe(_ENV.get_template("report.html").render(page=page))
