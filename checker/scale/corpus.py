"""A corpus worked through at any size: each article analysed once, each claim matched against it once, on an engine.

Articles stream through in one pass, in their order. With a cache (`--cache-dir`), an article
whose bytes are known and whose last claim set is the run's is read from the cache alone (its
summary and each claim's stored matches); one matched against other claims before is matched
only against the claims new to it that its index terms can hold (checker.scale.index), from
its stored analysis; any other article is analysed and matched on the engine. Without a cache
nothing is written to disk at all. A cache entry that does not decode is never trusted: the
article is analysed and matched again and the entry replaced.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checker.matching import Match, Matcher
from checker.matching.vocabulary import Vocabulary
from checker.models import Article, ArticleSummary, Claim, SkippedArticle
from checker.scale.cache import AnalysisCache, code_version
from checker.scale.engines import Engine, batched, make_engine
from checker.scale.index import claim_query, may_hold, pack_query, unpack_query
from checker.scale.packed import (
    PackError,
    file_key,
    settings_digest,
    unpack_article_record,
    unpack_terms,
    unpacked_limit,
)
from checker.scale.results import Seen, claim_key, claims_digest, pack_matches, unpack_matches
from checker.scale.work import Fresh, Outcome, Shared, Stored, check_fresh, work_batch
from checker.settings import Settings
from checker.store.paths import display_path
from checker.values import Scale

ProgressCallback = Callable[[str, int, int], None]
# Articles whose cached rows are read, and whose new rows are written, at a time: memory follows this.
CHUNK = 512


@dataclass
class Matched:
    """The matches of every article, its summary and (with `keep_texts`) the article, in article order."""

    matches: list[Match] = field(default_factory=list)
    summaries: list[ArticleSummary] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    skipped: list[SkippedArticle] = field(default_factory=list)  # files that could not be read or analysed


@dataclass
class _Entry:
    """One article file on its way through the corpus."""

    path: Path
    article_id: str
    shown: str  # the path as messages and the report show it
    key: str | None  # its cache key; None when the file could not be read to make one
    size: int = 0  # the file's bytes, which bound how far its cache entries may inflate
    # None: analyse and match it; else the numbers of the claims to match against its stored analysis
    todo: tuple[int, ...] | None = None
    before: frozenset[str] = frozenset()  # the claim keys it was matched against, when stored

    @property
    def works(self) -> bool:
        return self.todo is None or bool(self.todo)


class Corpus:
    """The article files of one run, matched on `engine`, with what is found kept in `store` when there is one."""

    def __init__(self, files: Sequence[Path], shared: Shared, store: AnalysisCache | None, engine: Engine,
                 progress: ProgressCallback, version: str) -> None:
        self._shared, self._store, self._engine, self._progress = shared, store, engine, progress
        self._version = version
        self._entries = [_entry(path, shared.root, version) for path in files]

    def match(self, claims: Sequence[Claim], on_matches: Callable[[list[Match]], None] | None = None) -> Matched:
        """Every article matched against `claims`, each claim on its own. With `on_matches`, each article's
        matches are handed to it as they are found, and the result holds none."""
        keys = [claim_key(claim, self._version) for claim in claims]
        digest, current = claims_digest(keys), frozenset(keys)
        shared = self._shared_with(claims, keys)
        if self._store is not None:
            self._store.put_claim_set(digest, keys)
            self._plan(self._store, keys, current, digest, shared)
        working = [e for e in self._entries if e.works]
        batches = batched(working, self._engine.batch_size)
        outcomes = (o for batch in self._engine.map(work_batch, _WorkBatches(batches, self), shared) for o in batch)
        result = Matched()
        take = on_matches or result.matches.extend
        self._progress("checking articles", 0, len(self._entries))
        done = 0
        for chunk in batched(self._entries, CHUNK):
            writes = _Writes()
            held = self._held(chunk)
            for entry in chunk:
                outcome = next(outcomes) if entry.works else None
                self._add(entry, outcome, held, _Claims(keys, current, digest), shared, writes, result, take)
            if self._store is not None:
                self._store.put(writes.records)
                self._store.put_matched(writes.articles, writes.claim_sets, writes.found)
            done += len(chunk)
            self._progress("checking articles", done, len(self._entries))
        return result

    def _shared_with(self, claims: Sequence[Claim], keys: list[str]) -> Shared:
        """The shared state with the claims: each one's query read from the cache, or read from the claim (and its
        matcher kept, to send to the workers) when the cache does not know the claim."""
        known = self._store.queries(keys) if self._store is not None else {}
        queries, matchers, new = [], {}, []
        for i, (claim, key) in enumerate(zip(claims, keys, strict=True)):
            try:
                queries.append(unpack_query(known[key]))
                continue
            except (KeyError, ValueError):
                pass
            matchers[i] = Matcher([claim], self._shared.vocabulary)
            queries.append(claim_query(matchers[i].terms[0]))
            new.append((key, pack_query(queries[-1])))
        if self._store is not None and new:
            self._store.put_queries(new)
        return replace(self._shared, claims=tuple(claims), claim_keys=tuple(keys), queries=tuple(queries),
                       matchers=matchers, persist=self._store is not None)

    def work(self, entry: _Entry) -> Fresh | Stored:
        """What a worker needs for the entry: its file, or its stored analysis and the claims to match."""
        if entry.todo is None or self._store is None or entry.key is None:
            return Fresh(entry.path)
        found = self._store.get(entry.key)
        if found is None:
            return Fresh(entry.path)
        return Stored(entry.path, entry.article_id, entry.shown, found, unpacked_limit(entry.size), entry.todo)

    def _plan(self, store: AnalysisCache, keys: list[str], current: frozenset[str], digest: str,
              shared: Shared) -> None:
        """Say for each entry what is left to do: everything, nothing, or the claims new to it that it can hold."""
        known = store.claim_sets(e.key for e in self._entries if e.key is not None)
        sets: dict[str, frozenset[str] | None] = {}
        partial = []
        for entry in self._entries:
            last = known.get(entry.key) if entry.key is not None else None
            if last == digest:
                entry.todo, entry.before = (), current
            elif last is not None:
                if last not in sets:
                    sets[last] = store.claim_set(last)
                entry.before = sets[last] or frozenset()
                partial.append(entry)
        for chunk in batched(partial, CHUNK):
            terms = store.terms(e.key for e in chunk if e.key is not None)
            for entry in chunk:
                try:
                    held = unpack_terms(terms[entry.key or ""])
                except (KeyError, PackError):
                    entry.todo, entry.before = None, frozenset()  # analysed again, whole
                    continue
                entry.todo = tuple(i for i, key in enumerate(keys)
                                   if key not in entry.before and may_hold(shared.queries[i], held))

    def _held(self, chunk: Sequence[_Entry]) -> _Held:
        """The stored records and matches of the chunk's entries that are read from the cache."""
        stored = [e.key for e in chunk if e.todo is not None and e.key is not None]
        if self._store is None or not stored:
            return _Held({}, {})
        return _Held(self._store.articles(stored), self._store.found(stored))

    def _add(self, entry: _Entry, outcome: Outcome | None, held: _Held, claims: _Claims, shared: Shared,
             writes: _Writes, result: Matched, take: Callable[[list[Match]], None]) -> None:
        """Put one entry's article, summary and matches (in claim order) in the result, and its new rows in
        `writes`."""
        keys, digest = claims.keys, claims.digest
        if outcome is None or not outcome.fresh:
            try:
                article, stated, found = self._from_cache(entry, held, claims, outcome)
            except (KeyError, PackError):
                outcome = check_fresh(entry.path, shared)
        if outcome is not None and outcome.fresh and entry.todo is not None and self._store is not None \
                and entry.key is not None:
            self._store.forget(entry.key)  # its stored entries did not decode: they are replaced below
        if outcome is not None and outcome.fresh:
            if outcome.skipped is not None:
                result.skipped.append(outcome.skipped)
                return
            assert outcome.article is not None, "a fresh article that is not skipped was analysed"
            article, stated = outcome.article, outcome.stated
            found = {keys[i]: matches for i, matches in outcome.found.items()}
            if outcome.record and entry.key is not None:
                writes.records.append((entry.key, outcome.record))
                writes.articles.append((entry.key, outcome.packed_article, stated, outcome.terms, digest))
                writes.found += [(entry.key, k, pack_matches(m)) for k, m in found.items()]
        elif outcome is not None and entry.key is not None:  # matched against the claims new to it
            writes.claim_sets.append((digest, entry.key))
            writes.found += [(entry.key, keys[i], pack_matches(m)) for i, m in outcome.found.items()]
        elif entry.todo == () and entry.before is not claims.current and entry.key is not None:
            writes.claim_sets.append((digest, entry.key))  # no claim new to it can hold it
        matches = [m for key in sorted(found, key=claims.order.__getitem__) for m in found[key]]
        take(matches)
        result.summaries.append(_summary(article, stated, len({m.value.start for m in matches})))
        keep = shared.settings.keep_texts
        result.articles.append(article if keep else article.model_copy(update={"text": ""}))

    def _from_cache(self, entry: _Entry, held: _Held, claims: _Claims,
                    outcome: Outcome | None) -> tuple[Article, int, dict[str, list[Match]]]:
        """The entry's article, values stated and matches by claim key, from the cache and the claims new to it."""
        assert entry.key is not None, "only stored entries are read from the cache"
        blob, stated = held.articles[entry.key]
        article = unpack_article_record(entry.article_id, entry.shown, blob, unpacked_limit(entry.size))
        stored = held.found.get(entry.key, {})
        # what it found for the claims it was matched against before that are still claims
        seen = Seen()
        found = {key: unpack_matches(blob, entry.article_id, seen) for key, blob in stored.items()
                 if key in entry.before and key in claims.current}
        if outcome is not None:
            found.update({claims.keys[i]: matches for i, matches in outcome.found.items()})
        return article, stated, found


