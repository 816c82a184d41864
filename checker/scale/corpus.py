"""A corpus worked through at any size: each article analysed once (or read from the cache), then matched, on an engine.

Articles stream through in two passes so a large corpus is never held whole: the first
analyses each article the cache lacks (on the engine) and stores it packed; the second reads
each back, batch by batch, and matches it against the claims. A packed article the cache holds
damaged is never trusted: the article is analysed again and the entry replaced.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.matching import Match, Matcher
from checker.matching.vocabulary import Vocabulary
from checker.models import Article, ArticleSummary, SkippedArticle
from checker.scale.cache import AnalysisCache, code_version
from checker.scale.engines import Engine, batched, make_engine
from checker.scale.packed import (
    PackedArticle,
    PackError,
    analyse_file,
    file_key,
    settings_digest,
    unpack_article,
    unpacked_limit,
)
from checker.settings import Settings
from checker.store.paths import display_path
from checker.values import Scale

ProgressCallback = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Shared:
    """What every worker needs, sent to it once: where articles are, the scales, vocabulary, settings, matcher."""

    root: Path
    scales: Mapping[str, Scale]
    vocabulary: Vocabulary
    settings: Settings
    matcher: Matcher | None = None

    def analyse(self, path: Path) -> PackedArticle | SkippedArticle:
        """One article file read and analysed, or why it is skipped (with a warning)."""
        return analyse_file(path, self.root, self.scales, self.settings.max_article_bytes, self.vocabulary)


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
    size: int = 0  # the file's bytes, which bound how far its cache entry may inflate
    packed: PackedArticle | None = None  # kept in memory only when it may not be cached
    skipped: SkippedArticle | None = None


@dataclass(frozen=True)
class _Stored:
    """An article as the cache holds it, decoded by the worker that matches it."""

    path: Path
    article_id: str
    shown: str
    blob: bytes
    max_bytes: int  # how far the blob may inflate before it is taken for damaged


_Work = PackedArticle | _Stored


class Corpus:
    """The article files of one run, analysed on `engine` with the packed analyses kept in `store`."""

    def __init__(self, files: Sequence[Path], shared: Shared, store: AnalysisCache, engine: Engine,
                 progress: ProgressCallback, version: str) -> None:
        self._shared, self._store, self._engine, self._progress = shared, store, engine, progress
        self._entries = [_entry(path, shared.root, version) for path in files]
        self._skipped: list[SkippedArticle] = []
        self._analyse()

    def match(self, matcher: Matcher) -> Matched:
        """Every article matched against the claims of `matcher`."""
        shared = Shared(self._shared.root, self._shared.scales, self._shared.vocabulary, self._shared.settings,
                        matcher)
        result = Matched(skipped=list(self._skipped))
        batches = batched(self._entries, self._engine.batch_size)
        done = 0
        self._progress("matching claims", 0, len(self._entries))
        for batch, outcome in zip(batches, self._engine.map(_match_batch, _WorkBatches(batches, self), shared),
                                  strict=True):
            for entry, (packed, matches, repaired) in zip(batch, outcome, strict=True):
                if repaired:
                    self._replace(entry, packed)
                result.matches.extend(matches)
                article, stated = packed.article, packed.analysis.stated
                result.summaries.append(_summary(article, stated, len({m.value.start for m in matches})))
                keep = shared.settings.keep_texts
                result.articles.append(article if keep else article.model_copy(update={"text": ""}))
            done += len(batch)
            self._progress("matching claims", done, len(self._entries))
        return result

    def work(self, entry: _Entry) -> _Work:
        """What a worker needs to match the entry: its analysis, or the cache's bytes for it (decoded there)."""
        if entry.packed is not None:
            return entry.packed
        assert entry.key is not None, "an entry is either kept in memory or stored"
        found = self._store.get(entry.key)
        assert found is not None, "the first pass stored it"
        return _Stored(entry.path, entry.article_id, entry.shown, found, unpacked_limit(entry.size))

    def _analyse(self) -> None:
        """Analyse, on the engine, every usable file the store lacks, and store what may be cached."""
        missing = self._store.missing(e.key for e in self._entries if e.key is not None)
        todo = [e for e in self._entries if e.key is None or e.key in missing]
        done = len(self._entries) - len(todo)
        self._progress("analysing articles", done, len(self._entries))
        batches = batched(todo, self._engine.batch_size)
        work = [[e.path for e in batch] for batch in batches]
        for batch, results in zip(batches, self._engine.map(_analyse_batch, work, self._shared), strict=True):
            pending = []
            for entry, packed in zip(batch, results, strict=True):
                if isinstance(packed, SkippedArticle):
                    entry.skipped = packed
                elif packed.cacheable and entry.key is not None:
                    pending.append((entry.key, packed.to_bytes()))
                else:
                    entry.packed = packed
            self._store.put(pending)
            done += len(batch)
            self._progress("analysing articles", done, len(self._entries))
        self._skipped = [e.skipped for e in self._entries if e.skipped is not None]
        self._entries = [e for e in self._entries if e.skipped is None]

    def _replace(self, entry: _Entry, packed: PackedArticle) -> None:
        """Put a re-analysed article in place of a damaged cache entry."""
        assert entry.key is not None, "only stored entries are repaired"
        self._store.forget(entry.key)
        self._store.put([(entry.key, packed.to_bytes())])


