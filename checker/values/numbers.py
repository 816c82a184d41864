"""Numbers as news prose writes them: digits with separators, words, fractions and scales, and their hedges.

`find_numbers` scans a text once for every number it states ("£41.6million" holds 41.6
million, "two hundred and fifty", "half a million", "3/4"); the money, count, percentage
and duration finders then read the words around those numbers. `read_qualifier` and
`read_qualifier_after` read the hedges and bounds news puts around a number ("more than",
"up to", "or so").
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from typing import Any, NamedTuple

UNITS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Words that stand for a number on their own ("a dozen", "a couple of", "half a million").
GROUPS = {"dozen": 12, "score": 20, "couple": 2, "half": 0.5, "quarter": 0.25}

# Short scale suffixes written against digits: "£47m", "3bn", "10k", "£1.2tn".
SUFFIXES = {
    "k": 1_000, "thousand": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "million": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000,
    "tn": 1_000_000_000_000, "trillion": 1_000_000_000_000,
}
# Suffixes also read against digits, but not offered to other modules: rarer spellings.
_MORE_SUFFIXES = {"bln": 1_000_000_000, "tln": 1_000_000_000_000, "mil": 1_000_000, "trn": 1_000_000_000_000}
# Suffixes written after a space ("2.33 k" is too unsure; "10 bln" is not).
_SPACED_SUFFIX_RE = re.compile(r"[ \t\u00a0](bn|bln|mn|mln|tn|tln|trn)\b", re.IGNORECASE)

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

_WORD = "|".join(
    sorted([*UNITS, *TENS, *SCALES, "dozen", "half", "quarter", "couple"], key=len, reverse=True)
)
# A run of number words, joined by spaces, hyphens or "and": "two hundred and fifty",
# "twenty-one", "half a million". "a"/"an" alone are not numbers, so a run must hold
# at least one real number word; parse_words rejects the rest. The repetition is
# bounded so that a pattern built on this one cannot backtrack over a long run of words.
WORDS_PATTERN = rf"(?:(?:{_WORD})\b(?:(?:\s+|-|\s+and\s+|\s+of\s+)(?:{_WORD})\b){{0,12}})"
# Digits: 1,234,567 / 12,34,567 (Indian grouping) / 40 000 (with a no-break or thin space)
# / 1234 / 4.03 / .5.
DIGITS_PATTERN = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
)
# Groups of three joined by plain spaces, read only with two groups or more: "1 234 567" is
# one number, but "on March 5 100 people" is two.
_SPACED_DIGITS = r"\d{1,3}(?: \d{3}){2,}(?!\d|[.,]\d)"

# Scales past "thousand" that Indian English news writes: "35 lakh", "four crore".
INDIAN_SCALES = {
    "lakh": 100_000, "lakhs": 100_000, "lac": 100_000, "lacs": 100_000, "lkh": 100_000, "lkhs": 100_000,
    "crore": 10_000_000, "crores": 10_000_000, "cr": 10_000_000,
}
# Denominators read as fractions after a numerator: "two thirds", "a fifth", "three quarters".
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
}
VULGAR_FRACTIONS = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
    "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}
# Denominators a fraction written "3/4" may have in prose; "9/11" and "24/7" are names.
_SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 100})
_MAX_DIGITS = 40  # a longer run of digits is a code or noise, not a quantity

# Each number word's role in the grammar: U unit, T tens, H hundred, S scale, Z dozen,
# C couple, F a fraction's denominator.
_WORD_KINDS: dict[str, tuple[str, float]] = {
    **{w: ("U", v) for w, v in UNITS.items() if w not in {"a", "an"}},
    "nought": ("U", 0), "naught": ("U", 0),
    **{w: ("T", v) for w, v in TENS.items()},
    "hundred": ("H", 100), "hundreds": ("H", 100),
    **{w: ("S", v) for w, v in SCALES.items() if w != "hundred"},
    **{w + "s": ("S", v) for w, v in SCALES.items() if w != "hundred"},
    **{w: ("S", v) for w, v in INDIAN_SCALES.items()},
    "dozen": ("Z", 12), "dozens": ("Z", 12),
    "couple": ("C", 2),
    **{w: ("F", v) for w, v in _DENOMINATORS.items()},
}
_VULGAR_CHARS = "".join(VULGAR_FRACTIONS)


_Trie = dict[str, "_Trie"]


def _trie_pattern(words: list[str]) -> str:
    """An alternation of words written as a trie ("t(?:en|hree|wo)").

    The regex engine tries the branches of an alternation one by one, so a trie turns a
    word that is no number away after a letter or two instead of after ~90 tries.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: _Trie) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


