"""find_dates: every rule tried at its anchors, overlaps settled, neighbours joined, qualifiers read."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from checker.models import Kind, StatedValue
from checker.values.dates import absolute, holidays, relative
from checker.values.dates.absolute import _bare_year_ok
from checker.values.dates.reader import (
    _REACH,
    _anchors,
    _day_point,
    _Found,
    _Point,
    _point,
    _Reader,
    _shift,
    _starts_before,
    _unit_grain,
)
from checker.values.dates.relative import _amount, _unit, _week_of
from checker.values.dates.vocabulary import _AMOUNT, _POSITIONS, _S, _UNITS, _YEAR4, MONTHS, WEEKDAYS, Value, _g

if TYPE_CHECKING:
    from checker.values import Context

# Written dates first, then relative ones, then holidays: the order the grammar was written in.
_ALL_RULES = (*absolute.RULES, *relative.RULES, *holidays.RULES)


# --- settling overlaps, then joining neighbours ---------------------------------------------
def _settle(found: list[_Found], length: int) -> list[_Found]:
    """The longest candidates that do not overlap, in text order (equal spans: the lower rank wins)."""
    taken = bytearray(length + 1)
    chosen: list[_Found] = []
    for candidate in sorted(found, key=lambda f: (-f.length, f.rank, f.start)):
        if taken.find(1, candidate.start, candidate.end) >= 0:
            continue
        taken[candidate.start:candidate.end] = b"\x01" * candidate.length
        chosen.append(candidate)
    return sorted(chosen, key=lambda f: f.start)


_LIST_NEXT = re.compile(
    rf"(?:{_S}*,{_S}*(?:and{_S}+|or{_S}+)?|{_S}+(?:and|or){_S}+)(?:in{_S}+)?{_g('y', _YEAR4)}", re.IGNORECASE)


def _add_listed_years(reader: _Reader, chosen: list[_Found]) -> list[_Found]:
    """ "in 2013, 2014 and 2015": years listed after a year read as a date are dates too. """
    extra: list[_Found] = []
    for found in chosen:
        end = found.end
        while found.year_only:
            match = _LIST_NEXT.match(reader.text, end)
            if not match or not _bare_year_ok(reader, match.start("y"), match.end("y")):
                break
            extra.append(_Found(match.start("y"), match.end("y"), _Point(int(match.group("y"))), rank=6))
            end = match.end("y")
    return _settle(chosen + extra, len(reader.text)) if extra else chosen


_OF_YEAR = re.compile(rf"{_S}+(?:of|in){_S}+(?P<rel>last|this|next){_S}+year\b", re.IGNORECASE)


def _join_of_year(reader: _Reader, chosen: list[_Found]) -> list[_Found]:
    """ "March of next year", "Christmas of last year": a year-less date given its year by a relative one."""
    out: list[_Found] = []
    for found in chosen:
        if out and out[-1].end > found.start:
            continue  # the "next year" a date before took
        match = _OF_YEAR.match(reader.text, found.end) if found.yearless else None
        if found.first is not None and match and reader.published is not None:
            year = reader.published.year + {"last": -1, "next": 1}.get(match.group("rel").lower(), 0)
            first = _point(year, found.first.month, found.first.day)
            if first is not None:
                found = replace(found, end=match.end(), first=first, yearless=False)
        out.append(found)
    return out


_OFFSET_BEFORE = re.compile(rf"\b{_AMOUNT}{_S}+{_UNITS}{_S}+(?P<dir>from|after|before){_S}+(?:the{_S}+)?$",
                            re.IGNORECASE)


def _join_offsets(reader: _Reader, chosen: list[_Found]) -> list[_Found]:
    """ "three days after 12 January", "two weeks before Christmas", "three weeks from tomorrow". """
    out: list[_Found] = []
    for found in chosen:
        if (found.first is not None and found.last is None and found.anchor is None
                and reader.prev_word(found.start) in ("from", "after", "before", "the")):
            lower = max(out[-1].end if out else 0, found.start - 60)
            match = _OFFSET_BEFORE.search(reader.text, lower, found.start)
            amount = _amount(match.group("n")) if match else None
            if match and amount is not None:
                factor, unit = _unit(match.group("unit"))
                sign = -1 if match.group("dir").lower() == "before" else 1
                moved = _shift(found.first, sign * amount * factor, unit)
                if moved is not None:
                    grain = min(found.first.grain(), _unit_grain(unit))
                    found = replace(found, start=match.start(), first=moved.coarsen(grain), qualify=False)
        out.append(found)
    return out


_WEEK_OF_BEFORE = re.compile(
    rf"\b(?:the{_S}+)?week{_S}+(?P<how>of|beginning|commencing|starting)(?:{_S}+on)?{_S}+(?:the{_S}+)?$"
    rf"|\bw/c{_S}+$", re.IGNORECASE)


def _join_week_of(reader: _Reader, chosen: list[_Found]) -> list[_Found]:
    """ "the week of 10 April" (the week holding it), "the week beginning 4 February" (seven days from it)."""
    out: list[_Found] = []
    for found in chosen:
        first = found.first
        if first is not None and first.grain() == 2 and found.last is None and found.anchor is None:
            match = _WEEK_OF_BEFORE.search(reader.text, max(0, found.start - 40), found.start)
            if match:
                day = first.first_day()
                if match.group("how") and match.group("how").lower() == "of":
                    start_point, end_point = _week_of(day)
                else:
                    start_point, end_point = first, _day_point(day + dt.timedelta(days=6))
                found = replace(found, start=match.start(), first=start_point, last=end_point, qualify=False)
        out.append(found)
    return out


_RANGE_JOIN = re.compile(rf"{_S}*(?:-|–|—|to|until|till|through|thru|and){_S}+(?:the{_S}+)?|{_S}*[-–—]{_S}*",
                         re.IGNORECASE)
_RANGE_OPEN = re.compile(rf"\b(?P<kw>between|from){_S}+(?:the{_S}+)?$", re.IGNORECASE)


# "pushed back from 2027 to 2030": a change of date, two dates (the old and the new), not a range.
_RESCHEDULED_BEFORE = re.compile(
    r"(?<![\w])(?:push\w*|put|delay\w*|slip\w*|postpon\w*|defer\w*|mov\w*|brought|bring\w*|shift\w*|chang\w*|"
    r"revis\w*|extend\w*|resched\w*|back)(?:[^\w.;:!?]+[\w'\u2019-]+){0,5}[^\w.;:!?]+$", re.IGNORECASE)


def _join_ranges(reader: _Reader, chosen: list[_Found]) -> list[_Found]:
    """ "from 1 October 2014 to 1 October 2024", "between March 2019 and June 2020": two dates, one range.

    After a verb of rescheduling ("pushed back from 2027 to 2030") the two are a change: the old date
    and the new one, each with its role.
    """
    out: list[_Found] = []
    for found in chosen:
        if out and _rescheduled(reader, out[-1], found):
            out[-1] = replace(out[-1], role="from", qualify=False)
            out.append(replace(found, role="to", qualify=False))
            continue
        joined = _join(reader, out[-1], found) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(found)
    return out


def _rescheduled(reader: _Reader, left: _Found, right: _Found) -> bool:
    gap = reader.text[left.end:right.start]
    if right.start - left.end > 12 or gap.strip().lower() != "to" or left.first is None or right.first is None:
        return False
    opener = _RANGE_OPEN.search(reader.text, max(0, left.start - 20), left.start)
    if opener is None or opener.group("kw").lower() != "from":
        return False
    return _RESCHEDULED_BEFORE.search(reader.text, max(0, opener.start() - 60), opener.start()) is not None


def _join(reader: _Reader, left: _Found, right: _Found) -> _Found | None:
    single = (left, right)
    if any(f.first is None or f.last is not None or f.anchor is not None for f in single):
        return None
    assert left.first is not None and right.first is not None
    if right.start - left.end > 12:
        return None
    gap = reader.text[left.end:right.start]
    if not _RANGE_JOIN.fullmatch(gap):
        return None
    opener = _RANGE_OPEN.search(reader.text, max(0, left.start - 20), left.start)
    kw = opener.group("kw").lower() if opener else ""
    word = gap.split()[0].lower() if gap.split() else ""
    if word == "and" and kw != "between":
        return None
    if word == "to" and not kw and left.first.grain() != right.first.grain():
        return None  # "moved from Leeds in 2014 to ... May 2015"
    first, last = left.first, right.first
    if left.yearless and not right.yearless:
        first = replace(first, year=last.year - ((first.month or 0) > (last.month or 0)))
    elif right.yearless and not left.yearless:
        # a year-less end rolls into the next year only across months: "November to February"
        last = replace(last, year=first.year + ((last.month or 0) < (first.month or 0)))
    if _point(first.year, first.month, first.day) is None or _point(last.year, last.month, last.day) is None:
        return None
    if first.first_day() > last.last_day():
        return None
    return _Found(opener.start() if opener else left.start, right.end, first, last, rank=1, qualify=not opener)


_PARENTHESIS = re.compile(rf"{_S}*\({_S}*")
_CLOSING = re.compile(rf"{_S}*\)")


def _join_parentheses(reader: _Reader, chosen: list[_Found]) -> list[_Found]:
    """ "today (1 October)", "a week today (Wednesday, September 17)": one date, the explicit one's value. """
    out: list[_Found] = []
    for found in chosen:
        if (out and found.first is not None and found.last is None and out[-1].anchor is None
                and "(" in reader.text[out[-1].end:found.start]):
            opening = _PARENTHESIS.fullmatch(reader.text, out[-1].end, found.start)
            closing = _CLOSING.match(reader.text, found.end)
            if opening and closing:
                out[-1] = replace(found, start=out[-1].start, end=closing.end(), rank=0)
                continue
        out.append(found)
    return out


