"""The HTML report in a real browser (Debian's chromium): what a reader sees, clicks and cannot be attacked by."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .conftest import Report

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


def _visible_claims(page: Any) -> list[str]:
    return page.eval_on_selector_all("[data-filter-item]", "els => els.filter(e => !e.hidden).map(e => e.id)")


def _status_ids(report: Report, status: str) -> list[str]:
    return sorted(f"claim-{c['id']}" for c in report.result["claims"] if c["status"] == status)


def test_summary_counts_equal_the_json_result(report: Report, open_page: Any) -> None:
    page = open_page(report.url).page
    claims = report.result["claims"]
    for status in ("conflicting", "agreed", "unconfirmed"):
        assert page.inner_text(f"#count-{status}") == str(sum(c["status"] == status for c in claims))
    assert page.inner_text("#count-articles") == str(len(report.result["articles"]))


def test_the_conflicting_filter_leaves_exactly_the_conflicting_claims(report: Report, open_page: Any) -> None:
    page = open_page(report.url).page
    assert len(_visible_claims(page)) == len(report.result["claims"])
    page.click("#filters label:has(input[value=conflicting])")
    assert sorted(_visible_claims(page)) == _status_ids(report, "conflicting")
    assert page.evaluate("location.hash") == "#status=conflicting"
    # The fragment is the filter: opening the link again shows the same claims.
    again = open_page(report.url + "#status=conflicting").page
    assert sorted(_visible_claims(again)) == _status_ids(report, "conflicting")


def test_a_matrix_cell_lands_on_its_evidence(report: Report, open_page: Any) -> None:
    page = open_page(report.url).page
    cell = page.locator(".matrix .cell-conflicts a").first
    target = cell.get_attribute("href")
    assert target and target.startswith("#m-")
    cell.click()
    assert page.evaluate("location.hash") == target
    landed = page.locator(target)
    assert landed.evaluate("e => e.matches(':target')")
    # The page scrolls smoothly: wait until the row has arrived in the viewport.
    page.wait_for_function("t => { const r = document.querySelector(t).getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; }", arg=target)
    assert landed.is_visible() and landed.locator(".badge-conflicts").count() == 1
    # The row says which article it is: the cell's column.
    column = cell.get_attribute("title").split(" in ")[1].split(":")[0]
    assert column in landed.inner_text()


def test_the_hostile_article_runs_nothing(report: Report, open_page: Any) -> None:
    watched = open_page(report.url)
    page = watched.page
    page.locator("#article-hostile").scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    assert watched.dialogs == []
    assert watched.errors == []
    assert page.locator("script").count() == 1
    assert page.locator("img, iframe, textarea, main style").count() == 0
    # textContent, not innerText: the article may not be rendered yet (content-visibility), its text is there.
    text = page.text_content("#article-hostile") or ""
    assert "<script>alert('body')</script>" in text and "<img src=x onerror=" in text
    assert "</textarea>" in text
    assert page.locator("#article-hostile a[href^='javascript:' i]").count() == 0
    assert "<script>alert('claim')</script>" in (page.text_content("#claim-trust-hostile") or "")


def test_no_request_of_any_kind(report: Report, open_page: Any) -> None:
    watched = open_page(report.url)
    page = watched.page
    for selector in ("#filters label:has(input[value=agreed])", ".matrix tr:not([hidden]) .cell a >> nth=0",
                     ".nav a[href='#articles']"):
        page.click(selector)
    page.mouse.wheel(0, 20000)
    page.wait_for_timeout(200)
    assert watched.requests == [report.url]


def test_the_page_is_complete_without_javascript(report: Report, open_page: Any) -> None:
    page = open_page(report.url, java_script_enabled=False).page
    assert len(_visible_claims(page)) == len(report.result["claims"])
    assert not page.locator("#filters").is_visible()
    assert page.locator("figure.timeline svg").count() >= 3
    assert page.locator("#changes").is_visible() and page.locator("#coverage").is_visible()


def test_screenshot_of_the_top_for_the_readme(report: Report, open_page: Any, screenshot_dir: Path) -> None:
    page = open_page(report.url, viewport={"width": 1280, "height": 900}).page
    target = screenshot_dir / "screenshot.png"
    page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000


def _axe(page: Any) -> list[dict[str, Any]]:
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_no_serious_accessibility_violations_light_and_dark(report: Report, open_page: Any) -> None:
    # axe is injected through the DevTools protocol; the page's CSP would (rightly) refuse it as a script tag.
    for scheme in ("light", "dark"):
        page = open_page(report.url, color_scheme=scheme, bypass_csp=True).page
        assert _axe(page) == [], scheme
