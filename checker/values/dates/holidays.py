"""Rules for holidays whose day follows from the year: fixed days, Easter's, nth weekdays."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from checker.values.dates.reader import (
    _HOLIDAY,
    _Anchor,
    _day_point,
    _Found,
    _kind_of_words,
    _nth_weekday_of,
    _Reader,
    _Rule,
    rule_registry,
)
from checker.values.dates.vocabulary import _HOLIDAY_NOUNS, _S, _YEAR4, _g

# This module's rules, tried in the order they are defined.
RULES: list[_Rule] = []
_rule = rule_registry(RULES)

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