def _resolve_anchors(reader: _Reader, chosen: list[_Found]) -> list[_Found]:
    """ "a year later": counted from the date stated just before, else from publication. """
    out: list[_Found] = []
    previous: _Found | None = None
    for found in chosen:
        if found.anchor is not None:
            amount, unit = found.anchor
            if previous is not None and previous.first is not None:
                base: _Point | None = (previous.last or previous.first) if amount > 0 else previous.first
            else:
                base = _day_point(reader.published) if reader.published else None
            first = last = None
            if base is not None and unit == "whole week":
                if base.grain() == 2:
                    monday = base.first_day() - dt.timedelta(days=base.first_day().weekday() - 7 * amount)
                    first, last = _day_point(monday), _day_point(monday + dt.timedelta(days=6))
            elif base is not None:
                moved = _shift(base, amount, unit)
                first = moved.coarsen(min(base.grain(), _unit_grain(unit))) if moved else None
            found = replace(found, first=first, last=last)
        out.append(found)
        if found.first is not None:
            previous = found
    return out


_LEADING_THE = re.compile(rf"the{_S}+", re.IGNORECASE)


def _trim(reader: _Reader, found: _Found) -> _Found:
    """The span of the date proper: "1st of May" in "the 1st of May", "10 October" in "by 10 October."."""
    the = _LEADING_THE.match(reader.text, found.start, found.end)
    if the and found.anchor is None:
        found = replace(found, start=the.end())
    text = reader.text[found.start:found.end]
    word = re.search(r"([A-Za-z]+)\.$", text)
    if word is None:
        return found
    lower = word.group(1).lower()
    if (lower in MONTHS or lower in WEEKDAYS) and len(lower) <= 4 and lower not in ("june", "july", "may"):
        return found
    return replace(found, end=found.end - 1)