# Digits, with a vulgar fraction or letters stuck to them ("2½", "£47million", "180ml"), or a
# vulgar fraction alone: one scan for both. Digits never start right after a digit or a
# point, so a grouped or dotted run is read once, from its start.
_DIGIT_TOKEN_RE = re.compile(
    rf"(?=[\d.{_VULGAR_CHARS}])(?:(?<![\d.])"
    rf"(?P<d>\d+(?:\.\d+)?[eE][-+]?\d{{1,3}}(?![\w.])|{_SPACED_DIGITS}|{DIGITS_PATTERN})"
    rf"(?P<v>[{_VULGAR_CHARS}])?(?P<g>[^\W\d_]{{1,12}})?|(?P<vf>[{_VULGAR_CHARS}]))"
)
# Number words in lower case, Capitalised or UPPER CASE; a case-sensitive trie of the three
# scans twice as fast as one case-insensitive pattern.
_WORD_TOKEN_RE = re.compile(
    rf"\b(?:{_trie_pattern(sorted({v for w in _WORD_KINDS for v in (w, w.capitalize(), w.upper())}))})\b"
)
# What may stand between two tokens of one number: "twenty-one", "two hundred and fifty",
# "half a million", "one and a half", "two thirds of a million", "two point five", "3/4".
_GAP_RE = re.compile(
    r"[ \t\u00a0]*[-\u2010\u2011\u2013][ \t\u00a0]*"
    r"|[ \t\u00a0]+(?:(?:and|of|a|an|point)[ \t\u00a0]+){0,2}"
    r"|[-\u2010\u2011](?:(?:and|a|an)[-\u2010\u2011]){1,2}"  # "three-and-a-half"
    r"|/",
    re.IGNORECASE,
)
_GAP_SPLIT_RE = re.compile(r"[\s\-\u2010\u2011\u2013]+")
_DASHES = "-\u2010\u2011\u2013"
# URLs and e-mail addresses: numbers inside them are never values.
_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]{1,2000}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}", re.IGNORECASE
)
_FRACTION_LINK_RE = re.compile(r"[ \t\u00a0]+(out[ \t\u00a0]+of|in|over)[ \t\u00a0]+", re.IGNORECASE)
_TIME_AFTER_RE = re.compile(
    r"[ \t\u00a0]+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)\b", re.IGNORECASE
)
_ECHO_RE = re.compile(r"[ \t\u00a0]*\([ \t\u00a0]*")
_END_OF_CLAUSE_RE = re.compile(r"[ \t\u00a0]*(?:[.,;:!?)]|$)")
_ARTICLE_AFTER_RE = re.compile(r"[ \t\u00a0]+(?:an?|of[ \t\u00a0]+an?)\b", re.IGNORECASE)
_EXPONENT_BEFORE_RE = re.compile(r"\^[-+]*$")  # "1.1^23", "2.5^-1": notation, not prose
_ARTICLE_BEFORE_RE = re.compile(r"(?<!\w)(an?)[ \t\u00a0]+$", re.IGNORECASE)
_SIGN_BEFORE_RE = re.compile(
    r"(?:(?:(?<=[\s(\[<>=:])|^)([-\u2212])|(?<!\w)(minus|negative)[ \t\u00a0]+)$", re.IGNORECASE
)
# "twenty-first", "thirty fifth": an ordinal, not the number twenty or thirty.
_ORDINAL_AFTER_RE = re.compile(
    r"[-\u2010\u2011 ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", re.IGNORECASE
)


class Number(NamedTuple):
    """A number found in a text: where it stands, its value and how it was written.

    The records of this module are named tuples rather than frozen dataclasses: a text
    yields a few of them per number, and a tuple is several times cheaper to build.
    """

    start: int
    end: int
    value: float
    words: bool = False  # written at least partly in words: "two hundred", "1.2 million"
    scale: float = 1.0  # the scale word or suffix it carries: 1e6 for "£47m" and "47 million"
    suffix: str = ""  # a scale suffix as written against the digits: "m" in "£47m", "M" in "10M"
    glue: str = ""  # other letters stuck to its end, lower case: "ml" in "180ml", "p" in "50p"
    fraction: bool = False  # "3/4", "two thirds", "one and a half"
    code: bool = False  # a part of a longer code: "5/17/2018", "2021/22", "+1-222-2222", "192.168.1.2"
    digits: str = ""  # the digits as written, when the number is one plain run of digits


class _Token(NamedTuple):
    kind: str  # D digits, V vulgar fraction, or a word kind from _WORD_KINDS
    value: float
    start: int
    end: int
    word: str = ""  # the number word, lower case
    glue: str = ""  # letters stuck to digits, as written
    digits: str = ""  # the digits as written


def parse_digits(text: str) -> float | None:
    """The number written in digits ("1,234.5" -> 1234.5), or None."""
    cleaned = text.strip()
    for mark in (",", " ", "\u00a0", "\u202f", "\u2009"):
        cleaned = cleaned.replace(mark, "")
    if not cleaned or len(cleaned) > _MAX_DIGITS:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_number(text: str) -> float | None:
    """A number in digits, words or both ("1.2 million", "3bn", "a dozen", "two thirds"), or None."""
    stripped = text.strip()
    numbers = find_numbers(stripped)
    if len(numbers) != 1:
        return None
    number = numbers[0]
    if number.start != 0 or number.end != len(stripped) or number.glue or number.code:
        return None
    return number.value


def parse_words(text: str) -> float | None:
    """The number written in words ("two hundred and fifty" -> 250), or None."""
    if any(ch.isdigit() for ch in text):
        return None
    return parse_number(text)


def tidy_number(value: float) -> int | float:
    """An int when the value is whole, so 450.0 prints as 450 in JSON."""
    if not math.isfinite(value):
        return value
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


