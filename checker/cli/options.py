"""Options and exit codes shared by several commands, and the one place the CLI builds a run's Settings."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from checker.cli.progress import StageProgress
from checker.cli.status import EXIT_BUG, EXIT_FINDINGS, EXIT_INVALID, EXIT_OK
from checker.errors import ArticleFileError
from checker.settings import (
    DEFAULT_MIN_CONFIDENCE,
    MAX_ARTICLE_BYTES,
    MAX_ARTICLE_BYTES_VARIABLE,
    EngineName,
    Settings,
)

if TYPE_CHECKING:
    from checker.findings.baseline import Baseline
    from checker.models import CheckResult, Mention
    from checker.pipeline import StreamedCheck

F = TypeVar("F", bound=Callable[..., Any])
__all__ = ["EXIT_BUG", "EXIT_FINDINGS", "EXIT_INVALID", "EXIT_OK", "Run", "baseline_option", "inputs_options",
           "run_options", "settings_options"]


def inputs_options(func: F) -> F:
    """--claims and --articles, shared by the commands that read claims and articles."""
    func = click.option("--articles", "articles_path", type=click.Path(path_type=Path), default=Path("articles"),
                        show_default=True, help="Folder of article files (.txt, .md, .html, .pdf, .docx), searched "
                                                "recursively.")(func)
    func = click.option("--claims", "claims_path", type=click.Path(path_type=Path), default=Path("claims"),
                        show_default=True, help="Claims YAML file, or a folder of them.")(func)
    return func


def baseline_option(func: F) -> F:
    """--baseline FILE, read (or refused, exit 2) before the check runs; the command gets `baseline`."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from checker.findings.baseline import read_baseline

        path: Path | None = kwargs.pop("baseline_path")
        baseline: Baseline | None = read_baseline(path) if path is not None else None
        return func(*args, baseline=baseline, **kwargs)

    flag = click.option("--baseline", "baseline_path", type=click.Path(path_type=Path), default=None,
                        help="Accepted conflicts (written by 'claimcheck baseline'): shown as accepted, with their "
                             "reasons, never as open.")
    return flag(wrapper)  # type: ignore[return-value]


@dataclass(frozen=True)
class Run:
    """How a command runs the check: the Settings, and whether to show progress."""

    settings: Settings
    progress: bool
    strict_inputs: bool = False  # a skipped article stops the run (exit 2) instead of a warning

    def check(self, claims_path: Path, articles_path: Path) -> CheckResult:
        """run_check with these settings, its progress drawn on stderr when asked for.

        Raises when no article could be read, and with --strict-inputs when any was skipped.
        """
        from checker.pipeline import run_check  # here, so that --help and --version load no analysis code

        with self._bar() as bar:
            result = run_check(claims_path, articles_path, self.settings, on_progress=bar.update if bar else None)
        _refuse_unread(result, articles_path, self.strict_inputs)
        return result

    @contextmanager
    def stream(self, claims_path: Path, articles_path: Path,
               keep: Callable[[str, Mention], bool] | None = None) -> Iterator[StreamedCheck]:
        """stream_check with these settings, as `check` runs run_check; its mentions stay spooled on disk until
        the block ends."""
        from checker.pipeline import stream_check

        with ExitStack() as stack:
            with self._bar() as bar:
                streamed = stack.enter_context(stream_check(claims_path, articles_path, self.settings,
                                                            on_progress=bar.update if bar else None, keep=keep))
            _refuse_unread(streamed.result, articles_path, self.strict_inputs)
            yield streamed

    @contextmanager
    def _bar(self) -> Iterator[StageProgress | None]:
        bar = StageProgress(sys.stderr) if self.progress else None
        try:
            yield bar
        finally:
            if bar is not None:
                bar.finish()


def _refuse_unread(result: CheckResult, articles_path: Path, strict_inputs: bool) -> None:
    skipped = len(result.report.skipped)
    if not result.report.articles:
        said = f" ({skipped} skipped, see the warnings above)" if skipped else ""
        raise ArticleFileError(f"{articles_path}: no article could be read{said}; put .txt, .md, .html, .pdf or "
                               ".docx files there, or pass --articles DIR")
    if strict_inputs and skipped:
        raise ArticleFileError(f"{articles_path}: {skipped} file(s) skipped (see the warnings above) and "
                               "--strict-inputs is set; fix or remove them, or drop --strict-inputs")


_SETTINGS_OPTIONS = ("max_article_bytes", "min_confidence")
_RUN_OPTIONS = ("cache_dir", "engine", "scheduler", "workers", "progress", "strict_inputs")


def settings_options(func: F) -> F:
    """--max-article-bytes, for commands that read articles; the command gets `settings`, a Settings."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        chosen = {k: kwargs.pop(k) for k in _SETTINGS_OPTIONS}
        return func(*args, settings=Settings.from_environment(os.environ, **chosen), **kwargs)

    return _with(wrapper, _settings_flags())  # type: ignore[return-value]


def run_options(func: F) -> F:
    """The options of every command that runs the check; the command gets `run`, a Run.

    --max-article-bytes, --cache-dir, --engine, --scheduler, --workers and --progress. The
    environment (SOURCE_DATE_EPOCH, CLAIMCHECK_MAX_ARTICLE_BYTES) is read here, once.
    """
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        chosen = {k: kwargs.pop(k) for k in (*_SETTINGS_OPTIONS, *_RUN_OPTIONS)}
        show = chosen.pop("progress")
        engine = chosen.pop("engine")
        strict_inputs = chosen.pop("strict_inputs")
        settings = Settings.from_environment(os.environ, engine=EngineName(engine), **chosen)
        return func(*args, run=Run(settings, sys.stderr.isatty() if show is None else show, strict_inputs),
                    **kwargs)

    flags = (
        *_settings_flags(),
        click.option("--strict-inputs", is_flag=True,
                     help="Stop (exit 2) when any file under --articles is skipped, instead of warning."),
        click.option("--progress/--no-progress", default=None,
                     help="Show a progress bar on stderr (default: on a terminal, for runs over a second)."),
        click.option("--workers", type=click.IntRange(min=1), default=None,
                     help="Local processes for analysis and matching (default: one per core)."),
        click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="The Dask scheduler for --engine dask, e.g. tcp://10.0.0.5:8786."),
        click.option("--engine", type=click.Choice([e.value for e in EngineName]), default=EngineName.LOCAL.value,
                     show_default=True, help="Where articles are analysed and matched: this machine, or Dask."),
        click.option("--cache-dir", type=click.Path(path_type=Path), default=None,
                     help="Keep each article's analysis here, so the next run reads only changed articles."),
    )
    return _with(wrapper, flags)  # type: ignore[return-value]


def _settings_flags() -> tuple[Callable[[F], F], ...]:
    return (click.option("--max-article-bytes", type=click.IntRange(min=1), default=None,
                         help=f"Skip (with a warning) article files larger than this "
                              f"[default: {MAX_ARTICLE_BYTES}; env: {MAX_ARTICLE_BYTES_VARIABLE}]."),
            click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
                         help=f"Mentions less sure than this (0-1) are listed apart as 'possible' and change no "
                              f"status or exit code; 0 keeps every one [default: {DEFAULT_MIN_CONFIDENCE}]."))


def _with(func: Callable[..., Any], flags: tuple[Callable[[Any], Any], ...]) -> Callable[..., Any]:
    for flag in flags:
        func = flag(func)
    return func
