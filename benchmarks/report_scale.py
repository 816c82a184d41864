"""The HTML report at scale: 500 claims x 2,000 synthetic articles, its size and render time, and chromium's timings.

    python benchmarks/report_scale.py [--claims N] [--articles N] [--out FILE]

Builds a synthetic Report (no matching: the page is what is measured), renders it, then opens
it in Debian's chromium through Playwright and prints: the page's size, the render time, the
time to the load event, and the time the filters take to apply (status, search) inside the page.
Needs /usr/bin/chromium and Playwright (pip install -e . --group test); exits 2 without them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker.models import (  # noqa: E402
    Article,
    ArticleSummary,
    Caveat,
    ClaimResult,
    Kind,
    Mention,
    Report,
    Status,
    Verdict,
)
from checker.report.render import render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
# Mentions per claim, and the share of them that conflict.
MENTIONS_PER_CLAIM = 8
CONFLICT_SHARE = 0.15
FILLER = ("The council said the trust had met most of its targets this year, and that the board would "
          "publish a fuller account of its finances in the spring. ")


def synthetic(claims: int, articles: int, seed: int = 4) -> tuple[Report, list[Article]]:
    """A Report and its articles: each claim's count stated in MENTIONS_PER_CLAIM articles, some differently."""
    rng = random.Random(seed)
    texts: list[str] = [f"Article {n}\n\n" + FILLER * 6 for n in range(articles)]
    found: list[list[tuple[int, int, int, Verdict]]] = [[] for _ in range(claims)]
    for c in range(claims):
        value = 100 + c
        for a in rng.sample(range(articles), MENTIONS_PER_CLAIM):
            conflicts = rng.random() < CONFLICT_SHARE
            stated = value + rng.randint(5, 90) if conflicts else value
            sentence = f"Figures showed item{c} staff numbered {stated} at the time. "
            start = len(texts[a]) + sentence.index(str(stated))
            texts[a] += sentence
            found[c].append((a, start, stated, Verdict.CONFLICTS if conflicts else Verdict.AGREES))
    ids = [f"{n:04d}_{n * 2654435761 % 16**16:016x}" for n in range(articles)]
    day0 = dt.date(2014, 1, 1)
    docs = [Article(id=ids[n], path=f"articles/{ids[n]}.txt", text=texts[n], title=f"Synthetic article {n}",
                    published=day0 + dt.timedelta(days=n * 3), publisher="Bench News",
                    url=f"https://example.org/{n}") for n in range(articles)]
    results = []
    for c in range(claims):
        mentions = []
        for a, start, stated, verdict in sorted(found[c]):
            sentence_start = texts[a].rfind("Figures", 0, start)
            end = start + len(str(stated))
            mentions.append(Mention(
                article=ids[a], value=stated, verdict=verdict, text=str(stated),
                sentence=texts[a][sentence_start:texts[a].find(".", end) + 1], start=start, end=end, score=0.8,
                sentence_start=sentence_start, time=str(2014 + a * 3 // 365),
                caveats=(Caveat.OTHER_TIME,) if verdict is Verdict.CONFLICTS else (),
                matched_words=("figur", "staff", f"item{c}")))
        status = (Status.CONFLICTING if any(m.verdict is Verdict.CONFLICTS for m in mentions) else Status.AGREED)
        results.append(ClaimResult(id=f"claim-{c:03d}", kind=Kind.COUNT, value=100 + c, status=status,
                                   mentions=tuple(mentions), claim=f"The trust had {100 + c} item{c} staff.",
                                   as_of="2015"))
    summaries = tuple(ArticleSummary(id=d.id, title=d.title, published=d.published, url=d.url,
                                     publisher=d.publisher, path=d.path, values_stated=5, values_uncovered=2)
                      for d in docs)
    report = Report(version="bench", generated="2024-05-01T12:00:00Z", inputs_digest="0" * 16,
                    articles=summaries, claims=tuple(results))
    return report, docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "claimcheck-scale" / "report.html")
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("Playwright is not installed: pip install -e . --group test", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).is_file():
        print(f"{CHROMIUM} is missing: apt-get install -y chromium", file=sys.stderr)
        return 2

    report, articles = synthetic(args.claims, args.articles)
    began = time.perf_counter()
    html = render_html(report, articles)
    rendered = time.perf_counter() - began
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(html, encoding="utf-8")
    text_bytes = sum(len(a.text.encode()) for a in articles)
    conflicting = sum(c.status is Status.CONFLICTING for c in report.claims)
    print(f"{args.claims} claims x {args.articles} articles, {sum(len(c.mentions) for c in report.claims)} mentions, "
          f"{conflicting} conflicting claims")
    print(f"page size        {len(html.encode()) / 1e6:.1f} MB (article text alone {text_bytes / 1e6:.1f} MB)")
    print(f"render (python)  {rendered:.2f} s")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        began = time.perf_counter()
        page.goto(args.out.as_uri(), wait_until="load")
        loaded = time.perf_counter() - began
        timing = page.evaluate("(() => { const t = performance.getEntriesByType('navigation')[0];"
                               " return [t.domContentLoadedEventEnd, t.loadEventEnd]; })()")
        print(f"load in chromium {loaded:.2f} s wall (DOMContentLoaded {timing[0] / 1000:.2f} s, "
              f"load event {timing[1] / 1000:.2f} s)")
        for label, script in (
            ("filter: conflicting", "document.querySelector('input[name=status][value=conflicting]').click()"),
            ("filter: all", "document.querySelector('input[name=status][value=\"\"]').click()"),
            ("search: 'item42'", "const q = document.querySelector('input[name=q]'); q.value = 'item42';"
                                 " q.dispatchEvent(new Event('input', {bubbles: true}))"),
        ):
            # Time the handler and the layout it forces, as a reader waits for both.
            ms = page.evaluate(f"(() => {{ const t0 = performance.now(); {script};"
                               " document.body.offsetHeight; return performance.now() - t0; })()")
            shown = page.eval_on_selector_all("[data-filter-item]", "els => els.filter(e => !e.hidden).length")
            print(f"{label:<20} {ms:7.1f} ms, {shown} claims shown")
        browser.close()
    print(f"report written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
