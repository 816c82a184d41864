"""Cardinals in words, digits or both: "two million three hundred and five", "one and a half", "two thirds"."""

from __future__ import annotations

import math
from typing import NamedTuple


class Token(NamedTuple):
    """A number word or a run of digits, as find_numbers reads them before joining them into numbers."""

    kind: str  # D digits, V vulgar fraction, or a word kind from _WORD_KINDS
    value: float
    start: int
    end: int
    word: str = ""  # the number word, lower case
    glue: str = ""  # letters stuck to digits, as written
    digits: str = ""  # the digits as written



class Cardinal(NamedTuple):
    """A cardinal read from tokens: its value, the token after it, and how it was written."""

    value: float
    end: int  # the index of the first token after it
    words: bool
    fraction: bool


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


def read_cardinal(tokens: list[Token], seps: list[str], i: int) -> Cardinal | None:
    """A cardinal in words, digits or both from token i, with any fraction after it; the longest that reads."""
    reading = _CardinalReading(tokens, seps, i)
    if not reading.read() or reading.best is None:
        return None
    value, j_end = reading.best
    return Cardinal(value, j_end, reading.words, reading.fraction)


# What a step of _CardinalReading says: take the token and read on, stop before it (the number is
# what was read so far, or `best` when the step set it), or refuse the whole reading.
_TAKE, _STOP, _REFUSE = "take", "stop", "refuse"


