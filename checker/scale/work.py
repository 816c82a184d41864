"""What a worker does with one article: analyse it and match the claims that can hold it, or match more claims
against its stored analysis. The same functions run in this process, a local pool or on a Dask worker.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.matching import Match, Matcher
from checker.matching.vocabulary import Vocabulary
from checker.models import Article, Claim, SkippedArticle
from checker.scale.index import ClaimQuery, article_terms, may_hold
from checker.scale.packed import (
    PackedArticle,
    PackError,
    analyse_file,
    pack_article,
    pack_terms,
    unpack_article,
)
from checker.settings import Settings
from checker.values import Scale

# Matchers built in this process, by claim key (which holds the analysis version): a pool's or a Dask
# worker's process builds each claim's once, whatever batches it is given.
_BUILT: dict[str, Matcher] = {}


@dataclass(frozen=True)
class Shared:
    """What every worker needs, sent to it once: where articles are, the scales, vocabulary, settings, and the
    claims (with their cache keys, index queries and the matchers this process has already built)."""

    root: Path
    scales: Mapping[str, Scale]
    vocabulary: Vocabulary
    settings: Settings
    claims: tuple[Claim, ...] = ()
    claim_keys: tuple[str, ...] = ()
    queries: tuple[ClaimQuery, ...] = ()
    matchers: Mapping[int, Matcher] = field(default_factory=dict)
    persist: bool = False  # a cache keeps what is found: pack it where it is made, on the worker

    def matcher(self, i: int) -> Matcher:
        """The matcher of claim `i`, built on first use in this process: a run whose claims the cache knows
        reads no claim's terms unless an article needs it."""
        found = self.matchers.get(i) or _BUILT.get(self.claim_keys[i])
        if found is None:
            found = _BUILT[self.claim_keys[i]] = Matcher([self.claims[i]], self.vocabulary)
        return found

    def analyse(self, path: Path) -> PackedArticle | SkippedArticle:
        """One article file read and analysed, or why it is skipped (with a warning)."""
        return analyse_file(path, self.root, self.scales, self.settings.max_article_bytes, self.vocabulary)


@dataclass(frozen=True)
class Fresh:
    """An article the cache lacks: analyse it and match every claim that can hold it."""

    path: Path


@dataclass(frozen=True)
class Stored:
    """An article the cache holds, to match the claims numbered `claims` against (decoded by the worker)."""

    path: Path
    article_id: str
    shown: str
    blob: bytes
    max_bytes: int  # how far the blob may inflate before it is taken for damaged
    claims: tuple[int, ...]


@dataclass
class Outcome:
    """What became of one article: the matches found by claim number, and for a fresh one what to store."""

    found: dict[int, list[Match]] = field(default_factory=dict)  # only claims with matches
    fresh: bool = False  # analysed here: every claim was tried and `article` is set
    article: Article | None = None
    stated: int = 0
    skipped: SkippedArticle | None = None
    cacheable: bool = False
    record: bytes = b""  # the packed analysis, packed article and terms, when `Shared.persist`
    packed_article: bytes = b""
    terms: bytes = b""


def work_batch(batch: Sequence[Fresh | Stored], shared: Shared) -> list[Outcome]:
    """Each article of the batch analysed and matched, or matched from its stored analysis."""
    return [check_fresh(work.path, shared) if isinstance(work, Fresh) else _check_stored(work, shared)
            for work in batch]


def check_fresh(path: Path, shared: Shared) -> Outcome:
    """Analyse one article and match every claim whose query its terms meet."""
    packed = shared.analyse(path)
    if isinstance(packed, SkippedArticle):
        return Outcome(fresh=True, skipped=packed)
    terms = article_terms(packed.analysis)
    claims = [i for i, query in enumerate(shared.queries) if may_hold(query, terms)]
    outcome = Outcome(found=_match(packed, claims, shared), fresh=True, article=packed.article,
                      stated=packed.analysis.stated, cacheable=packed.cacheable)
    if shared.persist and packed.cacheable:
        outcome.record, outcome.packed_article = packed.to_bytes(), pack_article(packed.article)
        outcome.terms = pack_terms(terms)
    return outcome


def _check_stored(work: Stored, shared: Shared) -> Outcome:
    try:
        packed = unpack_article(work.article_id, work.shown, work.blob, work.max_bytes)
    except PackError:
        # A damaged cache entry is never trusted: the article is analysed and matched again, whole.
        return check_fresh(work.path, shared)
    return Outcome(found=_match(packed, work.claims, shared))


def _match(packed: PackedArticle, claims: Sequence[int], shared: Shared) -> dict[int, list[Match]]:
    found = {}
    for i in claims:
        matches = shared.matcher(i).match_article(packed.analysis)
        if matches:
            found[i] = matches
    return found
