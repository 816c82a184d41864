"""A report made from inputs that carry injection attempts in every text field, opened in a real browser."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from checker.pipeline import run_check
from checker.report.render import render_html

HOSTILE = Path(__file__).parent.parent / "data" / "hostile-report"


@pytest.fixture
def hostile_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714564800")
    shutil.copytree(HOSTILE, tmp_path / "inputs")
    articles = tmp_path / "inputs" / "articles"
    (articles / "x\"><svg onload=alert('file')>.txt").write_text("Example Trust said 470 staff moved. <b>x</b>\n")
    result = run_check(tmp_path / "inputs" / "claims", articles)
    out = tmp_path / "report.html"
    out.write_text(render_html(result.report, result.articles), encoding="utf-8")
    return out


def test_nothing_from_the_inputs_runs_or_loads(hostile_report: Path, open_page: Any) -> None:
    url = hostile_report.as_uri()
    watched = open_page(url)
    page = watched.page
    # Hover and focus everything, and follow every in-page link: a handler smuggled in would fire.
    page.evaluate("""() => { for (const el of document.querySelectorAll('body *')) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error']) {
            el.dispatchEvent(new Event(type, {bubbles: false})); } } }""")
    for href in page.eval_on_selector_all("a[href^='#']", "els => els.map(e => e.getAttribute('href'))")[:50]:
        page.evaluate("h => { location.hash = h }", href)
    page.wait_for_timeout(200)
    assert watched.dialogs == []
    assert watched.errors == []
    assert [r for r in watched.requests if r.split("#")[0] != url] == []
    links = page.eval_on_selector_all("[href], [src]",
                                      "els => els.map(e => e.getAttribute('href') || e.getAttribute('src'))")
    assert all(link.startswith(("#", "http://", "https://")) for link in links), links
    # The bad url is shown as text, not as a link. (text_content, not inner_text: a section that
    # content-visibility has not laid out yet has no inner text until it is scrolled to.)
    assert "javascript:alert('url')" in (page.text_content("body") or "")
