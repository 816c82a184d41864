"""Dates stated in prose: full, partial and year-less dates, years, ranges, and dates relative to publication.

`find_dates(text, context)` returns every date it reads in `text`, normalised as CONTRACT.md says:
"YYYY", "YYYY-MM" or "YYYY-MM-DD", as precise as the text, and ranges as {"min", "max"}. The grammar
is our own because dateparser and datefinder read junk ("we" as Wednesday, "£41" as 2041) and lose
offsets and precision (../shared/LIBRARIES.md).

How the text is read (British news prose first):

- Numeric dates are day first: "01/10/2014" is 1 October 2014. Month first only where day first is
  impossible ("10/25/2018"). Two-digit years 00-49 are 20xx, 50-99 are 19xx.
- A date without a year ("on 1 September", "in April", "this February") takes the publication year;
  one naming a weekday that does not fit that year but fits the year before or after takes that year.
  Without a publication date, year-less and relative dates are left out.
- "last April" is the latest April before the publication month, "next April" the first after it.
  "last Monday" and "next Monday" are the Mondays of the weeks before and after publication's (weeks
  start on Monday); "this Monday" is the first on or after publication. A weekday alone ("on Tuesday")
  is the latest one before publication when its sentence speaks of the past (was, said, had...), else
  the first one after it; "this coming Thursday" the first one after it.
- Weeks run Monday to Sunday: "last week" is the week before publication's, "the week of 10 April"
  the week holding that day, "the first week of March" the week holding March's first Thursday (as
  ISO 8601 counts a year's weeks), "the last week of June" the one holding its last Thursday.
- Holidays whose day follows from the year are dates: fixed ones ("by Christmas", "Boxing Day"),
  Easter's ("Good Friday"), nth weekdays ("Thanksgiving"); a name alone needs a capital, and a
  following noun makes it no date ("a Christmas tree").
- "two years ago" counts back from publication, as precise as its unit (years give a year, months a
  month, weeks and days a day). "a year later", "the following year" and "that year" count from the
  date stated just before in the text (from publication when there is none), no more precise than it.
- A bare year (1900-2100) is a date only where prose uses it as one: after a word such as in, since,
  by, until, during, early or mid; beside a month; as an adjective ("the 2015 inspection"); in a list
  or range with such a year. "2000 staff", "£41", "channel 276" and "60,000 articles" are not dates.
- "May" and "March" are months only when capitalised (or the text has no capitals at all) and beside a
  day or year or after a word such as in, by, since, of, last, early. Month abbreviations need a day or
  a year beside them, or such a word before them.
- Spans cover the date expression proper. A qualifier word before it goes in `qualifier` and stays
  out of the span. One qualifier per date: a bound (by, before, after, until, since, from, around)
  wins over a position (early, mid, late, start, end, spring, summer, autumn, winter), so "by the end
  of March 2018" is "2018-03" with "by", and "the end of March 2018" has "end". A leading "the" stays
  out too ("1st of May" in "the 1st of May"). Range constructions keep their words ("between 2014 and
  2017"); relative phrases are whole ("last year", "two years ago", "a year later").
- Times of day are not dates: "13th April 2022, 5:17 pm" gives the day alone. Periods counted from
  now ("the next three years", "the past two months") are left to durations.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from checker.models import Kind, StatedValue
from checker.values.numbers import ORDINALS, WORDS_PATTERN, parse_words

if TYPE_CHECKING:
    from checker.values import Context

__all__ = ["find_dates"]

# --- vocabulary -----------------------------------------------------------------------------
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
# Month abbreviations that are also names or words ("Jan Smith", "Mar" the verb): never alone.
_AMBIGUOUS_ABBREVIATIONS = frozenset({"jan", "jun", "mar"})
# Seasons, with the months they start and end in (for "last summer" and "next spring").
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
FIRST_YEAR, LAST_YEAR = 1900, 2100  # a bare year in prose is one of these (the brief's range)
FIRST_RANGE_YEAR = 1800  # a year range ("1939-45") or year-month ("1850-06") may reach further back
FIRST_FULL_YEAR = 1000  # a year written beside a month or in a numeric date may reach further still

# Nouns a 4-digit number counts rather than dates: "2000 staff", "in 2000 homes".
_COUNTED_NOUNS = frozenset({
    "people", "persons", "staff", "employees", "workers", "jobs", "posts", "roles", "children", "pupils",
    "students", "adults", "patients", "residents", "families", "households", "homes", "houses",
    "properties", "flats", "beds", "places", "units", "pieces", "items", "members", "visitors", "votes",
    "signatures", "applications", "applicants", "copies", "words", "metres", "meters", "miles", "km",
    "kilometres", "kilometers", "feet", "acres", "tonnes", "tons", "pounds", "dollars", "euros", "pence",
    "calls", "vehicles", "cars", "buses", "troops", "officers", "soldiers", "teachers", "nurses", "doctors",
    "carers", "volunteers", "customers", "users", "subscribers", "passengers", "tickets", "fans",
    "spectators", "runners", "participants", "respondents", "names", "responses", "complaints",
    "referrals", "incidents", "arrests", "deaths", "births", "babies", "animals", "trees", "sheep",
    "cattle", "hours", "minutes", "seconds", "days", "weeks", "months", "years", "points", "runs", "yards",
    "steps",
})
# "2014 new homes": adjectives that may stand between a count and its noun.
_COUNT_ADJECTIVES = frozenset({
    "new", "more", "extra", "additional", "other", "full", "part", "local", "young", "old", "council",
})
# Verbs of change: "rose by 2000" and "up from 2014" are amounts, not dates.
_CHANGE_WORDS = frozenset({
    "rose", "risen", "rise", "rises", "rising", "fell", "fallen", "fall", "falls", "falling", "increased",
    "increase", "increases", "increasing", "decreased", "decrease", "decreases", "reduced", "reduce",
    "reduces", "cut", "cuts", "grew", "grown", "grow", "grows", "dropped", "drop", "drops", "climbed",
    "jumped", "shrank", "shrunk", "declined", "boosted", "raised", "lowered", "up", "down", "outnumbered",
    "exceeded", "exceed",
})
# "the end of 2021", "the summer of 2019", "as of 2020": words after which "of <year>" is a date
# ("a total of 2000" is not).
_TIME_NOUNS_BEFORE_OF = frozenset({
    "end", "start", "beginning", "middle", "half", "quarter", "part", "rest", "remainder", "whole",
    "course", "spring", "summer", "autumn", "fall", "winter", "class", "months", "month", "years", "year",
    "weeks", "days", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "as", "most", "much", "some", "all", "ides", "the",
})
# Words before a weekday that make it part of a name: "Good Friday", "Super Tuesday".
_NAMED_DAY_WORDS = frozenset({
    "good", "black", "super", "ash", "cyber", "holy", "maundy", "palm", "easter", "whit", "shrove",
    "plough", "blue", "giving", "clean", "great", "white", "branch", "trinity", "lazarus",
})
# Nouns after a holiday that make it an adjective: "a Christmas tree" is no date.
_HOLIDAY_NOUNS = frozenset({
    "tree", "trees", "party", "parties", "card", "cards", "present", "presents", "shopping", "lights",
    "market", "markets", "dinner", "lunch", "jumper", "jumpers", "period", "holidays", "holiday", "break",
    "egg", "eggs", "appeal", "number", "message", "special", "film", "song", "songs", "edition",
    "decorations", "sales",
})
# Whether a sentence speaks of the past or the future, for a weekday alone and for "in two weeks".
_PAST_WORDS = re.compile(
    r"\b(?:was|were|had|did|said|told|announced|confirmed|revealed|reported|agreed|approved|met|held|"
    r"took|came|went|made|gave|found|died|ago|last|earlier|previously|yesterday|wasn't)\b|n't\b",
    re.IGNORECASE,
)
_FUTURE_WORDS = re.compile(
    r"\b(?:will|shall|going to|due to|set to|is to|are to|expected|plans?|planned|scheduled|upcoming|"
    r"next|coming|tomorrow)\b|'ll\b",
    re.IGNORECASE,
)

_PAST_WORDS_LOWER = re.compile(_PAST_WORDS.pattern)
_FUTURE_WORDS_LOWER = re.compile(_FUTURE_WORDS.pattern)

Value = str | dict[str, str]

# --- regex building blocks ------------------------------------------------------------------
_S = r"[^\S\n]"  # a space that does not cross a line break
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
          r"|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(?![a-z])")
_WEEKDAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            r"|tues|thurs|thur|mon|tue|wed|thu|fri|sat|sun)(?![a-z])")
_WEEKDAY_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])"
_UNIT_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_DAY_WORD = (r"(?:(?:twenty|thirty)[\s-]?(?:" + "|".join(_UNIT_ORDINALS) + r")|"
             + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")(?![\w-])")
_DAY_NUM = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9a-z])"
_YEAR4 = r"[0-9]{4}(?![0-9])"
_AMOUNT = rf"(?P<n>[0-9]{{1,3}}|an?|{WORDS_PATTERN})"
_UNITS = r"(?P<unit>years?|yrs?|months?|weeks?|days?|decades?|fortnights?)"
_RANGE_TO = rf"(?:{_S}*[-–—]{_S}*|{_S}+(?:to|through|thru|until|till){_S}+)"


def _g(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


# --- where dates can be: anchor words -------------------------------------------------------
# Every rule below is anchored on a kind of word it cannot do without: a year, a month, a weekday,
# "ago"... One pass finds those words, each rule checks the words around an anchor cheaply, and
# only then tries its pattern at the few word starts just before the anchor. Text without such
# words costs one pass, and a megabyte of news prose a fraction of a second, whatever it holds.
_YEAR, _NUMBER, _MONTH_WORD, _WEEKDAY_WORD, _TIME_WORD, _SEASON, _HOLIDAY, _DECADE = (1 << i for i in range(8))
_WORD_KINDS: dict[str, int] = {}


def _kind_of_words(kind: int, words: str | list[str]) -> None:
    for word in words.split() if isinstance(words, str) else words:
        _WORD_KINDS[word] = _WORD_KINDS.get(word, 0) | kind


_kind_of_words(_MONTH_WORD, list(MONTHS))
_kind_of_words(_WEEKDAY_WORD, list(WEEKDAYS))
_kind_of_words(_TIME_WORD, """year years yr yrs month months week weeks weekend quarter quarters qtr day days
    decade decades century fortnight fortnights half today yesterday tomorrow tonight morning afternoon
    evening night ago""")
_kind_of_words(_SEASON, list(SEASONS))
_kind_of_words(_DECADE, "twenties thirties forties fifties sixties seventies eighties nineties")
# Numbers worth a look: a 4-digit year, or one or two digits that go on like a date ("1/", "1st",
# "90s"). Other numbers are read only as the word before an anchor.
_SCAN = re.compile(
    r"(?P<year>(?<![0-9])[12][0-9]{3}(?![0-9]))"
    r"|(?P<num>(?<![0-9])[0-9]{1,2}(?=(?P<sep>[/.-])[0-9]{1,2}(?P=sep)[0-9]{2}|/[12][0-9]{3}(?![0-9])"
    r"|(?:st|nd|rd|th|s)\b|['’]s\b))"
    r"|(?P<digits>[0-9]+)|(?P<word>[A-Za-z]+)",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[0-9]+|[A-Za-z]+")
_QUOTES = "'’"


@dataclass(frozen=True, slots=True)
class _Anchor:
    start: int
    end: int
    kinds: int
    prev: str  # the word or number before it, lower case ("" at the start)

    def word(self, text: str) -> str:
        return text[self.start:self.end].lower()


@functools.cache
def _anchor_pattern() -> re.Pattern[str]:
    """Every anchor at once, for lower-case text (built on first use, once all the words are known)."""
    words = "|".join(sorted(_WORD_KINDS, key=len, reverse=True))
    # Anchors start words: a word boundary and a look at the first character spare every other position.
    firsts = "".join(sorted({word[0] for word in _WORD_KINDS} | set("qhf")))
    return re.compile(
        rf"\b(?=[0-9{firsts}])(?:"
        r"(?P<year>[12][0-9]{3}(?![0-9]))"
        r"|(?P<num>[0-9]{1,2}(?=(?P<sep>[/.-])[0-9]{1,2}(?P=sep)[0-9]{2}|/[12][0-9]{3}(?![0-9])"
        r"|(?:st|nd|rd|th|s)\b|['’]s\b))"
        r"|(?:q|h|fy)[^\S\n]?(?P<qh>[0-9]{1,4})(?![0-9])"
        rf"|(?P<word>{words})(?![a-z]))"
    )


def _prev_token(text: str, i: int) -> str:
    """The word or number before position i (at most 30 characters back)."""
    low = max(0, i - 30)
    j = i
    while j > low and not text[j - 1].isalnum():
        j -= 1
    k = j
    if k > low and text[k - 1].isdigit():
        while k > low and text[k - 1].isdigit():
            k -= 1
    else:
        while k > low and text[k - 1].isalpha():
            k -= 1
    return text[k:j]


def _anchors(text: str) -> dict[int, list[_Anchor]]:
    """The words of `text` a date may be built around, by kind."""
    lower = text.lower()
    if len(lower) == len(text):
        # one pass in C over the lower-cased text; only anchors cost Python work
        anchors: dict[int, list[_Anchor]] = {}
        for token in _anchor_pattern().finditer(lower):
            group = token.lastgroup
            if group == "word":
                kinds = _WORD_KINDS[token.group("word")]
            elif group == "year":
                kinds = _YEAR
            else:
                kinds = _NUMBER  # a date-like number, or "Q1", "H2", "FY22"
            start, end = token.span(group) if group == "qh" else token.span()
            prev = _prev_token(lower, start)
            while kinds:
                kind = kinds & -kinds
                anchors.setdefault(kind, []).append(_Anchor(start, end, kinds, prev))
                kinds ^= kind
        return anchors
    # lower case changed the length ("İ"): read token by token instead, offsets intact
    anchors = {}
    prev = ""
    for token in _SCAN.finditer(text):
        group = token.lastgroup
        word = token.group()
        lower = word.lower() if len(word) <= 13 else ""
        if group == "word":
            kinds = _WORD_KINDS.get(lower, 0)
        elif group == "year":
            kinds = _YEAR
        elif group == "num" or (prev in ("q", "h", "fy") and len(word) <= 4):
            kinds = _NUMBER  # "Q1", "H2", "FY22"
        else:
            kinds = 0
        while kinds:
            kind = kinds & -kinds
            anchors.setdefault(kind, []).append(_Anchor(token.start(), token.end(), kinds, prev))
            kinds ^= kind
        prev = lower
    return anchors


def _starts_before(text: str, anchor: _Anchor, back: int) -> list[int]:
    """Where a match may start: the anchor, the `back` words before it, and a quote before any of them."""
    if back:
        starts = [m.start() for m in _TOKEN.finditer(text, max(0, anchor.start - 12 * back), anchor.start)]
        starts = starts[-back:]
        starts.append(anchor.start)
    else:
        starts = [anchor.start]
    return starts + [i - 1 for i in starts if i > 0 and text[i - 1] in _QUOTES]


Accept = Callable[[str, _Anchor], bool]


def _prev_in(*groups: str | frozenset[str] | list[str]) -> Accept:
    """The word before the anchor is one of these (or, for "digits", a number)."""
    words: set[str] = set()
    for group in groups:
        words.update(group.split() if isinstance(group, str) else group)
    digits = "digits" in words
    frozen = frozenset(words)
    return lambda text, anchor: anchor.prev in frozen or (digits and anchor.prev[:1].isdigit())


def _next_is(pattern: str) -> Accept:
    """The text just after the anchor matches `pattern`."""
    compiled = re.compile(pattern, re.IGNORECASE)
    return lambda text, anchor: compiled.match(text, anchor.end) is not None


def _word_is(words: str) -> Accept:
    chosen = frozenset(words.split())
    return lambda text, anchor: anchor.word(text) in chosen


def _all(*accepts: Accept) -> Accept:
    return lambda text, anchor: all(accept(text, anchor) for accept in accepts)


def _any(*accepts: Accept) -> Accept:
    return lambda text, anchor: any(accept(text, anchor) for accept in accepts)


# What the words around an anchor must be for a rule to be worth trying there.
_DAYISH = frozenset({"digits", "st", "nd", "rd", "th", "of", "twenty", "thirty", *ORDINALS})
_DETERMINERS = "the a an its their his her our this that whose"
_RELATIVE_WORDS = "last this next current coming upcoming previous following past"
_YEAR_TRIGGER_WORDS = ("in since by from until till of during before after through throughout early late mid "
                       "circa around year spring summer autumn fall winter the")
_MONTH_FIRST_NEXT = rf"\.?{_S}*[-/,]?{_S}*(?:the{_S}+)?(?:[0-9]{{1,2}}(?![0-9])|{_DAY_WORD})"
_MONTH_YEAR_NEXT = rf"\.?(?:{_S}*,{_S}*|{_S}*[-/]{_S}*|{_S}+of{_S}+|{_S}+)(?:[0-9]{{4}}|'[0-9]{{2}})"
_YEAR_RANGE_NEXT = rf"(?:{_S}*[-–—/~]{_S}*|{_S}+(?:to|until|till|through|thru|and){_S}+)[0-9]"
_WEEK_NEXT = (rf"(?:{_S}+of|{_S}+from)?{_S}+(?:the{_S}+)?(?:next|last|this|following|previous)(?:{_S}+|-)week"
              rf"|{_S}+after{_S}+next")
_IN_AMOUNT_BEFORE = re.compile(rf"\bin{_S}+(?:[0-9]{{1,3}}|[A-Za-z]+(?:[-{_S}][A-Za-z]+){{0,3}}){_S}+$",
                               re.IGNORECASE)
_WEEK_BEFORE = re.compile(rf"\bweek(?:['’]s)?{_S}*(?:-{_S}*)?(?:on{_S}+)?$", re.IGNORECASE)


_DAY_RANGE_BEFORE = re.compile(
    rf"[0-9](?:st|nd|rd|th)?{_S}*(?:[-–—]|to|and|through|thru|until|till){_S}*(?:the{_S}+)?[0-9]", re.IGNORECASE)


def _day_range_before(text: str, anchor: _Anchor) -> bool:
    """Two day numbers joined as a range just before the month: "13-15 July", "from 13th to the 15th of"."""
    return _DAY_RANGE_BEFORE.search(text, max(0, anchor.start - 40), anchor.start) is not None


_UNIT_WORD_LIST = "year years yr yrs month months week weeks day days decade decades fortnight fortnights"


def _in_before(text: str, anchor: _Anchor) -> bool:
    """ "in" and an amount just before: "in three weeks' time", "in 2 years"."""
    return _IN_AMOUNT_BEFORE.search(text, max(0, anchor.start - 40), anchor.start) is not None


def _week_before(text: str, anchor: _Anchor) -> bool:
    """ "next week Wednesday", "last week's Sunday", "next week on Tuesday"."""
    return _WEEK_BEFORE.search(text, max(0, anchor.start - 24), anchor.start) is not None


# --- calendar points and values -------------------------------------------------------------
@dataclass(frozen=True)
class _Point:
    """A calendar point at the precision the text gives: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    def text(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def grain(self) -> int:
        """0 for a year, 1 for a month, 2 for a day."""
        return 0 if self.month is None else 1 if self.day is None else 2

    def coarsen(self, grain: int) -> _Point:
        if grain <= 0:
            return _Point(self.year)
        if grain == 1:
            return _Point(self.year, self.month)
        return self

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])


