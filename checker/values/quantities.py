"""Counts, percentages and durations stated in a text: "657 members of staff", "63 per cent", "a 10-year term".

Each finder reads the numbers `numbers.find_numbers` finds, keeps the ones its kind owns
(a count is a number no other kind claims and that is no year, time, ordinal, code or
label) and reads ranges and hedges with `numbers.read_values`.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from checker.models import Kind, StatedValue
from checker.values.numbers import Number, find_numbers, tidy_number
from checker.values.qualifiers import read_qualifier
from checker.values.readings import Measure, Reading, read_single, read_values
from checker.values.spans import first_disjoint

if TYPE_CHECKING:
    from checker.values import Context

_S = r"[ \t\u00a0]"

# --- counts ---------------------------------------------------------------------------------

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# A number right after one of these names a thing ("Freeview channel 276", "page 3"), it does
# not count anything. Words such as "year" or "day" also come before counts ("last year 450
# staff left"), so they label only when capitalised: "Year 6", "Day 3".
_LABELS = frozenset(
    "channel channels page pages p pp number no nos nr nrs room rooms route routes flight flights version "
    "versions v line lines chapter chapters section sections article articles item items clause clauses "
    "paragraph paragraphs para junction junctions platform platforms gate gates bus buses seat row unit "
    "units block flat apartment suite floor level levels grade grades tier tiers phase phases stage stages "
    "part parts series season seasons episode episodes volume vol issue issues figure figures fig table "
    "tables act rule rules regulation regulations schedule schedules appendix annex exhibit step steps "
    "option options category categories class band bands division league ward wards box code codes "
    "model models mark type types covid key ext tel phone fax id ref reference lot plot match game "
    "games round rounds road street avenue lane highway motorway interstate vs versus top".split()
)
_CAPITALISED_LABELS = frozenset({"Year", "Day", "Week", "Stage", "Wave", "Lot"})
# Words that end a count's unit: function words, verbs that follow a subject, time words.
_UNIT_STOP = frozenset(
    "a an the this that these those and or but nor to in on at for from by with into onto over under "
    "after before since during per than as about across between through within without against among "
    "amongst around up down off out is are was were be been being has have had will would can could "
    "should may might must shall do does did said says say told it its they them their he she his her "
    "we our you your i who whom whose which what when where while if so not no also more less fewer "
    "each every all some any other such own only just still yet then there here now ago later earlier "
    "previously percent cent year years month months week weeks day days decade decades hour hours "
    "minute minutes second seconds per cent pc respectively regardless anyway another too either "
    "apiece again alone".split()
) | frozenset(
    # common verbs that follow a number as the subject: "350,000 includes", "1,500 adults found"
    "found made took gave went came saw got left lost won paid met kept held felt thought knew began "
    "became brought bought sent spent built fell rose grew ran sat stood wrote heard led meant put set "
    "cut let hit read chose drove flew spoke stole struck threw wore fought caught taught sought "
    "include includes live lives work works remain remains stand stands show shows mean means make "
    "makes take takes give gives come comes go goes seem seems look looks need needs want wants continue "
    "continues appear appears represent represents involve involves cover covers contain contains "
    "receive receives require requires suggest suggests report reports believe believes expect expects "
    "face faces help helps become becomes get gets use uses face lie lies sit sits hold holds keep keeps "
    "die dies vote votes agree agrees say claim claims feel feels know knows think thinks".split()
) | frozenset(_MONTHS.split("|")) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# Nouns that make a four-digit number from 1900 to 2100 a count rather than a year.
_HEADCOUNT_NOUNS = frozenset(
    "people staff children men women police personnel workforce cattle sheep fish".split()
)
_WORD_RE = re.compile(rf"{_S}+([A-Za-z][A-Za-z'\u2019-]{{0,30}})")
_OF_RE = re.compile(rf"{_S}+of(?={_S}|$)", re.IGNORECASE)
_PREV_WORD_RE = re.compile(r"[A-Za-z][A-Za-z.'\u2019-]{0,30}")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\"\u201c\u2018(\n\u2022*-][ \t\u00a0]*|\n[ \t\u00a0]*)$")
# What around a number shows it is no count: a unit of measure or currency, a time, a date, a code.
# A number joined by a hyphen to the noun it counts: "an 8-member board", "an eight-strong board",
# "12-carriage trains", "a three-person crew". The compound states a count; "strong", "person" and
# "man" count members.
_COMPOUND_NOUNS = {
    "member": "members", "strong": "members", "person": "members", "man": "members", "woman": "members",
    "seat": "seats", "bed": "beds", "carriage": "carriages", "car": "cars", "coach": "coaches", "storey": "storeys",
    "story": "storeys", "floor": "floors", "room": "rooms", "bedroom": "bedrooms", "page": "pages",
    "station": "stations", "stop": "stops", "school": "schools", "site": "sites", "branch": "branches",
    "bay": "bays", "ward": "wards", "lane": "lanes", "track": "tracks", "platform": "platforms",
    # headcounts and fleets written as a compound: "the 2,400-employee agency", "a 40-bus fleet"
    "employee": "employees", "worker": "workers", "officer": "officers", "pupil": "pupils",
    "student": "students", "patient": "patients", "resident": "residents", "teacher": "teachers",
    "nurse": "nurses", "job": "jobs", "home": "homes", "house": "houses", "bus": "buses", "train": "trains",
    "vehicle": "vehicles", "hospital": "hospitals", "clinic": "clinics", "county": "counties",
    "country": "countries", "nation": "nations", "team": "teams", "court": "courts", "prison": "prisons",
    # the parts a thing is built of or a plan is made of: "an 18-segment mirror", "a 12-point plan"
    "segment": "segments", "panel": "panels", "instrument": "instruments", "engine": "engines",
    "satellite": "satellites", "aircraft": "aircraft", "plane": "planes", "ship": "ships", "vessel": "vessels",
    "camera": "cameras", "unit": "units", "flat": "flats", "apartment": "apartments", "classroom": "classrooms",
    "city": "cities", "state": "states", "district": "districts", "borough": "boroughs", "stage": "stages",
    "phase": "phases", "step": "steps", "point": "points", "chapter": "chapters", "episode": "episodes",
}
_COMPOUND_RE = re.compile(r"[-\u2010\u2011](" + "|".join(_COMPOUND_NOUNS) + r")s?\b(?!-)", re.IGNORECASE)
_NOT_COUNT_AFTER_RE = re.compile(
    rf"(?:{_S}*(?:%|per{_S}?cent\b|percent|pc\b|[:£$€¥¢]|[-\u2010\u2011](?!plus\b)"
    rf"(?!(?:{'|'.join(_COMPOUND_NOUNS)})s?\b(?!-))[A-Za-z])"
    rf"|{_S}*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|o\u2019clock|gmt\b|bst\b|utc\b)"
    rf"|{_S}+(?:{_MONTHS})\b"
    rf"|(?:st|nd|rd|th)\b)",
    re.IGNORECASE,
)
_NOT_COUNT_BEFORE_RE = re.compile(
    rf"(?:[£$€¥₹#+@:]|=[<>]|<>|\d[:.,]|[A-Za-z][-\u2010\u2011]|\b(?:{_MONTHS})\.?{_S}+|\bno\.{_S}*)$", re.IGNORECASE
)
_LABEL_CHAIN_RE = re.compile(rf"{_S}*(?:,|and|or|to|of|&|[-\u2010\u2011\u2013])?{_S}*", re.IGNORECASE)
# "1. Introduction", "(2)", "3) Costs": a list marker at the start of a line or in brackets.
_MARKER_BEFORE_RE = re.compile(r"(?:^|\n)[ \t\u00a0]*\(?$|\($")
_MARKER_AFTER_RE = re.compile(r"\)|\.(?:[ \t\u00a0]|$)")
# "at 10.30", "until 9.45": a clock time written with a point.
_CLOCK_RE = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d")
_CLOCK_BEFORE_RE = re.compile(rf"(?<![\w])(?:at|from|until|till|by|before|after|around|about){_S}+$", re.IGNORECASE)
# A dash between two numbers after these words is a score: "won 3-1", "a 2-2 draw", "lost 1-3".
_SCORE_BEFORE_RE = re.compile(
    rf"(?<![\w])(?:won|win|wins|winning|lost|lose|loses|losing|beat|beats|beaten|drew|draw|draws|drawn|"
    rf"scored|score|scores|victory|defeat|defeated|lead|leads|led|trail|trailed|trailing|thrashed|"
    rf"thrashing|edged)(?:{_S}+(?:a|an|the|by|them|him|her|it|us|only))?{_S}+$",
    re.IGNORECASE,
)
_PREPOSITION_YEAR = frozenset("in since by from until till during before after of circa c. early late mid the".split())
# Words before "one" that make it a pronoun: "the right one", "which one", "a new one".
_ONE_PRONOUN_BEFORE = frozenset(
    "the this that which each every any no some what whichever another one right wrong last next big little "
    "small new old good bad better best worst other same latest previous first second third final main "
    "real key important young such a an".split()
)


def find_counts(text: str, context: Context) -> list[StatedValue]:
    """Numbers that count something ("450 council staff", "between 400 and 500"), with the noun they count."""
    labelled = _labelled(text, find_numbers(text))

    def measure(n: Number) -> Measure | None:
        if n.start in labelled or not _is_count(text, n):
            return None
        return Measure(n.start, n.end, tidy_number(n.value), n.value, n)

    found: list[StatedValue] = []
    for reading in read_values(text, measure):
        compound = _COMPOUND_RE.match(text, reading.end)
        if compound:
            noun = _COMPOUND_NOUNS[compound.group(1).lower()]
            # the noun the compound describes, one word: "a 12-member board" counts the board's members
            after = (_unit_after(text, reading.last.number, compound.end()) or "").split()[:1]
            found.append(_stated(Kind.COUNT, text, reading, unit=" ".join([noun, *after])))
            continue
        unit = _age_unit(text, reading.end) or _unit_after(text, reading.last.number, reading.end)
        if not _count_stands(text, reading, unit):
            continue
        found.append(_stated(Kind.COUNT, text, reading, unit=unit))
    return found


def _labelled(text: str, numbers: tuple[Number, ...]) -> set[int]:
    """Where the numbers that name things start: "channel 276", "junctions 24 and 25", "pages 3-5"."""
    labelled: set[int] = set()
    for k, n in enumerate(numbers):
        prev, _ = _previous_word(text, n.start)
        lower = prev.lower()
        chained = k > 0 and numbers[k - 1].start in labelled \
            and _LABEL_CHAIN_RE.fullmatch(text, numbers[k - 1].end, n.start) is not None
        if lower in _LABELS or lower.rstrip(".") in _LABELS or prev in _CAPITALISED_LABELS or chained:
            labelled.add(n.start)
    return labelled


def _is_count(text: str, n: Number) -> bool:
    """Whether a number, by itself and its neighbours, may count something."""
    if n.glue or n.code:
        return False
    if n.suffix == "m":
        # "3m people" is three million, "a 100m sprint" is metres: decide on the noun
        unit = _unit_after(text, n, n.end)
        head = unit.split()[0] if unit else ""
        if head not in _HEADCOUNT_NOUNS and not (head.endswith("s") and not head.endswith("ss")):
            return False
    start = n.start
    if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return False  # "A1", "M62", "x2"
    if n.digits and _MARKER_AFTER_RE.match(text, n.end) and _MARKER_BEFORE_RE.search(text, max(0, start - 8), start):
        return False  # a list marker: "1. Introduction", "(2)"
    if _CLOCK_RE.fullmatch(text, n.start, n.end) and _CLOCK_BEFORE_RE.search(text, max(0, start - 10), start):
        return False  # "at 10.30"
    before = text[max(0, start - 12):start]
    if _NOT_COUNT_BEFORE_RE.search(before):
        return False
    if _age_unit(text, n.end):
        return True  # "thirty years old", "a 45-year-old": an age is a count of years
    # a length of time is a duration's; "10-year" or "three-bedroom" describe a noun
    return not _NOT_COUNT_AFTER_RE.match(text, n.end) and not _DURATION_AFTER_RE.match(text, n.end)


def _count_stands(text: str, reading: Reading, unit: str | None) -> bool:
    """Checks that need the whole reading: years, labels, names, the pronoun "one"."""
    first = reading.first.number
    number_text = text[first.start:first.end]
    prev, prev_start = _previous_word(text, reading.first.start if reading.qualifier else first.start)
    prev_lower = prev.lower()
    if _looks_like_year(first) or (reading.last is not reading.first and _looks_like_year(reading.last.number)):
        if unit is None or prev_lower in _PREPOSITION_YEAR:
            return False
        head = unit.split()[0]
        if head not in _HEADCOUNT_NOUNS and not (head.endswith("s") and not head.endswith("ss")):
            return False
    if reading.last is not reading.first and _SCORE_BEFORE_RE.search(text, max(0, reading.start - 24), reading.start):
        between = text[reading.first.end:reading.last.start]
        if any(dash in between for dash in "-\u2010\u2011\u2013"):
            return False  # "lost 1-3": a score
    lowered = number_text.lower()
    if lowered == "one" and (prev_lower in _ONE_PRONOUN_BEFORE or _OF_RE.match(text, first.end)):
        return False  # "the right one", "one of them": a pronoun
    if lowered.endswith("couple") and not _OF_RE.match(text, first.end):
        return False  # "a couple" of people, not two
    if prev and prev[0].isupper() and not reading.qualifier and not _sentence_start(text, prev_start):
        # "Boeing 737", "Windows 10", "Radio 5 Live": a name with a number, unless a noun follows
        nxt = _WORD_RE.match(text, reading.end)
        if unit is None or (nxt and nxt.group(1)[0].isupper()):
            return False
    if unit is None and not reading.qualifier and not first.words:
        nxt = _WORD_RE.match(text, reading.end)
        if nxt and nxt.group(1)[0].isupper() and nxt.group(1) != "I" and prev and prev[0].islower():
            return False  # "10 Downing Street", "5 Live"
    return True


def _age_unit(text: str, end: int) -> str | None:
    """ "years old" after "thirty years old" or "a 45-year-old"; None when no age follows."""
    duration = _DURATION_AFTER_RE.match(text, end)
    if duration is None or not _AGE_AFTER_RE.match(text, duration.end()):
        return None
    key, _ = _DURATION_UNITS[duration.group(1).lower()]
    return f"{key} old"


def _looks_like_year(n: Number) -> bool:
    return len(n.digits) == 4 and n.digits.isdigit() and 1900 <= n.value <= 2100


def _previous_word(text: str, start: int) -> tuple[str, int]:
    """The word right before `start` (across spaces only) and where it starts; ("", start) if none."""
    end = start
    while end > 0 and text[end - 1] in " \t\u00a0":
        end -= 1
    if end == start:
        return "", start
    lo = max(0, end - 32)
    window = text[lo:end]
    cut = max(window.rfind(" "), window.rfind("\t"), window.rfind("\n"), window.rfind("\u00a0"))
    if cut < 0 and lo > 0:
        return "", start  # longer than any word
    word = window[cut + 1:]
    if not _PREV_WORD_RE.fullmatch(word):
        return "", start
    return word, lo + cut + 1


def _sentence_start(text: str, start: int) -> bool:
    return _SENTENCE_START_RE.search(text, max(0, start - 3), start) is not None


def _unit_after(text: str, number: Number, end: int) -> str | None:
    """The noun phrase a count counts: "council staff", "members of staff"; None when none follows."""
    words: list[str] = []
    pos = end
    if number.words and text[number.start:number.end].lower().endswith(("couple", "dozen", "dozens")):
        of = _OF_RE.match(text, pos)
        if of:
            pos = of.end()
    title_case = _title_case_before(text, number.start)
    while len(words) < 4:
        m = _WORD_RE.match(text, pos)
        if not m:
            break
        word = m.group(1).rstrip("'\u2019-")
        lower = word.lower().replace("\u2019", "'")
        if lower == "of":
            if not words or len(words) >= 3:
                break
            nxt = _WORD_RE.match(text, m.end())
            if not nxt or nxt.group(1).lower() in _UNIT_STOP or (nxt.group(1)[0].isupper() and not title_case):
                break
            words.append("of")
            pos = m.end()
            continue
        if lower in _UNIT_STOP or lower.endswith(("'s", "'", "n't")):
            break
        if word[0].isupper() and not title_case:
            break
        if words and lower.endswith(("ed", "ing", "ly")):
            break
        if not words and lower.endswith(("ed", "ing", "ly")):
            nxt = _WORD_RE.match(text, m.end())
            if not nxt or nxt.group(1).lower() in _UNIT_STOP:
                break
        words.append(lower)
        pos = m.end()
        if text[pos:pos + 1] in {",", ".", ";", ":", ")", "!", "?"}:
            break
    while words and words[-1] == "of":
        words.pop()
    return " ".join(words) or None


def _title_case_before(text: str, start: int) -> bool:
    prev, _ = _previous_word(text, start)
    return bool(prev) and prev[0].isupper() and len(prev) > 1


# --- percentages ----------------------------------------------------------------------------

_PERCENT_AFTER_RE = re.compile(
    rf"{_S}*(?:(%)(?![0-9A-Fa-f]{{2}})|(per{_S}?cent|percent|percents|percentage|pct|pc)\b)"
    rf"(?:{_S}+(?:(percentage{_S}+points?)|(points?|pts?))\b)?",
    re.IGNORECASE,
)
_PERCENT_GLUE = frozenset({"pc", "percent", "pct"})


def find_percents(text: str, context: Context) -> list[StatedValue]:
    """Percentages ("63%", "63 per cent", "sixty-three per cent", "10-15%"), and percentage points."""

    def measure(n: Number) -> Measure | None:
        if n.code:
            return None
        if n.glue:
            if n.glue not in _PERCENT_GLUE:
                return None
            end = n.end + len(n.glue)
            return Measure(n.start, end, tidy_number(n.value), n.value, n)
        m = _PERCENT_AFTER_RE.match(text, n.end)
        if not m:
            return None
        unit = "percentage points" if m.group(3) or m.group(4) else None
        return Measure(n.start, m.end(), tidy_number(n.value), n.value, n, unit=unit)

    def borrow(n: Number, other: Measure) -> Measure | None:
        if n.start > other.start or n.glue or n.code:
            return None
        return Measure(n.start, n.end, tidy_number(n.value), n.value, n, unit=other.unit)

    found = [_stated(Kind.PERCENT, text, r, unit=r.last.unit) for r in read_values(text, measure, borrow)]
    taken = [(v.start, v.end) for v in found]
    for m in _SHARE_RE.finditer(text):
        share = _share(m)
        if share is None or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        qualifier = read_qualifier(text, m.start())
        value = {qualifier.bound: share} if qualifier and qualifier.bound else share  # "more than a quarter of"
        found.append(StatedValue(
            kind=Kind.PERCENT, value=value, text=text[qualifier.start if qualifier else m.start():m.end()],
            start=qualifier.start if qualifier else m.start(), end=m.end(),
            qualifier=qualifier.words if qualifier else None, unit="share"))
    return sorted(found, key=lambda v: v.start)


# A share written in words, of something named after it: "a third of the cost", "two-thirds of pupils",
# "one in five children", "three out of four schools". Only with "of" (or "in"/"out of" and a number)
# after it: "a third" alone is an ordinal's business ("a third term").
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
              "fifths": 5, "tenth": 10, "tenths": 10}
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}
_SHARE_RE = re.compile(
    rf"(?<![\w-])(?:(?:(?P<n>a|an|one|two|three|four|nine)(?:-|{_S})+)?(?P<frac>halves|half|thirds?|quarters?|fifths?"
    rf"|tenths?)(?={_S}+of{_S}+[a-z])"
    rf"|(?P<k>one|two|three|four|five|six|seven|eight|nine|[1-9]){_S}+(?:in|out{_S}+of){_S}+"
    rf"(?P<m>two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)(?![\w-]))",
    re.IGNORECASE)


def _share(m: re.Match[str]) -> float | None:
    """The percentage a share in words states, or None when it is no share ("two in two")."""
    if m.group("frac"):
        if not m.group("n") and m.group("frac").lower() != "half":
            return None  # "third of the ten runners": an ordinal
        n, d = _SMALL[(m.group("n") or "a").lower()], _FRACTIONS[m.group("frac").lower()]
        if n == 1 and m.group("frac").lower().endswith("s") or n >= d:
            return None  # "one thirds", "four quarters"
        return round(100 * n / d, 1)
    k, d = (int(g) if g.isdigit() else _SMALL[g.lower()] for g in (m.group("k"), m.group("m")))
    return round(100 * k / d, 1) if k < d else None


# --- durations ------------------------------------------------------------------------------

# Each unit word, the key it is counted in and how many of those one of it holds.
_DURATION_UNITS: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("year", "years", "yr", "yrs"), ("years", 1)),
    **dict.fromkeys(("month", "months"), ("months", 1)),
    **dict.fromkeys(("week", "weeks", "wk", "wks"), ("weeks", 1)),
    **dict.fromkeys(("day", "days", "night", "nights"), ("days", 1)),
    **dict.fromkeys(("fortnight", "fortnights"), ("weeks", 2)),
    **dict.fromkeys(("decade", "decades"), ("years", 10)),
    **dict.fromkeys(("century", "centuries"), ("years", 100)),
    **dict.fromkeys(("quarter", "quarters"), ("months", 3)),
    **dict.fromkeys(("hour", "hours", "hr", "hrs"), ("hours", 1)),
    **dict.fromkeys(("minute", "minutes", "min", "mins"), ("minutes", 1)),
    **dict.fromkeys(("second", "seconds", "sec", "secs"), ("seconds", 1)),
}
# Unit letters stuck to digits: "3.5years", "3h", "30mins"; never "m" (million) or "s".
_GLUED_UNITS = frozenset(_DURATION_UNITS) | {"h"}
_GLUED_KEYS = {"h": ("hours", 1.0)}
_UNIT_WORDS = "|".join(sorted(_DURATION_UNITS, key=len, reverse=True))
_ADJECTIVES = (
    "more|additional|extra|further|full|whole|consecutive|successive|straight|calendar|working|"
    "business|financial|academic|fiscal|school|less|fewer|long|short"
)
# After a number: "years", "more years", "-year", "-year-old" (an age, refused below).
_DURATION_AFTER_RE = re.compile(
    rf"(?:{_S}*[-\u2010\u2011]{_S}*|{_S}+(?:of{_S}+(?:an?{_S}+)?)?(?:(?:{_ADJECTIVES}){_S}+){{0,2}})({_UNIT_WORDS})\b",
    re.IGNORECASE,
)
# "a year", "an hour", "a decade", "another month", "half a year", "half an hour", "all day",
# "a full year", "the whole week".
_ARTICLE_DURATION_RE = re.compile(
    rf"(?<![\w])(?:(half){_S}*(?:an?{_S}+)?|(an?|another|all|whole|full|entire)(?:{_S}+(?:{_ADJECTIVES}))?"
    rf"(?:{_S}+|[-\u2010\u2011]))({_UNIT_WORDS})\b",
    re.IGNORECASE,
)
# Which unit words "all", "whole", "full" and "entire" take: "all day", not "all years".
_WHOLE_UNITS = frozenset({"day", "night", "week", "month", "year", "hour", "decade", "fortnight", "quarter"})
_AGE_AFTER_RE = re.compile(rf"{_S}*[-\u2010\u2011]?{_S}*olds?\b|{_S}+of{_S}+age\b", re.IGNORECASE)
_AND_A_HALF_RE = re.compile(rf"{_S}+and{_S}+(?:an?{_S}+)?(half|quarter)\b", re.IGNORECASE)
_NEXT_PART_RE = re.compile(rf"{_S}*,?{_S}*(?:and{_S}+)?", re.IGNORECASE)
# "over" bounds a length of time after these words ("for over a year", "in over two years").
_OVER_BOUND_BEFORE_RE = re.compile(
    rf"(?<![\w])(?:for|in|of|after|took|taken|takes|lasted|lasting|lasts|spent|spending|been|than|within)"
    rf"{_S}+$",
    re.IGNORECASE,
)
_ROLE_AFTER_RE = re.compile(rf"{_S}+(earlier|later|ago)\b", re.IGNORECASE)
# "once a year", "twice a month", "three times a week", "per year": a rate, not a length of time.
_RATE_BEFORE_RE = re.compile(rf"(?<![\w])(?:once|twice|thrice|times|per|every|each){_S}+$", re.IGNORECASE)


def find_durations(text: str, context: Context) -> list[StatedValue]:
    """Lengths of time ("18 months", "a 10-year contract", "five to 10 years", "two years earlier")."""
    numbers = find_numbers(text)

    def measure(n: Number) -> Measure | None:
        return _measure_duration(text, n, numbers)

    def borrow(n: Number, other: Measure) -> Measure | None:
        if n.start > other.start or n.glue or n.code or other.unit is None:
            return None
        key, per = _DURATION_UNITS[other.unit]
        value = {key: tidy_number(n.value * per)}
        return Measure(n.start, n.end, value, _days(value), n, unit=other.unit)

    readings = [_over_is_no_bound(text, r) for r in read_values(text, measure, borrow)]
    for m in _ARTICLE_DURATION_RE.finditer(text):
        if _RATE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()) or _AGE_AFTER_RE.match(text, m.end()):
            continue
        unit = m.group(3).lower()
        if unit == "second" and not m.group(1) and _ORDINAL_SECOND_RE.match(text, m.end()):
            continue  # "a second phase", "a second Section 114 notice": the ordinal, not one second
        lead = (m.group(2) or "").lower()
        if lead in {"all", "whole", "full", "entire"} and unit not in _WHOLE_UNITS:
            continue
        key, per = _DURATION_UNITS[unit]
        amount = 0.5 if m.group(1) else 1.0
        n = Number(m.start(), m.end(), amount)
        parts = {key: amount * per}
        end = _more_parts(text, m.end(), n, numbers, parts, unit)
        value = {k: tidy_number(v) for k, v in parts.items()}
        readings.append(_over_is_no_bound(text, read_single(text, Measure(m.start(), end, value, _days(value), n,
                                                                         unit=unit))))
    # "an hour and 45 minutes" holds "45 minutes", "three quarters of an hour" holds "an hour":
    # the longer reading stands
    kept = first_disjoint(sorted(readings, key=lambda r: (r.start - r.end, r.start)))
    return [_duration_stated(text, r) for r in sorted(kept, key=lambda r: r.start)]


# After "a second", a word that makes it the ordinal: anything but the words a length of time is followed by.
_ORDINAL_SECOND_RE = re.compile(r"[ \t\u00a0]+(?!(?:later|ago|earlier|or|and|longer|before|after|to|of|in|more|each|per"
                                r"|each|too|faster|slower|late|early|behind|ahead)\b)[A-Za-z]")


def _measure_duration(text: str, n: Number, numbers: tuple[Number, ...]) -> Measure | None:
    if n.code or n.value < 0:
        return None
    if n.glue:
        glue = n.glue
        if glue not in _GLUED_UNITS:
            return None
        key, per = _DURATION_UNITS.get(glue) or _GLUED_KEYS[glue]
        end = n.end + len(glue)
        unit = glue
    else:
        m = _DURATION_AFTER_RE.match(text, n.end)
        if not m:
            return None
        unit = m.group(1).lower()
        if "of" in text[n.end:m.start(1)].lower().split() and not (
            n.fraction or text[n.start:n.end].lower().endswith("couple")
        ):
            return None
        key, per = _DURATION_UNITS[unit]
        end = m.end()
    if _AGE_AFTER_RE.match(text, end):
        return None  # "a 10-year-old", "five years old": an age
    parts: dict[str, float] = {key: n.value * per}
    end = _more_parts(text, end, n, numbers, parts, unit)
    value = {k: tidy_number(v) for k, v in parts.items()}
    return Measure(n.start, end, value, _days(value), n, unit=unit)


def _more_parts(
    text: str, end: int, n: Number, numbers: tuple[Number, ...], parts: dict[str, float], unit: str
) -> int:
    """Read on through "a year and a half", "2 years 3 months", "an hour and 30 minutes"; each unit once."""
    half = _AND_A_HALF_RE.match(text, end)
    if half:
        key, per = _DURATION_UNITS[unit]
        parts[key] += (0.5 if half.group(1).lower() == "half" else 0.25) * per
        return half.end()
    first_later = bisect.bisect_left(numbers, end, key=lambda m: m.start)
    for nxt in numbers[first_later:first_later + 4]:
        gap = _NEXT_PART_RE.match(text, end)
        if gap is None or gap.end() != nxt.start or nxt.glue or nxt.words and nxt.fraction:
            break
        m = _DURATION_AFTER_RE.match(text, nxt.end)
        if not m or m.group(0)[:1] in "-\u2010\u2011":
            break
        key, per = _DURATION_UNITS[m.group(1).lower()]
        if key in parts:
            break
        parts[key] = nxt.value * per
        end = m.end()
    return end


def _over_is_no_bound(text: str, reading: Reading) -> Reading:
    """ "repaid over 10 years" spreads something across a period; "for over 10 years" bounds one."""
    if reading.qualifier != "over" or reading.first is not reading.last:
        return reading
    if _OVER_BOUND_BEFORE_RE.search(text, max(0, reading.start - 16), reading.start):
        return reading
    m = reading.first
    return Reading(m.start, m.end, m.value, m, m, role=reading.role)


def _days(value: dict[str, float | int]) -> float:
    per_day = {"years": 365.0, "months": 30.0, "weeks": 7.0, "days": 1.0, "hours": 1 / 24,
               "minutes": 1 / 1440, "seconds": 1 / 86400}
    return sum(v * per_day[k] for k, v in value.items())


def _duration_stated(text: str, reading: Reading) -> StatedValue:
    role_match = _ROLE_AFTER_RE.match(text, reading.end)
    role = role_match.group(1).lower() if role_match else reading.role
    start = reading.start
    if role_match and reading.first is reading.last and start < reading.first.start:
        # "about two years ago": the hedge stays a qualifier, the span keeps to the length
        # so that the dates finder's "two years ago" wins the overlap
        start = reading.first.start
    return StatedValue(
        kind=Kind.DURATION, value=reading.value, text=text[start:reading.end], start=start, end=reading.end,
        qualifier=reading.qualifier, role=role,
    )


# --- shared ---------------------------------------------------------------------------------


def _stated(kind: Kind, text: str, reading: Reading, unit: str | None = None) -> StatedValue:
    return StatedValue(
        kind=kind, value=reading.value, text=text[reading.start:reading.end], start=reading.start,
        end=reading.end, qualifier=reading.qualifier, role=reading.role, unit=unit,
    )
