"""The check from files to a Report: load, analyse each article once, match, judge, roll up.

Articles stream through in two passes so a large corpus is never held whole: the first
analyses each article (or finds it in the analysis cache) and sums how many sentences
hold each word, which weighs the claims' words; the second matches each article's
analysis against the claims. The per-article work runs on an engine (checker.scale.engines).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from checker import __version__
from checker.errors import ConfigError
from checker.matching.evidence import AnalysedArticle, Match, Matcher
from checker.models import Article, ArticleSummary, Claim, ClaimResult, Mention, Report
from checker.scale.cache import AnalysisCache, code_version
from checker.scale.engines import Engine, EngineName, batched, make_engine
from checker.scale.records import (
    ArticleRecord,
    RecordError,
    analyse_file,
    file_key,
    read_frequencies,
    read_record,
    scales_digest,
)
from checker.store.articles import find_article_files
from checker.store.claims import find_claim_files, load_claims
from checker.store.paths import display_path
from checker.values import Scale, builtin_scales
from checker.verdicts import caveats, judge, roll_up

# Mentions whose sentence scores below this (0-1) are flagged as weak matches.
WEAK_MATCH_SCORE = 0.45

ProgressCallback = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Settings:
    """Options of a check run that do not come from the claim and article files."""

    scales: dict[str, Scale] | None = None
    # Keep each article's analysis here across runs; None analyses every article afresh.
    cache_dir: Path | None = None
    engine: EngineName = EngineName.LOCAL
    workers: int | None = None  # local processes; None for one per core
    scheduler: str | None = None  # the Dask scheduler's address, for the dask engine
    # CheckResult.articles carry their text, which the HTML report shows; a check that only
    # needs the verdicts can drop them and hold far less memory on a large corpus.
    keep_texts: bool = True


@dataclass
class CheckResult:
    """A Report and the articles it was made from (the HTML shows their text)."""

    report: Report
    articles: list[Article]


def run_check(claims_path: Path, articles_path: Path, settings: Settings | None = None,
              on_progress: ProgressCallback | None = None) -> CheckResult:
    """Check every claim under `claims_path` against every article under `articles_path`."""
    settings = settings or Settings()
    scales = settings.scales if settings.scales is not None else builtin_scales()
    claims = load_claims(claims_path, scales)
    progress = on_progress or _no_progress
    files = find_article_files(articles_path)
    version = code_version() + scales_digest(scales)
    engine = make_engine(settings.engine, settings.workers, settings.scheduler)
    try:
        with _analysis_store(settings.cache_dir) as store:
            entries = _analyse(files, articles_path, scales, version, store, engine, progress)
            shared = _Shared(articles_path, dict(scales))
            shared = _Shared(articles_path, shared.scales, _matcher(claims, entries, store, shared))
            matched = _match(entries, store, engine, shared, settings.keep_texts, progress)
    finally:
        engine.close()
    report = build_report(claims, [], matched.matches, digest=inputs_digest(claims_path, articles_path),
                          summaries=matched.summaries)
    return CheckResult(report=report, articles=matched.articles)


@dataclass
class _Entry:
    """One article file on its way through the check."""

    path: Path
    article_id: str
    shown: str  # the path as messages and the report show it
    key: str | None  # its cache key; None when the file could not be read to make one
    record: ArticleRecord | None = None  # kept in memory only when it may not be cached
    skipped: bool = False


@dataclass
class _Matched:
    matches: list[Match]
    summaries: list[ArticleSummary]
    articles: list[Article]


@dataclass(frozen=True)
class _Shared:
    """What every worker needs: the rating scales, and for matching the matcher."""

    root: Path
    scales: dict[str, Scale]
    matcher: Matcher | None = None


def _analyse(files: list[Path], root: Path, scales: Mapping[str, Scale], version: str, store: AnalysisCache,
             engine: Engine, progress: ProgressCallback) -> list[_Entry]:
    """Every usable file's entry; the articles the store lacks are analysed on the engine and stored."""
    entries = [_entry(path, root, version) for path in files]
    missing = store.missing(e.key for e in entries if e.key is not None)
    todo = [e for e in entries if e.key is None or e.key in missing]
    done = len(entries) - len(todo)
    progress("analysing articles", done, len(entries))
    shared = _Shared(root, dict(scales))
    todo_batches = batched(todo, engine.batch_size)
    work = [[e.path for e in batch] for batch in todo_batches]
    for batch, results in zip(todo_batches, engine.map(_analyse_batch, work, shared), strict=True):
        pending = []
        for entry, result in zip(batch, results, strict=True):
            if result is None:
                entry.skipped = True
            elif result[0] and entry.key is not None:
                pending.append((entry.key, result[1], result[2]))
            else:
                entry.record = read_record(entry.article_id, entry.shown, result[1], result[2])
        store.put(pending)
        done += len(batch)
        progress("analysing articles", done, len(entries))
    return [e for e in entries if not e.skipped]


