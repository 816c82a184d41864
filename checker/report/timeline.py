"""A claim's timeline: the values stated about it placed against publication date, as numbers an SVG can draw.

The page draws it with its own template (no library, no script): a change over time
(450 in 2014, 657 in 2022) shows as a slope across years, a contradiction as points
apart at one date.
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from checker.models import Duration, PartialDate, Range, RangeOrScalar, Rating, Scalar
from checker.values import Scale

# The drawing's coordinate space (the SVG viewBox); CSS scales it to the column width.
WIDTH, HEIGHT = 640, 150
LEFT, RIGHT, TOP, BOTTOM = 112, 16, 14, 26
# Characters of one line of a value label on the y axis (about what fits LEFT at 11px): longer
# labels ("Requires improvement", "10 September 2014") wrap at spaces onto up to MAX_LABEL_LINES lines.
MAX_LABEL_CHARS = 15
MAX_LABEL_LINES = 3
# viewBox units between two lines of a label: about one line of the 11px axis labels.
LINE_HEIGHT = 11
# Year labels on the x axis before they are thinned to every second, fifth... year.
MAX_YEAR_TICKS = 8
# Days added on each side of the dates so no point sits on the frame.
PAD_DAYS = 120
# Markers one timeline draws: past them, points that would overlap are drawn as one. A claim stated in
# thousands of articles would otherwise put thousands of SVG elements on the page (4,570 a claim at
# 100,000 synthetic articles), most of them hidden under each other in 512 units of width.
MAX_MARKERS = 30
# The first grid (viewBox units) on which points are merged past MAX_MARKERS: a marker's radius, so two
# points merged were drawn overlapping by more than half; doubled until the markers fit.
MERGE_CELL = 4.5
# Values named in a merged marker's hover text before "and N more".
MAX_MERGED_LABELS = 2


@dataclass(frozen=True)
class Datum:
    """One stated value to plot: when it was published, its value as one or two numbers, and how to show it."""

    published: dt.date
    low: float
    high: float
    verdict: str  # "agrees" or "conflicts": the marker's shape and colour
    value: str  # the value as people write it, for the axis
    label: str  # what a reader sees on hover: value, article, date, verdict


@dataclass(frozen=True)
class Marker:
    """A plotted value: a point, or a vertical bar for a range; `count` values drawn as one past MAX_MARKERS."""

    x: float
    y: float
    y2: float
    verdict: str
    label: str
    count: int = 1


@dataclass(frozen=True)
class Tick:
    """A labelled position on an axis; a value label's `lines` are its wrapped lines, each at its baseline."""

    at: float
    label: str
    lines: tuple[Tick, ...] = ()


@dataclass(frozen=True)
class Plot:
    """Everything the template needs to draw one timeline, in viewBox units."""

    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    markers: tuple[Marker, ...]
    years: tuple[Tick, ...]
    values: tuple[Tick, ...]
    claimed_y: float | None
    as_of_x: float | None


def numeric(value: RangeOrScalar, scales: Mapping[str, Scale]) -> tuple[float, float] | None:
    """A value as (low, high) on one number line for its kind; None when it cannot be placed.

    Dates go by year (2014.75 for October 2014), durations by month, ratings by their rank on a
    scale (the best highest); a range spans its bounds, an open one is its one bound.
    """
    if isinstance(value, Range):
        low = numeric(value.min, scales) if value.min is not None else None
        high = numeric(value.max, scales) if value.max is not None else None
        if low and high:
            return low[0], high[1]
        return low or high
    number = _scalar(value, scales)
    return None if number is None or not math.isfinite(number) else (number, number)


def plot(data: Sequence[Datum], claimed: tuple[float, float] | None, claimed_label: str,
         as_of: PartialDate | None, as_of_label: str) -> Plot | None:
    """Lay out `data` with the claimed value as a line and `as_of` as a mark on the time axis."""
    if not data:
        return None
    as_of_day = as_of.interval()[0] if as_of else None
    days = [d.published.toordinal() for d in data] + ([as_of_day.toordinal()] if as_of_day else [])
    # Padded, but inside the calendar Python has: an as_of of 0001-01-01 or 9999-12-31 is drawn at the edge.
    x0 = max(min(days) - PAD_DAYS, dt.date.min.toordinal())
    x1 = min(max(days) + PAD_DAYS, dt.date.max.toordinal())
    numbers = [n for d in data for n in (d.low, d.high)] + (list(claimed) if claimed else [])
    y0, y1 = min(numbers), max(numbers)
    pad = (y1 - y0) * 0.12 or abs(y0) * 0.1 or 1.0
    y0, y1 = y0 - pad, y1 + pad
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM

    def x_of(day: int) -> float:
        return round(LEFT + (day - x0) / (x1 - x0) * (right - LEFT), 1)

    def y_of(number: float) -> float:
        return round(bottom - (number - y0) / (y1 - y0) * (bottom - TOP), 1)

    markers = tuple(Marker(x_of(d.published.toordinal()), y_of(d.high), y_of(d.low), d.verdict, d.label)
                    for d in in_order(data))
    if len(markers) > MAX_MARKERS:
        markers = _merged(markers)
    first, last = dt.date.fromordinal(x0).year + 1, dt.date.fromordinal(x1).year
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 10**9) if (last - first) // s + 1 <= MAX_YEAR_TICKS)
    years = tuple(Tick(x_of(dt.date(year, 1, 1).toordinal()), str(year))
                  for year in range(first - first % step + (step if first % step else 0), last + 1, step))
    values = _value_ticks(data, claimed, claimed_label, y_of)
    return Plot(
        width=WIDTH, height=HEIGHT, left=LEFT, right=right, top=TOP, bottom=bottom, markers=markers,
        years=years, values=values,
        claimed_y=y_of(claimed[0]) if claimed else None,
        as_of_x=x_of(as_of_day.toordinal()) if as_of_day else None,
    )


