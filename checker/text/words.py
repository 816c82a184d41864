"""Words as matching sees them: tokens with offsets and lemmas, function words, and how rare a word is.

Lemmas come from simplemma ("launched" -> launch, "overspent" -> overspend, "took" -> take), so
a claim's words meet the forms reporters write. Rarity comes from wordfreq's fixed frequency
table of English, never from the articles or claims at hand, so a claim's matches depend only on
that claim and the article (adding a claim changes no other claim's result).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import simplemma
from wordfreq import zipf_frequency

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
# weigh them, though a curated keyword phrase or the vocabulary may use them ("take over").
LIGHT_VERBS = frozenset("""
take make get give put go come become keep let seem
""".split())
STOP_WORDS = FUNCTION_WORDS | LIGHT_VERBS

_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'-]*[A-Za-z\u00c0-\u024f]|[A-Za-z]|\d[\d,.]*\d|\d")
# Zipf frequencies run from about 8 ("the") down to 1 (very rare); a word's weight is how far it
# lies below this ceiling, so "overspend" (2.2) counts for far more than "council" (5.1).
ZIPF_CEILING = 7.0
# A word wordfreq does not know (a name, an acronym) is taken to be this rare.
UNKNOWN_ZIPF = 2.0


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text: its lemma, where it stands, and its place among its sentence's words."""

    lemma: str
    start: int
    end: int
    index: int  # position among all the words of its sentence, function words included


def tokenize(text: str, offset: int = 0, keep_function_words: bool = False) -> list[Token]:
    """The words of `text` (function words dropped unless asked for), with offsets shifted by `offset`."""
    tokens: list[Token] = []
    for i, match in enumerate(_TOKEN.finditer(text)):
        word = match.group().lower()
        if word in FUNCTION_WORDS and not keep_function_words:
            continue
        tokens.append(Token(lemma(word), match.start() + offset, match.end() + offset, i))
    return tokens


@functools.lru_cache(maxsize=131072)
def lemma(word: str) -> str:
    """The dictionary form of an English word, lower case: "transferred" -> transfer, "ratings" -> rating."""
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'-")
    if not word or word[0].isdigit() or len(word) <= 2:
        return word
    if "-" in word:  # "set-up", "year-long": each part, joined
        return "-".join(lemma(part) for part in word.split("-"))
    found = simplemma.lemmatize(word, lang="en")
    return found.lower() if found else word


@functools.lru_cache(maxsize=131072)
def rarity(word_lemma: str) -> float:
    """How much a word tells one statement from another: 0 for the commonest words, up to about 6."""
    if word_lemma in STOP_WORDS:
        return 0.0
    zipf = zipf_frequency(word_lemma.replace("-", " "), "en") or UNKNOWN_ZIPF
    return max(ZIPF_CEILING - zipf, 0.0)


def acronym(phrase: str) -> str | None:
    """The initials of a capitalised name ("Doncaster Children's Services Trust" -> "dcst")."""
    capitals = [w for w in re.findall(r"[A-Za-z][\w'-]*", phrase) if w[0].isupper()]
    if len(capitals) < 2:
        return None
    return "".join(w[0] for w in capitals).lower()
