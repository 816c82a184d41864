"""Start-up time of the `claimcheck` command: `--version`, `--help` and one command's `--help`, median of runs.

    .venv/bin/python benchmarks/startup.py [--runs N]

The target (issue 13) is under 0.2 s for `--version` and `--help`: the group imports no command until one
runs. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMAND = Path(sys.executable).parent / "claimcheck"
CASES = (["--version"], ["--help"], ["report", "--help"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"{'command':28} {'median s':>9} {'min s':>7}")
    for case in CASES:
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            subprocess.run([str(COMMAND), *case], check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - began)
        print(f"{'claimcheck ' + ' '.join(case):28} {statistics.median(times):9.3f} {min(times):7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
