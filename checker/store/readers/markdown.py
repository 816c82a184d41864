"""Markdown articles: the markup taken out of the text, so only what a reader sees is analysed."""

from __future__ import annotations

import re

# Whole-line markup: a code fence, a horizontal rule, a reference-link definition, an HTML comment line.
_DROPPED_LINE = re.compile(r"^\s*(?:```.*|~~~.*|(?:[-*_]\s*){3,}|\[[^\]]+\]:\s+\S+.*|<!--.*-->)\s*$")
# Line prefixes: headings, block quotes, list bullets and numbers, table edges.
_LINE_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|(?:>\s?)+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,3}[.)]\s+|\|\s*)")
_HEADING_CLOSE = re.compile(r"\s+#+\s*$")
_SETEXT_UNDERLINE = re.compile(r"^\s*(?:=+|-+)\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images: the alt text is not prose
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their words
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    # single * or _ emphasis, but not the underscores inside snake_case words
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),  # backslash escapes
]


def strip_markdown(text: str) -> str:
    """`text` with Markdown markup removed and its line structure kept (one output line per input line)."""
    out: list[str] = []
    for line in text.split("\n"):
        underline = bool(out and out[-1].strip() and _SETEXT_UNDERLINE.match(line))
        if underline or _DROPPED_LINE.match(line) or _TABLE_RULE.match(line):
            out.append("")
            continue
        line = _HEADING_CLOSE.sub("", _LINE_PREFIX.sub("", line)) if _LINE_PREFIX.match(line) else line
        if "|" in line and line.rstrip().endswith("|"):
            line = " ; ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        for pattern, replacement in _INLINE:
            line = pattern.sub(replacement, line)
        out.append(line)
    return "\n".join(out)
