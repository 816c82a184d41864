"""Rules for dates written out: day month year, numeric dates, bare years, ranges, decades."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.values.dates.reader import (
    _DAYISH,
    _DECADE,
    _DETERMINERS,
    _MONTH_FIRST_NEXT,
    _MONTH_WORD,
    _MONTH_YEAR_NEXT,
    _NUMBER,
    _TIME_WORD,
    _YEAR,
    _YEAR_RANGE_NEXT,
    _YEAR_TRIGGER_WORDS,
    _all,
    _any,
    _day_from_word,
    _day_of,
    _day_range_before,
    _Found,
    _next_is,
    _Point,
    _point,
    _prev_in,
    _Reader,
    _Rule,
    _two_digit_year,
    _word_is,
    rule_registry,
)
from checker.values.dates.vocabulary import (
    _CHANGE_WORDS,
    _COUNTED_NOUNS,
    _DAY_NUM,
    _DAY_WORD,
    _MONTH,
    _RANGE_TO,
    _S,
    _TIME_NOUNS_BEFORE_OF,
    _WEEKDAY,
    _YEAR4,
    FIRST_FULL_YEAR,
    FIRST_RANGE_YEAR,
    FIRST_YEAR,
    LAST_YEAR,
    MONTHS,
    WEEKDAYS,
    _g,
)

# This module's rules, tried in the order they are defined.
RULES: list[_Rule] = []
_rule = rule_registry(RULES)

# --- full and year-less dates written with a month name ---
_WD_PREFIX = rf"(?:{_g('wd', _WEEKDAY)}\.?,?{_S}+(?:the{_S}+)?)?"
_DAY = _g("day", _g("d", _DAY_NUM) + "|" + _g("dw", _DAY_WORD))


def _day_month_year(reader: _Reader, match: re.Match[str], year: int | None) -> Iterator[_Found]:
    """A date of a day and a month, with the year written or (year None) from publication."""
    start = match.start()
    text = reader.text
    if (text[start].isdigit() and not reader.clear_before(start)) or (start > 0 and text[start - 1].isalpha()):
        return
    day = _day_of(match)
    if day is None or not reader.month_ok(match.group("mon"), True, False):
        return
    month = MONTHS[match.group("mon").lower().rstrip(".")]
    weekday = WEEKDAYS[match.group("wd").lower()] if match.group("wd") else None
    end = match.end()
    if year is not None and (not reader.clear_after(end) or reader.counted_after(end)):
        year = None  # "on 5 May 2000 people marched": the number counts people
        end = max(match.end("mon"), match.end("day"))
    if year is not None:
        point = _point(year, month, day) if year >= FIRST_FULL_YEAR else None
        if point is not None:
            yield _Found(start, end, point, rank=1)
        return
    year = reader.year_of(month, day, weekday, at=(start, end))
    if year is None:
        yield _Found(start, end, None, rank=2, yearless=True)
        return
    point = _point(year, month, day)
    if point is not None:
        yield _Found(start, end, point, rank=2, yearless=True)


@_rule(rf"{_WD_PREFIX}(?:the{_S}+)?{_DAY}{_g('dsep', rf'{_S}+of{_S}+|[-/.]|{_S}*')}"
       rf"{_g('mon', _MONTH)}\.?"
       rf"(?:(?:{_S}*,{_S}*|{_S}*[-/.]{_S}*|{_S}+of{_S}+|{_S}+){_g('y', _YEAR4)}"
       rf"|{_S}*'{_g('ya', '[0-9]{2}')}(?![0-9])|[-/]{_g('yb', '[0-9]{2}')}(?![0-9]))?",
       _MONTH_WORD, back=6, accept=_prev_in(_DAYISH))
def _day_first(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "1 October 2014", "1st of October", "Wednesday, 13th April 2022", "31-Oct-74", "On 1 September". """
    short = match.group("ya") or match.group("yb")
    year = int(match.group("y")) if match.group("y") else _two_digit_year(int(short)) if short else None
    if year is None and match.group("dsep") == "" and not match.group("wd") and match.group("d"):
        return  # "14april" without its year is more likely a code
    yield from _day_month_year(reader, match, year)


