"""Words as matching sees them: tokens with offsets, stop words, and crude stems."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Function words carry no sign of what a sentence is about.
FUNCTION_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says say told new also one two may might must shall us
its it's he's she's there's year years month months day days week weeks time per cent percent around
nearly almost """.split())

# Light verbs ("took over", "was given") say little on their own: a claim's sentence does not
# weigh them, though a curated keyword phrase may use them ("take over").
LIGHT_VERBS = frozenset("""
take takes took taken taking make makes made making get gets got give gives gave given put puts
go goes went gone come comes came become becomes became keep kept let lets seem seems
""".split())
STOP_WORDS = FUNCTION_WORDS | LIGHT_VERBS

_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'-]*[A-Za-z\u00c0-\u024f]|[A-Za-z]|\d[\d,.]*\d|\d")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text: its stem and where it stands."""

    stem: str
    start: int
    end: int
    index: int  # position among the tokens of its sentence


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The words of `text` (function words dropped), with offsets shifted by `offset`."""
    tokens: list[Token] = []
    for i, match in enumerate(_TOKEN.finditer(text)):
        word = match.group().lower()
        if word in FUNCTION_WORDS:
            continue
        tokens.append(Token(stem(word), match.start() + offset, match.end() + offset, i))
    return tokens


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem, enough to pair "transferred" with "transfer" and "ratings" with "rating"."""
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'-")
    if len(word) <= 3 or word[0].isdigit():
        return word
    for suffix, replacement, min_len in (
        ("ies", "y", 5), ("sses", "ss", 5), ("ness", "", 7), ("ment", "", 8), ("ings", "", 6),
        ("ing", "", 6), ("ied", "y", 5), ("ed", "", 5), ("es", "", 6), ("s", "", 4),
    ):
        if word.endswith(suffix) and len(word) >= min_len and not word.endswith("ss"):
            word = word[: len(word) - len(suffix)] + replacement
            # "transferr" -> "transfer", "runn" -> "run"
            if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
                word = word[:-1]
            break
    return word


def acronym(phrase: str) -> str | None:
    """The initials of a capitalised name ("Doncaster Children's Services Trust" -> "dcst")."""
    capitals = [w for w in re.findall(r"[A-Za-z][\w'-]*", phrase) if w[0].isupper()]
    if len(capitals) < 2:
        return None
    return "".join(w[0] for w in capitals).lower()