@dataclass(frozen=True)
class _Claims:
    """The run's claims as the cache knows them: their keys in claim order, as a set, and the set's digest."""

    keys: list[str]
    current: frozenset[str]
    digest: str

    @functools.cached_property
    def order(self) -> dict[str, int]:
        return {key: i for i, key in enumerate(self.keys)}


@dataclass(frozen=True)
class _Held:
    articles: dict[str, tuple[bytes, int]]
    found: dict[str, dict[str, bytes]]


@dataclass
class _Writes:
    """The rows one chunk of entries adds to the cache."""

    records: list[tuple[str, bytes]] = field(default_factory=list)
    articles: list[tuple[str, bytes, int, bytes, str]] = field(default_factory=list)
    claim_sets: list[tuple[str, str]] = field(default_factory=list)
    found: list[tuple[str, str, bytes]] = field(default_factory=list)


class _WorkBatches(Sequence[list[Fresh | Stored]]):
    """The work of each batch as workers take it, read from the store only when a batch is due."""

    def __init__(self, batches: list[Sequence[_Entry]], corpus: Corpus) -> None:
        self._batches, self._corpus = batches, corpus

    def __len__(self) -> int:
        return len(self._batches)

    def __getitem__(self, index: int) -> list[Fresh | Stored]:  # type: ignore[override]
        return [self._corpus.work(entry) for entry in self._batches[index]]


