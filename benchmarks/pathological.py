"""Inputs that make text scanners work hardest: how long extraction takes, and whether it stays linear.

    .venv/bin/python benchmarks/pathological.py

Three tables, printed; nothing is asserted (the tests check these inputs give correct output, never how
fast). A regex that backtracks catastrophically or a quadratic loop shows in the first table as a
ratio near 16 (4 times the text, 16 times the time); linear is about 4.

1. Repeated pieces (digits, separators, stops, anchors) at 8 KB and 32 KB: seconds and the ratio.
2. Megabyte lines without punctuation, per finder and for extract_values as a whole.
3. Whole `claimcheck report` runs on one article of 64 KB of one repeated piece, and on a 2 MB and a 10 MB
   line of anchor words.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.text.boilerplate import boilerplate_lines  # noqa: E402
from checker.text.sentences import split_sentences  # noqa: E402
from checker.values import Context, extract_values  # noqa: E402
from checker.values.dates import find_dates  # noqa: E402
from checker.values.money import find_money  # noqa: E402
from checker.values.quantities import find_counts, find_durations, find_percents  # noqa: E402
from checker.values.ratings import find_ratings  # noqa: E402

CONTEXT = Context(published=dt.date(2022, 7, 26))
REPEATED = ["1 ", "12-", "Mr. ", "£1", "1,", "1.", "in 2014 ", "Jan ", "A. ", "1/1/", "10 years ", "50% ",
            "good ", "x" * 40 + " ", "( ", "'", "-", "\n"]
MEGABYTE_LINES = {
    "letters": "x" * 1_000_000,
    "words": "the council agreed the plan " * 37_000,
    "digits": "1" * 1_000_000,
    "grouped-digits": "1" + ",111" * 250_000,
    "near-misses": "tenant twentieth onerous pounds " * 32_000,
    "prose-with-numbers": ("staff were told the trust would close " * 30 + "with 450 staff ") * 800,
}
FINDERS: dict[str, Callable[..., object]] = {
    "money": find_money, "percents": find_percents, "durations": find_durations, "counts": find_counts,
    "dates": find_dates, "ratings": find_ratings, "all": extract_values,
}
ANCHOR_WORDS = "staff trust council moved example October children services million percent good years since "


def _best(run: Callable[[], object], times: int = 3) -> float:
    """The best of `times` runs, so that a busy machine does not look like a quadratic regex."""
    best = float("inf")
    for _ in range(times):
        began = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - began)
    return best


def _extract(text: str) -> None:
    extract_values(text, CONTEXT)
    split_sentences(text, boilerplate_lines(text))


def repeated() -> None:
    print(f"{'piece':14} {'8 KB s':>8} {'32 KB s':>8} {'ratio':>6}")
    for unit in REPEATED:
        small = unit * (8192 // len(unit))
        a, b = _best(lambda t=small: _extract(t)), _best(lambda t=small * 4: _extract(t))
        print(f"{unit[:12]!r:14} {a:8.3f} {b:8.3f} {b / max(a, 1e-6):6.1f}")


def megabytes() -> None:
    print(f"\n{'line (1 MB)':20} " + " ".join(f"{name:>9}" for name in FINDERS))
    for name, text in MEGABYTE_LINES.items():
        row = [_best(lambda f=finder, t=text: f(t, CONTEXT), 1) for finder in FINDERS.values()]
        print(f"{name:20} " + " ".join(f"{t:9.2f}" for t in row))


def reports() -> None:
    print(f"\n{'article':32} {'report s':>9}")
    cases = [(f"64 KB of {unit[:10]!r}", unit * (64 * 1024 // len(unit))) for unit in REPEATED]
    cases += [(f"{mb} MB line of anchor words", ANCHOR_WORDS * (mb * 1024 * 1024 // len(ANCHOR_WORDS)))
              for mb in (2, 10)]
    command = Path(sys.executable).parent / "claimcheck"
    for label, text in cases:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / "articles").mkdir()
            (root / "articles" / "a.txt").write_text(text, encoding="utf-8")
            (root / "claims.yaml").write_text("- id: c\n  claim: The trust had 450 staff.\n  kind: count\n"
                                              "  value: 450\n", encoding="utf-8")
            began = time.perf_counter()
            subprocess.run([str(command), "report", "--claims", "claims.yaml", "--articles", "articles",
                            "--out", "out.html"], cwd=root, check=True, capture_output=True)
            print(f"{label:32} {time.perf_counter() - began:9.2f}")


if __name__ == "__main__":
    repeated()
    megabytes()
    reports()
