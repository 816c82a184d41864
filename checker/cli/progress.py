"""How a check runs from the command line: the cache, engine and progress options, and the progress bar."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

import click

from checker.pipeline import CheckResult, Settings, run_check
from checker.scale.engines import EngineName

F = TypeVar("F", bound=Callable[..., Any])

_META_KEY = "claimcheck.run"
_RUN_OPTIONS = ("cache_dir", "engine", "scheduler", "workers", "progress")
# A run shorter than this shows no bar: it would only flash.
QUIET_SECONDS = 1.0
REDRAW_SECONDS = 0.1


def run_options(func: F) -> F:
    """--cache-dir, --engine, --scheduler, --workers and --progress, for commands that run a check."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        click.get_current_context().meta[_META_KEY] = {k: kwargs.pop(k) for k in _RUN_OPTIONS}
        return func(*args, **kwargs)

    options = (
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
    for option in options:
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


def run_with_options(claims_path: Path, articles_path: Path, keep_texts: bool = True) -> CheckResult:
    """run_check with the settings and progress display that `run_options` collected."""
    chosen = click.get_current_context().meta.get(_META_KEY, {})
    settings = Settings(cache_dir=chosen.get("cache_dir"), engine=EngineName(chosen.get("engine") or "local"),
                        scheduler=chosen.get("scheduler"), workers=chosen.get("workers"), keep_texts=keep_texts)
    show = chosen.get("progress")
    if show is None:
        show = sys.stderr.isatty()
    bar = ProgressBar(sys.stderr) if show else None
    try:
        return run_check(claims_path, articles_path, settings, on_progress=bar.update if bar else None)
    finally:
        if bar is not None:
            bar.finish()


class ProgressBar:
    """One line on `stream`, redrawn in place: the stage, a bar, the count and the time left."""

    def __init__(self, stream: IO[str], clock: Callable[[], float] = time.monotonic) -> None:
        self._stream, self._clock = stream, clock
        self._began = clock()
        self._stage = ""
        self._stage_began = self._began
        self._drawn = 0.0
        self._shown = False

    def update(self, stage: str, done: int, total: int) -> None:
        """Record progress; draw when the run has lasted over a second and the last draw is stale."""
        now = self._clock()
        if stage != self._stage:
            self._stage, self._stage_began = stage, now
        finished = done >= total
        if now - self._began < QUIET_SECONDS or (now - self._drawn < REDRAW_SECONDS and not finished):
            return
        self._drawn, self._shown = now, True
        share = done / total if total else 1.0
        width = 24
        filled = int(share * width)
        elapsed = now - self._stage_began
        left = f", {_clock_time(elapsed * (total - done) / done)} left" if 0 < done < total else ""
        self._stream.write(f"\rclaimcheck: {stage:<18} [{'#' * filled}{'.' * (width - filled)}] "
                           f"{done}/{total}{left}\x1b[K")
        self._stream.flush()

    def finish(self) -> None:
        """End the line, if one was drawn."""
        if self._shown:
            self._stream.write("\n")
            self._stream.flush()


def _clock_time(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    return f"{minutes}:{secs:02d}"
