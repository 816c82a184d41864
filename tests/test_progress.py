"""The progress bar: silent for short runs, click's bar redrawn on one line per stage for long ones."""

from __future__ import annotations

import io
import re

from checker.cli.progress import StageProgress


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_run_under_a_second_shows_nothing() -> None:
    stream, clock = _Terminal(), _Clock()
    bar = StageProgress(stream, clock)
    clock.now += 0.5
    bar.update("analysing articles", 10, 10)
    bar.finish()
    assert stream.getvalue() == ""


def test_a_long_run_redraws_a_line_per_stage_with_the_count() -> None:
    stream, clock = _Terminal(), _Clock()
    bar = StageProgress(stream, clock)
    bar.update("analysing articles", 0, 100)
    clock.now += 2.0
    bar.update("analysing articles", 25, 100)
    bar.update("analysing articles", 100, 100)
    bar.update("matching claims", 40, 100)
    bar.finish()
    # click hides the cursor while it draws (ESC [?25l) and shows it again at the end
    lines = re.sub(r"\x1b\[\?25[lh]", "", stream.getvalue()).split("\n")
    assert lines[0].startswith("\rclaimcheck: analysing articles") and "25/100" in lines[0]
    assert lines[0].rstrip().endswith("100/100")
    assert lines[1].startswith("\rclaimcheck: matching claims") and "40/100" in lines[1]
    assert lines[2] == ""  # each stage's line is ended


def test_a_log_that_is_not_a_terminal_gets_each_stage_once() -> None:
    stream, clock = io.StringIO(), _Clock()
    bar = StageProgress(stream, clock)
    clock.now += 2.0
    for done in range(0, 101, 10):
        bar.update("analysing articles", done, 100)
    bar.finish()
    assert stream.getvalue() == "claimcheck: analysing articles\n"
