"""`add` killed mid-write, and two `add`s at once: the claims file is whole, old or new, never truncated or mixed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, VALID_CLAIMS, Workspace, assert_clean, run_cli

ARGS = ["add", "Example Trust had 500 staff in 2015.", "--claims", "claims", "--articles", "articles",
        "--file", "claims/staff.yaml", "--kind", "count", "--value", "500", "--yes"]
# How many times `add` is killed, at points around the moment the file changes.
KILL_POINTS = 16


def _add(root: Path, claim_id: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "checker", *ARGS, "--id", claim_id], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)


def _ids(text: str) -> list[str]:
    return [record["id"] for record in yaml.safe_load(text) or []]


def _time_to_write(root: Path) -> tuple[float, str]:
    """How long after its start an add replaces the file, and the file it leaves."""
    target = root / "claims" / "staff.yaml"
    before = target.stat().st_ino
    began = time.monotonic()
    process = _add(root, "probe-claim")
    while target.stat().st_ino == before and process.poll() is None:
        time.sleep(0.001)
    seconds = time.monotonic() - began
    process.communicate(timeout=10)
    assert process.returncode == 0
    return seconds, target.read_text()


@pytest.mark.slow  # many runs of the CLI: `pytest -m slow`, and CI, run it
def test_add_killed_at_any_point_leaves_the_old_or_the_new_file(workspace: Workspace) -> None:
    target = workspace.claims / "staff.yaml"
    write_at, probed = _time_to_write(workspace.root)
    expected_new = probed.replace("probe-claim", "killed-claim")
    seen: dict[float, str] = {}

    def kill_after(delay: float) -> str:
        target.write_text(VALID_CLAIMS)
        process = _add(workspace.root, "killed-claim")
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=10)
        text = target.read_text()
        assert text in (VALID_CLAIMS, expected_new), f"killed after {delay:.3f} s, the file is:\n{text}"
        assert _ids(text) in (["staff-count"], ["staff-count", "killed-claim"])
        # Only hidden temporary files may be left by a kill; claimcheck never reads them as claims.
        assert sorted(p.name for p in workspace.claims.iterdir() if not p.name.startswith(".")) == ["staff.yaml"]
        seen[delay] = "old" if text == VALID_CLAIMS else "new"
        return seen[delay]

    # Points spread over the run, then packed between the last kill that left the old file and the
    # first that left the new one: the write happens in there.
    for step in range(KILL_POINTS // 2):
        kill_after(write_at * (0.4 + step * 1.0 / (KILL_POINTS // 2)))
    old = max((d for d, o in seen.items() if o == "old"), default=0.0)
    new = min((d for d, o in seen.items() if o == "new" and d > old), default=write_at * 1.5)
    for step in range(KILL_POINTS // 2):
        kill_after(old + (new - old) * (step + 1) / (KILL_POINTS // 2 + 1))
    outcomes = sorted(set(seen.values()))
    assert outcomes == ["new", "old"], f"the kill points missed the write: {seen}"


@pytest.mark.parametrize("same_id", [False, True])
def test_two_adds_at_once_both_land_or_one_refuses_cleanly(workspace: Workspace, same_id: bool) -> None:
    ids = ["first-claim", "first-claim" if same_id else "second-claim"]
    processes = [_add(workspace.root, claim_id) for claim_id in ids]
    results = [(p.wait(timeout=20), p.stdout.read().decode(), p.stderr.read().decode())  # type: ignore[union-attr]
               for p in processes]
    text = (workspace.claims / "staff.yaml").read_text()
    assert text.startswith(VALID_CLAIMS)
    landed = [claim_id for claim_id, (status, _, _) in zip(ids, results, strict=True) if status == 0]
    found = _ids(text)
    assert found[0] == "staff-count" and sorted(found[1:]) == sorted(set(landed)), found
    for status, _, stderr in results:
        assert "Traceback" not in stderr
        if status != 0:
            assert status == 2
            errors = [line for line in stderr.splitlines() if line.startswith("claimcheck: error:")]
            assert len(errors) == 1, stderr
            assert "already" in errors[0] or "another claimcheck" in errors[0], errors[0]
    if same_id:
        assert sorted(status for status, _, _ in results) == [0, 2]
    else:
        assert len(landed) >= 1


def test_add_to_a_broken_claims_file_is_refused_and_changes_nothing(workspace: Workspace) -> None:
    target = workspace.claims / "staff.yaml"
    broken = VALID_CLAIMS + "- id: [unclosed\n"
    target.write_text(broken)
    run = run_cli([*ARGS, "--id", "new-claim"], workspace.root)
    assert_clean(run, 2, "claims/staff.yaml")
    assert target.read_text() == broken


def test_add_refuses_a_file_with_a_billion_laughs(workspace: Workspace) -> None:
    target = workspace.claims / "staff.yaml"
    bomb = VALID_CLAIMS + "- id: lol\n  claim: lol\n  kind: count\n  value: [&a0 [lol, lol, lol, lol, lol, lol, lol, " \
        "lol, lol, lol], " + ", ".join(f"&a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)) + "]\n"
    target.write_text(bomb)
    run = run_cli([*ARGS, "--id", "new-claim"], workspace.root)
    assert "Traceback" not in run.stderr
    assert run.returncode in (0, 2), run.stderr
    if run.returncode == 0:
        assert target.read_text().startswith(bomb)
    else:
        assert target.read_text() == bomb
