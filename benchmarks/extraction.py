"""Run claimcheck's value extraction over the extraction benchmark and score it.

    python benchmarks/extraction.py [--bench DIR] [--out FILE] [--unique-ids] [--repeat N]

Runs `checker.values.extract_values` over every case of every category (dates, money,
numbers, percentages, durations), with the case's `reference_date` as the publication
date, writes the predictions as JSONL, runs the benchmark's own `score.py` on them and
prints its table, then the cases per second of extraction alone, per category and overall,
on one core: the process's CPU time, the fastest of --repeat runs (3 by default), so that
other work on the machine does not count. Exits 2 when the benchmark data is not there.

The scorer keys predictions by case id. Where the data uses one id for two cases, the
predictions for both go on that id's line; --unique-ids instead scores a copy of the data
in which the second case of such a pair gets its own id ("<id>~2").
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker.models import Kind  # noqa: E402
from checker.values import Context, extract_values  # noqa: E402

DEFAULT_BENCH = REPO.parent / "shared" / "benchmarks" / "extraction"
CATEGORIES = ("dates", "money", "numbers", "percentages", "durations")
# The kinds the scorer reads; ratings have no benchmark.
KINDS = frozenset({Kind.DATE, Kind.MONEY, Kind.COUNT, Kind.PERCENT, Kind.DURATION})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the benchmark folder")
    parser.add_argument("--out", type=Path, default=None, help="where to write the predictions (JSONL)")
    parser.add_argument("--repeat", type=int, default=3, help="time the extraction this many times, keep the best")
    parser.add_argument("--unique-ids", action="store_true",
                        help="score a copy of the data in which duplicated case ids are made unique")
    args = parser.parse_args(argv)
    bench: Path = args.bench
    score = bench / "score.py"
    if not score.is_file() or not any((bench / f"{c}.jsonl").is_file() for c in CATEGORIES):
        print(f"extraction benchmark data is not present (looked for score.py and *.jsonl in {bench})",
              file=sys.stderr)
        return 2
    out: Path = args.out or Path(tempfile.gettempdir()) / "claimcheck-extraction-predictions.jsonl"

    predictions: dict[str, list[dict[str, Any]]] = {}
    timings: dict[str, tuple[int, float]] = {}
    copy = tempfile.TemporaryDirectory(prefix="claimcheck-bench-") if args.unique_ids else None
    scored_bench = Path(copy.name) if copy is not None else bench
    for category in CATEGORIES:
        path = bench / f"{category}.jsonl"
        if not path.is_file():
            continue
        cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        repeated = _make_ids_unique(cases) if args.unique_ids else _repeated_ids(cases)
        if args.unique_ids:
            (scored_bench / path.name).write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
        if repeated:
            note = "given their own ids" if args.unique_ids else "share one prediction line (see --unique-ids)"
            print(f"note: {path.name} uses {len(repeated)} case ids twice; those cases {note}")
        contexts = [Context(published=_date(case.get("reference_date"))) for case in cases]
        best = float("inf")
        for _ in range(max(1, args.repeat)):
            started = time.process_time()
            results = [extract_values(case["text"], context, KINDS)
                       for case, context in zip(cases, contexts, strict=True)]
            best = min(best, time.process_time() - started)
        timings[category] = (len(cases), best)
        for case, values in zip(cases, results, strict=True):
            # A case id that appears twice in the data keeps every prediction made for it:
            # the scorer reads one line per id.
            predictions.setdefault(case["id"], []).extend(
                {"kind": v.kind.value, "value": v.value.to_json(), "span": [v.start, v.end]} for v in values
            )

    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for case_id, predicted in predictions.items():
            f.write(json.dumps({"id": case_id, "values": predicted}) + "\n")
    print(f"predictions: {out}")
    scored = subprocess.run(
        [sys.executable, str(score), "--predictions", str(out), "--bench", str(scored_bench)], check=False
    )
    if copy is not None:
        copy.cleanup()
    print()
    print(f"{'category':<12} {'cases':>6} {'seconds':>8} {'cases/s':>9}   (extraction only, one core)")
    total_cases, total_time = 0, 0.0
    for category, (count, seconds) in timings.items():
        total_cases += count
        total_time += seconds
        print(f"{category:<12} {count:>6} {seconds:>8.3f} {count / seconds if seconds else 0:>9.0f}")
    rate = total_cases / total_time if total_time else 0.0
    print(f"{'overall':<12} {total_cases:>6} {total_time:>8.3f} {rate:>9.0f}")
    return 0 if scored.returncode in {0, 1} else scored.returncode


def _repeated_ids(cases: list[dict[str, Any]]) -> set[str]:
    seen: set[str] = set()
    repeated: set[str] = set()
    for case in cases:
        (repeated if case["id"] in seen else seen).add(case["id"])
    return repeated


def _make_ids_unique(cases: list[dict[str, Any]]) -> set[str]:
    """Rename the later cases of a repeated id in place ("<id>~2"); return the ids that repeated."""
    counts: dict[str, int] = {}
    for case in cases:
        counts[case["id"]] = counts.get(case["id"], 0) + 1
        if counts[case["id"]] > 1:
            case["id"] = f"{case['id']}~{counts[case['id']]}"
    return {case_id for case_id, count in counts.items() if count > 1}


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


if __name__ == "__main__":
    sys.exit(main())