def _point(year: int, month: int | None = None, day: int | None = None) -> _Point | None:
    """The point, or None when there is no such day (30 February) or the year is out of reach."""
    if not 1 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None and (month is None or not 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return _Point(year, month, day)


def _day_point(day: dt.date) -> _Point:
    return _Point(day.year, day.month, day.day)


def _unit_grain(unit: str) -> int:
    return 0 if unit == "year" else 1 if unit == "month" else 2


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shift(point: _Point, amount: int, unit: str) -> _Point | None:
    """`point` moved by `amount` units, at its own precision; None when that leaves the calendar."""
    try:
        if unit == "year":
            return _point(point.year + amount, point.month, point.day)
        if unit == "month":
            return _day_point(_add_months(point.first_day(), amount)).coarsen(point.grain())
        days = amount * (7 if unit == "week" else 14 if unit == "fortnight" else 1)
        return _day_point(point.first_day() + dt.timedelta(days=days)).coarsen(point.grain())
    except (ValueError, OverflowError):
        return None


@dataclass(frozen=True)
class _Found:
    """A date read from the text, before overlaps are settled."""

    start: int
    end: int
    first: _Point | None  # None: cannot be resolved yet (or ever: no publication date); dropped at the end
    last: _Point | None = None  # the end of a range
    rank: int = 5  # breaks ties between equal spans: lower wins
    yearless: bool = False  # the year came from publication; a range partner's may replace it
    qualify: bool = True  # whether to look for a qualifier word before it
    qualifier: str | None = None
    anchor: tuple[int, str] | None = None  # "a year later": amount and unit counted from the date before
    year_only: bool = False  # a bare year: a list ("in 2013, 2014 and 2015") may follow

    @property
    def length(self) -> int:
        return self.end - self.start


class _Reader:
    """One text being read: the rules' shared helpers and what they have found."""

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.published = published
        # A text with no capitals at all gives no capitalisation signal: read month words by context.
        self.has_capitals = text != text.lower()
        self.found: list[_Found] = []
        self._past: list[int] | None = None
        self._future: list[int] | None = None

    def clear_before(self, i: int) -> bool:
        """Whether a number starting at `i` stands on its own (not "£2014", "1.2014", "12,2014", "a2014")."""
        if i == 0:
            return True
        before = self.text[i - 1]
        if before == "-":
            return i > 1 and self.text[i - 2].isalpha()  # "mid-2020", not "138-2010"
        return not (before.isalnum() or before in "£$€¥#@.,/:_+'")

    def clear_after(self, i: int) -> bool:
        """Whether a number ending at `i` ends there (not "2014,000", "2014.5", "2014%", "2014m")."""
        rest = self.text[i:i + 12]
        if not rest:
            return True
        if rest[0].isalnum() or rest[0] in "%£$€_":
            return False
        if rest[0] in ",." and len(rest) > 1 and rest[1].isdigit():
            return False
        return not _AMOUNT_AFTER.match(rest)

    def next_word(self, i: int) -> str:
        match = _NEXT_WORD.match(self.text, i)
        return match.group(1).lower() if match else ""

    def prev_word(self, i: int) -> str:
        """The word before position i, lower case, skipping spaces and punctuation (at most 40 characters back)."""
        text = self.text
        j = i
        low = max(0, i - 40)
        while j > low and not text[j - 1].isalpha():
            j -= 1
        k = j
        while k > low and text[k - 1].isalpha():
            k -= 1
        return text[k:j].lower()

    def counted_after(self, i: int) -> bool:
        """Whether a number ending at `i` counts the noun after it ("2000 staff", "2014 new homes")."""
        if self.next_word(i) in _COUNTED_NOUNS:
            return True
        match = _TWO_WORDS.match(self.text, i)
        return bool(match and match.group(1).lower() in _COUNT_ADJECTIVES
                    and match.group(2).lower() in _COUNTED_NOUNS)

    def capitalised(self, word: str) -> bool:
        return word[0].isupper() or not self.has_capitals

    def month_ok(self, word: str, beside_number: bool, after_trigger: bool) -> bool:
        """Whether a month word is the month here: "May" the verb and "Jan" the name are not."""
        lower = word.lower().rstrip(".")
        if lower in ("may", "march"):
            return self.capitalised(word) and (beside_number or after_trigger)
        if len(lower) <= 4 and lower not in ("june", "july"):  # an abbreviation: "Sept", "Dec"
            return beside_number or (after_trigger and self.capitalised(word)
                                     and lower not in _AMBIGUOUS_ABBREVIATIONS)
        return True

    def year_of(self, month: int, day: int | None = None, weekday: int | None = None) -> int | None:
        """The year of a year-less date: publication's, or a neighbour that fits the weekday named."""
        if self.published is None:
            return None
        year = self.published.year
        if weekday is not None and day is not None:
            for candidate in (year, year - 1, year + 1):
                point = _point(candidate, month, day)
                if point is not None and point.first_day().weekday() == weekday:
                    return candidate
        return year

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        """The bounds of the sentence (at most 300 characters either side) holding text[start:end]."""
        low, high = max(0, start - 300), min(len(self.text), end + 300)
        left = max(self.text.rfind(stop, low, start) for stop in ".!?\n")
        rights = [i for i in (self.text.find(stop, end, high) for stop in ".!?\n") if i >= 0]
        return max(left + 1, low), min(rights) if rights else high

    def speaks_of_past(self, start: int, end: int) -> bool:
        """Whether the sentence holding text[start:end] speaks of the past rather than the future."""
        if self._past is None:  # found once per text, then counted per sentence
            # case-sensitive patterns over lower-cased text run several times faster, unless lower
            # case changes the length ("İ") and with it the offsets
            lower = self.text.lower()
            if len(lower) == len(self.text):
                self._past = [m.start() for m in _PAST_WORDS_LOWER.finditer(lower)]
                self._future = [m.start() for m in _FUTURE_WORDS_LOWER.finditer(lower)]
            else:
                self._past = [m.start() for m in _PAST_WORDS.finditer(self.text)]
                self._future = [m.start() for m in _FUTURE_WORDS.finditer(self.text)]
        low, high = self.sentence_around(start, end)
        return _any_between(self._past, low, high) and not _any_between(self._future or [], low, high)

    def speaks_of_future(self, start: int, end: int) -> bool:
        """Whether the sentence holding text[start:end] speaks of the future and not of the past."""
        self.speaks_of_past(start, end)
        low, high = self.sentence_around(start, end)
        return _any_between(self._future or [], low, high) and not _any_between(self._past or [], low, high)


def _any_between(positions: list[int], low: int, high: int) -> bool:
    i = bisect.bisect_left(positions, low)
    return i < len(positions) and positions[i] < high


_AMOUNT_AFTER = re.compile(
    rf"{_S}*(?:%|per{_S}*cent\b|percent\b|million\b|billion\b|thousand\b|[mk]\b|bn\b)", re.IGNORECASE)
_NEXT_WORD = re.compile(rf"{_S}*(?:-{_S}*)?([A-Za-z]+)")
_TWO_WORDS = re.compile(rf"{_S}+([A-Za-z]+){_S}+([A-Za-z]+)")


# --- the rules ------------------------------------------------------------------------------
Rule = Callable[[_Reader, re.Match[str]], Iterator[_Found]]


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    anchors: int  # the kinds of anchor word it is tried at
    back: int  # how many words before its anchor a match may start
    accept: Accept | None  # a cheap look at the anchor's neighbours before trying the pattern
    handler: Rule
    nearest: bool  # every match gives the same span: try the nearest start first and stop at a match


_RULES: list[_Rule] = []
_REACH = 100  # characters a match may run past its anchor


def _rule(pattern: str, anchors: int, back: int = 0, accept: Accept | None = None,
          nearest: bool = False) -> Callable[[Rule], Rule]:
    """Register a rule: its pattern, the kinds of word it is anchored on, how far back it may start."""
    compiled = re.compile(pattern, re.IGNORECASE)

    def register(handler: Rule) -> Rule:
        _RULES.append(_Rule(compiled, anchors, back, accept, handler, nearest))
        return handler

    return register


def _day_from_word(word: str | None) -> int | None:
    if not word:
        return None
    parts = [p for p in re.split(r"[\s-]+", word.lower()) if p]
    if len(parts) == 2:
        tens = {"twenty": 20, "thirty": 30}.get(parts[0])
        unit = ORDINALS.get(parts[1])
        return tens + unit if tens is not None and unit is not None and unit < 10 else None
    return ORDINALS.get(parts[0]) if len(parts) == 1 else None


def _day_of(match: re.Match[str]) -> int | None:
    if match.group("d"):
        return int(re.sub(r"[^0-9]", "", match.group("d")))
    return _day_from_word(match.group("dw"))


def _two_digit_year(two: int) -> int:
    return 2000 + two if two < 50 else 1900 + two


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
    year = reader.year_of(month, day, weekday)
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
    year = reader.year_of(month)
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
                  rf"|circa|around|year|spring|summer|autumn|fall|winter|as{_S}+of")
