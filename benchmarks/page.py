"""The HTML page rendered from a saved JSON result: build and print times, its size, and chromium's load event.

    python benchmarks/page.py RESULT.json ARTICLES [--replicate K] [--out FILE] [--profile N] [--no-browser]

RESULT.json is a JSON result (`claimcheck check --format json` or `report --json`) and ARTICLES the
folder it was checked against: the page quotes the articles' text, so they are read again. No
matching is run: the page is what is measured. The Report and the articles are kept in a pickle beside
RESULT.json, so a second run starts in seconds.

`--replicate K` makes a Report K times the size: every article and every mention is copied K times
under new, unique article ids ("r1/…", "r2/…"), the claims unchanged. It is a Report of the right
size for a page (100,000 articles from a 10,000-article result with K=10), not a real run: the
copies are the same articles again, so they state the same values.

It prints, for the page: the time to build its view model (`build_page`), the time jinja2 takes to
print it, its size in MiB, and in Debian's chromium (through Playwright, as tests/browser does) the
time to the load event with JavaScript on and off (median of 3 loads each). `--profile N` prints the
N costliest functions of the render under cProfile. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pickle
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker.models import Article, ClaimResult, Report  # noqa: E402
from checker.report.page import build_page  # noqa: E402
from checker.report.render import print_page  # noqa: E402
from checker.store.articles import iter_articles  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
# The browser tests' flags (tests/browser/conftest.py): no GPU, no background requests, no first-run pages.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# Time to wait for one page's load event (ms): a page that takes longer than this has failed anyway.
LOAD_TIMEOUT_MS = 600_000
# Loads of the page timed, with JavaScript and without; the median is printed.
LOADS = 3


def load(result: Path, articles: Path) -> tuple[Report, list[Article]]:
    """The Report of `result` and the articles it quotes, from the pickle beside it when it is newer."""
    cached = result.with_suffix(".pickle")
    if cached.exists() and cached.stat().st_mtime >= result.stat().st_mtime:
        with cached.open("rb") as f:
            loaded: tuple[Report, list[Article]] = pickle.load(f)
            return loaded
    report = Report.model_validate_json(result.read_bytes())
    texts = list(iter_articles(articles))
    with cached.open("wb") as f:
        pickle.dump((report, texts), f, protocol=pickle.HIGHEST_PROTOCOL)
    return report, texts


def replicate(report: Report, articles: list[Article], times: int) -> tuple[Report, list[Article]]:
    """`report` and `articles` with every article and mention copied `times` times under unique ids."""
    if times <= 1:
        return report, articles

    def renamed(article_id: str, copy: int) -> str:
        return article_id if copy == 0 else f"r{copy}/{article_id}"

    copies = range(times)
    texts = [a if k == 0 else a.model_copy(update={"id": renamed(a.id, k), "path": f"r{k}/{a.path}"})
             for k in copies for a in articles]
    summaries = tuple(s if k == 0 else s.model_copy(update={"id": renamed(s.id, k)})
                      for k in copies for s in report.articles)

    def grown(claim: ClaimResult) -> ClaimResult:
        def each(mentions: tuple[object, ...]) -> tuple[object, ...]:
            return tuple(m if k == 0 else m.model_copy(update={"article": renamed(m.article, k)})  # type: ignore[attr-defined]
                         for k in copies for m in mentions)
        return claim.model_copy(update={"mentions": each(claim.mentions), "possible": each(claim.possible)})

    return report.model_copy(update={"articles": summaries, "claims": tuple(grown(c) for c in report.claims)}), texts


def render(report: Report, articles: list[Article], profile: int) -> tuple[str, float, float, float]:
    """The page, the seconds building its view model took, the seconds printing it took, and the CPU seconds
    of both (less moved than wall time by other work on a shared machine)."""
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    began, cpu = time.perf_counter(), time.process_time()
    gc.disable()  # as render_html does while it makes the page
    page = build_page(report, articles)
    built = time.perf_counter()
    html = print_page(page)
    printed = time.perf_counter()
    gc.enable()
    cpu = time.process_time() - cpu
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(profile)
    return html, built - began, printed - built, cpu


def load_events(page_file: Path) -> dict[str, float]:
    """Seconds to chromium's load event, with JavaScript on and off: the median of LOADS fresh loads each (a
    shared machine moves a single one by a second or more)."""
    from playwright.sync_api import sync_playwright

    seconds = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for label, script in (("js", True), ("no_js", False)):
            times = []
            for _ in range(LOADS):
                context = browser.new_context(java_script_enabled=script, viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(page_file.as_uri(), wait_until="load", timeout=LOAD_TIMEOUT_MS)
                # loadEventStart: when the load event fires, from the start of the navigation (ms).
                times.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart") / 1000)
                context.close()
            seconds[label] = statistics.median(times)
        browser.close()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("result", type=Path, help="a JSON result")
    parser.add_argument("articles", type=Path, help="the articles folder it was checked against")
    parser.add_argument("--replicate", type=int, default=1, help="copy every article and mention K times")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "claimcheck-page" / "report.html")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions (cProfile)")
    parser.add_argument("--no-browser", action="store_true", help="leave chromium out")
    args = parser.parse_args()

    began = time.perf_counter()
    report, articles = replicate(*load(args.result, args.articles), args.replicate)
    mentions = sum(len(c.mentions) + len(c.possible) for c in report.claims)
    print(f"{len(report.claims)} claims x {len(articles):,} articles, {mentions:,} mentions "
          f"(loaded in {time.perf_counter() - began:.1f} s)")
    html, built, printed, cpu = render(report, articles, args.profile)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(html, encoding="utf-8")
    size = args.out.stat().st_size / 2**20
    print(f"render           {built + printed:.2f} s (build_page {built:.2f} s, jinja2 {printed:.2f} s; "
          f"CPU {cpu:.2f} s)")
    print(f"page size        {size:.1f} MiB")
    if not args.no_browser:
        if not CHROMIUM.is_file():
            print(f"{CHROMIUM} is missing: apt-get install -y chromium", file=sys.stderr)
            return 2
        events = load_events(args.out)
        print(f"load event       {events['js']:.2f} s with JavaScript, {events['no_js']:.2f} s without")
    print(f"page written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
