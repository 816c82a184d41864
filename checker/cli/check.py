"""`claimcheck check`: the check for CI, one line per conflict and an exit status that says what was found."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import click

from checker.cli.options import EXIT_FINDINGS, EXIT_OK, inputs_options, summary_line
from checker.models import Status, Verdict
from checker.pipeline import CheckResult, run_check
from checker.render import render_json


class CheckFormat(str, Enum):
    """What `check` prints on stdout."""

    TEXT = "text"
    JSON = "json"


@click.command()
@inputs_options
@click.option("--format", "output_format", type=click.Choice([f.value for f in CheckFormat]), default="text",
              show_default=True, help="text: one line per conflicting mention; json: the JSON result.")
def check(claims_path: Path, articles_path: Path, output_format: str) -> None:
    """Check claims against articles for CI, and exit with a status that says what was found.

    \b
    Exit status:
      0  no claim conflicts with any article
      1  at least one claim conflicts (each printed as one line)
      2  invalid input or usage (one line on stderr names the file and the fix)

    \b
    Example:
      claimcheck check --claims claims --articles articles
    """
    result = run_check(claims_path, articles_path)
    if CheckFormat(output_format) is CheckFormat.JSON:
        click.echo(render_json(result.report), nl=False)
    else:
        for line in conflict_lines(result):
            click.echo(line)
        click.echo(summary_line(result))
    conflicting = any(c.status is Status.CONFLICTING for c in result.report.claims)
    sys.exit(EXIT_FINDINGS if conflicting else EXIT_OK)


def conflict_lines(result: CheckResult) -> list[str]:
    """One line per conflicting mention: where, the claim, the two values, and any caveats."""
    dates = {a.id: a.published for a in result.report.articles}
    lines = []
    for claim in result.report.claims:
        for mention in claim.mentions:
            if mention.verdict is not Verdict.CONFLICTS:
                continue
            when = dates.get(mention.article)
            caveats = f" [{', '.join(c.value for c in mention.caveats)}]" if mention.caveats else ""
            lines.append(
                f"{mention.article}: {claim.id}: states {json.dumps(mention.value, ensure_ascii=False)} "
                f"({mention.text!r}{', ' + when.isoformat() if when else ''}) "
                f"but the claim says {json.dumps(claim.value, ensure_ascii=False)}{caveats}"
            )
    return lines