# --- qualifiers ---------------------------------------------------------------------------------
_BOUNDS = {
    "by": "by", "before": "before", "after": "after", "until": "until", "till": "until", "til": "until",
    "through": "until", "up to": "until", "since": "since", "from": "from", "around": "around",
    "about": "around", "circa": "around", "c.": "around", "approximately": "around", "no later than": "by",
    "not before": "after", "prior to": "before", "ahead of": "before", "as early as": "from",
    "starting": "from", "as late as": "until",
}
_QUALIFIER_BEFORE = re.compile(
    r"(?:\b(?P<bound>no\s+later\s+than|not\s+before|prior\s+to|ahead\s+of|as\s+early\s+as|as\s+late\s+as"
    r"|up\s+to|approximately|starting|before|after|until|till|til|through|since|from|around|about|circa|c\.|by)"
    rf"{_S}+)?(?:the{_S}+)?"
    r"(?:\b(?P<pos>early|earlier|late|later|mid|middle|end|start|beginning|turn|close|spring|summer|autumn|fall"
    rf"|winter)(?P<of>{_S}+of)?(?:{_S}+|-)(?:the{_S}+)?)?$",
    re.IGNORECASE,
)
# Position words that only qualify a date with "of" ("the end of March", not "start March"), except
# "end March", which British prose writes.
_POSITIONS_NEEDING_OF = frozenset({"start", "beginning", "middle", "turn", "close"})


