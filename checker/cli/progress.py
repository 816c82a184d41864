"""Showing a run's progress: click's progress bar on stderr, one per stage, none for a run under a second."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

import click

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

# A run shorter than this shows no bar: it would only flash.
QUIET_SECONDS = 1.0


class StageProgress:
    """Takes run_check's (stage, done, total) reports and draws them with click.progressbar on `stream`."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream, self._clock = stream, clock
        self._began = clock()
        self._stage = ""
        self._bar: ProgressBar[int] | None = None

    def update(self, stage: str, done: int, total: int) -> None:
        """Record progress; once the run has lasted a second, draw it."""
        if self._clock() - self._began < QUIET_SECONDS:
            return
        if self._bar is None or stage != self._stage:
            self.finish()
            self._stage = stage
            self._bar = click.progressbar(length=max(total, 1), label=f"claimcheck: {stage}", file=self._stream,
                                          show_pos=True, show_eta=True, width=24)
            self._bar.__enter__()
        self._bar.update(done - self._bar.pos)

    def finish(self) -> None:
        """End the bar, if one was drawn."""
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