class _WorkBatches(Sequence[list[_Work]]):
    """The work of each batch as workers take it, read from the store only when a batch is due."""

    def __init__(self, batches: list[Sequence[_Entry]], corpus: Corpus) -> None:
        self._batches, self._corpus = batches, corpus

    def __len__(self) -> int:
        return len(self._batches)

    def __getitem__(self, index: int) -> list[_Work]:  # type: ignore[override]
        return [self._corpus.work(entry) for entry in self._batches[index]]


def _entry(path: Path, root: Path, version: str) -> _Entry:
    try:
        raw = path.read_bytes()
        key: str | None = file_key(raw, version)
    except OSError:
        raw, key = b"", None  # analysing it reports why it cannot be read
    return _Entry(path, path.relative_to(root).with_suffix("").as_posix(), display_path(path), key, len(raw))


def _analyse_batch(paths: Sequence[Path], shared: Shared) -> list[PackedArticle | SkippedArticle]:
    return [shared.analyse(path) for path in paths]


def _match_batch(batch: Sequence[_Work], shared: Shared) -> list[tuple[PackedArticle, list[Match], bool]]:
    """Each article's (packed analysis, matches, whether its cache entry was damaged and it was analysed anew)."""
    assert shared.matcher is not None, "matching shares the matcher"
    out = []
    for work in batch:
        packed, repaired = _packed_of(work, shared)
        out.append((packed, shared.matcher.match_article(packed.analysis), repaired))
    return out


def _packed_of(work: _Work, shared: Shared) -> tuple[PackedArticle, bool]:
    if isinstance(work, PackedArticle):
        return work, False
    try:
        return unpack_article(work.article_id, work.shown, work.blob, work.max_bytes), False
    except PackError:
        # A damaged cache entry is never trusted: the article is analysed again.
        packed = shared.analyse(work.path)
        assert isinstance(packed, PackedArticle), "the article was usable when it was analysed"
        return packed, True


def _summary(article: Article, stated: int, covered: int) -> ArticleSummary:
    return ArticleSummary(
        id=article.id, title=article.title, published=article.published, url=article.url,
        publisher=article.publisher, path=article.path, values_stated=stated, values_uncovered=stated - covered,
    )


@contextmanager
def open_corpus(files: Sequence[Path], root: Path, scales: Mapping[str, Scale], vocabulary: Vocabulary,
                vocabulary_records: Sequence[Mapping[str, Any]], settings: Settings,
                progress: ProgressCallback) -> Iterator[Corpus]:
    """The corpus of `files`, analysed, with its cache (in `settings.cache_dir`, else for this run only) open."""
    engine = make_engine(settings.engine, settings.workers, settings.scheduler)
    version = code_version() + settings_digest(scales, vocabulary_records)
    try:
        with _analysis_store(settings.cache_dir) as store:
            yield Corpus(files, Shared(root, dict(scales), vocabulary, settings), store, engine, progress, version)
    finally:
        engine.close()


@contextmanager
def _analysis_store(cache_dir: Path | None) -> Iterator[AnalysisCache]:
    with tempfile.TemporaryDirectory(prefix="claimcheck-analysis-") as folder:
        store = (AnalysisCache.in_folder(cache_dir) if cache_dir is not None
                 else AnalysisCache(Path(folder) / "analysis.sqlite3", announce=False))
        try:
            yield store
        finally:
            store.close()
