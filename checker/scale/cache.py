"""The analysis cache: packed article analyses in an embedded SQLite database, so an unchanged article is read once.

Entries are keyed by a hash of the article file's bytes and the analysis version (a digest
of the code that reads and analyses articles, and of the rating scales), so any change
to either makes a new key. A database that is damaged, of another format or from other
code is never trusted: it is deleted and rebuilt, with a warning.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import sqlite3
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from checker.errors import ConfigError
from checker.store.paths import display_path

log = logging.getLogger(__name__)

CACHE_FILE = "analysis.sqlite3"
# Bump when the table layout or the record encoding changes.
CACHE_FORMAT = "claimcheck-analysis/2"
# Folders of the package whose code cannot change what an article's record holds.
NOT_ANALYSIS = frozenset({"cli", "report", "formats", "curate", "findings"})

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE record (key TEXT PRIMARY KEY, body BLOB NOT NULL);
"""


@functools.cache
def code_version() -> str:
    """A digest of the analysis code: a cache made by other code is rebuilt, not trusted."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    package = Path(str(resources.files("checker")))
    # Every module that reading, extraction or matching may import, rather than a list that goes stale.
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml") and not NOT_ANALYSIS & set(path.relative_to(package).parts):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class AnalysisCache:
    """Packed article analyses by key, in `folder/analysis.sqlite3` (or a throw-away database for one run)."""

    def __init__(self, path: Path, *, announce: bool = True) -> None:
        self.path = path
        self._announce = announce
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"{display_path(path.parent)}: cannot create the cache folder "
                              f"({exc.strerror or exc}); pass another --cache-dir or --no-cache") from exc
        self._db = self._open()

    @classmethod
    def in_folder(cls, folder: Path) -> AnalysisCache:
        """The cache kept in `folder` across runs."""
        return cls(folder / CACHE_FILE)

    def _open(self) -> sqlite3.Connection:
        problem = None
        if self.path.exists():
            try:
                db = self._connect()
                found = dict(db.execute("SELECT name, value FROM meta").fetchall())
                db.execute("SELECT key, body FROM record LIMIT 1").fetchall()
                if found.get("format") != CACHE_FORMAT:
                    problem = f"was made in another format ({found.get('format')!r})"
                elif found.get("code") != code_version():
                    problem = "was made by another version of claimcheck's analysis"
                else:
                    return db
                db.close()
            except sqlite3.DatabaseError as exc:
                problem = f"is not a claimcheck cache or is damaged ({exc})"
            self._warn(f"{display_path(self.path)}: the analysis cache {problem}; rebuilding it")
            self._remove()
        db = self._connect()
        db.executescript(_SCHEMA)
        db.executemany("INSERT INTO meta VALUES (?, ?)", [("format", CACHE_FORMAT), ("code", code_version())])
        db.commit()
        return db

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=60)
            # The cache can always be rebuilt, so a crash may lose entries but must not slow every write.
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc):
                raise ConfigError(f"{display_path(self.path)}: cannot open the analysis cache ({exc}); "
                                  "pass another --cache-dir or --no-cache") from exc
            raise
        return db

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _warn(self, message: str) -> None:
        if self._announce:
            log.warning("%s", message)

    def missing(self, keys: Iterable[str]) -> set[str]:
        """The keys of `keys` the cache holds no record for."""
        wanted = set(keys)
        held = {row[0] for row in self._db.execute("SELECT key FROM record")}
        return wanted - held

    def put(self, entries: Iterable[tuple[str, bytes]]) -> None:
        """Store (key, packed article) entries."""
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO record VALUES (?, ?)", entries)

    def get(self, key: str) -> bytes | None:
        """The packed article under `key`, or None."""
        row = self._db.execute("SELECT body FROM record WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def forget(self, key: str) -> None:
        """Drop a record found damaged, so the next run analyses the article again."""
        self._warn(f"{display_path(self.path)}: a damaged entry in the analysis cache was dropped")
        with self._db:
            self._db.execute("DELETE FROM record WHERE key = ?", (key,))

    def close(self) -> None:
        """Close the database."""
        self._db.close()