@functools.lru_cache(maxsize=16)
def find_numbers(text: str) -> tuple[Number, ...]:
    """Every number the text states, in text order.

    Cached, because each value finder reads the numbers of the same text.
    """
    has_url = "/" in text or "@" in text or "www." in text
    urls = [m.span() for m in _URL_RE.finditer(text)] if has_url else []
    numbers: list[Number] = []
    group: list[_Token] = []
    seps: list[str] = []
    for token in _tokens(text):
        if urls and any(start <= token.start < end for start, end in urls):
            continue
        if group:
            sep = _separator(text, group[-1].end, token.start)
            if sep is not None:
                group.append(token)
                seps.append(sep)
                continue
            numbers.extend(_parse_group(text, group, seps))
        group, seps = [token], [""]
    if group:
        numbers.extend(_parse_group(text, group, seps))
    return tuple(_join_numbers(text, _mark_codes(text, numbers)))


def _mark_codes(text: str, numbers: list[Number]) -> list[Number]:
    """Mark the numbers that are parts of a phone number or a code, not quantities.

    "1-800-555-0199" and "+44 20 7946 0958": three or more bare digit runs joined by single
    dashes, slashes or spaces, or two or more after "+"; "01302 737777": a run of digits
    that starts with a zero.
    """
    marked = list(numbers)
    k = 0
    while k < len(marked):
        j = k
        while j + 1 < len(marked) and _is_joint(text, marked[j], marked[j + 1]):
            j += 1
        if j == k:
            code = _leading_zero(marked[k])
        else:
            plus = text[marked[k].start - 1:marked[k].start] == "+"
            code = j - k >= 2 or plus or any(_leading_zero(marked[m]) for m in range(k, j + 1))
        if code:
            for m in range(k, j + 1):
                marked[m] = marked[m]._replace(code=True)
        k = j + 1
    return marked


def _leading_zero(n: Number) -> bool:
    return len(n.digits) >= 3 and n.digits[0] == "0" and n.digits.isdigit()


def _is_joint(text: str, a: Number, b: Number) -> bool:
    return (
        bool(a.digits) and bool(b.digits) and b.start - a.end == 1 and text[a.end] in _DASHES + "/ "
        and not a.glue and not b.glue
    )


def _join_numbers(text: str, numbers: list[Number]) -> list[Number]:
    """Join "one in five", "two out of five hundred", "1 over 3" into fractions, "five (5)" into one number."""
    joined: list[Number] = []
    k = 0
    while k < len(numbers):
        a = numbers[k]
        b = numbers[k + 1] if k + 1 < len(numbers) else None
        if b is not None and not a.code and not b.code and not a.glue and not b.glue and a.scale == 1:
            link = _FRACTION_LINK_RE.fullmatch(text, a.end, b.start)
            if link is not None and _is_fraction_pair(text, a, b, link.group(1).lower()):
                joined.append(a._replace(end=b.end, value=a.value / b.value, fraction=True, digits="",
                                      words=a.words or b.words))
                k += 2
                continue
            echo = _ECHO_RE.fullmatch(text, a.end, b.start)
            if echo is not None and a.value == b.value and a.words != b.words and text[b.end:b.end + 1] == ")":
                joined.append(a._replace(end=b.end + 1, words=True, digits=""))
                k += 2
                continue
        joined.append(a)
        k += 1
    return joined


def _is_fraction_pair(text: str, a: Number, b: Number, link: str) -> bool:
    whole = a.value == int(a.value) and b.value == int(b.value) and not a.fraction and not b.fraction
    if not whole or a.value == 0 or b.value <= 0:
        return False
    if link == "over":
        # "one over three"; never "rose 10 over 3 years", where a noun follows
        return _END_OF_CLAUSE_RE.match(text, b.end) is not None
    if len(b.digits) == 4 or link == "in" and _TIME_AFTER_RE.match(text, b.end):
        return False  # "2 in 2019", "5 in 10 years"
    return 0 < a.value < b.value


def _tokens(text: str) -> list[_Token]:
    """The number tokens of the text, in order: digits, vulgar fractions and number words."""
    tokens: list[_Token] = []
    for m in _DIGIT_TOKEN_RE.finditer(text):
        digits = m.group("d")
        if digits is None:
            tokens.append(_Token("V", VULGAR_FRACTIONS[m.group("vf")], m.start(), m.end()))
            continue
        value = parse_digits(digits)
        if value is None:
            continue
        if m.group("v"):
            value += VULGAR_FRACTIONS[m.group("v")]
            digits = ""
        glue = m.group("g") or ""
        if glue and m.end() < len(text) and text[m.end()].isalpha():
            glue += "\u2026"  # more letters than any suffix: a code such as "3abcdefghijklmn"
        tokens.append(_Token("D", value, m.start(), m.end(), glue=glue, digits=digits))
    words = [
        _Token(*_WORD_KINDS[m.group().lower()], m.start(), m.end(), word=m.group().lower())
        for m in _WORD_TOKEN_RE.finditer(text)
    ]
    if not words:
        return tokens
    if not tokens:
        return words
    return sorted([*tokens, *words], key=lambda t: t.start)


