"""The words and regex pieces dates are written with: months, weekdays, seasons, counted nouns."""

from __future__ import annotations

import re

from checker.values.numbers import ORDINALS, WORDS_PATTERN

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
    "end", "start", "beginning", "middle", "half", "quarter", "part", "rest", "remainder", "whole", "date",
    "deadline", "target", "opening", "completion",
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
    r"took|came|went|made|gave|found|died|ago|last|earlier|previously|yesterday|wasn't|[a-z]{3,}[^e\W]ed)\b|n't\b",
    re.IGNORECASE,
)
_FUTURE_WORDS = re.compile(
    # "plans to" as a verb only: "long-standing plans to create a trust were scrapped" speaks of the past
    r"\b(?:will|shall|going to|due to|set to|is to|are to|expected|planned|scheduled|upcoming|"
    r"(?<!the )(?<!its )(?<!their )(?<!our )(?<!standing )(?<!-term )(?<!original )(?<!earlier )plans? to|"
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


# Words that place a date within its period ("early 2019", "the end of March").
_POSITIONS = {
    "early": "early", "earlier": "early", "late": "late", "later": "late", "mid": "mid", "middle": "mid",
    "end": "end", "start": "start", "beginning": "start", "turn": "end", "close": "end", "spring": "spring",
    "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter",
}
