"""Article text: normalising characters, spotting web boilerplate lines, splitting sentences."""

from __future__ import annotations

import re
import unicodedata

from checker.models import Sentence

# One-for-one character replacements, so offsets into the normalised text are offsets
# into the decoded file as well (only line endings change length, see normalise_text).
_CHAR_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "\u200b": " ", "\u200c": " ", "\u200d": " ", "\u2060": " ", "\ufeff": " ",
    "\u2026": ".",
})


def normalise_text(text: str) -> str:
    """Text with straight quotes, plain dashes and spaces, and \\n line ends; idempotent."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return text.translate(_CHAR_MAP)


# Pattern families of lines that web pages and copy-paste leave in article text. They
# match whole lines only, and only short ones, so a real sentence that happens to
# contain "subscribe" is never dropped.
_BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        (?:hide|skip|close)\s+ad(?:vert(?:isement)?)?s?
      | ad(?:vert(?:isement)?)?s?(?:\s+feature)?
      | sponsored(?:\s+content)?
      | (?:sign\s+up|subscribe|register)\b.{0,60}
      | (?:watch|read|see|view|discover)\s+more\b.{0,60}
      | (?:visit|follow)\s+[\w!.' ]{1,40}\s+(?:now|on\s+\w+)
      | (?:and\s+)?live\s+on\s+freeview\b.{0,30}
      | related(?:\s+(?:articles?|stories|content|links|topics))?:?
      | (?:more|latest)\s+(?:from|on|in)\s+.{1,40}
      | (?:most\s+)?(?:read|popular|trending)(?:\s+(?:now|today|stories))?:?
      | comments?\s+(?:are\s+)?(?:closed|disabled)\.?
      | (?:leave\s+a\s+|show\s+|view\s+)?comments?(?:\s*\(\d+\))?:?
      | (?:share|print|email|tweet)(?:\s+(?:this|article|story|page|on\s+\w+)){0,2}:?
      | (?:picture|photo(?:graph)?|image|credit|video)s?\s*:.{0,120}
      | click\s+here\b.{0,60}
      | (?:from\s+)?[£$€]\s?\d+(?:\.\d+)?\s*(?:/|per|a)\s*(?:month|week|year|issue)\b.{0,20}
      | (?:cookie|privacy)\s+(?:policy|settings|preferences).{0,40}
      | (?:accept|reject)\s+(?:all\s+)?cookies
      | advertisement
      | [\u2022\u25aa\u25cf\u25e6*\u00b7]\s+.{1,60}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A caption or alt text glued to itself by copy-paste: "Photo of XPhoto of X".
_DOUBLED_LINE = re.compile(r"^(.{8,200}?)\1\s*$")


def boilerplate_lines(text: str) -> list[tuple[int, int]]:
    """Spans of whole lines that are web furniture, not article prose."""
    spans: list[tuple[int, int]] = []
    previous = ""
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        start, end = offset, offset + len(line)
        offset = end + 1
        if not stripped:
            continue
        is_repeat = stripped == previous and not stripped.endswith(("?",)) and len(stripped) < 200
        if _BOILERPLATE_LINE.match(stripped) or _DOUBLED_LINE.match(stripped) or is_repeat:
            spans.append((start, end))
        previous = stripped
    return spans


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st sr jr rev gen col capt lt sgt cllr hon no nos vs etc eg ie inc ltd co corp jan
feb mar apr jun jul aug sep sept oct nov dec approx dept est fig govt univ u.s u.k
""".split())
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
    word = re.search(r"([A-Za-z.]+)$", text[start:dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    # A single capital letter is an initial ("Julian A. Le Grand"), not a sentence end.
    return token in _ABBREVIATIONS or (len(token) == 1 and text[dot - 1].isupper())


def _make_sentence(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start=start, end=end, text=text[start:end])
