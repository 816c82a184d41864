"""Values as a kind's finder reads them around numbers: hedges and bounds ("more than", "up to"), ranges and changes."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from checker.values.numbers import Number, find_numbers
from checker.values.qualifiers import read_qualifier, read_qualifier_after

# --- ranges, bounds and changes ------------------------------------------------------------

# Between two numbers of one range: "400-500", "five to 10", "between 400 and 500", "one or two".
_CONNECTOR_RE = re.compile(
    r"[ \t\u00a0]*(?:([-\u2010\u2011\u2013\u2014~])|(to|through|thru|and|or))[ \t\u00a0]*", re.IGNORECASE
)
_RANGE_OPENER_RE = re.compile(r"(?<![\w])(between|from)[ \t\u00a0]+$", re.IGNORECASE)
# A verb of change before "from X to Y" makes X and Y two values, not a range:
# "rose from 5% to 10%", "cut from £5m to £3m", "downgraded from 8 to 6".
_CHANGE_BEFORE_RE = re.compile(
    r"(?<![\w])(?:rose|risen|rise|rises|rising|increas\w*|fell|fallen|fall|falls|falling|dropp?\w*|"
    r"decreas\w*|declin\w*|cut|cuts|cutting|reduc\w*|grew|grown|grow|grows|growing|jump\w*|climb\w*|"
    r"slump\w*|soar\w*|up|down|went|gone|going|goes|mov\w*|chang\w*|rais\w*|lower\w*|boost\w*|"
    r"slash\w*|trimm?\w*|upgrad\w*|downgrad\w*|expand\w*|shr[au]nk|shrink\w*|doubl\w*|tripl\w*|"
    r"halv\w*|swell\w*|swollen|surg\w*|plung\w*|tumbl\w*|widen\w*|narrow\w*|revis\w*|extend\w*|"
    r"shortened|lengthened|balloon\w*|escalat\w*|spiral\w*|spiral\w*|rocket\w*|leap\w*|leapt|push\w*|"
    r"delay\w*|slip\w*|postpon\w*)(?:[^\w.;:!?]+(?:[\w'\u2019-]|\.(?=\d))+){0,5}[^\w.;:!?]+$",
    re.IGNORECASE,
)
# Between the items of a list: "one, three and five years", "10, 20 or 30%".
_LIST_GAP_RE = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*|[ \t\u00a0]*,?[ \t\u00a0]+(and|or)[ \t\u00a0]+", re.IGNORECASE)
# Two bounds that make one range: "more than 10 and less than 40", "at most 100 and at least 20".
_BOUND_JOIN_RE = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(?:(?:and|but)[ \t\u00a0]+)?", re.IGNORECASE)


# A value as an extractor builds it, in CONTRACT.md's JSON shape (a dict, a number or a string, by kind);
# StatedValue reads it into its typed model (checker.models.values) with its kind.
RawValue = Any


class Measure(NamedTuple):
    """A number read as one kind reads it, with what it measures: "£47m", "18 months", "63%"."""

    start: int
    end: int
    value: RawValue  # the kind's normalised value: 450, {"amount": 47000000, "currency": "GBP"}
    size: float  # a magnitude to order two values by: the amount, the number, the length in days
    number: Number
    unit: str | None = None


class Reading(NamedTuple):
    """A value as the text states it: one measure or a range of two, with its hedge, bound and role."""

    start: int
    end: int
    value: RawValue  # the measure's value, or {"min": ..., "max": ...} (one side alone when open)
    first: Measure
    last: Measure
    qualifier: str | None = None
    role: str | None = None  # "from"/"to" in "rose from 5% to 10%"
    bound: str = ""  # "min"/"max" when a bound word made the value an open range


Measurer = Callable[[Number], "Measure | None"]
Borrower = Callable[[Number, Measure], "Measure | None"]


def read_values(text: str, measure: Measurer, borrow: Borrower | None = None) -> list[Reading]:
    """The values one kind's `measure` finds in the text, read with their ranges, bounds and hedges.

    `measure` reads a number as the kind's value ("£47m") or returns None for a number the
    kind does not own; `borrow` reads a bare number with its neighbour's unit, for "10-15%",
    "five to 10 years", "£2-3m".
    """
    numbers = find_numbers(text)
    readings: list[Reading] = []
    measured: dict[tuple[int, float], Measure | None] = {}

    def measure_once(n: Number) -> Measure | None:
        # a number is measured again as the second end of a possible range; a number
        # rescaled for a range ("2" in "2-3 million") has another value, so another key
        key = (n.start, n.value)
        if key not in measured:
            measured[key] = measure(n)
        return measured[key]

    i = 0
    while i < len(numbers):
        a = numbers[i]
        ma = measure_once(a)
        nxt = i + 1
        if ma is not None:
            while nxt < len(numbers) and numbers[nxt].start < ma.end:
                nxt += 1  # inside the measure: "3 dollars 50 cents", "2 years 3 months"
        if nxt < len(numbers):
            pair = _read_range(text, a, ma, numbers[nxt], measure_once, borrow)
            if pair is not None:
                readings.extend(pair[0])
                i = nxt + 1
                while i < len(numbers) and numbers[i].start < pair[1]:
                    i += 1
                continue
        if ma is None and borrow is not None:
            listed = _borrow_from_list(text, numbers, i, measure_once, borrow)
            if listed is not None:
                readings.append(read_single(text, listed))
        elif ma is not None:
            readings.append(read_single(text, ma))
        i = nxt
    return _join_bounds(text, readings)


def _borrow_from_list(
    text: str, numbers: tuple[Number, ...], i: int, measure: Measurer, borrow: Borrower
) -> Measure | None:
    """Read a bare number in a list with the unit of the list's last item: "one, three and five years"."""
    a = numbers[i]
    if a.code or a.glue or len(a.digits) == 4:
        return None
    k = i
    saw_and = False
    while k + 1 < len(numbers) and k - i < 5:
        gap = _LIST_GAP_RE.fullmatch(text, numbers[k].end, numbers[k + 1].start)
        if gap is None:
            return None
        saw_and = saw_and or bool(gap.group(1))
        k += 1
        last = measure(numbers[k])
        if last is not None:
            return borrow(a, last) if saw_and else None
        if saw_and or numbers[k].code or numbers[k].glue:
            return None
    return None


