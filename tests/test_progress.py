"""The progress bar: silent for short runs, one redrawn line for long ones."""

from __future__ import annotations

import io

from checker.cli.progress import ProgressBar


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_run_under_a_second_shows_nothing() -> None:
    stream, clock = io.StringIO(), _Clock()
    bar = ProgressBar(stream, clock)
    clock.now += 0.5
    bar.update("analysing articles", 10, 10)
    bar.finish()
    assert stream.getvalue() == ""


def test_a_long_run_redraws_one_line_with_the_count_and_time_left() -> None:
    stream, clock = io.StringIO(), _Clock()
    bar = ProgressBar(stream, clock)
    bar.update("analysing articles", 0, 100)
    clock.now += 2.0
    bar.update("analysing articles", 25, 100)
    clock.now += 0.01
    bar.update("analysing articles", 26, 100)  # too soon after the last draw
    clock.now += 2.0
    bar.update("analysing articles", 100, 100)
    bar.finish()
    lines = stream.getvalue().split("\r")[1:]
    assert len(lines) == 2
    assert lines[0].startswith("claimcheck: analysing articles ")
    assert "25/100, 0:06 left" in lines[0]  # 25 in 2 s: 75 more take 6 s
    assert "100/100" in lines[1] and "left" not in lines[1]
    assert stream.getvalue().endswith("\n")
