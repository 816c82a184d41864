"""`claimcheck report` (the HTML report and JSON result) and `claimcheck extract` (values in one text)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from checker.cli.emit import emit
from checker.cli.options import Run, baseline_option, inputs_options, run_options
from checker.errors import CheckerError
from checker.findings.baseline import Baseline
from checker.findings.standing import standings_of, summary_line
from checker.formats.json import json_chunks
from checker.formats.terminal import terminal_line
from checker.models import Kind, StatedValue
from checker.report.history import compare, find_previous
from checker.report.render import render_html
from checker.store.articles import read_article
from checker.store.output import refuse_inputs
from checker.text.normalise import normalise_text
from checker.values import Context, extract_values


@click.command()
@inputs_options
@run_options
@click.option("--out", type=click.Path(path_type=Path), default=Path("reports/report.html"), show_default=True,
              help="Where to write the HTML report ('-' for stdout).")
@click.option("--json", "json_path", type=click.Path(path_type=Path), default=None,
              help="Also write the JSON result here ('-' for stdout).")
@baseline_option
@click.option("--previous", "previous_path", type=click.Path(path_type=Path), default=None,
              help="A JSON result of an earlier run; the report says what changed since. Default: the --json file "
                   "as it was before this run, else report.json beside --out, when there is one.")
def report(claims_path: Path, articles_path: Path, out: Path, json_path: Path | None,
           previous_path: Path | None, baseline: Baseline | None, run: Run) -> None:
    """Write the discrepancy report: every claim, what each article states about it, conflicts first.

    \b
    Example:
      claimcheck report --claims claims --articles articles --out reports/report.html --json reports/report.json
      claimcheck report --baseline claims/.baseline.yaml
    """
    for target in (out, json_path):
        if target is not None and str(target) != "-":
            refuse_inputs(target, (claims_path, articles_path))
    # Read before this run's JSON overwrites it.
    previous = find_previous(previous_path, out, json_path)
    result = run.check(claims_path, articles_path)
    standings = standings_of(baseline)
    html = render_html(result.report, result.articles, compare(previous, result.report) if previous else None,
                       standings)
    emit(out, (html.encode(),))
    if json_path is not None:
        emit(json_path, json_chunks(result.report))
    if str(out) != "-":
        summary = summary_line(result.report, standings, len(result.articles))
        click.echo(terminal_line(f"claimcheck: {summary}; report written to {out}"), err=True)


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Date relative dates resolve against (default: the article's own).")
def extract(source: Path, published: dt.datetime | None) -> None:
    """Print the values found in one article (or '-' for stdin) as JSON lines, to see why a value was (not) found.

    \b
    Example:
      claimcheck extract articles/003_a0a19384d7ec2052.txt
    """
    when: dt.date | None = None
    if str(source) == "-":
        text = normalise_text(sys.stdin.read())
    else:
        if not source.is_file():
            raise CheckerError(f"{source}: file not found; give the path of an article file")
        article = read_article(source, source.parent)
        if article is None:
            raise CheckerError(f"{source}: no usable text in this file (see the warning above)")
        text, when = article.text, article.published
    if published is not None:
        when = published.date()
    found = extract_values(text, Context(published=when))
    for value in found:
        shown = value.model_dump(mode="json", exclude_none=True, exclude=set() if value.also_on else {"also_on"})
        click.echo(json.dumps(shown, ensure_ascii=False))
    if when is None:
        _say_unanchored(text, found)


# Any day will do to find which dates need one: "last year" is read against it, "2014" is not.
_PROBE_DAY = dt.date(2000, 6, 15)


def _say_unanchored(text: str, found: list[StatedValue]) -> None:
    """One line on stderr when relative dates ("last year", "on Monday") went unread for want of a date."""
    read = {(v.start, v.end) for v in found}
    relative = [v for v in extract_values(text, Context(published=_PROBE_DAY), kinds=frozenset({Kind.DATE}))
                if (v.start, v.end) not in read]
    if relative:
        example = terminal_line(relative[0].text[:40])
        click.echo(f"claimcheck: warning: {len(relative)} relative date(s) such as '{example}' were not read: the "
                   "text gives no publication date to count from; pass --published YYYY-MM-DD", err=True)
