"""Reading accuracy per corpus: precision, recall, conflict recall, verdict accuracy, and calibration.

    .venv/bin/python benchmarks/accuracy.py [--corpus NAME ...] [--min-confidence X] [--show]
    .venv/bin/python benchmarks/accuracy.py --sweep      # choose --min-confidence: the tuning half only

Corpora (each scored against its own gold labels, the claims of its claim files all in scope):

- seeds:     the public seed claims (../shared/gold/seed-claims.yaml) on the bundled articles/,
             scored against ../shared/gold/seed-mentions.yaml; absent without ../shared.
- bundled:   claims/ on articles/, against tests/data/gold/seed-mentions.yaml (our own labels).
- fixtures:  tests/data/reading/ (articles of our own words exercising each reading class).
- tuning:    benchmarks/corpus, tuning half: tune rules and thresholds here.
- checking:  benchmarks/corpus, checking half: report only, never tune on it.
The corpus halves need the page text in benchmarks/corpus/pages/ (git-ignored; gather it as
benchmarks/corpus/README.md says); without it they are reported absent.

Calibration: of the mentions reported with confidence >= 0.8, the share that hit a gold label.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from scoring import Score, score  # noqa: E402

from checker.formats.json import render_json  # noqa: E402
from checker.pipeline import run_check  # noqa: E402
from checker.settings import Settings  # noqa: E402
from checker.store.claims import read_claims  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "benchmarks" / "corpus"
CALIBRATION_AT = 0.8
PINNED = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)  # "today" for every run, so figures repeat


@dataclass(frozen=True)
class Corpus:
    name: str
    claims: Path
    articles: Path | None  # None: the articles are the pages of the half named by `half`
    gold: Path
    half: str | None = None

    def missing(self) -> str | None:
        """Why the corpus cannot be scored here, or None."""
        for path in (self.claims, self.gold):
            if not path.exists():
                return f"{path} is absent"
        if self.half is not None and not any((CORPUS / "pages").glob("*/*.txt")):
            return f"{CORPUS / 'pages'} holds no pages (git-ignored; see benchmarks/corpus/README.md)"
        return None


CORPORA = (
    Corpus("seeds", SHARED / "gold" / "seed-claims.yaml", ROOT / "articles", SHARED / "gold" / "seed-mentions.yaml"),
    Corpus("bundled", ROOT / "claims", ROOT / "articles", ROOT / "tests" / "data" / "gold" / "seed-mentions.yaml"),
    Corpus("fixtures", ROOT / "tests" / "data" / "reading" / "claims", ROOT / "tests" / "data" / "reading" / "articles",
           ROOT / "tests" / "data" / "reading" / "gold.yaml"),
    Corpus("tuning", CORPUS / "claims" / "tuning", None, CORPUS / "gold" / "tuning.yaml", half="tuning"),
    Corpus("checking", CORPUS / "claims" / "checking", None, CORPUS / "gold" / "checking.yaml", half="checking"),
)


@contextmanager
def _articles(corpus: Corpus) -> Iterator[Path]:
    """The corpus's article folder: its own, or a copy of the pages of its half's topics (ids topic/page)."""
    if corpus.articles is not None:
        yield corpus.articles
        return
    manifest = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
    topics = sorted({entry["topic"] for entry in manifest if entry["half"] == corpus.half})
    with tempfile.TemporaryDirectory(prefix=f"claimcheck-{corpus.half}-") as folder:
        for topic in topics:
            shutil.copytree(CORPUS / "pages" / topic, Path(folder) / topic)
        yield Path(folder)


def _claim_ids(path: Path) -> set[str]:
    return {claim.id for claim in read_claims(path).claims}


def measure(corpus: Corpus, min_confidence: float | None) -> tuple[Score, dict[str, Any], list[dict[str, Any]]]:
    """Score one corpus: the score, the JSON result, and the gold."""
    gold = yaml.safe_load(corpus.gold.read_text(encoding="utf-8"))
    options: dict[str, Any] = {"now": PINNED}
    if min_confidence is not None:
        options["min_confidence"] = min_confidence
    with _articles(corpus) as articles:
        result = run_check(corpus.claims, articles, Settings(**options))
    data = json.loads(render_json(result.report))
    return score(gold, data, scope=_claim_ids(corpus.claims)), data, gold


def calibration(scored: Score, data: dict[str, Any]) -> tuple[int, float] | None:
    """(mentions at >= CALIBRATION_AT confidence, share of them that hit gold); None without confidences."""
    alarms = {(c, m["article"], m["start"]) for c, m in scored.false_alarms}
    confident = [(c["id"], m) for c in data["claims"] for m in c["mentions"]
                 if m.get("confidence", 0.0) >= CALIBRATION_AT]
    if not any("confidence" in m for c in data["claims"] for m in c["mentions"]):
        return None
    if not confident:
        return 0, 0.0
    right = sum((cid, m["article"], m["start"]) not in alarms for cid, m in confident)
    return len(confident), right / len(confident)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=[c.name for c in CORPORA],
                        help="score only these (repeatable; default: all)")
    parser.add_argument("--min-confidence", type=float, default=None,
                        help="the check's --min-confidence (default: the tool's own default)")
    parser.add_argument("--show", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--sweep", action="store_true",
                        help="precision, recall and F1 on the tuning half at each cut, to choose the default")
    args = parser.parse_args(argv)
    if args.sweep:
        return sweep()
    print(f"{'corpus':10} {'reported':>8} {'precision':>9} {'recall':>7} {'conflict':>8} {'verdict':>7}"
          f"   calibration (>= {CALIBRATION_AT})")
    for corpus in CORPORA:
        if args.corpus and corpus.name not in args.corpus:
            continue
        why = corpus.missing()
        if why:
            print(f"{corpus.name:10} absent: {why}")
            continue
        scored, data, _ = measure(corpus, args.min_confidence)
        cal = calibration(scored, data)
        shown = "no confidences" if cal is None else f"{cal[1]:.3f} of {cal[0]}"
        print(f"{corpus.name:10} {scored.reported:8d} {scored.precision:9.3f} {scored.recall:7.3f} "
              f"{scored.conflict_recall:8.3f} {scored.verdict_accuracy:7.3f}   {shown}")
        if args.show:
            for miss in scored.misses:
                print(f"    miss  {miss['claim']} {miss['article']} {json.dumps(miss['value'])} "
                      f"({miss.get('verdict')}) {miss.get('quote', '')!r}")
            for claim_id, mention in scored.false_alarms:
                print(f"    alarm {claim_id} {mention['article']} {json.dumps(mention['value'])} "
                      f"{mention['text']!r} in {mention['sentence'][:110]!r}")
    return 0


SWEEP_CUTS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)


def sweep() -> int:
    """The default cut is chosen here, on the tuning half alone: the checking half is never swept."""
    tuning = next(c for c in CORPORA if c.name == "tuning")
    why = tuning.missing()
    if why:
        print(f"tuning absent: {why}")
        return 1
    print(f"{'cut':>5} {'precision':>9} {'recall':>7} {'conflict':>8} {'F1':>6}")
    for cut in SWEEP_CUTS:
        scored, _, _ = measure(tuning, cut)
        p, r = scored.precision, scored.recall
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{cut:5.2f} {p:9.3f} {r:7.3f} {scored.conflict_recall:8.3f} {f1:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
