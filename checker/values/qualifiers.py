"""The hedges and bounds news puts around a number: "more than", "up to", "about", "or so", "<"."""

from __future__ import annotations

import re
from typing import NamedTuple

# --- hedges and bounds -------------------------------------------------------------------

# Words before a number that make it a lower bound, an upper bound or an estimate.
_LOWER_BOUNDS = (
    "more than", "over", "at least", "just over", "well over", "in excess of", "upwards of", "above",
    "exceeding", "exceeds", "exceed", "surpassing", "surpass", "surpasses", "greater than", "higher than",
    "larger than", "bigger than", "no less than", "no fewer than", "not less than", "a minimum of",
    "minimum of", "at a minimum", "more than or equal to", "greater than or equal to",
    "higher than or equal to", "larger than or equal to", "equal to or more than", "equal to or greater than",
    "equal to or higher than", "at least or equal to", "bigger or equal than", "higher or equal than",
    "greater or equal than", "larger or equal than", "not fewer than", "not under", "not below",
)
_UPPER_BOUNDS = (
    "up to", "under", "less than", "fewer than", "just under", "below", "at most", "no more than",
    "not more than", "a maximum of", "maximum of", "lower than", "smaller than", "as many as", "as much as",
    "as few as", "just below", "well under", "well below", "less than or equal to", "fewer than or equal to",
    "lower than or equal to", "smaller than or equal to", "equal to or less than", "equal to or fewer than",
    "equal to or lower than", "equal to or smaller than", "less or equal than", "smaller or equal than",
    "lower or equal than", "not exceeding", "not over", "not above", "no higher than", "no greater than",
    "no bigger than", "no larger than",
)
_ESTIMATES = (
    "about", "around", "roughly", "approximately", "approx.", "approx", "some", "nearly", "almost",
    "close to", "circa", "c.", "an estimated", "estimated", "more or less", "just about", "getting on for",
    "an average of", "on average", "just shy of",
)
_BOUND_OF = {
    **{w: "min" for w in _LOWER_BOUNDS}, **{w: "max" for w in _UPPER_BOUNDS}, **{w: "" for w in _ESTIMATES},
}
_QUALIFIER_WORDS = max(len(w.split()) for w in _BOUND_OF)
_NON_SPACE_RE = re.compile(r"\S+")
_OPENING_MARKS = "([\"'\u201c\u2018"
_SYMBOL_BOUND_RE = re.compile(r"(?:(?<![=<>])([<>≤≥])[ \t\u00a0]*(=?)|(=<|=>|<>))[ \t\u00a0]*$")
_QUALIFIER_AFTER_RE = re.compile(
    r"[ \t\u00a0]*(?:(\+|[-\u2010\u2011]plus\b)(?![\w+])|(or|and)[ \t\u00a0]+(more|greater|higher|over|above|upwards|"
    r"less|fewer|lower|under|below|so)\b(?![ \t\u00a0]+(?:than|or|and)\b))",
    re.IGNORECASE,
)
_AFTER_BOUND = {"more": "min", "greater": "min", "higher": "min", "over": "min", "above": "min",
                "upwards": "min", "less": "max", "fewer": "max", "lower": "max", "under": "max",
                "below": "max", "so": ""}


class Qualifier(NamedTuple):
    """A hedge or bound around a number: its words (lower case), the bound it sets and where it stands."""

    words: str
    bound: str  # "min" (more than), "max" (up to) or "" (an estimate: about, around)
    start: int
    end: int


def read_qualifier(text: str, start: int) -> Qualifier | None:
    """The hedge or bound right before `start` ("more than", "around", "up to", ">="), or None."""
    lo = max(0, start - 40)
    window = text[lo:start]
    if window and window[-1] in " \t\u00a0":
        # Look the last few words up, longest phrase first, rather than run a regex of
        # ~100 phrases at every position of the window.
        spans = [m.span() for m in _NON_SPACE_RE.finditer(window)][-_QUALIFIER_WORDS:]
        if lo > 0 and spans and spans[0][0] == 0 and not text[lo - 1].isspace():
            spans = spans[1:]  # the window cut this word
        words = [window[a:b].lower() for a, b in spans]
        for k in range(len(words), 0, -1):
            phrase = " ".join(words[-k:])
            key = phrase.lstrip(_OPENING_MARKS)
            if key in _BOUND_OF:
                return Qualifier(key, _BOUND_OF[key], lo + spans[-k][0] + len(phrase) - len(key), start)
    m = _SYMBOL_BOUND_RE.search(text, max(0, start - 6), start)
    if m and not m.group(3):
        symbol = m.group(1)
        words_ = symbol + (m.group(2) or "")
        return Qualifier(words_, "min" if symbol in ">≥" else "max", m.start(), start)
    return None


def read_qualifier_after(text: str, end: int) -> Qualifier | None:
    """A bound written after a number ("or more", "and over", "+", "or so"), or None."""
    m = _QUALIFIER_AFTER_RE.match(text, end)
    if not m:
        return None
    if m.group(1):
        return Qualifier("or more", "min", end, m.end())
    word = m.group(3).lower()
    return Qualifier(f"{m.group(2).lower()} {word}", _AFTER_BOUND[word], end, m.end())