def _separator(text: str, end: int, start: int) -> str | None:
    """How two neighbouring tokens are joined: " ", "-", "and", "a", "and a", "of a", "point", "/"; or None."""
    if start - end > 24:
        return None
    gap = text[end:start]
    if not _GAP_RE.fullmatch(gap):
        return None
    if gap == "/":
        return "/"
    words = [w for w in _GAP_SPLIT_RE.split(gap.lower()) if w]
    if not words:
        return "-" if gap.strip() else " "
    return " ".join(words)


def _parse_group(text: str, tokens: list[_Token], seps: list[str]) -> list[Number]:
    """Split a run of number tokens into the numbers it states ("4000 3 hundred and 21" is two)."""
    numbers: list[Number] = []
    i = 0
    while i < len(tokens):
        parsed = _parse_at(text, tokens, seps, i)
        if parsed is None:
            i += 1
            continue
        number, i = parsed
        numbers.append(number)
    return numbers


def _article_before(text: str, tokens: list[_Token], seps: list[str], i: int) -> int | None:
    """Where a leading "a"/"an" starts ("a dozen", "a third"), or None."""
    if i > 0:
        return None
    start = tokens[i].start
    m = _ARTICLE_BEFORE_RE.search(text, max(0, start - 6), start)
    return m.start(1) if m else None


def _parse_at(text: str, tokens: list[_Token], seps: list[str], i: int) -> tuple[Number, int] | None:
    """The longest number starting at token i, and the index of the token after it."""
    first = tokens[i]
    if first.kind == "D":
        return _parse_digits_lead(text, tokens, seps, i)
    if first.kind == "V":
        return _finish(text, first.start, first.end, first.value, i + 1, fraction=True, words=False)
    article = _article_before(text, tokens, seps, i) if first.kind in {"H", "S", "Z", "C", "F"} else None
    start = article if article is not None else first.start  # "a dozen", but not "a two-year deal"
    plural = first.word.endswith("s")
    if first.kind == "F":
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if first.word in {"half", "quarter"} and nxt is not None and nxt.kind in {"S", "Z"} \
                and seps[i + 1] in {" ", "a", "an"} and not nxt.word.endswith("s"):
            # "half a million", "quarter million", "half a dozen"
            return _finish(text, start, nxt.end, nxt.value / first.value, i + 2, fraction=True)
        if first.word == "half" and article is None and read_qualifier(text, first.start) is not None \
                and not _ARTICLE_AFTER_RE.match(text, first.end):
            return _finish(text, first.start, first.end, 0.5, i + 1, fraction=True)  # "more than half"
        if article is None or plural:
            return None  # a bare "third" or "quarter" is an ordinal or a period, not a number
        return _finish(text, start, first.end, 1 / first.value, i + 1, fraction=True)
    if first.kind == "C":
        return _finish(text, start, first.end, 2, i + 1) if article is not None else None
    if first.kind in {"H", "S", "Z"} and (article is None or plural):
        return None  # "hundreds of", "millions": no number of them is stated
    return _parse_cardinal(text, tokens, seps, i, start)


def _parse_digits_lead(text: str, tokens: list[_Token], seps: list[str], i: int) -> tuple[Number, int] | None:
    first = tokens[i]
    n = len(tokens)
    after_slash = i > 0 and seps[i] == "/"
    slash_after = i + 1 < n and seps[i + 1] == "/"
    if first.glue:
        lower = first.glue.lower()
        scale = SUFFIXES.get(lower) or _MORE_SUFFIXES.get(lower) or INDIAN_SCALES.get(lower)
        if scale is not None:
            return _finish(
                text, first.start, first.end, first.value * scale, i + 1, words=len(lower) > 2,
                scale=float(scale), suffix=first.glue, code=after_slash or slash_after,
            )
        end = first.end if lower.endswith("\u2026") else first.end - len(first.glue)
        return _finish(text, first.start, end, first.value, i + 1, words=False, glue=lower,
                       digits=first.digits, code=_dotted(text, end) or after_slash or slash_after)

    def slash_at(k: int) -> bool:
        return k < n and seps[k] == "/"

    # A written fraction: "3/4" and "2 1/4", but not a part of "5/17/2018" or "9/11".
    if slash_after and not after_slash and not slash_at(i + 2):
        value = _slash_fraction(first, tokens[i + 1])
        if value is not None:
            return _finish(text, first.start, tokens[i + 1].end, value, i + 2, fraction=True, words=False)
    if not after_slash and i + 2 < n and seps[i + 1] == " " and slash_at(i + 2) and not slash_at(i + 3) \
            and first.digits.isdigit():
        part = _slash_fraction(tokens[i + 1], tokens[i + 2])
        if part is not None:
            return _finish(text, first.start, tokens[i + 2].end, first.value + part, i + 3, fraction=True,
                           words=False)
    if after_slash or slash_after:
        return _finish(text, first.start, first.end, first.value, i + 1, words=False, code=True,
                       digits=first.digits)
    if _dotted(text, first.end) or text[first.end:first.end + 1] == "^" or _EXPONENT_BEFORE_RE.search(
        text, max(0, first.start - 4), first.start
    ):
        return _finish(text, first.start, first.end, first.value, i + 1, words=False, code=True,
                       digits=first.digits)
    if i + 1 == n and first.digits and not _SPACED_SUFFIX_RE.match(text, first.end):
        # the common case, a number of digits alone: nothing to combine it with
        return _finish(text, first.start, first.end, first.value, i + 1, words=False, digits=first.digits)
    spaced = _SPACED_SUFFIX_RE.match(text, first.end)
    if spaced and (i + 1 == n or tokens[i + 1].start >= spaced.end()):
        scale = _MORE_SUFFIXES.get(spaced.group(1).lower()) or SUFFIXES[spaced.group(1).lower()]
        return _finish(text, first.start, spaced.end(), first.value * scale, i + 1, words=False,
                       scale=float(scale), suffix=spaced.group(1))
    return _parse_cardinal(text, tokens, seps, i, first.start)


