"""Splitting text into sentences with offsets into it, one line at a time, abbreviations kept whole."""

from __future__ import annotations

import re

from checker.models import Sentence

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st sr jr rev gen col capt lt sgt cllr hon no nos vs etc eg ie inc ltd co corp jan
feb mar apr jun jul aug sep sept oct nov dec approx dept est fig govt univ u.s u.k
""".split())
_ABBREVIATION_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_LONGEST_ABBREVIATION = 16
_SENTENCE_END = re.compile(r"""[.!?]+["')\]]*(?=\s+["'(\[]?[A-Z0-9\u00c0-\u024f])""")


def split_sentences(text: str, skip: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """The sentences of `text`, with offsets into it; lines in `skip` yield none."""
    skipped = sorted(skip or [])
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip() or any(a <= start and end <= b for a, b in skipped):
            continue
        sentences.extend(_split_line(text, start, end))
    return sentences


def _split_line(text: str, start: int, end: int) -> list[Sentence]:
    pieces: list[Sentence] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.group().startswith(".") and _is_abbreviation(text, cursor, match.start()):
            continue
        pieces.append(_make_sentence(text, cursor, match.end()))
        cursor = match.end()
    pieces.append(_make_sentence(text, cursor, end))
    return [p for p in pieces if p.text]


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    # The run of letters and dots before the stop, read backwards and only as far as an abbreviation
    # can reach: a regex over text[start:dot] would cost the whole line on every stop ("Mr. " * 10**5).
    begin = dot
    while begin > max(start, dot - _LONGEST_ABBREVIATION) and text[begin - 1] in _ABBREVIATION_CHARS:
        begin -= 1
    if begin == dot:
        return False
    token = text[begin:dot].lower().rstrip(".")
    # A single capital letter is an initial ("Julian A. Le Grand"), not a sentence end.
    return token in _ABBREVIATIONS or (len(token) == 1 and text[dot - 1].isupper())


def _make_sentence(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start=start, end=end, text=text[start:end])
