"""The `claimcheck` command line: the click group, error handling, and the commands' registration.

Each command lives in a module of this package named for what it does; a command body
parses options, calls one library function, writes output and sets the exit code.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import click

from checker.cli.options import EXIT_INVALID
from checker.errors import CheckerError
from checker.version import __version__


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


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
@click.option("-v", "--verbose", count=True, help="Say more on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def cli(verbose: int, quiet: bool) -> None:
    """Check hand-curated claims against articles: where do the sources agree, where do they conflict?

    \b
    claimcheck report     claims/ + articles/ -> reports/report.html (and --json FILE)
    claimcheck check      the same check for CI: one line per conflict, exit 0/1/2
    claimcheck baseline   accept the current conflicts into claims/.baseline.yaml
    claimcheck export     the result as schema.org ClaimReview JSON-LD
    claimcheck add        draft a claim from a sentence and append it to a claims file
    claimcheck suggest    values the articles state that no claim covers, disagreements first
    claimcheck lint       check claim files without running the check
    claimcheck extract    the values claimcheck finds in one text, to see why a value was (not) found
    claimcheck explain    why a claim was (not) found: each candidate sentence, each value, each gate
    claimcheck fetch      save web pages (URLs) as articles
    """
    _set_logging(verbose, quiet)


def _register() -> None:
    # Imported here so each command module can import the shared options without a cycle.
    from checker.cli.baseline import baseline
    from checker.cli.check import check
    from checker.cli.curate import add, lint, suggest
    from checker.cli.explain import explain
    from checker.cli.export import export
    from checker.cli.fetch import fetch
    from checker.cli.report import extract, report

    for command in (report, check, extract, explain, baseline, export, add, suggest, lint, fetch):
        cli.add_command(command)


_register()