_QUALIFIER_LAST_WORDS = frozenset({*_BOUNDS, *_POSITIONS, "the", "of", "to", "than", "as", "c"})


def _qualify(reader: _Reader, found: _Found) -> _Found:
    if not found.qualify or found.qualifier is not None:
        return found
    if reader.prev_word(found.start) not in _QUALIFIER_LAST_WORDS:
        return found  # most dates have none: spare the pattern below
    match = _QUALIFIER_BEFORE.search(reader.text, max(0, found.start - 48), found.start)
    if not match:
        return found
    bound = " ".join((match.group("bound") or "").lower().split())
    position = (match.group("pos") or "").lower()
    if position in _POSITIONS_NEEDING_OF and not match.group("of") and not match.group(0).endswith("-"):
        position = ""
    qualifier = _BOUNDS.get(bound) or _POSITIONS.get(position)
    return replace(found, qualifier=qualifier) if qualifier else found


# --- entry point ---------------------------------------------------------------------------------
def find_dates(text: str, context: Context) -> list[StatedValue]:
    """Every date `text` states, normalised, with offsets into `text` and qualifiers such as "by" or "early"."""
    reader = _Reader(text, context.published)
    anchors = _anchors(text)
    for rule in _ALL_RULES:
        tried: set[int] = set()
        kinds = rule.anchors
        while kinds:
            kind = kinds & -kinds
            kinds ^= kind
            for anchor in anchors.get(kind, ()):
                if rule.accept is not None and not rule.accept(text, anchor):
                    continue
                starts = _starts_before(text, anchor, rule.back)
                for start in reversed(starts) if rule.nearest else starts:
                    if start in tried:
                        continue
                    tried.add(start)
                    match = rule.pattern.match(text, start, min(len(text), anchor.end + _REACH))
                    if match:
                        try:
                            read = list(rule.handler(reader, match))
                        except (OverflowError, ValueError):
                            # counted past an end of the calendar ("next week" in an article published on
                            # 31 December 9999): there is no date to state
                            read = []
                        reader.found.extend(read)
                        if read and rule.nearest:
                            break
    chosen = _settle(reader.found, len(text))
    for step in (_add_listed_years, _join_of_year, _join_offsets, _join_week_of, _join_ranges, _join_parentheses,
                 _resolve_anchors):
        # a join that counts past an end of the calendar (the week of 31 December 9999) leaves the dates as found
        with contextlib.suppress(OverflowError, ValueError):
            chosen = step(reader, chosen)
    values: list[StatedValue] = []
    for found in chosen:
        first, last = found.first, found.last
        if first is None:
            continue  # year-less or relative, and no publication date to read it against
        if not all(dt.MINYEAR <= p.year <= dt.MAXYEAR for p in (first, last) if p is not None):
            continue  # "last year" in year 1, "next year" in 9999: a year no calendar date holds
        found = _qualify(reader, _trim(reader, found))
        value: Value = first.text()
        if last is not None and last != first:
            value = {"min": first.text(), "max": last.text()}
        values.append(StatedValue(kind=Kind.DATE, value=value, text=text[found.start:found.end],
                                  start=found.start, end=found.end, qualifier=found.qualifier, role=found.role))
    return values
