"""Mentions held on disk while a run goes on, and read back claim by claim in the order the result lists them.

A large corpus finds more mentions than fit in memory (about 2 GiB held at 10k articles x 500 claims), and
the JSON result needs them grouped by claim while they are found article by article. The spool is SQLite's
private temporary database: it lives in SQLite's page cache up to a bound and spills to a file that SQLite
deletes itself, so no file is left behind, whether or not the run has a cache folder. Each mention is kept
as the JSON-mode dict of the result (pickled: exact for every float, text and integer it may hold).
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from checker.models import Mention

# A claim's mentions (with True: those below the confidence cut) as JSON-mode dicts, in the result's order.
MentionRows = Callable[[str, bool], Iterable[dict[str, Any]]]

_SCHEMA = """
CREATE TABLE mention (claim TEXT NOT NULL, possible INTEGER NOT NULL, article BLOB NOT NULL, start INTEGER NOT NULL,
                      "end" INTEGER NOT NULL, body BLOB NOT NULL);
"""
# Sorting by this index is sorting by (claim, article id, start, end), ties kept in the order they came (rowid).
_INDEX = 'CREATE INDEX by_claim ON mention (claim, possible, article, start, "end")'
# Pages of SQLite's cache (negative: KiB) before the spool spills to its temporary file.
_CACHE_KIB = 64 * 1024


class MentionSpool:
    """Mentions added a batch at a time; read back one claim at a time, sorted as the result lists them."""

    def __init__(self) -> None:
        # "" is SQLite's private temporary database: on disk only past the cache, deleted when closed
        self._db = sqlite3.connect("")
        self._db.executescript(_SCHEMA)
        self._db.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        self._indexed = False

    def add(self, mentions: Iterable[tuple[str, bool, Mention]]) -> None:
        """Keep (claim id, below the confidence cut, mention) rows."""
        self._db.executemany("INSERT INTO mention VALUES (?, ?, ?, ?, ?, ?)", (
            (claim, possible, _order_key(m.article), m.start, m.end,
             pickle.dumps(m.model_dump(mode="json", by_alias=True), pickle.HIGHEST_PROTOCOL))
            for claim, possible, m in mentions))

    def rows(self, claim_id: str, possible: bool) -> Iterator[dict[str, Any]]:
        """The mentions of one claim (with `possible`, those below the cut) as JSON-mode dicts, sorted by article,
        start and end, in the order they were added where those tie."""
        if not self._indexed:
            self._db.execute(_INDEX)  # one sort of everything, rather than an index kept up at every insert
            self._indexed = True
        cursor = self._db.execute('SELECT body FROM mention WHERE claim = ? AND possible = ? '
                                  'ORDER BY article, start, "end", rowid', (claim_id, possible))
        for (body,) in cursor:
            yield pickle.loads(body)

    def close(self) -> None:
        """Drop the spool and its temporary file."""
        self._db.close()


def _order_key(article_id: str) -> bytes:
    """The article id as bytes that sort as Python sorts the string, by code point: SQLite compares blobs byte
    by byte, and UTF-32 big-endian is one fixed-width number per code point (a lone surrogate included)."""
    return article_id.encode("utf-32-be", "surrogatepass")
