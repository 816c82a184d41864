"""`claimcheck check`: the check for CI, one line per conflict and an exit status that says what was found."""

from __future__ import annotations

import logging
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import IO

import click

from checker.cli.emit import echo_bytes
from checker.cli.options import EXIT_FINDINGS, EXIT_OK, Run, baseline_option, inputs_options, run_options
from checker.findings.baseline import Baseline
from checker.findings.conflicts import Findings, NeededConflicts, collect_findings, stale_message
from checker.findings.scope import Scope, changed_since, scope_of_paths
from checker.formats.github import render_github
from checker.formats.json import json_chunks, render_json
from checker.formats.junit import render_junit
from checker.formats.sarif import render_sarif
from checker.formats.text import render_text
from checker.models import CheckResult

log = logging.getLogger(__name__)


class CheckFormat(StrEnum):
    """What `check` prints on stdout."""

    TEXT = "text"
    JSON = "json"
    JUNIT = "junit"
    GITHUB = "github"
    SARIF = "sarif"


@click.command()
@inputs_options
@run_options
@click.option("--format", "output_format", type=click.Choice([f.value for f in CheckFormat]), default="text",
              show_default=True,
              help="text: one line per finding; json: the JSON result; junit: JUnit XML, a test case per claim; "
                   "github: GitHub Actions annotations; sarif: SARIF 2.1.0 for code scanning.")
@baseline_option
@click.option("--strict", is_flag=True, help="Also fail on an unconfirmed claim and on a stale baseline entry.")
@click.option("--changed", is_flag=True,
              help="Check only the claims and articles in the PATHS given as arguments (e.g. a PR's files).")
@click.option("--since", metavar="GIT-REF", default=None,
              help="Check only the claims and articles changed since GIT-REF (e.g. origin/main), committed or not.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def check(claims_path: Path, articles_path: Path, output_format: str, baseline: Baseline | None, strict: bool,
          changed: bool, since: str | None, paths: tuple[Path, ...], run: Run) -> None:
    """Check claims against articles for CI, and exit with a status that says what was found.

    \b
    Exit status:
      0  no claim conflicts with an article, except conflicts accepted in the baseline
      1  a conflict not accepted in the baseline (with --strict also an
         unconfirmed claim or a stale baseline entry); each printed as one line
      2  invalid input or usage (one line on stderr names the file and the fix);
         with --strict-inputs also an article file that was skipped
      3  a bug in claimcheck (one line; the traceback is in a file it names)

    \b
    Example:
      claimcheck check --baseline claims/.baseline.yaml
      claimcheck check --since origin/main --format github
      claimcheck check --changed articles/new.txt claims/finance.yaml
    """
    if paths and not changed:
        raise click.UsageError("paths are only taken with --changed: claimcheck check --changed PATHS...")
    if changed and since:
        raise click.UsageError("use --changed PATHS or --since GIT-REF, not both")
    touched = changed_since(since) if since else list(paths) if changed else None
    if CheckFormat(output_format) is CheckFormat.JSON and touched is None:
        _check_json(claims_path, articles_path, baseline, strict, run)
    result = run.check(claims_path, articles_path)
    scope = scope_of_paths(touched, result.report, articles_path) if touched is not None else None
    findings = collect_findings(result, baseline, scope=scope, strict=strict)
    click.echo(_render(CheckFormat(output_format), findings, result, scope), nl=False)
    sys.exit(EXIT_FINDINGS if findings.failing else EXIT_OK)


def _check_json(claims_path: Path, articles_path: Path, baseline: Baseline | None, strict: bool, run: Run) -> None:
    """The whole JSON result, written claim by claim from the mentions spooled on disk: memory follows one batch
    of articles, not the corpus. (A check narrowed to a change holds its narrowed result, as other formats do.)"""
    with run.stream(claims_path, articles_path, keep=NeededConflicts(baseline)) as streamed:
        findings = collect_findings(streamed.result, baseline, strict=strict)
        _warn_stale(findings)
        echo_bytes(json_chunks(streamed.result.report, streamed.rows))
    sys.exit(EXIT_FINDINGS if findings.failing else EXIT_OK)


def _warn_stale(findings: Findings) -> None:
    for entry in findings.stale:
        log.warning("%s:%s: %s", findings.baseline_path, entry.line, stale_message(entry, findings))


def _render(output_format: CheckFormat, findings: Findings, result: CheckResult, scope: Scope | None) -> str:
    if scope is not None:
        # The summary counts what the change touched, not the whole corpus read to judge it.
        kept = {a.id for a in findings.report.articles}
        result = CheckResult(report=findings.report, articles=[a for a in result.articles if a.id in kept])
    summary = findings.summary(len(result.articles))
    if output_format is CheckFormat.JSON:
        _warn_stale(findings)
        return render_json(findings.report)
    if output_format is CheckFormat.JUNIT:
        return render_junit(findings)
    if output_format is CheckFormat.GITHUB:
        return render_github(findings, summary)
    if output_format is CheckFormat.SARIF:
        return render_sarif(findings)
    return render_text(findings, summary, colour=wants_colour(sys.stdout))


def wants_colour(stream: IO[str]) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
