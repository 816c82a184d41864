"""The analysis cache: packed article analyses and each claim's matches in an embedded SQLite database.

An unchanged article is read once, and an unchanged claim is matched against it once.
Articles are keyed by a hash of the file's bytes and the analysis version (a digest of the
code that reads, analyses and matches, of the rating scales and of the vocabulary); claims by
a hash of the record under the same version (checker.scale.results), so any change to either
makes a new key. Per article the cache keeps its analysis (`record`), its summary and index
terms (`article`), the set of claims it was last matched against (`claimset`), and the
matches of each claim that found any (`found`). A database that is damaged, of another format
or from other code is never trusted: it is deleted and rebuilt, with a warning.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from checker.errors import ConfigError
from checker.store.paths import display_path

log = logging.getLogger(__name__)

CACHE_FILE = "analysis.sqlite3"
# Bump when the table layout or the record encoding changes.
CACHE_FORMAT = "claimcheck-analysis/3"
# Folders of the package whose code cannot change what an article's record holds.
NOT_ANALYSIS = frozenset({"cli", "report", "formats", "curate", "findings"})

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE record (key TEXT PRIMARY KEY, body BLOB NOT NULL);
CREATE TABLE article (key TEXT PRIMARY KEY, body BLOB NOT NULL, stated INTEGER NOT NULL, terms BLOB NOT NULL,
                      claims TEXT NOT NULL);
CREATE TABLE claimset (digest TEXT PRIMARY KEY, keys BLOB NOT NULL);
CREATE TABLE claim (key TEXT PRIMARY KEY, query TEXT NOT NULL);
CREATE TABLE found (article TEXT NOT NULL, claim TEXT NOT NULL, body BLOB NOT NULL,
                    PRIMARY KEY (article, claim)) WITHOUT ROWID;
"""
# Keys per SQL statement: under SQLite's oldest limit on bound parameters (999).
_CHUNK = 900


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
    """Packed article analyses, article records, claim queries and matches, in `folder/analysis.sqlite3`."""

    def __init__(self, path: Path, *, announce: bool = True) -> None:
        self.path = path
        self._announce = announce
        self._unwritable = False
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
                for table in ("record", "article", "claimset", "claim", "found"):
                    db.execute(f"SELECT * FROM {table} LIMIT 1").fetchall()
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
        try:
            db.executescript(_SCHEMA)
            db.executemany("INSERT INTO meta VALUES (?, ?)", [("format", CACHE_FORMAT), ("code", code_version())])
            db.commit()
        except sqlite3.OperationalError as exc:  # a read-only folder, a full disk
            db.close()
            raise ConfigError(f"{display_path(self.path)}: cannot create the analysis cache ({exc}); "
                              "pass another --cache-dir or --no-cache") from exc
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

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One write to the cache; one the disk refuses (a read-only folder, a full or failing disk) leaves the
        cache as it was and the run goes on without storing more (each write checks `_unwritable` first),
        saying so once: the cache can be rebuilt, the run's results cannot be lost for it."""
        try:
            with self._db:
                yield
        except sqlite3.OperationalError as exc:
            self._unwritable = True
            self._warn(f"{display_path(self.path)}: cannot write the analysis cache ({exc}); this run stores "
                       "nothing more in it (pass another --cache-dir, or --no-cache)")

    def _warn(self, message: str) -> None:
        if self._announce:
            log.warning("%s", message)

    def put(self, entries: Iterable[tuple[str, bytes]]) -> None:
        """Store (key, packed article) entries."""
        if self._unwritable:
            return
        with self._writing():
            self._db.executemany("INSERT OR REPLACE INTO record VALUES (?, ?)", entries)

    def get(self, key: str) -> bytes | None:
        """The packed article under `key`, or None."""
        row = self._db.execute("SELECT body FROM record WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def forget(self, key: str) -> None:
        """Drop an article's entries found damaged, so it is analysed and matched again."""
        self._warn(f"{display_path(self.path)}: a damaged entry in the analysis cache was dropped")
        if self._unwritable:
            return
        with self._writing():
            for table, column in (("record", "key"), ("article", "key"), ("found", "article")):
                self._db.execute(f"DELETE FROM {table} WHERE {column} = ?", (key,))

    def claim_sets(self, keys: Iterable[str]) -> dict[str, str]:
        """For each article key of `keys` the cache has matched, the digest of the claims it was matched against."""
        return dict(self._select("SELECT key, claims FROM article WHERE key IN ({})", keys))

    def articles(self, keys: Iterable[str]) -> dict[str, tuple[bytes, int]]:
        """For each article key of `keys` held: the packed article record and the values it states."""
        rows = self._select("SELECT key, body, stated FROM article WHERE key IN ({})", keys)
        return {key: (bytes(body), int(stated)) for key, body, stated in rows}

    def terms(self, keys: Iterable[str]) -> dict[str, bytes]:
        """For each article key of `keys` held: its packed index terms."""
        return {key: bytes(body) for key, body in self._select("SELECT key, terms FROM article WHERE key IN ({})",
                                                                keys)}

    def found(self, keys: Iterable[str]) -> dict[str, dict[str, bytes]]:
        """For each article key of `keys`: the packed matches of each claim that found any there, by claim key."""
        out: dict[str, dict[str, bytes]] = {}
        for article, claim, body in self._select("SELECT article, claim, body FROM found WHERE article IN ({})",
                                                 keys):
            out.setdefault(article, {})[claim] = bytes(body)
        return out

    def claim_set(self, digest: str) -> frozenset[str] | None:
        """The claim keys of a set stored under `digest`, or None."""
        row = self._db.execute("SELECT keys FROM claimset WHERE digest = ?", (digest,)).fetchone()
        return None if row is None else frozenset(bytes(row[0]).decode().split())

    def put_claim_set(self, digest: str, keys: Iterable[str]) -> None:
        """Store a set of claim keys under its digest."""
        if self._unwritable:
            return
        with self._writing():
            self._db.execute("INSERT OR IGNORE INTO claimset VALUES (?, ?)",
                             (digest, " ".join(sorted(set(keys))).encode()))

    def queries(self, keys: Iterable[str]) -> dict[str, str]:
        """For each claim key of `keys` held: its index query, encoded (checker.scale.index)."""
        return dict(self._select("SELECT key, query FROM claim WHERE key IN ({})", keys))

    def put_queries(self, queries: Iterable[tuple[str, str]]) -> None:
        """Store (claim key, encoded query) pairs."""
        if self._unwritable:
            return
        with self._writing():
            self._db.executemany("INSERT OR REPLACE INTO claim VALUES (?, ?)", queries)

    def put_matched(self, articles: Iterable[tuple[str, bytes, int, bytes, str]],
                    claim_sets: Iterable[tuple[str, str]], found: Iterable[tuple[str, str, bytes]]) -> None:
        """Store, in one transaction: new articles (key, record, values stated, terms, claim set), the claim set
        others were now matched against (claim set, key), and matches found (article key, claim key, packed)."""
        if self._unwritable:
            return
        with self._writing():
            self._db.executemany("INSERT OR REPLACE INTO article VALUES (?, ?, ?, ?, ?)", articles)
            self._db.executemany("UPDATE article SET claims = ? WHERE key = ?", claim_sets)
            self._db.executemany("INSERT OR REPLACE INTO found VALUES (?, ?, ?)", found)

    def _select(self, sql: str, keys: Iterable[str]) -> list[tuple[Any, ...]]:
        wanted = list(keys)
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            rows += self._db.execute(sql.format(", ".join("?" * len(chunk))), chunk).fetchall()
        return rows

    def close(self) -> None:
        """Close the database."""
        self._db.close()
