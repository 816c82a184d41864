"""The scale benchmark: cold, warm and incremental runs on synthetic corpora, against a floor and a naive checker.

    python benchmarks/scale.py                        # 1k and 10k articles x 500 claims
    python benchmarks/scale.py --sizes 1000,10000,100000 --claims 500

For each size it generates the corpus (benchmarks/synthetic.py, kept in --work between
runs) and times, each run in a fresh process: a cold run (empty cache), a warm run, a
warm run after adding one claim, and one after adding one article. It prints wall time
and peak memory (the largest resident set of the process or any of its workers), and:

- cold / floor: the floor is one pass of a single compiled regex (sentence split and
  number scan) over the same files, read from disk;
- naive / cold: the obvious checker (each claim against each sentence with
  rapidfuzz.fuzz in Python, then extracting values from the matching sentences), on the
  1k corpus; its claims are sampled and the time scaled up to the full claim set;
- warm after one new claim / cold.

Every time is a whole `claimcheck report --json` process writing the JSON and the HTML (interpreter
start-up and imports included), timed from outside it; `inner_seconds` in the printed rows is the
time inside it, after start-up.

The figures go between the markers in benchmarks/RESULTS.md, with the machine's description.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

RESULTS = REPO / "benchmarks" / "RESULTS.md"
BEGIN, END = "<!-- figures: written by benchmarks/scale.py -->", "<!-- /figures -->"
# The floor's one regex: sentence ends and numbers, the least any checker must find.
FLOOR = re.compile(r"[.!?]+(?=\s+[A-Z])|\d[\d,.]*")
NAIVE_CLAIMS = 25  # claims the naive checker is timed on; its time is scaled to the whole set
NAIVE_RATIO = 60  # rapidfuzz token_set_ratio (0-100) at which the naive checker reads a sentence


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="article counts, comma-separated")
    parser.add_argument("--claims", type=int, default=500, help="claims in the claim set")
    parser.add_argument("--work", type=Path, default=Path("/tmp/claimcheck-scale"), help="corpora and caches")
    parser.add_argument("--workers", type=int, default=None, help="local processes (default: one per core)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    parser.add_argument("--dask", action="store_true",
                        help="also time a cold run on a Dask LocalCluster of 2 worker processes")
    parser.add_argument("--once", nargs=3, metavar=("CLAIMS", "ARTICLES", "CACHE"), help=argparse.SUPPRESS)
    parser.add_argument("--scheduler", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.once:
        return _run_once(*map(Path, args.once), workers=args.workers, scheduler=args.scheduler)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = [_measure(size, args.claims, args.work, args.workers, args.dask) for size in sizes]
    naive = _naive(args.work / "1000", args.claims) if 1000 in sizes else None
    table = _table(rows, naive, args.claims)
    print(table)
    if not args.no_write:
        _write_results(table)
    return 0


def _measure(size: int, claims: int, work: Path, workers: int | None, dask: bool = False) -> dict[str, Any]:
    from synthetic import article_text, source_sentences, write_corpus

    corpus = work / str(size)
    write_corpus(corpus, size, claims)
    cache = corpus / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    row: dict[str, Any] = {"size": size, "floor": _floor(corpus / "articles")}
    row["cold"] = _run(corpus / "claims", corpus / "articles", cache, workers)
    row["warm"] = _run(corpus / "claims", corpus / "articles", cache, workers)
    if dask:
        row["dask_cold"] = _run_dask(corpus, corpus / "dask-cache")
    extra_claim = corpus / "claims" / "zz-new.yaml"
    extra_claim.write_text("- id: zz-new-claim\n  claim: The trust employed 777 members of staff in 2019.\n"
                           "  kind: count\n  value: 777\n  keywords: [staff, employed]\n", encoding="utf-8")
    try:
        row["new_claim"] = _run(corpus / "claims", corpus / "articles", cache, workers)
    finally:
        extra_claim.unlink()
    extra_article = corpus / "articles" / "zz-new.md"
    extra_article.write_text(article_text(size, 8, source_sentences()), encoding="utf-8")
    try:
        row["new_article"] = _run(corpus / "claims", corpus / "articles", cache, workers)
    finally:
        extra_article.unlink()
    row["text_mib"] = sum(p.stat().st_size for p in (corpus / "articles").rglob("*.md")) / 2**20
    print(json.dumps(row), file=sys.stderr)
    return row


def _run_dask(corpus: Path, cache: Path) -> dict[str, Any]:
    """A cold run on a LocalCluster of 2 worker processes (1 thread each), and whether it wrote the bytes the
    local engine's last run did."""
    from dask.distributed import LocalCluster

    shutil.rmtree(cache, ignore_errors=True)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result: dict[str, Any] = _run(corpus / "claims", corpus / "articles", cache, None, cluster.scheduler_address)
    local, dask = corpus / "out-cache", corpus / f"out-{cache.name}"
    result["same_bytes_as_local"] = all((local / name).read_bytes() == (dask / name).read_bytes()
                                        for name in ("report.json", "report.html"))
    return result


def _run(claims: Path, articles: Path, cache: Path, workers: int | None,
         scheduler: str | None = None) -> dict[str, float]:
    """One whole `claimcheck report --json` process (start-up included), writing the JSON and the HTML."""
    command = [sys.executable, __file__, "--once", str(claims), str(articles), str(cache)]
    if workers:
        command += ["--workers", str(workers)]
    if scheduler:
        command += ["--scheduler", scheduler]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "0"})
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"benchmark run failed: {' '.join(command)}\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return {**result, "seconds": round(seconds, 3)}