@_rule(rf"{_WD_PREFIX}{_g('mon', _MONTH)}\.?{_g('msep', rf'{_S}*[-/,]{_S}*|{_S}*')}(?:the{_S}+)?{_DAY}"
       rf"(?:(?:{_S}*,{_S}*|{_S}+|{_S}*[-/]{_S}*)(?:of{_S}+)?{_g('y', _YEAR4)})?",
       _MONTH_WORD, back=2, accept=_next_is(_MONTH_FIRST_NEXT))
def _month_first(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "October 1, 2014", "Tuesday, July 26, 2022", "Dec. 31, 1994", "Sep-23-2020", "October 1". """
    if match.group("dw") and not reader.month_ok(match.group("mon"), False, False):
        return  # "May second" needs "May" to be a month already
    if match.group("msep") == "" and match.group("d") is None:
        return
    yield from _day_month_year(reader, match, int(match.group("y")) if match.group("y") else None)


@_rule(rf"{_g('mon', _MONTH)}\.?(?:{_S}*,{_S}*|{_S}*[-/]{_S}*|{_S}+of{_S}+|{_S}+)"
       rf"(?:{_g('y', _YEAR4)}|'{_g('ya', '[0-9]{2}')}(?![0-9]))",
       _MONTH_WORD, accept=_next_is(_MONTH_YEAR_NEXT))
def _month_year(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "October 2014", "Dec-2018", "April of 1987", "March '19". """
    if match.start() > 0 and reader.text[match.start() - 1].isalpha():
        return
    if not reader.month_ok(match.group("mon"), True, False):
        return
    year = int(match.group("y")) if match.group("y") else _two_digit_year(int(match.group("ya")))
    end = match.end()
    if year < FIRST_FULL_YEAR or not reader.clear_after(end) or reader.counted_after(end):
        return
    point = _point(year, MONTHS[match.group("mon").lower()])
    if point is not None:
        yield _Found(match.start(), end, point, rank=2)


_MONTH_TRIGGERS = (r"in|by|since|from|until|till|of|during|before|after|through|throughout|early|late|mid|end"
                   r"|start|beginning|around|about|circa")


@_rule(rf"\b{_g('trig', _MONTH_TRIGGERS)}(?:{_S}+|-)(?:the{_S}+)?{_g('mon', _MONTH)}\.?",
       _MONTH_WORD, back=2, accept=_prev_in(_MONTH_TRIGGERS.replace('|', ' '), 'the'), nearest=True)
def _month_alone(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "in April", "by September", "the end of March", "mid-November": the month of publication's year. """
    word = match.group("mon")
    if not reader.month_ok(word, False, True) or not reader.capitalised(word):
        return
    if match.group("trig").lower() == "of" and reader.prev_word(match.start()) not in _TIME_NOUNS_BEFORE_OF:
        return  # "the Queen of May"
    month = MONTHS[word.lower().rstrip(".")]
    year = reader.year_of(month, at=(match.start("mon"), match.end("mon")))
    point = _point(year, month) if year is not None else None
    yield _Found(match.start("mon"), match.end("mon"), point, rank=4, yearless=True)


# --- dates written in digits ---
@_rule(rf"(?<![0-9]){_g('y', '[0-9]{4}')}(?P<s>[-/.]){_g('m', '[0-9]{1,2}')}(?P=s){_g('d', '[0-9]{1,2}')}"
       r"(?![0-9])(?!(?P=s)[0-9])",
       _YEAR, accept=_next_is(r'[-/.][0-9]'))
def _iso(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "2014-10-01", "2015/3/3", and inside names: "report-2017-03-02.html". """
    point = _point(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    before = reader.text[match.start() - 1:match.start()] if match.start() else ""
    if point is not None and point.year >= FIRST_FULL_YEAR and before not in (".", ","):
        yield _Found(match.start(), match.end(), point, rank=0)


@_rule(rf"(?<![0-9]){_g('y', '[0-9]{4}')}(?P<s>[-/]){_g('mon', _MONTH)}(?P=s){_g('d', '[0-9]{1,2}')}(?![0-9])",
       _YEAR, accept=_next_is(r'[-/][a-z]'))
def _iso_named(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "2019-aug-01", "2020/Sep/23". """
    point = _point(int(match.group("y")), MONTHS[match.group("mon").lower()], int(match.group("d")))
    if point is not None and point.year >= FIRST_FULL_YEAR and reader.clear_before(match.start()):
        yield _Found(match.start(), match.end(), point, rank=0)


@_rule(rf"(?<![0-9/.:-]){_g('a', '[0-9]{1,2}')}(?P<s>[/.-]){_g('b', '[0-9]{1,2}')}(?P=s)"
       rf"{_g('y', '[0-9]{4}|[0-9]{2}')}(?![0-9])(?![/.:-][0-9])",
       _NUMBER, accept=_next_is(r'[-/.][0-9]'))
def _numeric(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "01/10/2014" (day first), "10/25/2018" (month first only where day first is impossible). """
    year_text = match.group("y")
    if not reader.clear_before(match.start()) or (match.group("s") == "." and len(year_text) == 2):
        return  # "1.5.10" is a version number more often than a date
    year = int(year_text) if len(year_text) == 4 else _two_digit_year(int(year_text))
    a, b = int(match.group("a")), int(match.group("b"))
    point = (_point(year, b, a) or _point(year, a, b)) if year >= FIRST_FULL_YEAR else None
    if point is not None:
        yield _Found(match.start(), match.end(), point, rank=1)


@_rule(r"(?<![0-9/.,-])(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)[0-9]{2})(?![0-9/])",
       _NUMBER, accept=_next_is(r'/[0-9]'))
def _numeric_month_year(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "2/2013". """
    if reader.clear_before(match.start()) and reader.clear_after(match.end()):
        point = _point(int(match.group("y")), int(match.group("m")))
        if point is not None:
            yield _Found(match.start(), match.end(), point, rank=3)


@_rule(rf"(?<![0-9.,/-]){_g('y', '[0-9]{4}')}[-/]{_g('m', '0?[1-9]|1[0-2]')}(?![0-9])(?![-/.][0-9])",
       _YEAR, accept=_next_is(r'[-/][0-9]'))
def _year_month(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "2014-10", "2014/10"; not "2014-18" or "2021/22", which are ranges of years. """
    year = int(match.group("y"))
    month_text = match.group("m")
    if not FIRST_RANGE_YEAR <= year <= LAST_YEAR or not reader.clear_after(match.end()):
        return
    if int(month_text) == (year + 1) % 100:
        return
    if len(month_text) == 2 and not month_text.startswith("0") and int(month_text) > year % 100:
        return
    point = _point(year, int(month_text))
    if point is not None:
        yield _Found(match.start(), match.end(), point, rank=3)


# --- bare years ---
_YEAR_TRIGGERS = (r"in|since|by|from|until|till|of|during|before|after|through|throughout|early|late|mid"
                  rf"|circa|around|year|spring|summer|autumn|fall|winter|as{_S}+of|to|as")
# "delayed to 2031", "pushed back to 2030", "slip to 2026": a year after "to" is a date after these.
_RESCHEDULE_WORDS = frozenset({
    "delayed", "delay", "delays", "pushed", "push", "pushes", "put", "back", "moved", "move", "moves", "slip", "slips",
    "slipped", "slipping", "postponed", "postpone", "deferred", "defer", "shifted", "shift", "brought", "forward",
    "rescheduled", "extended", "extend", "changed", "revised", "set", "targeted", "date", "deadline",
})
# "as late as 2040", "as early as 2026", "as soon as 2025".
_AS_YEAR = re.compile(rf"\b(?:late|early|soon){_S}+as{_S}*$", re.IGNORECASE)
_WEAK_YEAR_TRIGGERS = frozenset({"by", "of", "from", "around"})
# "from 2000 to 3000": a number range whose other end is no year is a range of amounts.
_COUNT_RANGE_AFTER = re.compile(
    rf"{_S}*(?:-|–|—|to|and){_S}*(?P<n>[0-9]{{5,}}|[0-9]{{1,3}}(?![0-9])|[3-9][0-9]{{3}})")


def _bare_year_ok(reader: _Reader, start: int, end: int) -> bool:
    year = int(reader.text[start:end])
    # "2000-3000 staff" is a count range; "in fall 2026 - 4 1/2 years late" is a year, then a dash's aside
    counted = _COUNT_RANGE_AFTER.match(reader.text, end)
    return (FIRST_YEAR <= year <= LAST_YEAR and reader.clear_before(start) and reader.clear_after(end)
            and not reader.counted_after(end) and not (counted and int(counted.group("n")) > year))


def _rescheduled(text: str, start: int) -> bool:
    """True when a schedule verb ("delayed", "pushed back") comes a few words before `start` in its clause."""
    clause = re.split(r"[.;:!?,()]", text[max(0, start - 80):start])[-1]
    return bool(_RESCHEDULE_WORDS & set(clause.lower().split()[-7:]))


@_rule(rf"\b{_g('trig', _YEAR_TRIGGERS)}(?:{_S}+|-)(?:the{_S}+)?(?:year{_S}+(?:of{_S}+)?)?{_g('y', _YEAR4)}",
       _YEAR, back=5, accept=_prev_in(_YEAR_TRIGGER_WORDS), nearest=True)
def _year_after_word(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "in 2013", "since 2014", "mid-2020", "spring 2021", "the end of 2012" (not "rose by 2000"). """
    start, end = match.start("y"), match.end("y")
    trigger = " ".join(match.group("trig").lower().split())
    if not _bare_year_ok(reader, start, end):
        return
    before = reader.prev_word(match.start())
    if trigger == "by" and before in _CHANGE_WORDS:
        return
    if trigger == "from" and before in _CHANGE_WORDS:
        return
    if trigger == "of" and before not in _TIME_NOUNS_BEFORE_OF:
        return
    if trigger == "to" and not _rescheduled(reader.text, match.start()):
        return
    if trigger == "as" and not _AS_YEAR.search(reader.text, max(0, match.start() - 12), match.end("trig")):
        return
    if trigger in _WEAK_YEAR_TRIGGERS and reader.next_word(end) in _COUNTED_NOUNS:
        return
    yield _Found(start, end, _Point(int(match.group("y"))), rank=6, year_only=True)


_NOT_AFTER_ADJECTIVE_YEAR = frozenset({"and", "or", "to", "per", "of", "in", "at", "for", "than", "is", "was",
                                       "were", "are"})


@_rule(rf"(?:\b(?P<det>the|a|an|its|their|his|her|our|this|that|whose)|['’]s){_S}+{_g('y', _YEAR4)}"
       rf"(?={_S}+[A-Za-z])",
       _YEAR, back=2, accept=_prev_in(_DETERMINERS, 's'))
def _year_as_adjective(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "the 2015 inspection", "Doncaster's 2019 budget" (not "the 2000 staff"). """
    start, end = match.start("y"), match.end("y")
    if _bare_year_ok(reader, start, end) and reader.next_word(end) not in _NOT_AFTER_ADJECTIVE_YEAR:
        yield _Found(start, end, _Point(int(match.group("y"))), rank=7, qualify=False, year_only=True)


@_rule(rf"(?:\b(?P<kw>between|from){_S}+)?(?<![0-9.,/£$€-]){_g('y1', '[0-9]{4}')}"
       rf"(?:{_S}*(?P<dash>[-–—/~]){_S}*|{_S}+(?P<word>to|until|till|through|thru|and){_S}+)"
       rf"{_g('y2', '[0-9]{4}|[0-9]{2}')}(?![0-9])",
       _YEAR, back=1, accept=_next_is(_YEAR_RANGE_NEXT))
def _year_range(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "2014-2017", "2021/22", "between 2014 and 2017", "from 2014 to 2017". """
    kw = (match.group("kw") or "").lower()
    word = (match.group("word") or "").lower()
    end = match.end()
    if (not reader.clear_before(match.start("y1")) and not kw) or (word == "and" and kw != "between"):
        return
    if not reader.clear_after(end) or reader.counted_after(end) or re.match(r"[-/][0-9]", reader.text[end:end + 2]):
        return
    first = int(match.group("y1"))
    second_text = match.group("y2")
    if not FIRST_RANGE_YEAR <= first <= LAST_YEAR:
        return
    if len(second_text) == 4:
        second = int(second_text)
    elif word:
        return
    elif int(second_text) == (first + 1) % 100:
        second = first + 1  # a financial or academic year, "2021/22", "1999-00"
    elif first % 100 < int(second_text) <= first % 100 + 10 and not second_text.startswith("0"):
        second = first - first % 100 + int(second_text)  # "2014-18"
    else:
        return  # "2014-10" is a month
    if not first < second <= LAST_YEAR or (not kw and second - first > 100):
        return
    start = match.start() if kw else match.start("y1")
    from_before = kw == "from" or (not kw and re.search(r"\bfrom\s+$", reader.text[max(0, start - 8):start], re.I))
    if word == "to" and from_before and _rescheduled(reader.text, match.start()):
        if not kw:
            return  # the match that starts at "from" reads the change
        # "pushed back from 2027 to 2030": the old date and the new one, not a range
        yield _Found(match.start("y1"), match.end("y1"), _Point(first), rank=2, qualify=False, role="from")
        yield _Found(match.start("y2"), end, _Point(second), rank=2, qualify=False, role="to")
        return
    yield _Found(start, end, _Point(first), _Point(second), rank=2, qualify=not kw)


@_rule(rf"\bFY{_S}?(?P<y>[0-9]{{4}}|[0-9]{{2}})(?![0-9])(?:[-/](?P<y2>[0-9]{{2}}|[0-9]{{4}})(?![0-9]))?",
       _YEAR | _NUMBER, back=1, accept=_prev_in('fy'))
def _fiscal_year(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "FY2022", "FY22" (the year as written), "FY2021/22" (both years). """
    text = match.group("y")
    year = int(text) if len(text) == 4 else _two_digit_year(int(text))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return
    if not match.group("y2"):
        yield _Found(match.start(), match.end(), _Point(year), rank=2)
    elif int(match.group("y2")[-2:]) == (year + 1) % 100:
        yield _Found(match.start(), match.end(), _Point(year), _Point(year + 1), rank=2)


@_rule(rf"\bfiscal(?:{_S}+year)?{_S}+{_g('y', _YEAR4)}(?![-\u2013/][0-9])", _YEAR, back=2,
       accept=_prev_in('fiscal year'))
def _fiscal_year_named(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "fiscal 2024", "fiscal year 2025": the fiscal year as written, as "FY2024" is (a range like
    "fiscal year 2023-24" is read by the year range). """
    year = int(match.group("y"))
    if FIRST_YEAR <= year <= LAST_YEAR:
        yield _Found(match.start(), match.end(), _Point(year), rank=2)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


@_rule(rf"(?:\b(?P<the>the){_S}+)?(?:(?P<c>1[0-9]|20)(?P<dd>[0-9])0|'(?P<d2>[0-9])0|(?P<d3>[0-9])0)['’]?s"
       rf"(?![\w'’])|\bthe{_S}+(?P<word>" + "|".join(_DECADE_WORDS) + r")\b",
       _YEAR | _NUMBER | _DECADE, back=1, accept=_any(_next_is(r"['’]?s(?![\w'’])"), _prev_in('the')))
def _decade(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "the 1990s", "1990's", "the '90s", "the nineties" (not "in her 90s", an age). """
    if match.group("word"):
        first = 1900 + 10 * _DECADE_WORDS[match.group("word").lower()]
        start = match.start()
    elif match.group("c"):
        first = int(match.group("c")) * 100 + int(match.group("dd")) * 10
        start = match.start("c")
        if not reader.clear_before(start) or not FIRST_YEAR - 100 <= first <= LAST_YEAR:
            return
    elif match.group("the"):
        first = 1900 + int(match.group("d2") or match.group("d3")) * 10
        start = match.start()
    else:
        return
    yield _Found(start, match.end(), _Point(first), _Point(first + 9), rank=3)


@_rule(rf"\b(?:(?P<n>[0-9]{{1,2}})(?:st|nd|rd|th)|(?P<w>{_DAY_WORD})){_S}*-?{_S}*century\b",
       _TIME_WORD, back=3, accept=_word_is('century'))
def _century(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "the 19th century", "twenty-first century". """
    number = int(match.group("n")) if match.group("n") else _day_from_word(match.group("w"))
    if number is not None and 11 <= number <= 21:
        first = (number - 1) * 100
        yield _Found(match.start(), match.end(), _Point(first), _Point(first + 99), rank=3)


# --- ranges whose first end is cut short: "July 13-15", "13-15 July", "Jan-Feb 2017" ---
def _day_range(reader: _Reader, match: re.Match[str], month: int) -> Iterator[_Found]:
    if " and " in match.group(0).lower() and (match.group("kw") or "").lower() != "between":
        return
    first_day = int(re.sub(r"[^0-9]", "", match.group("d1")))
    last_day = int(re.sub(r"[^0-9]", "", match.group("d2")))
    if first_day >= last_day:
        return
    year_text = match.group("y")
    end = match.end()
    if year_text and (not reader.clear_after(end) or reader.counted_after(end)):
        year_text = None
        end = max(match.end("mon"), match.end("d2"))
    year = int(year_text) if year_text else reader.year_of(month)
    start = match.start() if match.group("kw") else min(match.start("mon"), match.start("d1"))
    if year is None:
        yield _Found(start, end, None, rank=1, yearless=True)
        return
    first, last = _point(year, month, first_day), _point(year, month, last_day)
    if first is not None and last is not None:
        yield _Found(start, end, first, last, rank=1, yearless=not year_text, qualify=not match.group("kw"))


@_rule(rf"(?:\b(?P<kw>from|between){_S}+)?{_g('mon', _MONTH)}\.?{_S}*(?:the{_S}+)?{_g('d1', _DAY_NUM)}"
       rf"(?:{_RANGE_TO}|{_S}+and{_S}+)(?:the{_S}+)?{_g('d2', _DAY_NUM)}(?!{_S}*{_MONTH})"
       rf"(?:{_S}*,?{_S}*{_g('y', _YEAR4)})?",
       _MONTH_WORD, back=1,
       accept=_next_is(rf'\.?{_S}*(?:the{_S}+)?[0-9]{{1,2}}(?:st|nd|rd|th)?{_S}*(?:[-–—]|to|through|thru|until|till|and)'))
def _month_day_range(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "July 13-15", "April 9th through 17th, 2016". """
    if not reader.month_ok(match.group("mon"), True, False) or not reader.clear_after(match.end("d2")):
        return
    if re.match(rf"{_S}*:", reader.text[match.end("d2"):match.end("d2") + 3]):
        return  # "July 13-15:30" is a time
    yield from _day_range(reader, match, MONTHS[match.group("mon").lower()])


@_rule(rf"(?:\b(?P<kw>from|between){_S}+)?(?:the{_S}+)?(?<![0-9.,£$€]){_g('d1', _DAY_NUM)}"
       rf"(?:{_RANGE_TO}|{_S}+and{_S}+)(?:the{_S}+)?{_g('d2', _DAY_NUM)}(?:{_S}+of)?{_S}*{_g('mon', _MONTH)}\.?"
       rf"(?:{_S}*,?{_S}*{_g('y', _YEAR4)})?",
       _MONTH_WORD, back=10, accept=_all(_prev_in(_DAYISH), _day_range_before))
def _day_day_month(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "13-15 July", "from 13th to 15th July 2013", "between 3 and 12 of Sept". """
    if reader.month_ok(match.group("mon"), True, False):
        yield from _day_range(reader, match, MONTHS[match.group("mon").lower().rstrip(".")])


@_rule(rf"(?:\b(?P<kw>from|between){_S}+)?{_g('m1', _MONTH)}\.?(?:{_RANGE_TO}|{_S}+and{_S}+)"
       rf"{_g('m2', _MONTH)}\.?(?:{_S}*,?{_S}*(?:of{_S}+|in{_S}+)?{_g('y', _YEAR4)})?",
       _MONTH_WORD, back=1, accept=_next_is(rf'\.?(?:{_RANGE_TO}|{_S}+and{_S}+){_MONTH}'))
def _month_range(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "Jan-Feb 2017", "from March to May", "between August and October 2019". """
    kw = (match.group("kw") or "").lower()
    year_text = match.group("y")
    if (" and " in match.group(0).lower() and kw != "between") or (not kw and not year_text):
        return
    if year_text and (not reader.clear_after(match.end()) or reader.counted_after(match.end())):
        return
    for word in (match.group("m1"), match.group("m2")):
        if not reader.month_ok(word, bool(year_text), bool(kw)) or not reader.capitalised(word):
            return
    first_month, last_month = MONTHS[match.group("m1").lower()], MONTHS[match.group("m2").lower()]
    if year_text:
        last_year = int(year_text)
        first_year = last_year if first_month <= last_month else last_year - 1
    elif reader.published is not None:
        first_year = reader.published.year
        last_year = first_year if first_month <= last_month else first_year + 1
    else:
        yield _Found(match.start(), match.end(), None, rank=2)
        return
    start = match.start() if kw else match.start("m1")
    yield _Found(start, match.end(), _Point(first_year, first_month), _Point(last_year, last_month), rank=2,
                 qualify=not kw)
