"""Evidence rows past the printed ones, in a real browser: counted without JavaScript, shown on demand with it,
built as the template prints a row, and every hostile string kept as text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from crowded import HOSTILE, crowded_case

from checker.report import limits
from checker.report.render import render_html

AGREEING, CONFLICTING = limits.MAX_EVIDENCE_ROWS + 12, 4
TOTAL = AGREEING + CONFLICTING
PACKED = TOTAL - limits.MAX_EVIDENCE_ROWS  # the conflicts are printed, so every packed row agrees
ROWS = "#claim-crowded-claim table.mentions tbody tr"
BUTTON = "button[data-pack='pack-m-crowded-claim']"
# A row's markup with the whitespace between tags (the template's line breaks) left out.
OUTER_HTML = "els => els.map(e => [e.id, e.outerHTML.replace(/>\\s+</g, '><')])"


def _page(folder: Path, name: str) -> str:
    report, articles = crowded_case(AGREEING, CONFLICTING, hostile_every=3)
    out = folder / name
    out.write_text(render_html(report, articles), encoding="utf-8")
    return out.as_uri()


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _page(tmp_path_factory.mktemp("crowded"), "report.html")


def _open_rows(page: Any) -> None:
    page.click(BUTTON)
    page.wait_for_function(f"document.querySelectorAll('{ROWS}').length === {TOTAL}")


def test_without_javascript_the_first_rows_and_a_count_of_the_rest(crowded: str, open_page: Any) -> None:
    page = open_page(crowded, java_script_enabled=False).page
    assert page.locator(ROWS).count() == limits.MAX_EVIDENCE_ROWS
    line = page.locator("#claim-crowded-claim-more")
    assert line.inner_text() == (f"…and {PACKED} more rows ({PACKED} agree): enable JavaScript to show them here, "
                                 "or see the JSON result (claimcheck report --json FILE), which lists every mention.")
    assert not page.locator(BUTTON).is_visible()


def test_with_javascript_the_button_shows_every_row_as_text(crowded: str, open_page: Any) -> None:
    watched = open_page(crowded)
    page = watched.page
    line = page.locator("#claim-crowded-claim-more")
    assert line.inner_text() == f"…and {PACKED} more rows ({PACKED} agree). Show {PACKED} more rows"
    _open_rows(page)
    ids = page.eval_on_selector_all(ROWS, "els => els.map(e => e.id)")
    assert sorted(ids) == sorted(f"m-crowded-claim-{n}" for n in range(TOTAL))
    assert line.inner_text().endswith(" agree). Shown above.")
    # Every third article's sentence is hostile: shown as the text it is, and nothing of it ran or loaded.
    quotes = page.eval_on_selector_all(f"{ROWS} .quote", "els => els.map(e => e.textContent)")
    assert sum(HOSTILE in q for q in quotes) == len(range(0, TOTAL, 3))
    assert page.locator(f"{ROWS} img, {ROWS} script").count() == 0
    page.wait_for_timeout(100)
    assert watched.dialogs == [] and watched.errors == []
    assert watched.requests == [crowded]


def test_an_unpacked_row_is_the_row_the_template_prints(crowded: str, open_page: Any, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(crowded).page
    _open_rows(page)
    shown = dict(page.eval_on_selector_all(ROWS, OUTER_HTML))
    monkeypatch.setattr(limits, "MAX_EVIDENCE_ROWS", TOTAL)  # every row printed by the template
    printed = dict(open_page(_page(tmp_path, "printed.html")).page.eval_on_selector_all(ROWS, OUTER_HTML))
    assert len(printed) == TOTAL
    assert shown == printed
    # The matched words and the value stay marked in the rows the script built.
    assert re.search(r'<mark class="kw">staff</mark>', shown["m-crowded-claim-20"])
    assert '<mark class="hit-agrees">450</mark>' in shown["m-crowded-claim-20"]
