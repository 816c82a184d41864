"""Why a claim was or was not found in an article: what it looks for, and every value weighed, gate by gate.

`claimcheck explain CLAIM [ARTICLE]` prints this. A statement is a candidate only when it states a
value of the claim's kind and is no caption, byline, dateline or navigation line; the explanation
says so when an article has none, and when it never names the claim's subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import process

from checker.errors import ClaimFileError, ConfigError
from checker.matching import Explanation, Matcher, Vocabulary
from checker.models import Article, Claim
from checker.scale.packed import PackedArticle, analyse_file
from checker.settings import Settings
from checker.store.articles import find_article_files
from checker.store.claims import load_claims
from checker.store.extensions import load_scales, load_vocabulary


@dataclass(frozen=True)
class ArticleExplanation:
    """One article's part of an explanation."""

    article: Article
    explanation: Explanation


@dataclass(frozen=True)
class ClaimExplanation:
    """A claim, what it looks for, and each article's decisions about it."""

    claim: Claim
    min_confidence: float
    articles: tuple[ArticleExplanation, ...]


def explain_claim(claims_path: Path, articles_path: Path, claim_id: str, article: str | None = None,
                  settings: Settings | None = None) -> ClaimExplanation:
    """Every decision about `claim_id` in every article (or in `article`: an id, a file name or a path)."""
    settings = settings or Settings()
    scales = load_scales(claims_path)
    vocabulary = Vocabulary.from_records(load_vocabulary(claims_path))
    claims = load_claims(claims_path, scales)
    claim = next((c for c in claims if c.id == claim_id), None)
    if claim is None:
        raise ClaimFileError(f"{claims_path}: no claim '{claim_id}'; `claimcheck lint` lists the claims' ids"
                             + _closest(claim_id, [c.id for c in claims]))
    files = find_article_files(articles_path, settings.max_article_bytes)
    if article is not None:
        files = _chosen(files, article, articles_path)
    matcher = Matcher([claim], vocabulary)
    found = []
    for path in files:
        packed = analyse_file(path, articles_path, scales, settings.max_article_bytes, vocabulary)
        if isinstance(packed, PackedArticle):
            found.append(ArticleExplanation(packed.analysis.article, matcher.explain(packed.analysis, claim_id)))
    return ClaimExplanation(claim, settings.min_confidence, tuple(found))


def _chosen(files: Sequence[Path], wanted: str, root: Path) -> list[Path]:
    matches = [p for p in files if wanted in (p.stem, p.name, str(p), p.relative_to(root).as_posix(),
                                                 p.relative_to(root).with_suffix("").as_posix())]
    if not matches:
        raise ConfigError(f"{root}: no article '{wanted}'; give an article id (its file name without the suffix)"
                          + _closest(wanted, [p.relative_to(root).with_suffix("").as_posix() for p in files]))
    return matches


def _closest(wanted: str, known: Sequence[str]) -> str:
    best = process.extractOne(wanted, known) if known else None
    return f" (did you mean '{best[0]}'?)" if best and best[1] >= 80 else ""
