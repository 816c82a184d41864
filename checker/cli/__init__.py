"""The `claimcheck` command line: the click group, error handling, and the commands' registration.

Each command lives in a module of this package named for what it does; a command body
parses options, calls one library function, writes output and sets the exit code.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import importlib
import logging
import os
import sys
import tempfile
import traceback
from typing import Any

import click

from checker.cli.status import EXIT_BUG, EXIT_INVALID
from checker.errors import CheckerError
from checker.formats.terminal import terminal_line
from checker.version import __version__

# Each command and the module it lives in: imported only when it runs (or its own --help is asked for),
# so `claimcheck --version` and `claimcheck --help` load no analysis code.
_COMMANDS = {
    "report": "checker.cli.report", "check": "checker.cli.check", "extract": "checker.cli.report",
    "explain": "checker.cli.explain", "baseline": "checker.cli.baseline", "export": "checker.cli.export",
    "add": "checker.cli.curate", "suggest": "checker.cli.curate", "lint": "checker.cli.curate",
    "fetch": "checker.cli.fetch",
}


# A write to stdout failing for want of room (or a reader gone): the environment's problem, not a bug.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EPIPE})


class _Cli(click.Group):
    """Loads commands when used; every CheckerError becomes one line and exit 2, every other exception exit 3.

    Exit 3 is a bug: one line asks for a report and names the file holding the traceback, so a crash is
    never read by CI as a conflict (1) and a user never has to read a traceback.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = _COMMANDS.get(cmd_name)
        if module is None:
            return None
        command = getattr(importlib.import_module(module), cmd_name)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pass  # the group's docstring lists the commands, in words, without importing them

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CheckerError as exc:
            for line in str(exc).splitlines() or [type(exc).__name__]:
                click.echo(f"claimcheck: error: {terminal_line(line)}", err=True)
            ctx.exit(EXIT_INVALID)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except OSError as exc:
            if exc.errno not in _OUTPUT_ERRNOS:
                _report_bug(ctx, exc)
            _silence_stdout()
            if exc.errno != errno.EPIPE:  # a reader that went away (`| head`) needs no message
                click.echo(f"claimcheck: error: cannot write the output ({exc.strerror or exc}); free some "
                           "space, or write to another disk", err=True)
            ctx.exit(EXIT_INVALID)
        except Exception as exc:
            _report_bug(ctx, exc)


def _report_bug(ctx: click.Context, exc: Exception) -> None:
    """One line asking for a bug report, the traceback in a file (named there), and exit status 3."""
    try:
        fd, name = tempfile.mkstemp(prefix="claimcheck-crash-", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(f"claimcheck {__version__}, {dt.datetime.now(dt.UTC).isoformat()}\n"
                         f"command: {' '.join(sys.argv[1:])}\n\n")
            handle.write("".join(traceback.format_exception(exc)))
        where = f"the traceback is in {name}"
    except OSError:
        where = "the traceback could not be saved; run again with python -X faulthandler to see it"
    click.echo(f"claimcheck: error: internal error ({type(exc).__name__}), a bug in claimcheck: please report it "
               f"to the maintainers with the command you ran and that file; {where}", err=True)
    ctx.exit(EXIT_BUG)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush does not fail a second time at exit."""
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test's capture): nothing will be flushed at exit


class _TerminalFormatter(logging.Formatter):
    """Log records as one safe line each: text from input in a message never drives the terminal."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        return terminal_line(super().formatMessage(record))


class _OwnWarnings(logging.Filter):
    """claimcheck's own warnings, and anyone's errors. A reader library's warning ("discarding data: None" from
    trafilatura on a page with no text) names no file and asks nothing of the user, who gets claimcheck's own
    warning naming the article instead; -v shows them all."""

    def filter(self, record: logging.LogRecord) -> bool:
        own = record.name == "root" or record.name == "checker" or record.name.startswith("checker.")
        return own or record.levelno >= logging.ERROR


def _set_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_TerminalFormatter("claimcheck: %(levelname)s: %(message)s"))
    if not verbose:
        handler.addFilter(_OwnWarnings())
    logging.basicConfig(level=level, handlers=[handler], force=True)
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

    \b
    Example (then open reports/report.html; each command's --help has its own):
      claimcheck report --json reports/report.json
    """
    _set_logging(verbose, quiet)
