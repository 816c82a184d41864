"""The hostile-input harness: the CLI in a subprocess under a memory and time limit, inputs hashed before and after.

Every case runs `python -m checker ...` as a user would, with its address space capped at
MEMORY_LIMIT_BYTES and killed after TIMEOUT_SECONDS. A trivial run (one claim, one article)
peaks at about 80 MB resident and needs well under 300 MB of address space, so 500 MB leaves
room for work and none for a runaway.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

MEMORY_LIMIT_BYTES = 500 * 1024 * 1024
# Not a speed limit (speed is measured in benchmarks/): a guard that ends a run that hangs, so the suite does.
TIMEOUT_SECONDS = 300.0
ROOT = Path(__file__).resolve().parents[2]
MEASURE = Path(__file__).with_name("measure.py")

VALID_CLAIMS = """\
# One claim in the form people write them.
- id: staff-count
  claim: Around 450 staff moved to the trust.
  subject: Example Trust
  kind: count
  value: 450
  tolerance: 5%
  keywords: [staff, employees]
"""
VALID_ARTICLE = """\
---
title: Staff move to the trust
published: 2014-10-01
---
Example Trust said 450 staff moved to the trust in October 2014.
"""


@dataclass
class Run:
    """What one CLI run did: exit status, output, time and peak memory."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_kb: int

    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("claimcheck: error:")]

    def warnings(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("claimcheck: warning:")]


# A message says what to do: "...; give one of them another id", "must be one of ...", "use ...".
FIX_WORDS = ("; ", " must ", " use ", "write", "give", "choose", "pass ", "save", "remove", "fix", "rename")

TIMINGS: list[tuple[str, float, int]] = []


def run_cli(args: Sequence[str], cwd: Path, env: dict[str, str] | None = None,
            timeout: float = TIMEOUT_SECONDS) -> Run:
    """`python -m checker ARGS` in `cwd`, limited in memory and time; the case fails on a timeout."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1714564800", "PYTHONPATH": str(ROOT), **(env or {})}
    out_path, err_path, rss_path = cwd / ".hostile-stdout", cwd / ".hostile-stderr", cwd / ".hostile-rss"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        began = time.monotonic()
        # util-linux's prlimit caps the address space; measure.py, a small process of its own, reads the peak
        # memory (the command's own, not that of the pytest process it would be forked from)
        command = ["prlimit", f"--as={MEMORY_LIMIT_BYTES}", sys.executable, "-m", "checker", *args]
        process = subprocess.Popen([sys.executable, str(MEASURE), str(rss_path), *command], cwd=cwd, stdout=out,
                                   stderr=err, stdin=subprocess.DEVNULL, env=environment, start_new_session=True)
        timer = threading.Timer(timeout, lambda: os.killpg(process.pid, signal.SIGKILL))
        timer.start()
        try:
            process.wait()
        finally:
            timed_out = not timer.is_alive()
            timer.cancel()
        seconds = time.monotonic() - began
    max_rss_kb = int(rss_path.read_text() or 0) if rss_path.exists() else 0
    rss_path.unlink(missing_ok=True)
    run = Run(list(args), process.returncode, out_path.read_text(errors="replace"),
              err_path.read_text(errors="replace"), seconds, max_rss_kb)
    out_path.unlink()
    err_path.unlink()
    TIMINGS.append((" ".join(args)[:80], seconds, max_rss_kb))
    assert not timed_out, f"claimcheck {' '.join(args)} hung: killed after {timeout} s"
    return run


def digest_tree(*roots: Path) -> dict[str, str]:
    """Every file below `roots` (symlinks as their target, not followed) with a digest of its bytes."""
    found: dict[str, str] = {}
    for root in roots:
        paths = [root] if not root.is_dir() or root.is_symlink() else sorted(root.rglob("*"))
        for path in paths:
            if path.is_symlink():
                found[str(path)] = "link:" + os.readlink(path)
            elif path.is_file():
                digest = hashlib.sha256()
                with path.open("rb") as handle:
                    for chunk in iter(lambda: handle.read(1 << 20), b""):
                        digest.update(chunk)
                found[str(path)] = digest.hexdigest()
    return found


def assert_clean(run: Run, status: int, *names: str) -> None:
    """The exit status, no traceback anywhere, and on status 2 exactly one error line naming `names`."""
    assert "Traceback" not in run.stderr + run.stdout, run.stderr[-3000:]
    assert run.returncode == status, f"exit {run.returncode}, stderr: {run.stderr[-2000:]}"
    if status == 2:
        errors = run.errors()
        assert len(errors) == 1 and errors[0] == run.stderr.strip(), run.stderr[-2000:]
        assert any(word in errors[0] for word in FIX_WORDS), f"no fix said: {errors[0]}"
    for name in names:
        assert name in run.stderr, f"{name!r} not in: {run.stderr[-2000:]}"


@dataclass
class Workspace:
    """A folder with claims/ and articles/ holding one valid claim and article, to be spoiled by a case."""

    root: Path

    @property
    def claims(self) -> Path:
        return self.root / "claims"

    @property
    def articles(self) -> Path:
        return self.root / "articles"

    def run(self, *args: str, env: dict[str, str] | None = None) -> Run:
        """Run a command and assert that no input file changed."""
        before = digest_tree(self.claims, self.articles)
        run = run_cli(list(args), self.root, env)
        assert digest_tree(self.claims, self.articles) == before, "an input file changed"
        return run

    def report(self, *extra: str) -> Run:
        return self.run("report", "--claims", "claims", "--articles", "articles", "--out", "out/report.html",
                        "--json", "out/report.json", *extra)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    (tmp_path / "claims").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "claims" / "staff.yaml").write_text(VALID_CLAIMS, encoding="utf-8")
    (tmp_path / "articles" / "launch.md").write_text(VALID_ARTICLE, encoding="utf-8")
    return Workspace(tmp_path)


Setup = Callable[[Workspace], None]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TIMINGS:
        slowest = max(TIMINGS, key=lambda t: t[1])
        biggest = max(TIMINGS, key=lambda t: t[2])
        terminalreporter.write_line(
            f"hostile: {len(TIMINGS)} CLI runs; slowest {slowest[1]:.2f} s ({slowest[0]}); "
            f"largest peak RSS {biggest[2] // 1024} MB ({biggest[0]})")
