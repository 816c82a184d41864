"""The check from files to a Report: load, analyse each article once, match, judge, roll up."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from checker import __version__
from checker.articles import load_articles
from checker.claims import load_claims
from checker.errors import ConfigError
from checker.matching import AnalysedArticle, Match, Matcher, analyse_article
from checker.models import Article, ArticleSummary, Claim, ClaimResult, Kind, Mention, Report
from checker.text import boilerplate_lines, split_sentences
from checker.values import Context, Scale, builtin_scales, extract_values
from checker.verdicts import caveats, judge, roll_up

# Mentions whose sentence scores below this (0-1) are flagged as weak matches.
WEAK_MATCH_SCORE = 0.45

ProgressCallback = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Settings:
    """Options of a check run that do not come from the claim and article files."""

    scales: dict[str, Scale] | None = None


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
    articles = load_articles(articles_path)
    analysed: list[AnalysedArticle] = []
    for n, article in enumerate(articles, 1):
        article = _with_inferred_date(article, scales)
        skip = boilerplate_lines(article.text)
        sentences = split_sentences(article.text, skip)
        analysed.append(analyse_article(article, sentences, Context(published=article.published, scales=scales)))
        if on_progress:
            on_progress("articles analysed", n, len(articles))
    matches = Matcher(claims, analysed).find_matches()
    articles = [a.article for a in analysed]
    report = build_report(claims, analysed, matches, digest=inputs_digest(claims_path, articles_path))
    return CheckResult(report=report, articles=articles)


def build_report(claims: Sequence[Claim], analysed: Sequence[AnalysedArticle], matches: Sequence[Match],
                 digest: str | None = None) -> Report:
    """Judge every match and roll the mentions up into a Report."""
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
    summaries = []
    for item in sorted(analysed, key=lambda a: a.article.id):
        stated = sum(len(v) for v in item.values)
        summaries.append(ArticleSummary(
            id=item.article.id, title=item.article.title, published=item.article.published, url=item.article.url,
            publisher=item.article.publisher, path=item.article.path, values_stated=stated,
            values_uncovered=stated - len(covered[item.article.id]),
        ))
    return Report(version=__version__, generated=generated_timestamp(), inputs_digest=digest,
                  articles=tuple(summaries), claims=tuple(results))


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
        matched_words=match.matched_words,
    )


def _with_inferred_date(article: Article, scales: dict[str, Scale]) -> Article:
    """Where front matter gives no date, take a full date stated in the article's first lines (a byline)."""
    if article.published is not None:
        return article
    head = "\n".join(article.text.split("\n")[:8])
    for value in extract_values(head, Context(scales=scales), kinds=frozenset({Kind.DATE})):
        if isinstance(value.value, str) and len(value.value) == 10:
            return article.model_copy(update={"published": dt.date.fromisoformat(value.value)})
    return article


def generated_timestamp() -> str:
    """Now in UTC, or the time SOURCE_DATE_EPOCH pins for reproducible output."""
    pinned = os.environ.get("SOURCE_DATE_EPOCH")
    if pinned:
        try:
            moment = dt.datetime.fromtimestamp(int(pinned), tz=dt.UTC)
        except (ValueError, OverflowError, OSError) as exc:
            raise ConfigError(f"SOURCE_DATE_EPOCH={pinned!r} is not a Unix time in seconds; unset it or fix it") from exc
    else:
        moment = dt.datetime.now(tz=dt.UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def inputs_digest(*roots: Path) -> str:
    """A short SHA-256 over the names and bytes of every input file, to tell runs apart."""
    digest = hashlib.sha256()
    for root in roots:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            digest.update(path.relative_to(root.parent if root.is_file() else root).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:16]