def _slash_fraction(top: _Token, bottom: _Token) -> float | None:
    if bottom.kind != "D" or bottom.glue or not (top.digits.isdigit() and bottom.digits.isdigit()):
        return None
    if len(top.digits) > 3 or len(bottom.digits) > 3:
        return None
    num, den = int(top.digits), int(bottom.digits)
    if den not in _SLASH_DENOMINATORS or not 0 < num < den:
        return None
    return num / den


def _dotted(text: str, end: int) -> bool:
    """Whether the number goes on with ".<digit>", as in an IP address or a version number."""
    return text[end:end + 1] == "." and text[end + 1:end + 2].isdigit()


class _Cardinal:
    """The running state of a cardinal being read: "two million three hundred and five"."""

    __slots__ = ("cur", "hundred", "last", "last_scale", "seg", "total")

    def __init__(self) -> None:
        self.total = 0.0  # finished groups: two million in "two million three hundred"
        self.cur = 0.0  # the group being read
        self.seg = 0.0  # the part of the group after its "and": two in "three hundred and two"
        self.hundred = False  # the group has its hundreds
        self.last = ""  # the kind of the last token read
        self.last_scale = math.inf

    @property
    def value(self) -> float:
        return self.total + self.cur

    def add_fraction(self, part: float, scale_after: float | None) -> None:
        """Add "and a half" (or "and two thirds"), with the scale word that may follow it."""
        if scale_after is not None and self.last == "S":
            self.total += part * scale_after  # "one billion and a half million"
        elif scale_after is not None:
            self.total = (self.total + self.cur + part) * scale_after  # "five and a half million"
            self.cur = 0.0
        elif self.last == "S":
            self.total += part * self.last_scale  # "3 million and a half"
        else:
            self.cur += part  # "one and a half"


