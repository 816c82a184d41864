"""PDF documents: text page by page with line breaks and hyphenation repaired and running headers/footers removed."""

from __future__ import annotations

import io
import re
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from checker.errors import ArticleSkipped
from checker.store.readers import ReadText
from checker.text.normalise import normalise_text

# How many lines at the top and at the bottom of a page may be a running header or footer.
_EDGE_LINES = 2
# A line at a page's edge is a running header/footer when it recurs (digits ignored) on at least
# this share of the pages: "Page 3 of 12" and a report's title line recur on all of them.
_REPEAT_SHARE = 0.5
# Running headers and footers are short: a title, a date, "Page 3 of 12".
_RUNNING_LINE_CHARS = 80
# A line shorter than this share of the page's longest line ends its paragraph (the last line of
# a paragraph rarely reaches the right margin); measured on justified and ragged council papers.
_SHORT_LINE_SHARE = 0.7
_SENTENCE_END = re.compile(r"""[.!?:;"')\]]$""")
_BROKEN_WORD = re.compile(r"([A-Za-z]+)-$")


def read_pdf(raw: bytes, shown: str) -> ReadText:
    """The document's text, paragraphs on their own lines, with the offset where each page begins."""
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise ArticleSkipped(shown, "the PDF is encrypted; save an unencrypted copy")
        pages = [_page_lines(page.extract_text(extraction_mode="layout") or "") for page in reader.pages]
        title = _title(reader)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        # pypdf's LimitReachedError (a decompression or content-stream bomb) is a PyPdfError too
        raise ArticleSkipped(shown, f"the PDF cannot be read ({_said(exc)}); save it again from its source, "
                                    "or its text as .txt") from exc
    pages = _drop_running_lines(pages)
    whole = "\n".join(line for page in pages for line in page)
    text, starts = "", []
    for lines in pages:
        paragraphs = _paragraphs(lines, whole)
        if not paragraphs:
            starts.append(len(text))
            continue
        if text and _continues(text, paragraphs[0]):
            # A paragraph running over the page break: rejoin it, and the page starts mid-paragraph.
            joined = _join(text, paragraphs[0], whole)
            starts.append(len(joined) - len(paragraphs[0]))
            text = joined
            paragraphs = paragraphs[1:]
        else:
            starts.append(len(text) + 2 if text else 0)
        if paragraphs:
            text = "\n\n".join([text, *paragraphs]) if text else "\n\n".join(paragraphs)
    meta: dict[str, object] = {"title": title} if title else {}
    return ReadText(text=text + "\n", meta=meta, page_starts=tuple(starts))


def _title(reader: PdfReader) -> str | None:
    # /Info may be anything in a damaged file (an array, a number): only a dictionary's title is taken
    try:
        info = reader.metadata
        title = info.title if isinstance(info, dict) else None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return str(title).strip() or None if title else None


def _said(exc: Exception) -> str:
    said = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {said}" if said else type(exc).__name__


def _page_lines(layout: str) -> list[str]:
    # Layout mode keeps a blank line where the page leaves a vertical gap (between paragraphs) and
    # pads with spaces to keep columns; the padding goes, the blank lines stay as paragraph breaks.
    return [re.sub(r"[ \t]{2,}", " ", normalise_text(line)).strip() for line in layout.split("\n")]


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    if len(pages) < 2:
        return pages
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_shape(lines[i]) for i in _edges(lines)})
    needed = max(2, round(len(pages) * _REPEAT_SHARE))
    running = {shape for shape, n in counts.items() if n >= needed}
    result = []
    for lines in pages:
        drop = {i for i in _edges(lines) if _shape(lines[i]) in running}
        result.append([line for i, line in enumerate(lines) if i not in drop])
    return result


def _edges(lines: list[str]) -> list[int]:
    """Indexes of the lines at the top and bottom of a page, where running headers and footers sit."""
    filled = [i for i, line in enumerate(lines) if line]
    return filled[:_EDGE_LINES] + filled[-_EDGE_LINES:] if len(filled) > 2 * _EDGE_LINES else filled


def _shape(line: str) -> str:
    # Page numbers change from page to page, so digits are ignored, but only in short lines:
    # body lines that differ only in their figures are not a running header.
    return re.sub(r"\d+", "#", line.lower()) if len(line) <= _RUNNING_LINE_CHARS else line


def _paragraphs(lines: list[str], whole: str) -> list[str]:
    longest = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        current = _join(current, line, whole) if current else line
        if len(line) < longest * _SHORT_LINE_SHARE and _SENTENCE_END.search(line):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _continues(text: str, paragraph: str) -> bool:
    return not _SENTENCE_END.search(text.rstrip()) and paragraph[:1].islower()


def _join(left: str, right: str, whole: str) -> str:
    """Two pieces of one paragraph; a word broken by a hyphen at the line end is mended."""
    broken = _BROKEN_WORD.search(left)
    if broken and right[:1].islower():
        first = re.match(r"[A-Za-z]+", right)
        # Keep the hyphen of a compound ("arms-length") that the document writes hyphenated elsewhere.
        if first and f"{broken.group(1)}-{first.group()}" in whole:
            return left + right
        return left[:-1] + right
    return f"{left} {right}"