def _entry(path: Path, root: Path, version: str) -> _Entry:
    try:
        key: str | None = file_key(path.read_bytes(), version)
    except OSError:
        key = None  # analysing it reports why it cannot be read
    return _Entry(path, path.relative_to(root).with_suffix("").as_posix(), display_path(path), key)


def _analyse_batch(paths: Sequence[Path], shared: _Shared) -> list[tuple[bool, bytes, bytes] | None]:
    """(cacheable, frequencies, body) of each article, or None for a file skipped with a warning."""
    results: list[tuple[bool, bytes, bytes] | None] = []
    for path in paths:
        record = analyse_file(path, shared.root, shared.scales)
        results.append(None if record is None else (record.cacheable, record.frequency_bytes(), record.body_bytes()))
    return results


def _matcher(claims: Sequence[Claim], entries: list[_Entry], store: AnalysisCache, shared: _Shared) -> Matcher:
    """A matcher weighing words by how many of the corpus's sentences hold them."""
    frequency: dict[str, int] = defaultdict(int)
    sentences = 0
    for entry in entries:
        found, count = _frequencies(entry, store, shared)
        sentences += count
        for stem, n in found.items():
            frequency[stem] += n
    return Matcher.from_frequencies(claims, frequency, sentences)


def _frequencies(entry: _Entry, store: AnalysisCache, shared: _Shared) -> tuple[dict[str, int], int]:
    if entry.record is not None:
        return entry.record.frequencies, entry.record.sentences
    assert entry.key is not None, "an entry is either kept in memory or stored"
    blob = store.frequencies(entry.key)
    if blob is not None:
        try:
            return read_frequencies(blob)
        except RecordError:
            store.forget(entry.key)
    # A damaged entry is never trusted: analyse the article again, and keep it in memory.
    entry.record = analyse_file(entry.path, shared.root, shared.scales)
    assert entry.record is not None, "the article was usable when it was analysed"
    return entry.record.frequencies, entry.record.sentences


_Work = tuple[Path, str, str, bytes, bytes] | ArticleRecord


def _match(entries: list[_Entry], store: AnalysisCache, engine: Engine, shared: _Shared, keep_texts: bool,
           progress: ProgressCallback) -> _Matched:
    """Every article's matches, its summary and (with `keep_texts`) the article itself, in order."""
    result = _Matched([], [], [])
    batches = batched(entries, engine.batch_size)
    done = 0
    progress("matching claims", 0, len(entries))
    for batch, outcome in zip(batches, engine.map(_match_batch, _work_batches(batches, store), shared), strict=True):
        for entry, (article, stated, matches, repaired) in zip(batch, outcome, strict=True):
            if repaired is not None and entry.key is not None:
                store.forget(entry.key)
                store.put([(entry.key, *repaired)])
            result.matches.extend(matches)
            result.summaries.append(_summary(article, stated, len({m.value.start for m in matches})))
            result.articles.append(article if keep_texts else article.model_copy(update={"text": ""}))
        done += len(batch)
        progress("matching claims", done, len(entries))
    return result


class _WorkBatches(Sequence[list[_Work]]):
    """The records of each batch as workers take them, read from the store only when asked for."""

    def __init__(self, batches: list[Sequence[_Entry]], store: AnalysisCache) -> None:
        self._batches, self._store = batches, store

    def __len__(self) -> int:
        return len(self._batches)

    def __getitem__(self, index: int) -> list[_Work]:  # type: ignore[override]
        return [_work(entry, self._store) for entry in self._batches[index]]


def _work_batches(batches: list[Sequence[_Entry]], store: AnalysisCache) -> Sequence[list[_Work]]:
    return _WorkBatches(batches, store)


def _work(entry: _Entry, store: AnalysisCache) -> _Work:
    if entry.record is not None:
        return entry.record
    assert entry.key is not None, "an entry is either kept in memory or stored"
    found = store.get(entry.key)
    assert found is not None, "the first pass stored it"
    return (entry.path, entry.article_id, entry.shown, *found)


