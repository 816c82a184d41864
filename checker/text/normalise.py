"""Normalising article text: straight quotes, plain dashes and spaces, \\n line ends, offsets kept."""

from __future__ import annotations

import re
import unicodedata

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


# A lone surrogate (a file name that was not UTF-8 reads as one, and so can a YAML escape) cannot be written as
# UTF-8; in text that leaves the program it can only stand where a character may, and U+FFFD takes its place.
_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8_safe(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD, so that it encodes as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)
