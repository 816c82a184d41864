"""Rules for dates relative to publication or to a date before them: last year, next Monday, two years ago."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from checker.values.dates.reader import (
    _DAYISH,
    _MONTH_WORD,
    _NUMBER,
    _RELATIVE_WORDS,
    _SEASON,
    _TIME_WORD,
    _UNIT_WORD_LIST,
    _WEEK_NEXT,
    _WEEKDAY_WORD,
    _YEAR,
    _add_months,
    _all,
    _any,
    _day_from_word,
    _day_of,
    _day_point,
    _Found,
    _in_before,
    _next_is,
    _nth_weekday_of,
    _Point,
    _point,
    _prev_in,
    _Reader,
    _Rule,
    _shift,
    _unit_grain,
    _week_before,
    _word_is,
    rule_registry,
)
from checker.values.dates.vocabulary import (
    _AMOUNT,
    _DAY_NUM,
    _DAY_WORD,
    _MONTH,
    _NAMED_DAY_WORDS,
    _POSITIONS,
    _S,
    _UNITS,
    _WEEKDAY,
    _WEEKDAY_FULL,
    _YEAR4,
    FIRST_FULL_YEAR,
    FIRST_RANGE_YEAR,
    FIRST_YEAR,
    LAST_YEAR,
    MONTHS,
    SEASONS,
    WEEKDAYS,
    _g,
)
from checker.values.numbers import WORDS_PATTERN, parse_words

# This module's rules, tried in the order they are defined.
RULES: list[_Rule] = []
_rule = rule_registry(RULES)

# --- relative to publication ---
_TODAYS = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1, "today": 0, "tomorrow": 1,
    "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "last night": -1,
    "a week today": 7, "a week tomorrow": 8, "a week yesterday": 6, "a fortnight today": 14,
}


@_rule(r"\b(?P<rel>" + "|".join(k.replace(" ", rf"{_S}+") for k in sorted(_TODAYS, key=len, reverse=True))
       + r")\b",
       _TIME_WORD, back=4, accept=_word_is('yesterday today tomorrow tonight morning afternoon evening night'))
def _today(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "yesterday", "today", "tomorrow", "this morning", "a week today". """
    key = " ".join(match.group("rel").lower().split())
    if key == "last night" and reader.prev_word(match.start()) == "the":
        return  # "the last night of the festival"
    point = None
    if reader.published is not None:
        point = _day_point(reader.published + dt.timedelta(days=_TODAYS[key]))
    yield _Found(match.start(), match.end(), point, rank=5)


_UNIT_WORDS = {"year": "year", "yr": "year", "month": "month", "week": "week", "quarter": "quarter",
               "qtr": "quarter"}
_STEPS = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "upcoming": 1, "following": 1}


@_rule(rf"(?:\b(?P<the>the){_S}+)?\b(?P<rel>last|this|next|current|coming|upcoming|previous|following|past)"
       rf"{_S}+(?P<unit>year|yr|month|week|quarter|qtr)\b(?!['’]s{_S}+[0-9])",
       _TIME_WORD, back=2, accept=_all(_word_is('year yr month week quarter qtr'), _prev_in(_RELATIVE_WORDS)))