def _parse_cardinal(
    text: str, tokens: list[_Token], seps: list[str], i: int, start: int
) -> tuple[Number, int] | None:
    """A cardinal in words, digits or both, with any fraction after it; the longest that reads."""
    n = len(tokens)
    state = _Cardinal()
    words = False
    fraction = False
    best: tuple[float, int] | None = None
    j = i
    while j < n:
        t = tokens[j]
        sep = seps[j] if j > i else ""
        kind = t.kind
        peek = tokens[j + 1] if j + 1 < n else None
        peek_sep = seps[j + 1] if j + 1 < n else ""
        scale_next = peek.value if peek is not None and peek.kind == "S" and peek_sep == " " else None
        if j > i and kind == "D" and (t.glue or sep == "/"):
            break
        if j == i:
            if kind in {"U", "T", "D"}:
                state.cur = t.value
            elif kind == "H":
                state.cur, state.hundred = 100.0, True  # "a hundred"
            elif kind == "S":
                state.total, state.last_scale = t.value, t.value  # "a million"
            elif kind == "Z":
                state.cur = 12.0  # "a dozen"
            else:
                return None
            words = kind != "D"
        elif sep == "point":
            # "two point five", "nine point nought four"
            decimal = _decimal_digits(tokens, seps, j)
            if decimal is None or state.last not in {"U", "T", "D", "H"}:
                break
            digits, j = decimal
            state.cur += float("0." + digits)
            words = True
            if j < n and tokens[j].kind == "S" and seps[j] == " ":
                state.total = state.value * tokens[j].value
                state.cur = 0.0
                j += 1
            best = (state.value, j)
            break
        elif kind == "U" and sep in {" ", "-"} and state.last == "T" and 0 < t.value < 10:
            state.cur += t.value  # "twenty-one"
            if state.seg:
                state.seg += t.value
        elif kind in {"U", "T", "D"} and sep in {" ", "and"} and state.last == "H":
            # "two hundred and fifty", "one hundred six", "3 hundred and 21"
            if kind == "D" and (t.value >= 100 or t.value != int(t.value)):
                break
            if peek is not None and peek.kind == "H" and peek_sep == " ":
                break  # "3 hundred and 2 hundred" is two numbers
            if sep == "and" and peek is not None and peek.kind == "F":
                tail = _fraction_tail(tokens, seps, j)
                if tail is None:
                    break
                part, j = tail
                state.add_fraction(part, None)
                fraction = words = True
                best = (state.value, j)
                break
            state.cur += t.value
            state.seg = t.value if sep == "and" else 0.0
        elif kind in {"U", "T", "D"} and sep in {" ", "and"} and state.last == "S":
            # "two million three hundred", "4 thousand 3 hundred", "a thousand and five"
            if kind == "D" and t.value >= 1000:
                break
            if sep == "and" and kind != "D":
                tail = _fraction_tail(tokens, seps, j)
                if tail is not None:
                    part, j = tail
                    after = tokens[j].value if j < n and tokens[j].kind == "S" and seps[j] == " " else None
                    state.add_fraction(part, after)
                    j += after is not None
                    fraction = words = True
                    best = (state.value, j)
                    break
            state.cur, state.seg, state.hundred = t.value, 0.0, False
        elif kind == "H" and sep in {" ", "-"} and state.last in {"U", "T", "D"} and not state.hundred:
            state.cur *= 100
            state.hundred = True
            state.seg = 0.0
        elif kind == "S" and sep in {" ", "-"} and state.last in {"U", "T", "D", "H", "Z"}:
            if t.value < state.last_scale:
                state.total += state.cur * t.value
            else:
                state.total = state.value * t.value  # "three thousand millions"
            state.cur, state.seg, state.hundred = 0.0, 0.0, False
            state.last_scale = t.value
        elif kind == "S" and sep == " " and state.last == "S" and state.cur == 0 and t.value > state.last_scale:
            state.total *= t.value  # "three lakh crore"
            state.last_scale = t.value
        elif kind == "Z" and sep == " " and state.last in {"U", "T", "D", "H"}:
            # "three dozen", "two hundred dozens"; "three hundred and two dozens" is 324
            state.cur = state.cur + state.seg * 11 if state.seg else state.cur * 12
            state.seg = 0.0
        elif kind == "F" and sep in {" ", "-"} and state.last in {"U", "T", "H"}:
            # "two thirds", "twenty-three fifths", "one half"
            if not t.word.endswith("s") and state.value != 1 and t.word != "quarter":
                if state.last == "T":
                    return None  # "twenty fifth" is an ordinal
                break
            state.total, state.cur = 0.0, state.value / t.value
            fraction = words = True
            j += 1
            if j < n and tokens[j].kind == "S" and seps[j] in {" ", "of", "of a", "of an"}:
                state.cur *= tokens[j].value  # "two thirds of a million"
                j += 1
            best = (state.value, j)
            break
        elif kind == "F" and sep in {"and", "and a", "and an"} and state.last in {"U", "T", "D", "H", "S"}:
            # "one and a half", "five and a quarter", "3 million and a half", "one and half"
            if sep == "and" and t.word not in {"half", "quarter"}:
                break
            if t.word.endswith("s"):
                break
            j += 1
            state.add_fraction(1 / t.value, scale_next)
            j += scale_next is not None
            fraction = words = True
            best = (state.value, j)
            break
        elif kind in {"U", "T"} and sep == "and" and state.last in {"U", "T", "D"}:
            # "twenty and three fifths", "two and fifty-four hundredths"
            tail = _fraction_tail(tokens, seps, j)
            if tail is None:
                break
            part, j = tail
            after = tokens[j].value if j < n and tokens[j].kind == "S" and seps[j] == " " else None
            state.add_fraction(part, after)
            j += after is not None
            fraction = words = True
            best = (state.value, j)
            break
        else:
            break
        state.last = kind
        words = words or kind != "D"
        j += 1
        best = (state.value, j)
    if best is None:
        return None
    value, j_end = best
    end = tokens[j_end - 1].end
    if tokens[j_end - 1].kind == "T" and _ORDINAL_AFTER_RE.match(text, end):
        return None
    scales = [t.value for t in tokens[i:j_end] if t.kind == "S"]
    return _finish(
        text, start, end, value, j_end, words=words, fraction=fraction,
        scale=max(scales) if scales else 1.0, digits=tokens[i].digits if j_end == i + 1 else "",
    )


def _fraction_tail(tokens: list[_Token], seps: list[str], j: int) -> tuple[float, int] | None:
    """A fraction after "and", from token j: "three fifths", "fifty-four hundredths", "one fourth"."""
    n = len(tokens)
    if tokens[j].kind not in {"U", "T"}:
        return None
    num = tokens[j].value
    k = j + 1
    if k < n and tokens[j].kind == "T" and tokens[k].kind == "U" and seps[k] in {" ", "-"} \
            and 0 < tokens[k].value < 10:
        num += tokens[k].value
        k += 1
    if k < n and tokens[k].kind == "F" and seps[k] in {" ", "-"}:
        if not tokens[k].word.endswith("s") and num != 1 and tokens[k].word != "quarter":
            return None
        return num / tokens[k].value, k + 1
    return None