class _CardinalReading:
    """Reads tokens from i as one cardinal, token by token, keeping the longest reading that works."""

    def __init__(self, tokens: list[Token], seps: list[str], i: int) -> None:
        self.tokens, self.seps, self.i = tokens, seps, i
        self.state = _Cardinal()
        self.words = False
        self.fraction = False
        self.best: tuple[float, int] | None = None

    def read(self) -> bool:
        """Read as far as the tokens make one number; False when they make none (an ordinal, say)."""
        j = self.i
        while j < len(self.tokens):
            t = self.tokens[j]
            sep = self.seps[j] if j > self.i else ""
            if j > self.i and t.kind == "D" and (t.glue or sep == "/"):
                break
            outcome, j = self._step(j, t, sep)
            if outcome == _REFUSE:
                return False
            if outcome == _STOP:
                break
            self.state.last = t.kind
            self.words = self.words or t.kind != "D"
            j += 1
            self.best = (self.state.value, j)
        return True

    def _done(self, j: int, fraction: bool = False) -> tuple[str, int]:
        """The reading ends at j, with what the state holds now."""
        if fraction:
            self.fraction = self.words = True
        self.best = (self.state.value, j)
        return _STOP, j

    def _scale_at(self, j: int, seps: frozenset[str] = frozenset({" "})) -> float | None:
        """The value of a scale word at j ("million"), or None."""
        if j < len(self.tokens) and self.tokens[j].kind == "S" and self.seps[j] in seps:
            return self.tokens[j].value
        return None

    def _step(self, j: int, t: Token, sep: str) -> tuple[str, int]:
        state, kind = self.state, t.kind
        if j == self.i:
            return self._first(j, t)
        if sep == "point":
            return self._point(j)
        if kind == "U" and sep in {" ", "-"} and state.last == "T" and 0 < t.value < 10:
            state.cur += t.value  # "twenty-one"
            if state.seg:
                state.seg += t.value
            return _TAKE, j
        if kind in {"U", "T", "D"} and sep in {" ", "and"} and state.last == "H":
            return self._after_hundred(j, t, sep)
        if kind in {"U", "T", "D"} and sep in {" ", "and"} and state.last == "S":
            return self._after_scale(j, t, sep)
        if kind == "H" and sep in {" ", "-"} and state.last in {"U", "T", "D"} and not state.hundred:
            state.cur *= 100
            state.hundred = True
            state.seg = 0.0
            return _TAKE, j
        if kind == "S":
            return self._scale_word(j, t, sep)
        if kind == "Z" and sep == " " and state.last in {"U", "T", "D", "H"}:
            # "three dozen", "two hundred dozens"; "three hundred and two dozens" is 324
            state.cur = state.cur + state.seg * 11 if state.seg else state.cur * 12
            state.seg = 0.0
            return _TAKE, j
        if kind == "F":
            return self._fraction_word(j, t, sep)
        if kind in {"U", "T"} and sep == "and" and state.last in {"U", "T", "D"}:
            # "twenty and three fifths", "two and fifty-four hundredths"
            return self._and_fraction(j)
        return _STOP, j

    def _first(self, j: int, t: Token) -> tuple[str, int]:
        state = self.state
        if t.kind in {"U", "T", "D"}:
            state.cur = t.value
        elif t.kind == "H":
            state.cur, state.hundred = 100.0, True  # "a hundred"
        elif t.kind == "S":
            state.total, state.last_scale = t.value, t.value  # "a million"
        elif t.kind == "Z":
            state.cur = 12.0  # "a dozen"
        else:
            return _REFUSE, j
        self.words = t.kind != "D"
        return _TAKE, j

    def _point(self, j: int) -> tuple[str, int]:
        # "two point five", "nine point nought four"
        decimal = _decimal_digits(self.tokens, self.seps, j)
        if decimal is None or self.state.last not in {"U", "T", "D", "H"}:
            return _STOP, j
        digits, j = decimal
        self.state.cur += float("0." + digits)
        self.words = True
        scale = self._scale_at(j)
        if scale is not None:
            self.state.total = self.state.value * scale
            self.state.cur = 0.0
            j += 1
        return self._done(j)

    def _after_hundred(self, j: int, t: Token, sep: str) -> tuple[str, int]:
        # "two hundred and fifty", "one hundred six", "3 hundred and 21"
        if t.kind == "D" and (t.value >= 100 or t.value != int(t.value)):
            return _STOP, j
        peek = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        if peek is not None and peek.kind == "H" and self.seps[j + 1] == " ":
            return _STOP, j  # "3 hundred and 2 hundred" is two numbers
        if sep == "and" and peek is not None and peek.kind == "F":
            tail = _fraction_tail(self.tokens, self.seps, j)
            if tail is None:
                return _STOP, j
            part, j = tail
            self.state.add_fraction(part, None)
            return self._done(j, fraction=True)
        self.state.cur += t.value
        self.state.seg = t.value if sep == "and" else 0.0
        return _TAKE, j

    def _after_scale(self, j: int, t: Token, sep: str) -> tuple[str, int]:
        # "two million three hundred", "4 thousand 3 hundred", "a thousand and five"
        if t.kind == "D" and t.value >= 1000:
            return _STOP, j
        if sep == "and" and t.kind != "D":
            tail = _fraction_tail(self.tokens, self.seps, j)
            if tail is not None:
                return self._fraction_then_scale(*tail)
        self.state.cur, self.state.seg, self.state.hundred = t.value, 0.0, False
        return _TAKE, j

    def _fraction_then_scale(self, part: float, j: int) -> tuple[str, int]:
        after = self._scale_at(j)
        self.state.add_fraction(part, after)
        return self._done(j + (after is not None), fraction=True)

    def _scale_word(self, j: int, t: Token, sep: str) -> tuple[str, int]:
        state = self.state
        if sep in {" ", "-"} and state.last in {"U", "T", "D", "H", "Z"}:
            if t.value < state.last_scale:
                state.total += state.cur * t.value
            else:
                state.total = state.value * t.value  # "three thousand millions"
            state.cur, state.seg, state.hundred = 0.0, 0.0, False
            state.last_scale = t.value
            return _TAKE, j
        if sep == " " and state.last == "S" and state.cur == 0 and t.value > state.last_scale:
            state.total *= t.value  # "three lakh crore"
            state.last_scale = t.value
            return _TAKE, j
        return _STOP, j

    def _fraction_word(self, j: int, t: Token, sep: str) -> tuple[str, int]:
        state = self.state
        if sep in {" ", "-"} and state.last in {"U", "T", "H"}:
            # "two thirds", "twenty-three fifths", "one half"
            if not t.word.endswith("s") and state.value != 1 and t.word != "quarter":
                return (_REFUSE if state.last == "T" else _STOP), j  # "twenty fifth" is an ordinal
            state.total, state.cur = 0.0, state.value / t.value
            j += 1
            scale = self._scale_at(j, frozenset({" ", "of", "of a", "of an"}))
            if scale is not None:
                state.cur *= scale  # "two thirds of a million"
                j += 1
            return self._done(j, fraction=True)
        if sep in {"and", "and a", "and an"} and state.last in {"U", "T", "D", "H", "S"}:
            # "one and a half", "five and a quarter", "3 million and a half", "one and half"
            if (sep == "and" and t.word not in {"half", "quarter"}) or t.word.endswith("s"):
                return _STOP, j
            scale_next = self._scale_at(j + 1)
            state.add_fraction(1 / t.value, scale_next)
            return self._done(j + 1 + (scale_next is not None), fraction=True)
        return _STOP, j

    def _and_fraction(self, j: int) -> tuple[str, int]:
        tail = _fraction_tail(self.tokens, self.seps, j)
        if tail is None:
            return _STOP, j
        return self._fraction_then_scale(*tail)


def _fraction_tail(tokens: list[Token], seps: list[str], j: int) -> tuple[float, int] | None:
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


def _decimal_digits(tokens: list[Token], seps: list[str], j: int) -> tuple[str, int] | None:
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