def _entry(path: Path, root: Path, version: str) -> _Entry:
    try:
        raw = path.read_bytes()
        key: str | None = file_key(raw, version, path.suffix)
    except OSError:
        raw, key = b"", None  # analysing it reports why it cannot be read
    return _Entry(path, path.relative_to(root).with_suffix("").as_posix(), display_path(path), key, len(raw))


def _summary(article: Article, stated: int, covered: int) -> ArticleSummary:
    return ArticleSummary(
        id=article.id, title=article.title, published=article.published, url=article.url,
        publisher=article.publisher, path=article.path, values_stated=stated, values_uncovered=stated - covered,
    )


@contextmanager
def open_corpus(files: Sequence[Path], root: Path, scales: Mapping[str, Scale], vocabulary: Vocabulary,
                vocabulary_records: Sequence[Mapping[str, Any]], settings: Settings,
                progress: ProgressCallback) -> Iterator[Corpus]:
    """The corpus of `files`, with its cache (in `settings.cache_dir`; none without one) open."""
    engine = make_engine(settings.engine, settings.workers, settings.scheduler)
    version = code_version() + settings_digest(scales, vocabulary_records)
    store = AnalysisCache.in_folder(settings.cache_dir) if settings.cache_dir is not None else None
    try:
        yield Corpus(files, Shared(root, dict(scales), vocabulary, settings), store, engine, progress, version)
    finally:
        if store is not None:
            store.close()
        engine.close()

