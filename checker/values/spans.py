"""Choosing non-overlapping spans: the first of any overlapping ones, in a given order of preference."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Protocol, TypeVar


class Span(Protocol):
    """Anything with a [start, end) place in a text."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)


def first_disjoint(preferred: Iterable[S]) -> list[S]:
    """The spans that overlap no span before them in `preferred`, in `preferred` order.

    Kept spans never overlap, so sorted by start they are sorted by end too: one bisect
    finds the only neighbours a new span could overlap (n log n, not n squared, which
    matters on a text dense with numbers).
    """
    starts: list[int] = []
    ends: list[int] = []
    kept: list[S] = []
    for span in preferred:
        i = bisect.bisect_right(starts, span.start)
        if (i > 0 and ends[i - 1] > span.start) or (i < len(starts) and starts[i] < span.end):
            continue
        starts.insert(i, span.start)
        ends.insert(i, span.end)
        kept.append(span)
    return kept
