"""Where the process boundary matters: a full disk on stdout, and the YAML budget under the memory cap."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, Workspace, assert_clean


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full to fill the disk")
def test_stdout_on_a_full_disk_is_one_line_and_exit_2(workspace: Workspace) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1714564800"}
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json"], cwd=workspace.root,
                              stdout=full, stderr=subprocess.PIPE, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 2, done.stderr
    assert done.stderr == ("claimcheck: error: cannot write the output (No space left on device); free some space, "
                           "or write to another disk\n")


def test_a_1_mb_string_aliased_3000_times_is_refused_in_bounded_memory(workspace: Workspace) -> None:
    big = "x" * 1_000_000
    (workspace.claims / "staff.yaml").write_text(
        "- id: staff\n  claim: &big \"" + big + "\"\n  kind: count\n  value: 450\n  keywords: ["
        + ", ".join(["*big"] * 3000) + "]\n")
    run = workspace.run("check")
    assert_clean(run, 2, "claims/staff.yaml:5", "expand to over 10485760 characters")
    assert run.max_rss_kb < 300 * 1024, f"peak {run.max_rss_kb // 1024} MB"


def test_a_crash_in_a_subprocess_is_exit_3_and_leaves_its_traceback(workspace: Workspace, tmp_path: Path) -> None:
    # The one wrapper at the top: a bug anywhere is exit 3, never 1 (a conflict) and never a traceback on stderr.
    (workspace.root / "sitecustomize.py").write_text(
        "import checker.pipeline\n"
        "def broken(*args, **kwargs):\n    raise ZeroDivisionError('planted')\n"
        "checker.pipeline.build_report = broken\n")
    env = {"PYTHONPATH": f"{workspace.root}{os.pathsep}{ROOT}", "TMPDIR": str(tmp_path)}
    run = workspace.run("check", env=env)
    assert run.returncode == 3, run.stderr
    assert "Traceback" not in run.stderr
    (crash,) = tmp_path.glob("claimcheck-crash-*.txt")
    assert "ZeroDivisionError: planted" in crash.read_text()
    assert run.stderr == ("claimcheck: error: internal error (ZeroDivisionError), a bug in claimcheck: please "
                          "report it to the maintainers with the command you ran and that file; the traceback is "
                          f"in {crash}\n")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero, an endless file of size 0")
@pytest.mark.parametrize(("option", "said"), [
    ("--baseline", "/dev/zero: baseline file is over 5 MB"),
    ("--previous", "/dev/zero: the previous result is over 100 MB"),
])
def test_an_endless_baseline_or_previous_result_is_refused_in_bounded_memory(workspace: Workspace, option: str,
                                                                             said: str) -> None:
    command = "check" if option == "--baseline" else "report"
    run = workspace.run(command, option, "/dev/zero", *(["--out", "out/report.html"] if command == "report" else []))
    assert_clean(run, 2, said)
    assert not (workspace.root / "out").exists()
    assert run.max_rss_kb < 300 * 1024, f"peak {run.max_rss_kb // 1024} MB"
