"""The JSON writer alone: Python's indenting encoder against the writer in checker/formats/json.py, on one result.

    python benchmarks/json_writer.py /tmp/claimcheck-scale/10000/out-cache/report.json

Reads a JSON result (as `report --json` or `check --format json` wrote it) into a Report, renders it
both ways, checks that the bytes are the same (and the same as the file's), and prints the seconds of
each and the result's size.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker.formats.json import json_chunks  # noqa: E402
from checker.models import Report  # noqa: E402
from checker.text.normalise import utf8_safe  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("result", type=Path, help="a JSON result file")
    args = parser.parse_args(argv)
    raw = args.result.read_bytes()
    report = Report.model_validate(json.loads(raw))
    started = time.perf_counter()
    before = (utf8_safe(json.dumps(report.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False))
              + "\n").encode()
    middle = time.perf_counter()
    after = b"".join(json_chunks(report))
    ended = time.perf_counter()
    mentions = sum(len(c.mentions) + len(c.possible) for c in report.claims)
    print(json.dumps({"mib": round(len(raw) / 2**20, 1), "mentions": mentions,
                      "json_dumps_seconds": round(middle - started, 2), "writer_seconds": round(ended - middle, 2),
                      "same_bytes": before == after == raw}))
    return 0 if before == after == raw else 1


if __name__ == "__main__":
    raise SystemExit(main())