def _this_year(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "last year", "this month", "next week" (Monday to Sunday), "last quarter"; "the following year". """
    rel = match.group("rel").lower()
    unit = _UNIT_WORDS[match.group("unit").lower()]
    the = bool(match.group("the")) or reader.prev_word(match.start()) == "the"
    if rel in ("following", "previous") and the and unit != "quarter":
        # counted from the date stated before; "the following week" is a whole week, Monday to Sunday
        unit = "whole week" if unit == "week" else unit
        yield _Found(match.start(), match.end(), None, rank=5, anchor=(1 if rel == "following" else -1, unit))
        return
    if (the and rel in ("last", "next", "past") or rel == "past" and unit == "year") and unit != "quarter":
        return  # "the last year", "the next month": a period up to or from now, a duration
    pub = reader.published
    if pub is None:
        yield _Found(match.start(), match.end(), None, rank=5)
        return
    step = _STEPS.get(rel, 0)
    last: _Point | None = None
    if unit == "year":
        first = _Point(pub.year + step)
    elif unit == "month":
        moved = _add_months(pub.replace(day=1), step)
        first = _Point(moved.year, moved.month)
    elif unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday() - 7 * step)
        first, last = _day_point(monday), _day_point(monday + dt.timedelta(days=6))
    else:
        quarter = _add_months(dt.date(pub.year, 3 * ((pub.month - 1) // 3) + 1, 1), 3 * step)
        quarter_end = _add_months(quarter, 2)
        first, last = _Point(quarter.year, quarter.month), _Point(quarter_end.year, quarter_end.month)
    yield _Found(match.start(), match.end(), first, last, rank=5)


@_rule(rf"\b(?P<rel>last|this|next|the{_S}+coming|coming|previous|the{_S}+previous){_S}+{_g('mon', _MONTH)}",
       _MONTH_WORD, back=2, accept=_prev_in(_RELATIVE_WORDS))
def _this_month(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "last November" (the latest before publication's month), "this February", "next April". """
    word = match.group("mon")
    if not reader.month_ok(word, False, True) or not reader.capitalised(word):
        return
    month = MONTHS[word.lower()]
    rel = match.group("rel").lower().split()[-1]
    point = None
    if reader.published is not None:
        year = reader.published.year
        if rel in ("last", "previous") and month >= reader.published.month:
            year -= 1
        elif rel in ("next", "coming") and month <= reader.published.month:
            year += 1
        point = _Point(year, month)
    yield _Found(match.start(), match.end(), point, rank=4)


@_rule(rf"\b(?P<rel>this{_S}+coming|this{_S}+past|last|this|next|past|coming|previous){_S}+"
       rf"{_g('wd', _WEEKDAY_FULL)}",
       _WEEKDAY_WORD, back=2, accept=_prev_in(_RELATIVE_WORDS))
def _this_weekday(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "last Monday" (the previous week's), "next Friday" (the next week's), "this Friday", "past Friday". """
    rel = match.group("rel").lower().split()[-1]
    weekday = WEEKDAYS[match.group("wd").lower()]
    point = None
    pub = reader.published
    if pub is not None:
        monday = pub - dt.timedelta(days=pub.weekday())
        if rel in ("last", "previous"):
            day = monday - dt.timedelta(days=7 - weekday)
        elif rel == "next":
            day = monday + dt.timedelta(days=7 + weekday)
        elif rel == "past":
            day = pub - dt.timedelta(days=(pub.weekday() - weekday - 1) % 7 + 1)
        elif rel == "coming":  # the first one after publication
            day = pub + dt.timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)
        else:
            day = pub + dt.timedelta(days=(weekday - pub.weekday()) % 7)
        point = _day_point(day)
    yield _Found(match.start(), match.end(), point, rank=4)


@_rule(rf"(?<![\w'’-]){_g('wd', _WEEKDAY_FULL)}(?![\w-])",
       _WEEKDAY_WORD)
def _weekday_alone(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "on Tuesday": the last one before publication in a sentence about the past, else the next one. """
    word = match.group("wd")
    if not reader.capitalised(word):
        return
    text = reader.text
    if text[match.end():match.end() + 1] == "s" or re.match(rf"{_S}+[A-Z]", text[match.end():match.end() + 2]):
        return  # "Mondays", "the Sunday Times"
    if reader.prev_word(match.start()) in _NAMED_DAY_WORDS:
        return  # "Good Friday", "Super Tuesday"
    point = None
    pub = reader.published
    if pub is not None:
        weekday = WEEKDAYS[word.lower()]
        if pub.weekday() == weekday:
            day = pub  # "on Monday" in a story published on a Monday is that day
        elif reader.speaks_of_past(match.start(), match.end()):
            day = pub - dt.timedelta(days=(pub.weekday() - weekday - 1) % 7 + 1)
        else:
            day = pub + dt.timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)
        point = _day_point(day)
    yield _Found(match.start(), match.end(), point, rank=8)


_WEEK_STEPS = {"next": 1, "following": 1, "coming": 1, "last": -1, "previous": -1, "past": -1, "this": 0}


@_rule(rf"\b{_g('wd', _WEEKDAY_FULL)}(?:{_S}+of|{_S}+from)?{_S}+(?:the{_S}+)?"
       rf"(?P<rel>next|last|this|following|previous)(?:{_S}+|-)week\b"
       rf"|\b(?P<rel2>next|last|this|previous)(?:{_S}+|-)week(?:['’]s)?{_S}*(?:-{_S}*)?(?:on{_S}+)?"
       rf"(?P<wd2>{_WEEKDAY_FULL})"
       rf"|\b(?P<wd3>{_WEEKDAY_FULL}){_S}+after{_S}+next\b",
       _WEEKDAY_WORD, back=4, accept=_any(_week_before, _next_is(_WEEK_NEXT)))
def _weekday_of_week(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "Tuesday of next week", "next week Wednesday", "last week's Sunday", "Friday after next". """
    word = match.group("wd") or match.group("wd2") or match.group("wd3")
    if not reader.capitalised(word):
        return
    point = None
    pub = reader.published
    if pub is not None:
        step = _WEEK_STEPS[(match.group("rel") or match.group("rel2") or "next").lower()]
        monday = pub - dt.timedelta(days=pub.weekday() - 7 * step)
        point = _day_point(monday + dt.timedelta(days=WEEKDAYS[word.lower()]))
    yield _Found(match.start(), match.end(), point, rank=3, qualify=False)


_MONTH_AFTER = re.compile(rf"{_S}*(?:of{_S}+)?[-/.,]?{_S}*{_MONTH}", re.IGNORECASE)
_TIME_AFTER = re.compile(rf"{_S}*(?::|[./-][0-9]|a\.?m\b|p\.?m\b|o['’]clock)", re.IGNORECASE)


@_rule(rf"(?<![\w-]){_g('wd', _WEEKDAY)}\.?,?{_S}+(?:the{_S}+)?(?:{_g('d', _DAY_NUM)}|{_g('dw', _DAY_WORD)})",
       _WEEKDAY_WORD, accept=_next_is(rf'\.?,?{_S}+(?:the{_S}+)?(?:[0-9]|{_DAY_WORD})'))
def _weekday_and_day(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "Saturday 5th", "Tuesday the 19th": in publication's month, or a neighbour the weekday fits. """
    word = match.group("wd")
    if not reader.capitalised(word):
        return
    if len(word) > 5 and reader.text[match.end("wd"):match.end("wd") + 1] == ".":
        return  # a full weekday then a full stop ends a sentence: "met on Monday. The 2,500 staff"
    if re.match(r",[0-9]", reader.text[match.end():match.end() + 2]):
        return  # "the 2,500": a number, not a day
    day_text = match.group("d") or ""
    ordinal = bool(re.search(r"(?:st|nd|rd|th)$", day_text) or match.group("dw") or " the" in match.group(0).lower())
    if not ordinal and (len(word) <= 5 or not day_text.isdigit()):
        return  # "Mon 13" is too thin; "Monday 13" will do
    end = match.end()
    if _TIME_AFTER.match(reader.text, end) or reader.counted_after(end) or _MONTH_AFTER.match(reader.text, end):
        return  # "Friday 7pm", "Friday 7/6"; "Friday 7 May" is another rule's
    day = _day_of(match)
    if day is None:
        return
    point = None
    pub = reader.published
    if pub is not None:
        weekday = WEEKDAYS[word.lower()]
        months = [_add_months(pub.replace(day=1), step) for step in (0, 1, -1)]
        points = [_point(m.year, m.month, day) for m in months]
        fits = [p for p in points if p is not None and p.first_day().weekday() == weekday]
        point = fits[0] if fits else points[0]
        if point is None:
            return
    yield _Found(match.start(), end, point, rank=6)


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
        "fifth": 5, "5th": 5, "last": -1, "final": -1}


@_rule(rf"(?<![\w-])(?:the{_S}+)?(?<!twenty{_S})(?<!thirty{_S})(?P<nth>last|final|{_DAY_NUM}|{_DAY_WORD}){_S}+"
       rf"(?P<what>{_WEEKDAY_FULL}|day){_S}+(?:of|in){_S}+"
       rf"(?:{_g('mon', _MONTH)}\.?(?:{_S}*,?{_S}*{_g('y', _YEAR4)})?|(?P<rel>this|next|last|the){_S}+month\b)",
       _WEEKDAY_WORD | _TIME_WORD, back=4,
       accept=_all(_word_is('monday tuesday wednesday thursday friday saturday sunday day'),
                   _prev_in(_DAYISH, 'last final')))
def _nth_weekday(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "the first Monday in October", "the last Friday of March 2014", "the 15th day of next month". """
    if match.group("mon") and not reader.month_ok(match.group("mon"), True, True):
        return
    pub = reader.published
    year: int | None = None
    if match.group("mon"):
        month = MONTHS[match.group("mon").lower()]
        year = int(match.group("y")) if match.group("y") else pub.year if pub else None
    elif pub is not None:
        moved = _add_months(pub.replace(day=1), {"next": 1, "last": -1}.get(match.group("rel").lower(), 0))
        year, month = moved.year, moved.month
    if year is None or not FIRST_FULL_YEAR <= year <= 9999:
        yield _Found(match.start(), match.end(), None, rank=2)
        return
    nth_text = match.group("nth").lower()
    nth = _NTH.get(nth_text) or _day_from_word(nth_text) or int(re.sub(r"[^0-9]", "", nth_text) or 0)
    days = calendar.monthrange(year, month)[1]
    what = match.group("what").lower()
    if what == "day":
        day: int | None = days if nth < 0 else nth
    elif nth_text in _NTH or 1 <= nth <= 5:
        weekday = WEEKDAYS[what]
        matching = [d for d in range(1, days + 1) if dt.date(year, month, d).weekday() == weekday]
        day = matching[nth if nth < 0 else nth - 1] if nth <= len(matching) else None
    else:
        return
    point = _point(year, month, day) if day else None
    if point is not None:
        yield _Found(match.start(), match.end(), point, rank=2, qualify=False)


def _week_of(day: dt.date) -> tuple[_Point, _Point]:
    """The Monday-to-Sunday week holding `day`."""
    monday = day - dt.timedelta(days=day.weekday())
    return _day_point(monday), _day_point(monday + dt.timedelta(days=6))


@_rule(rf"\b(?:the{_S}+)?(?P<nth>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th){_S}+week{_S}+"
       rf"(?:of|in){_S}+(?:{_g('mon', _MONTH)}\.?(?:{_S}*,?{_S}*{_g('y', _YEAR4)})?|{_g('year', _YEAR4)}"
       rf"|(?P<rel>this|next|last){_S}+(?P<unit>month|year)\b)",
       _TIME_WORD, back=3, accept=_all(_word_is('week'), _prev_in(_DAYISH, 'last final')))
def _nth_week(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "the first week of March", "the last week of June 2016", "the second week of 2021".

    Weeks run Monday to Sunday. The first week of a month or year is the one holding its first
    Thursday (as ISO 8601 counts weeks of a year), the last the one holding its last Thursday.
    """
    if match.group("mon") and not reader.month_ok(match.group("mon"), True, True):
        return
    pub = reader.published
    nth = _NTH[match.group("nth").lower()]
    year: int | None = None
    month: int | None = None
    if match.group("mon"):
        month = MONTHS[match.group("mon").lower()]
        year = int(match.group("y")) if match.group("y") else pub.year if pub else None
    elif match.group("year"):
        year = int(match.group("year"))
    elif pub is not None:
        step = {"next": 1, "last": -1}.get(match.group("rel").lower(), 0)
        if match.group("unit").lower() == "year":
            year = pub.year + step
        else:
            moved = _add_months(pub.replace(day=1), step)
            year, month = moved.year, moved.month
    if year is None or not FIRST_RANGE_YEAR <= year <= LAST_YEAR:
        yield _Found(match.start(), match.end(), None, rank=2)
        return
    thursday = _nth_weekday_of(year, month or (1 if nth > 0 else 12), 3, 1 if nth > 0 else -1)
    day = thursday + dt.timedelta(days=7 * (nth - 1 if nth > 0 else 0))
    first, last = _week_of(day)
    yield _Found(match.start(), match.end(), first, last, rank=2)


@_rule(rf"\b(?P<rel>this|last|next|the|that|over{_S}+the|coming|past){_S}+weekend\b(?!['’]s)",
       _TIME_WORD, back=2, accept=_word_is('weekend'))
def _weekend(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "last weekend", "this weekend", "over the weekend" (the last one in a sentence about the past). """
    rel = match.group("rel").lower().split()[-1]
    if rel == "that" or reader.next_word(match.end()) == "of":
        return  # "the weekend of the festival" is that weekend, not publication's
    pub = reader.published
    point = last = None
    if pub is not None:
        saturday = pub - dt.timedelta(days=pub.weekday() - 5)  # this week's
        if rel in ("last", "past"):
            saturday -= dt.timedelta(days=7)
        elif rel == "next":
            saturday += dt.timedelta(days=7)
        elif rel == "the" and pub.weekday() < 5 and reader.speaks_of_past(match.start(), match.end()):
            saturday -= dt.timedelta(days=7)
        point, last = _day_point(saturday), _day_point(saturday + dt.timedelta(days=1))
    start = match.start() if rel != "the" else match.end("rel") - 3
    yield _Found(start, match.end(), point, last, rank=5)


@_rule(rf"\b(?:(?P<the>the){_S}+)?(?P<pos>end|start|beginning|middle|turn|close){_S}+of{_S}+"
       rf"(?:the{_S}+|(?P<this>this){_S}+)?(?P<unit>year|month|decade)\b(?!{_S}+(?:of|to|in){_S})",
       _TIME_WORD, back=4, accept=_all(_word_is('year month decade'), _prev_in('of the this')))
def _end_of_the_year(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "the end of the year", "the start of the month": publication's year or month, with a qualifier;
    "by the end of the decade": the last year of publication's decade ("the start of": its first). """
    unit, position = match.group("unit").lower(), _POSITIONS[match.group("pos").lower()]
    if unit == "decade":
        if position == "mid" or not (match.group("this") or re.search(rf"of{_S}+the{_S}+decade", match.group(0))):
            return  # "the middle of the decade" is no year; "end of decade" names none
    elif match.group("this"):
        return  # "the end of this year" is the "this year" rule's
    pub = reader.published
    point = None
    if pub is not None:
        first = pub.year - pub.year % 10
        point = (_Point(first + 9 if position == "end" else first) if unit == "decade"
                 else _Point(pub.year) if unit == "year" else _Point(pub.year, pub.month))
    yield _Found(match.start("pos"), match.end(), point, rank=5, qualifier=position)


@_rule(rf"\byear(?:['’]s{_S}+end|-end)\b", _TIME_WORD,
       accept=_all(_word_is('year'), _prev_in('by at before until till around toward towards through')))
def _year_end(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "by year's end", "by year-end": the end of publication's year ("the year-end figures" is no date). """
    pub = reader.published
    yield _Found(match.start(), match.end(), _Point(pub.year) if pub is not None else None, rank=5,
                 qualifier="end")


@_rule(rf"\b(?:that|the{_S}+same){_S}+(?P<unit>year|month)\b(?!['’]s)",
       _TIME_WORD, back=2, accept=_all(_word_is('year month'), _prev_in('that same')))
def _that_year(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "later that year", "the same month": the year or month of the date stated before. """
    yield _Found(match.start(), match.end(), None, rank=5, anchor=(0, match.group("unit").lower()))


def _amount(text: str) -> int | None:
    lower = text.lower().strip()
    if lower in ("a", "an"):
        return 1
    if lower.isdigit():
        return int(lower)
    number = parse_words(lower)
    return int(number) if number is not None and number == int(number) and number < 1000 else None


def _unit(word: str) -> tuple[int, str]:
    """How many of which calendar unit a unit word stands for: "decades" is (10, "year")."""
    word = word.lower().rstrip("s")
    return {"yr": (1, "year"), "decade": (10, "year"), "fortnight": (2, "week")}.get(word, (1, word))


@_rule(rf"\b{_AMOUNT}{_S}+{_UNITS}{_S}+ago\b",
       _TIME_WORD, back=8, accept=_word_is('ago'))
def _ago(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "two years ago" (a year), "three months ago" (a month), "a week ago" (a day). """
    amount = _amount(match.group("n"))
    if amount is None:
        return
    factor, unit = _unit(match.group("unit"))
    point = None
    if reader.published is not None:
        moved = _shift(_day_point(reader.published), -amount * factor, unit)
        point = moved.coarsen(_unit_grain(unit)) if moved else None
    yield _Found(match.start(), match.end(), point, rank=5)


@_rule(rf"\b{_AMOUNT}{_S}+{_UNITS}{_S}+(?P<dir>later|earlier|on)\b(?!{_S}+than)",
       _TIME_WORD, back=8, accept=_next_is(rf'{_S}+(?:later|earlier|on)\b'))
def _later(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "a year later", "two months earlier", "ten years on": counted from the date stated before. """
    amount = _amount(match.group("n"))
    if amount is None or reader.text[match.end():match.end() + 1] == "-":
        return  # "a year-on-year rise"
    factor, unit = _unit(match.group("unit"))
    sign = -1 if match.group("dir").lower() == "earlier" else 1
    yield _Found(match.start(), match.end(), None, rank=5, anchor=(sign * amount * factor, unit))


@_rule(rf"\b{_AMOUNT}{_S}+{_UNITS}{_S}+(?:from{_S}+now|hence)\b"
       rf"|\bin{_S}+(?P<n2>[0-9]{{1,3}}|an?|{WORDS_PATTERN}){_S}+(?P<unit2>years?|months?|weeks?|days?|fortnights?)"
       rf"(?:['’]{_S}*time)?\b",
       _TIME_WORD, back=8,
       accept=_all(_word_is(_UNIT_WORD_LIST), _any(_next_is(rf'{_S}+(?:from{_S}+now|hence)\b'), _in_before)))
def _from_now(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "two weeks from now", "in three months" (in a sentence about the future): counted from publication. """
    amount = _amount(match.group("n") or match.group("n2"))
    if amount is None:
        return
    if match.group("n2"):
        if not reader.speaks_of_future(match.start(), match.end()):
            return  # "doubled in two years" is a duration
        if reader.next_word(match.end()) in ("of", "to", "and", "or", "than") or \
                re.match(rf"{_S}*(?:-|–|to{_S})", reader.text[match.end():match.end() + 4]):
            return
    factor, unit = _unit(match.group("unit") or match.group("unit2"))
    point = None
    if reader.published is not None:
        moved = _shift(_day_point(reader.published), amount * factor, unit)
        point = moved.coarsen(_unit_grain(unit)) if moved else None
    yield _Found(match.start(), match.end(), point, rank=5)


# --- parts of years: quarters, halves, seasons ---
_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                  "final": 4}


@_rule(rf"\bQ(?P<q>[1-4]){_S}*[-/]?{_S}*(?P<y>[0-9]{{4}}|'?[0-9]{{2}})(?![0-9])"
       rf"|(?<![0-9]){_g('y2', '[0-9]{4}')}{_S}*[-/]?{_S}*Q(?P<q2>[1-4])\b"
       rf"|\b(?:the{_S}+)?(?P<qw>first|second|third|fourth|final|1st|2nd|3rd|4th){_S}+(?:quarter|qtr)\b"
       rf"(?:(?:{_S}+of)?{_S}+(?:the{_S}+)?{_g('y3', '[0-9]{4}')}(?![0-9])|{_S}+of{_S}+(?:the|this){_S}+year\b)?",
       _YEAR | _NUMBER | _TIME_WORD, back=3,
       accept=_any(_all(_word_is('quarter qtr'), _prev_in(_DAYISH, 'final')), _prev_in('q'),
                   _next_is(rf'{_S}*[-/]?{_S}*q[1-4]')))
def _quarter(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "Q1 2019", "2019 Q3", "the third quarter of 2018", "the first quarter" (of publication's year). """
    year: int | None
    if match.group("q"):
        quarter = int(match.group("q"))
        year_text = match.group("y").lstrip("'")
        year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    elif match.group("q2"):
        quarter, year = int(match.group("q2")), int(match.group("y2"))
    else:
        quarter = _QUARTER_WORDS[match.group("qw").lower()]
        if match.group("y3"):
            year = int(match.group("y3"))
        elif reader.next_word(match.end()) in ("of", "century") or reader.text[match.end():match.end() + 1] == "-":
            return  # "the first quarter of the century", "a third-quarter result"
        else:
            year = reader.published.year if reader.published else None
    if year is None:
        yield _Found(match.start(), match.end(), None, rank=4)
    elif FIRST_RANGE_YEAR <= year <= LAST_YEAR:
        yield _Found(match.start(), match.end(), _Point(year, 3 * quarter - 2), _Point(year, 3 * quarter), rank=3)


@_rule(rf"\b(?:(?P<h>H(?P<hn>[12])){_S}*[-/]?{_S}*{_g('y', _YEAR4)}|{_g('y2', _YEAR4)}{_S}*[-/]?{_S}*H(?P<hn2>[12])\b"
       rf"|(?:the{_S}+)?(?P<hw>first|second|1st|2nd){_S}+half{_S}+of{_S}+(?:the{_S}+)?(?:{_g('y3', _YEAR4)}|year\b))",
       _YEAR | _NUMBER | _TIME_WORD, back=3,
       accept=_any(_all(_word_is('half'), _prev_in('first second st nd')), _prev_in('h'),
                   _next_is(rf'{_S}*[-/]?{_S}*h[12]')))
def _half_year(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "H1 2019", "2019 H2", "the first half of 2019", "the second half of the year". """
    if match.group("h") and match.group(0)[0] != "H":
        return  # "h1" in lower case is a heading
    hw = match.group("hw")
    half = int(match.group("hn") or match.group("hn2") or (1 if hw and hw.lower() in ("first", "1st") else 2))
    year_text = match.group("y") or match.group("y2") or match.group("y3")
    year = int(year_text) if year_text else reader.published.year if reader.published else None
    if year is None:
        yield _Found(match.start(), match.end(), None, rank=3)
    elif FIRST_YEAR <= year <= LAST_YEAR:
        yield _Found(match.start(), match.end(), _Point(year, 6 * half - 5), _Point(year, 6 * half), rank=3)


@_rule(rf"\b(?P<rel>this|last|next){_S}+(?P<season>spring|summer|autumn|fall|winter)\b",
       _SEASON, back=1, accept=_prev_in('this last next'))
def _this_season(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "this summer", "last winter": the year, with the season as qualifier. """
    season = match.group("season").lower()
    rel = match.group("rel").lower()
    point = None
    pub = reader.published
    if pub is not None:
        first_month, last_month = SEASONS[season]
        year = pub.year
        if rel == "last" and not (first_month <= last_month < pub.month):
            year -= 1
        elif rel == "next" and not first_month > pub.month:
            year += 1
        point = _Point(year)
    yield _Found(match.start(), match.end(), point, rank=4, qualify=False,
                 qualifier="autumn" if season == "fall" else season)