def in_order(data: Sequence[Datum]) -> list[Datum]:
    """The data in the order the timeline draws them: by date, then value."""
    return sorted(data, key=lambda d: (d.published, d.low, d.label))


def _merged(markers: Sequence[Marker]) -> tuple[Marker, ...]:
    """At most MAX_MARKERS markers: those of one verdict in one square of a grid (bars: the same square at both
    ends) drawn as one, at their mean, its hover text naming the first few values; the grid as fine as fits."""
    cells: dict[tuple[str, int, int, int], list[int]] = {}
    for n, m in enumerate(markers):
        key = (m.verdict, int(m.x // MERGE_CELL), int(m.y // MERGE_CELL), int(m.y2 // MERGE_CELL))
        cells.setdefault(key, []).append(n)
    while len(cells) > MAX_MARKERS:
        # A square of the grid twice as coarse holds four of this one's (floor division composes).
        coarser: dict[tuple[str, int, int, int], list[int]] = {}
        for (verdict, x, y, y2), members in cells.items():
            coarser.setdefault((verdict, x // 2, y // 2, y2 // 2), []).extend(members)
        cells = coarser
    merged = []
    for members in cells.values():
        if len(members) == 1:
            merged.append(markers[members[0]])
            continue
        group = [markers[n] for n in sorted(members)]
        labels = "; ".join(m.label for m in group[:MAX_MERGED_LABELS])
        more = len(group) - MAX_MERGED_LABELS
        merged.append(Marker(
            round(sum(m.x for m in group) / len(group), 1), round(sum(m.y for m in group) / len(group), 1),
            round(sum(m.y2 for m in group) / len(group), 1), group[0].verdict,
            f"{len(group)} values: {labels}" + (f"; and {more} more" if more > 0 else ""), len(group)))
    return tuple(sorted(merged, key=lambda m: (m.x, m.y, m.verdict)))


def _value_ticks(data: Sequence[Datum], claimed: tuple[float, float] | None, claimed_label: str,
                 y_of: Callable[[float], float]) -> tuple[Tick, ...]:
    """The claimed value, the lowest and the highest stated value, labelled; labels too close to read are dropped."""
    wanted: list[tuple[float, str]] = []
    if claimed:
        wanted.append((claimed[0], claimed_label))
    lowest = min(data, key=lambda d: (d.low, d.label))
    highest = max(data, key=lambda d: (d.high, d.label))
    wanted += [(lowest.low, lowest.value), (highest.high, highest.value)]
    ticks: list[Tick] = []
    for number, label in wanted:
        y = y_of(number)
        lines = _wrapped(label)
        # Two labels must not overlap: half of each one's height apart.
        if all(abs(y - t.at) >= LINE_HEIGHT * (len(lines) + len(t.lines)) / 2 for t in ticks):
            ticks.append(Tick(y, label, _baselines(y, lines)))
    return tuple(ticks)


def _wrapped(label: str) -> list[str]:
    """`label` on lines of MAX_LABEL_CHARS; past MAX_LABEL_LINES the rest joins the last line, never cut."""
    lines = textwrap.wrap(label, MAX_LABEL_CHARS, break_long_words=False, break_on_hyphens=False) or [label]
    if len(lines) > MAX_LABEL_LINES:
        lines = lines[:MAX_LABEL_LINES - 1] + [" ".join(lines[MAX_LABEL_LINES - 1:])]
    return lines


def _baselines(y: float, lines: Sequence[str]) -> tuple[Tick, ...]:
    """The lines centred on `y`, kept inside the drawing's height."""
    first = y + 4 - LINE_HEIGHT * (len(lines) - 1) / 2
    first = min(max(first, 10.0), HEIGHT - 4 - LINE_HEIGHT * (len(lines) - 1))
    return tuple(Tick(round(first + n * LINE_HEIGHT, 1), line) for n, line in enumerate(lines))


def _scalar(value: Scalar, scales: Mapping[str, Scale]) -> float | None:
    if isinstance(value, PartialDate):
        day = value.interval()[0]
        return day.year + (day.timetuple().tm_yday - 1) / 366
    if isinstance(value, Duration):
        return value.in_months()
    if isinstance(value, Rating):
        # Best first on the scale: plot the best highest.
        for scale in scales.values():
            rank = scale.rank(value.root)
            if rank is not None:
                return float(-rank)
        return None
    return value.span()[0]