_WEAK_YEAR_TRIGGERS = frozenset({"by", "of", "from", "around"})
# "from 2000 to 3000": a number range whose other end is no year is a range of amounts.
_COUNT_RANGE_AFTER = re.compile(
    rf"{_S}*(?:-|–|—|to|and){_S}*(?:[0-9]{{5,}}|[0-9]{{1,3}}(?![0-9])|[3-9][0-9]{{3}})")


def _bare_year_ok(reader: _Reader, start: int, end: int) -> bool:
    year = int(reader.text[start:end])
    return (FIRST_YEAR <= year <= LAST_YEAR and reader.clear_before(start) and reader.clear_after(end)
            and not reader.counted_after(end) and not _COUNT_RANGE_AFTER.match(reader.text, end))


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
        if reader.speaks_of_past(match.start(), match.end()):
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


@_rule(rf"\b(?:(?P<the>the){_S}+)?(?P<pos>end|start|beginning|middle|turn|close){_S}+of{_S}+(?:the{_S}+)?"
       rf"(?P<unit>year|month)\b(?!{_S}+(?:of|to|in){_S})",
       _TIME_WORD, back=4, accept=_all(_word_is('year month'), _prev_in('of the')))
def _end_of_the_year(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "the end of the year", "the start of the month": publication's year or month, with a qualifier. """
    pub = reader.published
    point = None
    if pub is not None:
        point = _Point(pub.year) if match.group("unit").lower() == "year" else _Point(pub.year, pub.month)
    yield _Found(match.start("pos"), match.end(), point, rank=5, qualifier=_POSITIONS[match.group("pos").lower()])


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


# --- holidays whose day follows from the year: fixed days, Easter's, and nth weekdays ---
def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_offset) // 451
    month, day = divmod(h + weekday_offset - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday_of(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth (1-5, or -1 for the last) given weekday of a month."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda year: dt.date(year, month, day)


def _from_easter(days: int) -> Callable[[int], dt.date]:
    return lambda year: _easter(year) + dt.timedelta(days=days)


def _nth(month: int, weekday: int, nth: int, days: int = 0) -> Callable[[int], dt.date]:
    return lambda year: _nth_weekday_of(year, month, weekday, nth) + dt.timedelta(days=days)


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas day": _fixed(12, 25), "christmas eve": _fixed(12, 24), "christmas": _fixed(12, 25),
    "xmas": _fixed(12, 25), "boxing day": _fixed(12, 26), "new year's day": _fixed(1, 1),
    "new year's eve": _fixed(12, 31), "hogmanay": _fixed(12, 31), "halloween": _fixed(10, 31),
    "valentine's day": _fixed(2, 14), "valentine day": _fixed(2, 14), "bonfire night": _fixed(11, 5),
    "guy fawkes night": _fixed(11, 5), "st patrick's day": _fixed(3, 17), "saint patrick's day": _fixed(3, 17),
    "st paddy's day": _fixed(3, 17), "saint paddy's day": _fixed(3, 17), "burns night": _fixed(1, 25),
    "st andrew's day": _fixed(11, 30), "st george's day": _fixed(4, 23), "st david's day": _fixed(3, 1),
    "armistice day": _fixed(11, 11), "remembrance day": _fixed(11, 11), "independence day": _fixed(7, 4),
    "earth day": _fixed(4, 22), "international workers' day": _fixed(5, 1), "world vegan day": _fixed(11, 1),
    "easter sunday": _from_easter(0), "easter day": _from_easter(0), "easter": _from_easter(0),
    "good friday": _from_easter(-2), "easter monday": _from_easter(1), "maundy thursday": _from_easter(-3),
    "holy saturday": _from_easter(-1), "shrove tuesday": _from_easter(-47), "pancake day": _from_easter(-47),
    "mardi gras": _from_easter(-47), "ash wednesday": _from_easter(-46), "palm sunday": _from_easter(-7),
    "ascension day": _from_easter(39), "pentecost": _from_easter(49), "whit sunday": _from_easter(49),
    "whitsun": _from_easter(49), "whit monday": _from_easter(50), "trinity sunday": _from_easter(56),
    "mothering sunday": _from_easter(-21),
    "thanksgiving day": _nth(11, 3, 4), "thanksgiving": _nth(11, 3, 4), "black friday": _nth(11, 3, 4, 1),
    "cyber monday": _nth(11, 3, 4, 4), "martin luther king day": _nth(1, 0, 3),
    "martin luther king jr day": _nth(1, 0, 3), "martin luther king's day": _nth(1, 0, 3),
    "martin luther kings day": _nth(1, 0, 3), "mlk day": _nth(1, 0, 3), "mlk jr day": _nth(1, 0, 3),
    "presidents' day": _nth(2, 0, 3), "presidents day": _nth(2, 0, 3), "memorial day": _nth(5, 0, -1),
    "labor day": _nth(9, 0, 1), "columbus day": _nth(10, 0, 2), "father's day": _nth(6, 6, 3),
}
# A holiday is anchored on the first word of its name; a first word such as "good" or "new" counts
# only before the rest of a name ("Good Friday", "New Year's Day").
_HOLIDAY_NEXT: dict[str, set[str]] = {}
for _name in _HOLIDAYS:
    _words = re.findall(r"[a-z]+", _name)
    _HOLIDAY_NEXT.setdefault(_words[0], set()).add(_words[1].rstrip("s") if len(_words) > 1 else "")
_kind_of_words(_HOLIDAY, list(_HOLIDAY_NEXT))
_NEXT_TOKEN = re.compile(r"[^A-Za-z0-9\n]{0,3}([A-Za-z]+)")


def _holiday_name_starts(text: str, anchor: _Anchor) -> bool:
    follows = _HOLIDAY_NEXT.get(anchor.word(text), set())
    if "" in follows:
        return True  # a name of one word: "Christmas", "Easter"
    match = _NEXT_TOKEN.match(text, anchor.end)
    return bool(match and match.group(1).lower().rstrip("s") in follows)  # "New Years Eve" too
_HOLIDAY_PATTERN = "|".join(
    re.escape(name).replace("'", "['’]?").replace(r"\ ", rf"{_S}+").replace("jr", r"jr\.?")
    for name in sorted(_HOLIDAYS, key=len, reverse=True)
)
_HOLIDAY_TRIGGERS = r"by|before|after|until|till|since|on|at|over|from|last|next|this|for|during|of|around|previous"
_RELATIVE_TRIGGERS = ("last", "next", "this", "previous")


@_rule(rf"(?:\b(?P<trig>{_HOLIDAY_TRIGGERS}){_S}+)?\b(?P<name>{_HOLIDAY_PATTERN})\b(?!['’]s\b)"
       rf"(?:{_S}+{_g('y', _YEAR4)})?",
       _HOLIDAY, back=1, accept=_holiday_name_starts)
def _holiday(reader: _Reader, match: re.Match[str]) -> Iterator[_Found]:
    """ "by Christmas", "Easter 2018", "last Thanksgiving" (not "a Christmas tree", "a service of thanksgiving"). """
    trigger = (match.group("trig") or "").lower()
    year_text = match.group("y")
    name_text = match.group("name")
    relative = trigger in _RELATIVE_TRIGGERS
    if not reader.capitalised(name_text) and not year_text and not relative:
        return
    end = match.end()
    if year_text and (not reader.clear_after(end) or reader.counted_after(end)):
        year_text, end = None, match.end("name")
    if not year_text and reader.next_word(end) in _HOLIDAY_NOUNS:
        return
    if reader.prev_word(match.start("name")) in ("orthodox", "chinese", "lunar", "islamic", "jewish", "parsi"):
        return  # another calendar's holiday
    key = " ".join(name_text.lower().replace("’", "'").replace(".", "").split())
    day_of = _HOLIDAYS.get(key) or next((f for n, f in _HOLIDAYS.items() if n.replace("'", "") == key), None)
    if day_of is None:
        return
    start = match.start() if relative else match.start("name")
    pub = reader.published
    year = int(year_text) if year_text else pub.year if pub else None
    if year is None:
        yield _Found(start, end, None, rank=3)
        return
    if not 1583 <= year <= 4099:  # the Gregorian calendar, and Easter's algorithm
        return
    day = day_of(year)
    if relative and not year_text and pub is not None:
        if trigger in ("last", "previous") and day >= pub:
            day = day_of(year - 1)
        elif trigger == "next" and day <= pub:
            day = day_of(year + 1)
    yield _Found(start, end, _day_point(day), rank=3, yearless=not year_text and not relative)


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


def _join_ranges(reader: _Reader, chosen: list[_Found]) -> list[_Found]:
    """ "from 1 October 2014 to 1 October 2024", "between March 2019 and June 2020": two dates, one range. """
    out: list[_Found] = []
    for found in chosen:
        joined = _join(reader, out[-1], found) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(found)
    return out


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
_POSITIONS = {
    "early": "early", "earlier": "early", "late": "late", "later": "late", "mid": "mid", "middle": "mid",
    "end": "end", "start": "start", "beginning": "start", "turn": "end", "close": "end", "spring": "spring",
    "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter",
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
    for rule in _RULES:
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
                        read = list(rule.handler(reader, match))
                        reader.found.extend(read)
                        if read and rule.nearest:
                            break
    chosen = _settle(reader.found, len(text))
    for step in (_add_listed_years, _join_of_year, _join_offsets, _join_week_of, _join_ranges, _join_parentheses,
                 _resolve_anchors):
        chosen = step(reader, chosen)
    values: list[StatedValue] = []
    for found in chosen:
        first, last = found.first, found.last
        if first is None:
            continue  # year-less or relative, and no publication date to read it against
        found = _qualify(reader, _trim(reader, found))
        value: Value = first.text()
        if last is not None and last != first:
            value = {"min": first.text(), "max": last.text()}
        values.append(StatedValue(kind=Kind.DATE, value=value, text=text[found.start:found.end],
                                  start=found.start, end=found.end, qualifier=found.qualifier))
    return values
