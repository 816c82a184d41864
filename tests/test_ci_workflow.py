"""The CI story end to end: the installed command run as a subprocess in a git repository, as a pull request would."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml

from checker.cli import cli

REVIEW = """\
---
title: Trust under review
published: 2019-06-20
---
Trust under review

A spokesperson said the figures were being checked.

The Riverside Care Trust now employs {staff} staff, its latest accounts show.
"""


@pytest.fixture
def repo(data_path: Path, tmp_path: Path) -> Path:
    shutil.copytree(data_path / "ci" / "claims", tmp_path / "claims")
    (tmp_path / "articles").mkdir()
    shutil.copy(data_path / "ci" / "articles" / "launch.txt", tmp_path / "articles")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "claims and a first article")
    return tmp_path


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=CI", "-c", "user.email=ci@example.org", *args], cwd=repo, check=True,
                   env={**os.environ, "GIT_CEILING_DIRECTORIES": str(repo.parent)})


def claimcheck(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=repo, capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def test_a_contradicting_article_fails_until_accepted_and_a_removed_one_leaves_a_stale_entry(repo: Path) -> None:
    check = ("check", "--baseline", "claims/.baseline.yaml", "--format", "github")
    assert claimcheck(repo, "baseline").returncode == 0
    assert claimcheck(repo, *check).returncode == 0

    # A new article contradicts a claim: exit 1, annotated at the sentence's line.
    (repo / "articles" / "review.txt").write_text(REVIEW.format(staff=410))
    failed = claimcheck(repo, *check)
    assert failed.returncode == 1, failed.stderr
    assert failed.stdout.startswith(
        "::error file=articles/review.txt,line=9,title=claimcheck%3A trust-staff conflicts::")

    # Accepted into the baseline: exit 0.
    assert claimcheck(repo, "baseline").returncode == 0
    assert "value: 410" in (repo / "claims" / ".baseline.yaml").read_text()
    assert claimcheck(repo, *check).returncode == 0

    # The article changes its figure again: a new conflict, and the old entry is stale.
    (repo / "articles" / "review.txt").write_text(REVIEW.format(staff=425))
    changed = claimcheck(repo, *check)
    assert changed.returncode == 1
    assert "::error file=articles/review.txt,line=9," in changed.stdout
    assert "::warning file=claims/.baseline.yaml,line=6,title=claimcheck%3A stale baseline entry::" in changed.stdout

    # The article is removed: nothing fails, and the entry is reported stale.
    (repo / "articles" / "review.txt").unlink()
    removed = claimcheck(repo, "check", "--baseline", "claims/.baseline.yaml")
    assert removed.returncode == 0
    assert "claims/.baseline.yaml:6: stale: stale baseline entry: review no longer states 410" in removed.stdout


def test_since_checks_only_what_the_branch_changed(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "new-article")
    (repo / "articles" / "review.txt").write_text(REVIEW.format(staff=410))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "a contradicting article")
    branch = claimcheck(repo, "check", "--since", "main")
    assert branch.returncode == 1
    assert branch.stdout.splitlines()[0] == ("trust-staff: “Trust under review”, 20 Jun 2019 states 410 "
                                             "but the claim says 300")

    # A later change touching only another article (uncommitted, even untracked) does not see the conflict.
    git(repo, "checkout", "-q", "-b", "later")
    (repo / "articles" / "note.txt").write_text("The Riverside Care Trust's annual budget is £12m.\n")
    later = claimcheck(repo, "check", "--since", "new-article")
    assert later.returncode == 0, later.stdout
    assert later.stdout.splitlines()[-1] == ("0 contradictions, 0 caveated differences, 1 agreed, 0 unconfirmed "
                                             "(1 claim, 1 article)")


def test_an_unknown_ref_is_one_line_and_exit_2(repo: Path) -> None:
    result = claimcheck(repo, "check", "--since", "no-such-branch")
    assert result.returncode == 2
    assert result.stderr == ("claimcheck: error: --since no-such-branch: no such commit, branch or tag in this "
                             "repository; pass one it has (fetch it first in a shallow CI clone)\n")


def test_a_ref_that_looks_like_an_option_is_refused_not_passed_to_git(repo: Path) -> None:
    result = claimcheck(repo, "check", "--since", "--independent")
    assert result.returncode == 2
    assert result.stderr == ("claimcheck: error: --since --independent: not a git ref (it starts with '-'); pass a "
                             "branch, tag or commit, e.g. --since origin/main\n")


def documented_invocations() -> list[list[str]]:
    """Every `claimcheck` command line in the documented workflow and the pre-commit hooks."""
    root = Path(__file__).parent.parent
    workflow = (root / "docs" / "github-actions-workflow.yml").read_text()
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text())
    lines = [line.strip() for line in workflow.splitlines()
             if line.strip().startswith(("claimcheck ", "run: claimcheck"))]
    lines += [hook["entry"] + (" articles/new.txt" if hook["pass_filenames"] else "") for hook in hooks]
    commands = []
    for line in lines:
        line = re.sub(r"\$\{\{[^}]*\}\}", "main", line.removeprefix("run: ").split(" > ")[0].split(" || ")[0])
        commands.append(shlex.split(line)[1:])
    return commands


def test_the_documented_workflow_and_hooks_use_options_the_cli_has() -> None:
    commands = documented_invocations()
    assert {args[0] for args in commands} == {"report", "check", "lint"} and len(commands) >= 5
    for args in commands:
        command = cli.get_command(click.Context(cli), args[0])
        assert command is not None, args
        command.make_context(args[0], args[1:])  # raises on an unknown option or a bad choice
