"""Readers for article files that are not plain text: each turns one format into text and the file's own metadata."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReadText:
    """What a reader found in one file: the text to analyse and the metadata the file states."""

    text: str
    # front-matter fields (title, url, published, author, publisher) the file itself gives
    meta: dict[str, object] = field(default_factory=dict)
    # offset in `text` where each page begins (PDFs only; page 1 starts at 0)
    page_starts: tuple[int, ...] = ()