def _read_range(
    text: str, a: Number, ma: Measure | None, b: Number, measure: Measurer, borrow: Borrower | None
) -> tuple[list[Reading], int] | None:
    a_end = ma.end if ma is not None else a.end
    if b.start - a_end > 12:
        return None
    mb = measure(b)
    b_start = mb.start if mb is not None else b.start
    if b_start < a_end:
        return None
    conn = _CONNECTOR_RE.fullmatch(text, a_end, b_start)
    if conn is None or (ma is None and mb is None):
        return None
    word = (conn.group(2) or "").lower()
    a_start = ma.start if ma is not None else a.start
    opener = _RANGE_OPENER_RE.search(text, max(0, a_start - 10), a_start)
    opened = opener.group(1).lower() if opener else ""
    if word == "and" and opened != "between":
        return None
    # "2-3 million": the scale written once belongs to both ends
    if a.scale == 1 and b.scale > 1 and not a.fraction and a.value < b.value / b.scale and a.value != 0:
        a = a._replace(value=a.value * b.scale, scale=b.scale)
        ma = measure(a) if ma is not None else None
    if ma is None:
        ma = borrow(a, mb) if borrow is not None and mb is not None else None
    elif mb is None:
        mb = borrow(b, ma) if borrow is not None else None
    if ma is None or mb is None:
        return None
    start = opener.start(1) if opener else ma.start
    change = _CHANGE_BEFORE_RE.search(text, max(0, start - 60), start) if word == "to" else None
    if change is not None:
        # "rose from 5% to 10%": two values, the old and the new
        first = read_single(text, ma, role="from" if opened == "from" else None)
        return [first, Reading(mb.start, mb.end, mb.value, mb, mb, role="to")], mb.end
    if not ma.size < mb.size:
        if conn.group(1) and not (conn.group().startswith((" ", "\t", "\u00a0")) and conn.group().endswith(
                (" ", "\t", "\u00a0"))):
            return [], mb.end  # "3-1" is a score or a code, not a range
        return None  # "in fall 2026 - 4 1/2 years behind schedule": a dash between clauses, two values
    if word == "or" and not (ma.number.value == int(ma.number.value) and mb.number.value - ma.number.value <= 10):
        return None  # "one or two" is a rough range; "5 or 50" are two values
    value = {"min": ma.value, "max": mb.value}
    qualifier = read_qualifier(text, start)
    end = mb.end
    if qualifier is not None:
        start = qualifier.start
    return [Reading(start, end, value, ma, mb, qualifier=qualifier.words if qualifier else None)], end


def read_single(text: str, m: Measure, role: str | None = None) -> Reading:
    """One measure read with the hedge or bound around it: "about £5m", "five or more", "up to 700"."""
    qualifier = read_qualifier(text, m.start)
    after = read_qualifier_after(text, m.end) if qualifier is None or not qualifier.bound else None
    if after is not None and after.bound:
        return Reading(m.start, after.end, {after.bound: m.value}, m, m, qualifier=after.words, role=role,
                       bound=after.bound)
    if qualifier is None:
        return Reading(m.start, m.end, m.value, m, m, role=role)
    value = {qualifier.bound: m.value} if qualifier.bound else m.value
    return Reading(qualifier.start, m.end, value, m, m, qualifier=qualifier.words, role=role, bound=qualifier.bound)


def _join_bounds(text: str, readings: list[Reading]) -> list[Reading]:
    """Join "more than 10 and less than 40" into one range."""
    joined: list[Reading] = []
    for reading in readings:
        prev = joined[-1] if joined else None
        if (
            prev is not None and prev.bound and reading.bound and prev.bound != reading.bound
            and _BOUND_JOIN_RE.fullmatch(text, prev.end, reading.start)
        ):
            low, high = (prev, reading) if prev.bound == "min" else (reading, prev)
            if low.first.size < high.first.size:
                value = {"min": low.first.value, "max": high.first.value}
                joined[-1] = Reading(prev.start, reading.end, value, prev.first, reading.last,
                                     qualifier=f"{prev.qualifier} and {reading.qualifier}")
                continue
        joined.append(reading)
    return joined