def _decimal_digits(tokens: list[_Token], seps: list[str], j: int) -> tuple[str, int] | None:
    """The digits after "point", from token j: "zero three" -> "03", "seventy-one" -> "71"."""
    n = len(tokens)
    if tokens[j].kind == "D":
        return (tokens[j].digits, j + 1) if tokens[j].digits.isdigit() and not tokens[j].glue else None
    digits = ""
    k = j
    while k < n and (k == j or seps[k] in {" ", "-"}):
        t = tokens[k]
        if t.kind == "U":
            digits += str(int(t.value))
        elif t.kind == "T":
            unit_next = k + 1 < n and tokens[k + 1].kind == "U" and seps[k + 1] in {" ", "-"} \
                and 0 < tokens[k + 1].value < 10
            digits += str(int(t.value // 10)) if unit_next else str(int(t.value))
        else:
            break
        k += 1
    return (digits, k) if digits else None


def _finish(
    text: str, start: int, end: int, value: float, j: int, *, words: bool = True, fraction: bool = False,
    scale: float = 1.0, suffix: str = "", glue: str = "", code: bool = False,
    digits: str = "",
) -> tuple[Number, int]:
    """The number, with a sign read from just before it ("-5", "minus five")."""
    window = text[max(0, start - 9):start]
    if window and not code and ("-" in window or "\u2212" in window or "n" in window or "N" in window):
        sign = _SIGN_BEFORE_RE.search(text, max(0, start - 9), start)
        if sign is not None:
            start = sign.start(1) if sign.group(1) else sign.start(2)
            value = -value
            digits = ""
    number = Number(
        start=start, end=end, value=value, words=words, scale=scale, suffix=suffix, glue=glue,
        fraction=fraction, code=code, digits=digits,
    )
    return number, j


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


# --- ranges, bounds and changes ------------------------------------------------------------

# Between two numbers of one range: "400-500", "five to 10", "between 400 and 500", "one or two".
_CONNECTOR_RE = re.compile(
    r"[ \t\u00a0]*(?:([-\u2010\u2011\u2013\u2014~])|(to|through|thru|and|or))[ \t\u00a0]*", re.IGNORECASE
)
_RANGE_OPENER_RE = re.compile(r"(?<![\w])(between|from)[ \t\u00a0]+$", re.IGNORECASE)
# A verb of change before "from X to Y" makes X and Y two values, not a range:
# "rose from 5% to 10%", "cut from £5m to £3m", "downgraded from 8 to 6".
_CHANGE_BEFORE_RE = re.compile(
    r"(?<![\w])(?:rose|risen|rise|rises|rising|increas\w*|fell|fallen|fall|falls|falling|dropp?\w*|"
    r"decreas\w*|declin\w*|cut|cuts|cutting|reduc\w*|grew|grown|grow|grows|growing|jump\w*|climb\w*|"
    r"slump\w*|soar\w*|up|down|went|gone|going|goes|mov\w*|chang\w*|rais\w*|lower\w*|boost\w*|"
    r"slash\w*|trimm?\w*|upgrad\w*|downgrad\w*|expand\w*|shr[au]nk|shrink\w*|doubl\w*|tripl\w*|"
    r"halv\w*|swell\w*|swollen|surg\w*|plung\w*|tumbl\w*|widen\w*|narrow\w*|revis\w*|extend\w*|"
    r"shortened|lengthened)(?:[^\w.;:!?]+[\w'\u2019-]+){0,5}[^\w.;:!?]+$",
    re.IGNORECASE,
)
# Between the items of a list: "one, three and five years", "10, 20 or 30%".
_LIST_GAP_RE = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*|[ \t\u00a0]*,?[ \t\u00a0]+(and|or)[ \t\u00a0]+", re.IGNORECASE)
# Two bounds that make one range: "more than 10 and less than 40", "at most 100 and at least 20".
_BOUND_JOIN_RE = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(?:(?:and|but)[ \t\u00a0]+)?", re.IGNORECASE)


# A value as an extractor builds it, in CONTRACT.md's JSON shape (a dict, a number or a string, by kind);
# StatedValue reads it into its typed model (checker.models.values) with its kind.
RawValue = Any


class Measure(NamedTuple):
    """A number read as one kind reads it, with what it measures: "£47m", "18 months", "63%"."""

    start: int
    end: int
    value: RawValue  # the kind's normalised value: 450, {"amount": 47000000, "currency": "GBP"}
    size: float  # a magnitude to order two values by: the amount, the number, the length in days
    number: Number
    unit: str | None = None


class Reading(NamedTuple):
    """A value as the text states it: one measure or a range of two, with its hedge, bound and role."""

    start: int
    end: int
    value: RawValue  # the measure's value, or {"min": ..., "max": ...} (one side alone when open)
    first: Measure
    last: Measure
    qualifier: str | None = None
    role: str | None = None  # "from"/"to" in "rose from 5% to 10%"
    bound: str = ""  # "min"/"max" when a bound word made the value an open range


Measurer = Callable[[Number], "Measure | None"]
Borrower = Callable[[Number, Measure], "Measure | None"]


def read_values(text: str, measure: Measurer, borrow: Borrower | None = None) -> list[Reading]:
    """The values one kind's `measure` finds in the text, read with their ranges, bounds and hedges.

    `measure` reads a number as the kind's value ("£47m") or returns None for a number the
    kind does not own; `borrow` reads a bare number with its neighbour's unit, for "10-15%",
    "five to 10 years", "£2-3m".
    """
    numbers = find_numbers(text)
    readings: list[Reading] = []
    measured: dict[tuple[int, float], Measure | None] = {}

    def measure_once(n: Number) -> Measure | None:
        # a number is measured again as the second end of a possible range; a number
        # rescaled for a range ("2" in "2-3 million") has another value, so another key
        key = (n.start, n.value)
        if key not in measured:
            measured[key] = measure(n)
        return measured[key]

    i = 0
    while i < len(numbers):
        a = numbers[i]
        ma = measure_once(a)
        nxt = i + 1
        if ma is not None:
            while nxt < len(numbers) and numbers[nxt].start < ma.end:
                nxt += 1  # inside the measure: "3 dollars 50 cents", "2 years 3 months"
        if nxt < len(numbers):
            pair = _read_range(text, a, ma, numbers[nxt], measure_once, borrow)
            if pair is not None:
                readings.extend(pair[0])
                i = nxt + 1
                while i < len(numbers) and numbers[i].start < pair[1]:
                    i += 1
                continue
        if ma is None and borrow is not None:
            listed = _borrow_from_list(text, numbers, i, measure_once, borrow)
            if listed is not None:
                readings.append(read_single(text, listed))
        elif ma is not None:
            readings.append(read_single(text, ma))
        i = nxt
    return _join_bounds(text, readings)


def _borrow_from_list(
    text: str, numbers: tuple[Number, ...], i: int, measure: Measurer, borrow: Borrower
) -> Measure | None:
    """Read a bare number in a list with the unit of the list's last item: "one, three and five years"."""
    a = numbers[i]
    if a.code or a.glue or len(a.digits) == 4:
        return None
    k = i
    saw_and = False
    while k + 1 < len(numbers) and k - i < 5:
        gap = _LIST_GAP_RE.fullmatch(text, numbers[k].end, numbers[k + 1].start)
        if gap is None:
            return None
        saw_and = saw_and or bool(gap.group(1))
        k += 1
        last = measure(numbers[k])
        if last is not None:
            return borrow(a, last) if saw_and else None
        if saw_and or numbers[k].code or numbers[k].glue:
            return None
    return None


def _read_range(
    text: str, a: Number, ma: Measure | None, b: Number, measure: Measurer, borrow: Borrower | None
) -> tuple[list[Reading], int] | None:
    a_end = ma.end if ma is not None else a.end
    if b.start - a_end > 12:
        return None
    mb = measure(b)
    b_start = mb.start if mb is not None else b.start
    if b_start < a_end:
        return None
    conn = _CONNECTOR_RE.fullmatch(text, a_end, b_start)
    if conn is None or (ma is None and mb is None):
        return None
    word = (conn.group(2) or "").lower()
    a_start = ma.start if ma is not None else a.start
    opener = _RANGE_OPENER_RE.search(text, max(0, a_start - 10), a_start)
    opened = opener.group(1).lower() if opener else ""
    if word == "and" and opened != "between":
        return None
    # "2-3 million": the scale written once belongs to both ends
    if a.scale == 1 and b.scale > 1 and not a.fraction and a.value < b.value / b.scale and a.value != 0:
        a = a._replace(value=a.value * b.scale, scale=b.scale)
        ma = measure(a) if ma is not None else None
    if ma is None:
        ma = borrow(a, mb) if borrow is not None and mb is not None else None
    elif mb is None:
        mb = borrow(b, ma) if borrow is not None else None
    if ma is None or mb is None:
        return None
    start = opener.start(1) if opener else ma.start
    change = _CHANGE_BEFORE_RE.search(text, max(0, start - 60), start) if word == "to" else None
    if change is not None:
        # "rose from 5% to 10%": two values, the old and the new
        first = read_single(text, ma, role="from" if opened == "from" else None)
        return [first, Reading(mb.start, mb.end, mb.value, mb, mb, role="to")], mb.end
    if not ma.size < mb.size:
        if conn.group(1):
            return [], mb.end  # "3-1" is a score or a code, not a range
        return None
    if word == "or" and not (ma.number.value == int(ma.number.value) and mb.number.value - ma.number.value <= 10):
        return None  # "one or two" is a rough range; "5 or 50" are two values
    value = {"min": ma.value, "max": mb.value}
    qualifier = read_qualifier(text, start)
    end = mb.end
    if qualifier is not None:
        start = qualifier.start
    return [Reading(start, end, value, ma, mb, qualifier=qualifier.words if qualifier else None)], end


def read_single(text: str, m: Measure, role: str | None = None) -> Reading:
    """One measure read with the hedge or bound around it: "about £5m", "five or more", "up to 700"."""
    qualifier = read_qualifier(text, m.start)
    after = read_qualifier_after(text, m.end) if qualifier is None or not qualifier.bound else None
    if after is not None and after.bound:
        return Reading(m.start, after.end, {after.bound: m.value}, m, m, qualifier=after.words, role=role,
                       bound=after.bound)
    if qualifier is None:
        return Reading(m.start, m.end, m.value, m, m, role=role)
    value = {qualifier.bound: m.value} if qualifier.bound else m.value
    return Reading(qualifier.start, m.end, value, m, m, qualifier=qualifier.words, role=role, bound=qualifier.bound)


def _join_bounds(text: str, readings: list[Reading]) -> list[Reading]:
    """Join "more than 10 and less than 40" into one range."""
    joined: list[Reading] = []
    for reading in readings:
        prev = joined[-1] if joined else None
        if (
            prev is not None and prev.bound and reading.bound and prev.bound != reading.bound
            and _BOUND_JOIN_RE.fullmatch(text, prev.end, reading.start)
        ):
            low, high = (prev, reading) if prev.bound == "min" else (reading, prev)
            if low.first.size < high.first.size:
                value = {"min": low.first.value, "max": high.first.value}
                joined[-1] = Reading(prev.start, reading.end, value, prev.first, reading.last,
                                     qualifier=f"{prev.qualifier} and {reading.qualifier}")
                continue
        joined.append(reading)
    return joined
