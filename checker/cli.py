"""The `claimcheck` command line: parse options, call the library, write output, set the exit code."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import click

from checker import __version__
from checker.articles import read_article
from checker.errors import CheckerError
from checker.models import Status, Verdict
from checker.output import refuse_inputs, write_atomic
from checker.pipeline import CheckResult, run_check
from checker.render import render_html, render_json
from checker.values import Context, extract_values

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


class CheckFormat(str, Enum):
    """What `check` prints on stdout."""

    TEXT = "text"
    JSON = "json"


class _Cli(click.Group):
    """Turns every CheckerError into one line on stderr and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CheckerError as exc:
            for line in str(exc).splitlines() or [type(exc).__name__]:
                click.echo(f"claimcheck: error: {line}", err=True)
            ctx.exit(EXIT_INVALID)


def _set_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="claimcheck: %(levelname)s: %(message)s", stream=sys.stderr, force=True)
    logging.addLevelName(logging.WARNING, "warning")


def inputs_options(func: F) -> F:
    """--claims and --articles, shared by the commands that run a check."""
    func = click.option("--articles", "articles_path", type=click.Path(path_type=Path), default=Path("articles"),
                        show_default=True, help="Folder of article files (.txt, .md), searched recursively.")(func)
    func = click.option("--claims", "claims_path", type=click.Path(path_type=Path), default=Path("claims"),
                        show_default=True, help="Claims YAML file, or a folder of them.")(func)
    return func


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
@click.option("-v", "--verbose", count=True, help="Say more on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def cli(verbose: int, quiet: bool) -> None:
    """Check hand-curated claims against articles: where do the sources agree, where do they conflict?

    \b
    claimcheck report     claims/ + articles/ -> reports/report.html (and --json FILE)
    claimcheck check      the same check for CI: one line per conflict, exit 0/1/2
    claimcheck extract    the values claimcheck finds in one text, to see why a value was (not) found
    """
    _set_logging(verbose, quiet)


@cli.command()
@inputs_options
@click.option("--out", type=click.Path(path_type=Path), default=Path("reports/report.html"), show_default=True,
              help="Where to write the HTML report ('-' for stdout).")
@click.option("--json", "json_path", type=click.Path(path_type=Path), default=None,
              help="Also write the JSON result here ('-' for stdout).")
def report(claims_path: Path, articles_path: Path, out: Path, json_path: Path | None) -> None:
    """Write the discrepancy report: every claim, what each article states about it, conflicts first.

    \b
    Example:
      claimcheck report --claims claims --articles articles --out reports/report.html --json reports/report.json
    """
    for target in (out, json_path):
        if target is not None and str(target) != "-":
            refuse_inputs(target, (claims_path, articles_path))
    result = run_check(claims_path, articles_path)
    html = render_html(result.report, result.articles)
    payload = render_json(result.report)
    _emit(out, html)
    if json_path is not None:
        _emit(json_path, payload)
    if str(out) != "-":
        counts = _counts(result)
        click.echo(
            f"claimcheck: {len(result.report.claims)} claims, {len(result.articles)} articles: "
            f"{counts[Status.CONFLICTING]} conflicting, {counts[Status.AGREED]} agreed, "
            f"{counts[Status.UNCONFIRMED]} unconfirmed; report written to {out}",
            err=True,
        )


@cli.command()
@inputs_options
@click.option("--format", "output_format", type=click.Choice([f.value for f in CheckFormat]), default="text",
              show_default=True, help="text: one line per conflicting claim; json: the JSON result.")
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
        counts = _counts(result)
        click.echo(
            f"{counts[Status.CONFLICTING]} conflicting, {counts[Status.AGREED]} agreed, "
            f"{counts[Status.UNCONFIRMED]} unconfirmed ({len(result.report.claims)} claims, "
            f"{len(result.articles)} articles)"
        )
    conflicting = any(c.status is Status.CONFLICTING for c in result.report.claims)
    sys.exit(EXIT_FINDINGS if conflicting else EXIT_OK)


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Date relative dates resolve against (default: the article's own).")
def extract(source: Path, published: Any) -> None:
    """Print the values found in one article (or '-' for stdin) as JSON lines, to see why a value was (not) found.

    \b
    Example:
      claimcheck extract articles/003_a0a19384d7ec2052.txt
    """
    if str(source) == "-":
        from checker.text import normalise_text

        text, when = normalise_text(sys.stdin.read()), None
    else:
        if not source.is_file():
            raise CheckerError(f"{source}: file not found; give the path of an article file")
        article = read_article(source, source.parent)
        if article is None:
            raise CheckerError(f"{source}: no usable text in this file (see the warning above)")
        text, when = article.text, article.published
    if published is not None:
        when = published.date()
    for value in extract_values(text, Context(published=when)):
        click.echo(json.dumps(value.model_dump(mode="json", exclude_none=True), ensure_ascii=False))


def conflict_lines(result: CheckResult) -> list[str]:
    """One line per conflicting mention: where, the claim, the two values."""
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


def _counts(result: CheckResult) -> dict[Status, int]:
    counts = dict.fromkeys(Status, 0)
    for claim in result.report.claims:
        counts[claim.status] += 1
    return counts


def _emit(path: Path, content: str) -> None:
    if str(path) == "-":
        click.echo(content, nl=False)
        return
    write_atomic(path, content)
