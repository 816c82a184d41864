"""How the date grammar reads: anchor words, calendar points, the reader's state and the rule registry."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from checker.values.dates.vocabulary import (
    _AMBIGUOUS_ABBREVIATIONS,
    _COUNT_ADJECTIVES,
    _COUNTED_NOUNS,
    _DAY_WORD,
    _FUTURE_WORDS,
    _FUTURE_WORDS_LOWER,
    _PAST_WORDS,
    _PAST_WORDS_LOWER,
    _S,
    MONTHS,
    SEASONS,
    WEEKDAYS,
)
from checker.values.numbers import ORDINALS

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
                       "circa around year spring summer autumn fall winter the to as")
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
    role: str | None = None  # "from"/"to" in a change: "pushed back from 2027 to 2030"

    @property
    def length(self) -> int:
        return self.end - self.start


# The words either side of a year-less date that say whether its statement looks forward or back.
TENSE_WORDS = 7
_PAST_PLAN = re.compile(r"\b(?:was|were|had\s+been)\s+(?:[a-z]+ly\s+)?(?:scheduled|planned|expected|due|set|"
                        r"slated|supposed|meant|intended)\b", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:has|have|[’']s|[’']ve)\s+(?:not\s+|now\s+|already\s+|just\s+|since\s+)?(?:been\s+)?"
                      r"[a-z]+\b", re.IGNORECASE)


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

    def year_of(self, month: int, day: int | None = None, weekday: int | None = None,
                at: tuple[int, int] | None = None) -> int | None:
        """The year of a year-less date: publication's, a neighbour that fits the weekday named, or, for a date
        at `at` whose sentence speaks of the future (past), the year after (before) when publication's year
        would put it on the wrong side of publication ("from 1 January" in a November story is next year's)."""
        if self.published is None:
            return None
        year = self.published.year
        if weekday is not None and day is not None:
            for candidate in (year, year - 1, year + 1):
                point = _point(candidate, month, day)
                if point is not None and point.first_day().weekday() == weekday:
                    return candidate
        if at is not None:
            point = _point(year, month, day)
            published = _day_point(self.published)
            low, high = self.sentence_around(*at)  # the tense of its own sentence, not the next one's
            before = self.text[max(low, at[0] - 60):at[0]].split()[-TENSE_WORDS:]
            clause = re.split(r"[,;]", self.text[max(low, at[0] - 100):at[0]])[-1].split()
            if len(clause) > len(before):  # the verb of a long clause: "will pay 12 percent more in fares starting"
                before = clause[-2 * TENSE_WORDS:]
            following = self.text[at[1]:min(high, at[1] + 60)]
            if _FUTURE_WORDS.search(" ".join(before)) or _PAST_WORDS.search(" ".join(before)):
                # the date's own clause has a tense: an attribution after a comma ("..., the authority
                # reminded passengers") is not the tense of "will pay more starting Jan. 1"
                following = re.split(r"[,;]", following, maxsplit=1)[0]
            after = following.split()[:TENSE_WORDS]
            words = " ".join(before + after)
            # "was originally scheduled for Dec. 12": a plan in the past is the past's
            planned_before = _PAST_PLAN.search(words) is not None
            future = not planned_before and _FUTURE_WORDS.search(words) is not None
            # "has been cleared for a March 3 launch": the present perfect speaks from now, not of the past
            past = planned_before or _PAST_WORDS.search(_PERFECT.sub(" ", words)) is not None
            if point is not None and point.last_day() < published.first_day() and future and not past:
                return year + 1
            if point is not None and point.first_day() > published.last_day() and past and not future:
                return year - 1
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


def _nth_weekday_of(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth (1-5, or -1 for the last) given weekday of a month."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


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


_REACH = 100  # characters a match may run past its anchor
RuleDecorator = Callable[..., Callable[[Rule], Rule]]


def rule_registry(rules: list[_Rule]) -> RuleDecorator:
    """A decorator that adds a rule to `rules`: its pattern, the kinds of word it is anchored on, how far back
    it may start. Each rule module keeps its own list; find_dates tries the lists in a fixed order."""
    def rule(pattern: str, anchors: int, back: int = 0, accept: Accept | None = None,
             nearest: bool = False) -> Callable[[Rule], Rule]:
        compiled = re.compile(pattern, re.IGNORECASE)

        def register(handler: Rule) -> Rule:
            rules.append(_Rule(compiled, anchors, back, accept, handler, nearest))
            return handler

        return register

    return rule


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