def _run_once(claims: Path, articles: Path, cache: Path, workers: int | None, scheduler: str | None = None) -> int:
    import resource

    from checker.cli import cli

    out = cache.parent / f"out-{cache.name}"
    out.mkdir(exist_ok=True)
    for old in (out / "report.json", out / "report.html"):
        old.unlink(missing_ok=True)  # no previous result to compare with: every run writes the same page
    options = ["report", "--claims", str(claims), "--articles", str(articles), "--cache-dir", str(cache),
               "--json", str(out / "report.json"), "--out", str(out / "report.html")]
    started = time.perf_counter()
    options += ["--workers", str(workers)] if workers else []
    options += ["--engine", "dask", "--scheduler", scheduler] if scheduler else []
    cli.main(options, standalone_mode=False)
    seconds = time.perf_counter() - started
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    sizes = {f"{p.suffix[1:]}_mib": round(p.stat().st_size / 2**20, 1) for p in out.iterdir()}
    print(json.dumps({"inner_seconds": round(seconds, 3), "peak_mib": round(peak / 1024, 1), **sizes}))
    return 0


def _floor(articles: Path) -> float:
    started = time.perf_counter()
    found = 0
    for path in sorted(articles.rglob("*.md")):
        found += sum(1 for _ in FLOOR.finditer(path.read_text(encoding="utf-8")))
    return time.perf_counter() - started


def _naive(corpus: Path, claims: int) -> dict[str, float]:
    """The obvious checker on a sample of the claims; its time scaled to `claims` claims."""
    import yaml
    from rapidfuzz import fuzz

    from checker.store.articles import iter_articles
    from checker.values import Context, extract_values

    records = yaml.safe_load((corpus / "claims" / "claims.yaml").read_text(encoding="utf-8"))
    sample = records[:: max(1, len(records) // NAIVE_CLAIMS)][:NAIVE_CLAIMS]
    started = time.perf_counter()
    articles = list(iter_articles(corpus / "articles"))
    found = 0
    for record in sample:
        text = " ".join([record["claim"], *record.get("keywords", [])])
        for article in articles:
            context = Context(published=article.published)
            for sentence in re.split(r"(?<=[.!?])\s+", article.text):
                if fuzz.token_set_ratio(text, sentence) >= NAIVE_RATIO:
                    found += len(extract_values(sentence, context))
    seconds = time.perf_counter() - started
    return {"sample_seconds": seconds, "sample": len(sample), "seconds": seconds * claims / len(sample)}


def _table(rows: list[dict[str, Any]], naive: dict[str, float] | None, claims: int) -> str:
    lines = [f"Claims: {claims}. Times are wall seconds; memory is the peak resident set of the run's largest "
             "process (MiB).", "",
             "| articles | text MiB | floor s | cold s | cold MiB | HTML / JSON MiB | warm s | +1 claim s | "
             "+1 article s | cold/floor | warm/floor | +1 claim/floor | +1 article/floor |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        lines.append(
            f"| {r['size']:,} | {r['text_mib']:.1f} | {r['floor']:.2f} | {r['cold']['seconds']:.1f} | "
            f"{r['cold']['peak_mib']:.0f} | {r['cold'].get('html_mib', 0):.1f} / {r['cold'].get('json_mib', 0):.1f} | "
            f"{r['warm']['seconds']:.1f} | {r['new_claim']['seconds']:.1f} | "
            f"{r['new_article']['seconds']:.1f} | {r['cold']['seconds'] / r['floor']:.0f} | "
            f"{r['warm']['seconds'] / r['floor']:.1f} | {r['new_claim']['seconds'] / r['floor']:.1f} | "
            f"{r['new_article']['seconds'] / r['floor']:.1f} |")
    for r in rows:
        if "dask_cold" in r:
            d = r["dask_cold"]
            same = "the same bytes" if d["same_bytes_as_local"] else "OTHER BYTES"
            lines += ["", f"Dask LocalCluster (2 worker processes, 1 thread each), {r['size']:,} articles cold: "
                          f"{d['seconds']:.1f} s against {r['cold']['seconds']:.1f} s on the local engine; it wrote "
                          f"{same} as the local engine's JSON and HTML."]
    first = next((r for r in rows if r["size"] == 1000), None)
    if naive and first:
        lines += ["", f"Naive on 1,000 articles: {naive['seconds']:.0f} s (timed on {naive['sample']:.0f} claims, "
                      f"{naive['sample_seconds']:.1f} s, scaled to {claims}); naive / cold = "
                      f"{naive['seconds'] / first['cold']['seconds']:.1f}."]
    by_size = {r["size"]: r for r in rows}
    if 10000 in by_size and 100000 in by_size:
        ratio = by_size[100000]["cold"]["seconds"] / by_size[10000]["cold"]["seconds"]
        lines += ["", f"Cold time 100k / 10k: {ratio:.2f} (target <= 10.5)."]
    return "\n".join(lines)


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")) / 2**20
    except (OSError, StopIteration):
        memory = 0.0
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def _write_results(table: str) -> None:
    stamp = time.strftime("%Y-%m-%d", time.gmtime())
    block = f"{BEGIN}\nMeasured {stamp} on {_machine()}.\n\n{table}\n{END}"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else f"# Scale benchmark results\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    RESULTS.write_text(head + block + rest.split(END, 1)[1], encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
