"""Numbers as news prose writes them: digits with separators, words, fractions and scales, and their hedges.

`find_numbers` scans a text once for every number it states ("£41.6million" holds 41.6
million, "two hundred and fifty", "half a million", "3/4"); the money, count, percentage
and duration finders then read the words around those numbers (checker.values.readings),
with the hedges and bounds around them (checker.values.qualifiers).
"""

from __future__ import annotations

import functools
import math
import re
from typing import NamedTuple

from checker.values.number_words import Token, read_cardinal
from checker.values.qualifiers import read_qualifier

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
    group: list[Token] = []
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


def _tokens(text: str) -> list[Token]:
    """The number tokens of the text, in order: digits, vulgar fractions and number words."""
    tokens: list[Token] = []
    for m in _DIGIT_TOKEN_RE.finditer(text):
        digits = m.group("d")
        if digits is None:
            tokens.append(Token("V", VULGAR_FRACTIONS[m.group("vf")], m.start(), m.end()))
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
        tokens.append(Token("D", value, m.start(), m.end(), glue=glue, digits=digits))
    words = [
        Token(*_WORD_KINDS[m.group().lower()], m.start(), m.end(), word=m.group().lower())
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


def _parse_group(text: str, tokens: list[Token], seps: list[str]) -> list[Number]:
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


def _article_before(text: str, tokens: list[Token], seps: list[str], i: int) -> int | None:
    """Where a leading "a"/"an" starts ("a dozen", "a third"), or None."""
    if i > 0:
        return None
    start = tokens[i].start
    m = _ARTICLE_BEFORE_RE.search(text, max(0, start - 6), start)
    return m.start(1) if m else None


def _parse_at(text: str, tokens: list[Token], seps: list[str], i: int) -> tuple[Number, int] | None:
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
    return _cardinal(text, tokens, seps, i, start)


def _parse_digits_lead(text: str, tokens: list[Token], seps: list[str], i: int) -> tuple[Number, int] | None:
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
    return _cardinal(text, tokens, seps, i, first.start)


def _slash_fraction(top: Token, bottom: Token) -> float | None:
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


def _cardinal(text: str, tokens: list[Token], seps: list[str], i: int, start: int) -> tuple[Number, int] | None:
    found = read_cardinal(tokens, seps, i)
    if found is None:
        return None
    end = tokens[found.end - 1].end
    if tokens[found.end - 1].kind == "T" and _ORDINAL_AFTER_RE.match(text, end):
        return None
    scales = [t.value for t in tokens[i:found.end] if t.kind == "S"]
    return _finish(
        text, start, end, found.value, found.end, words=found.words, fraction=found.fraction,
        scale=max(scales) if scales else 1.0, digits=tokens[i].digits if found.end == i + 1 else "",
    )


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