def _match_batch(batch: Sequence[_Work], shared: _Shared
                 ) -> list[tuple[Article, int, list[Match], tuple[bytes, bytes] | None]]:
    """Each article's (article, values stated, matches, re-analysis to store when its entry was damaged)."""
    assert shared.matcher is not None, "matching shares the matcher"
    out: list[tuple[Article, int, list[Match], tuple[bytes, bytes] | None]] = []
    for work in batch:
        repaired = None
        if isinstance(work, ArticleRecord):
            record = work
        else:
            path, article_id, shown, frequencies, body = work
            try:
                record = read_record(article_id, shown, frequencies, body)
            except RecordError:
                # never trust a damaged entry: analyse the article again
                fresh = analyse_file(path, shared.root, shared.scales)
                assert fresh is not None, "the article was usable when it was analysed"
                record, repaired = fresh, (fresh.frequency_bytes(), fresh.body_bytes())
        out.append((record.article, record.stated, shared.matcher.match_article(record.analysed,
                                                                                 set(record.frequencies)), repaired))
    return out


def _summary(article: Article, stated: int, covered: int) -> ArticleSummary:
    return ArticleSummary(
        id=article.id, title=article.title, published=article.published, url=article.url,
        publisher=article.publisher, path=article.path, values_stated=stated, values_uncovered=stated - covered,
    )


@contextmanager
def _analysis_store(cache_dir: Path | None) -> Iterator[AnalysisCache]:
    """The cache in `cache_dir`, or a database for this run only, removed after it."""
    if cache_dir is not None:
        store = AnalysisCache.in_folder(cache_dir)
        try:
            yield store
        finally:
            store.close()
        return
    with tempfile.TemporaryDirectory(prefix="claimcheck-analysis-") as folder:
        store = AnalysisCache(Path(folder) / "analysis.sqlite3", announce=False)
        try:
            yield store
        finally:
            store.close()


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


def build_report(claims: Sequence[Claim], analysed: Sequence[AnalysedArticle], matches: Sequence[Match],
                 digest: str | None = None, summaries: Sequence[ArticleSummary] | None = None) -> Report:
    """Judge every match and roll the mentions up into a Report.

    The articles are listed from `summaries` when given (a streamed run keeps no analyses),
    else summed up from `analysed`.
    """
    by_claim: dict[str, list[Mention]] = defaultdict(list)
    covered: dict[str, set[int]] = defaultdict(set)
    claims_by_id = {c.id: c for c in claims}
    for match in matches:
        claim = claims_by_id[match.claim_id]
        by_claim[claim.id].append(to_mention(claim, match))
        covered[match.article_id].add(match.value.start)
    results = []
    for claim in sorted(claims, key=lambda c: c.id):
        mentions = sorted(by_claim[claim.id], key=lambda m: (m.article, m.start, m.end))
        results.append(ClaimResult(
            id=claim.id, kind=claim.kind, value=claim.value, status=roll_up(m.verdict for m in mentions),
            mentions=tuple(mentions), claim=claim.claim, subject=claim.subject, as_of=claim.as_of,
            file=claim.file, line=claim.line,
        ))
    if summaries is None:
        summaries = [_summary(item.article, sum(len(v) for v in item.values), len(covered[item.article.id]))
                     for item in analysed]
    return Report(version=__version__, generated=generated_timestamp(), inputs_digest=digest,
                  articles=tuple(sorted(summaries, key=lambda a: a.id)), claims=tuple(results))


def to_mention(claim: Claim, match: Match) -> Mention:
    """A match judged against its claim, as the JSON result lists it."""
    value = match.value
    verdict = judge(claim, value.value, value.qualifier)
    return Mention(
        article=match.article_id, value=value.value, verdict=verdict, text=value.text,
        sentence=match.sentence.text, start=value.start, end=value.end, score=match.score,
        sentence_start=match.sentence.start, qualifier=value.qualifier, role=value.role, time=match.time,
        caveats=caveats(claim, value.value, value.qualifier, match.time, match.score, WEAK_MATCH_SCORE)
        if verdict.value == "conflicts" else (),
        matched_words=match.matched_words, page=match.page,
    )


def generated_timestamp() -> str:
    """Now in UTC, or the time SOURCE_DATE_EPOCH pins for reproducible output."""
    pinned = os.environ.get("SOURCE_DATE_EPOCH")
    if pinned:
        try:
            moment = dt.datetime.fromtimestamp(int(pinned), tz=dt.UTC)
        except (ValueError, OverflowError, OSError) as exc:
            raise ConfigError(
                f"SOURCE_DATE_EPOCH={pinned!r} is not a Unix time in seconds; unset it or fix it") from exc
    else:
        moment = dt.datetime.now(tz=dt.UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def inputs_digest(claims_path: Path, articles_path: Path) -> str:
    """A short SHA-256 over the names and bytes of the claim and article files read, to tell runs apart.

    Only what the check reads counts: a baseline or a README beside the claims does not.
    """
    digest = hashlib.sha256()
    inputs = ((claims_path, find_claim_files(claims_path)), (articles_path, find_article_files(articles_path)))
    for root, files in inputs:
        for path in files:
            digest.update(path.relative_to(root.parent if root.is_file() else root).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:16]
