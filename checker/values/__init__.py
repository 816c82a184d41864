"""Find the values a text states (dates, money, counts, percentages, durations, ratings).

Each kind has its own module with a `find_*` function that returns candidates; this
module runs them all over one text and settles overlaps, so every character of the
text belongs to at most one stated value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from checker.models import Kind, StatedValue
from checker.values.dates import find_dates
from checker.values.money import find_money
from checker.values.quantities import find_counts, find_durations, find_percents
from checker.values.ratings import Scale, builtin_scales, find_ratings
from checker.values.spans import first_disjoint

__all__ = ["Context", "Scale", "builtin_scales", "extract_values"]


@dataclass(frozen=True)
class Context:
    """What the extractors need beyond the text: the date relative dates resolve against, and rating scales."""

    published: dt.date | None = None
    scales: Mapping[str, Scale] = field(default_factory=builtin_scales)
    # the scale a rating takes when nothing in the text tells two scales sharing its label apart
    # (`add` passes the one the user's claims use most); None: the first by name
    usual_scale: str | None = None


Finder = Callable[[str, Context], list[StatedValue]]

# When two candidates overlap, the longer span wins; on equal spans the more specific
# kind wins: "£47m" is money before it is a count, "in 2013" a date before a count.
PRIORITY = {
    Kind.MONEY: 0, Kind.PERCENT: 1, Kind.DURATION: 2, Kind.DATE: 3, Kind.RATING: 4, Kind.COUNT: 5,
}
FINDERS: tuple[Finder, ...] = (find_money, find_percents, find_durations, find_dates, find_ratings, find_counts)


def extract_values(
    text: str, context: Context | None = None, kinds: frozenset[Kind] | None = None
) -> list[StatedValue]:
    """Every value the text states, in text order, with offsets into `text`."""
    context = context or Context()
    candidates: list[StatedValue] = []
    for finder in FINDERS:
        candidates.extend(finder(text, context))
    chosen = [_earlier(text, v) for v in _settle_overlaps(candidates)]
    if kinds is not None:
        chosen = [v for v in chosen if v.kind in kinds]
    return chosen


# "£45m, up from £30m last year", "down from 1,400 in 2019": the value a change started from.
_FROM_BEFORE = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increased|decreased)\s+from\s+(?:a|an|the|its)?\s*"
                          r"(?:earlier\s+|original\s+|previous\s+|initial\s+)?(?:estimate\s+of\s+)?$", re.IGNORECASE)


def _earlier(text: str, value: StatedValue) -> StatedValue:
    """`value`, with the role "from" when it is what a change started from."""
    if value.role is not None or value.kind not in (Kind.MONEY, Kind.COUNT, Kind.PERCENT):
        return value
    if _FROM_BEFORE.search(text, max(0, value.start - 40), value.start):
        return value.model_copy(update={"role": "from"})
    return value


def _settle_overlaps(candidates: list[StatedValue]) -> list[StatedValue]:
    ranked = sorted(candidates, key=lambda v: (-(v.end - v.start), PRIORITY[v.kind], v.start))
    return sorted(first_disjoint(ranked), key=lambda v: (v.start, v.end, PRIORITY[v.kind]))
