"""The check from files to a Report: load the claims, analyse each article once, match, judge."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from checker.matching import Vocabulary
from checker.models import CheckResult
from checker.scale.corpus import open_corpus
from checker.settings import Settings
from checker.store.articles import list_article_files
from checker.store.claims import load_claims
from checker.store.digest import inputs_digest
from checker.store.extensions import load_scales, load_vocabulary
from checker.verdicts import build_report

ProgressCallback = Callable[[str, int, int], None]


def run_check(claims_path: Path | str, articles_path: Path | str, settings: Settings | None = None,
              on_progress: ProgressCallback | None = None) -> CheckResult:
    """Check every claim under `claims_path` against every article under `articles_path`."""
    claims_path, articles_path, settings = Path(claims_path), Path(articles_path), settings or Settings()
    scales = load_scales(claims_path)
    records = load_vocabulary(claims_path)
    vocabulary = Vocabulary.from_records(records)
    claims = load_claims(claims_path, scales)
    listed = list_article_files(articles_path, settings.max_article_bytes)
    files = listed.files
    with open_corpus(files, articles_path, scales, vocabulary, records, settings,
                     on_progress or _no_progress) as corpus:
        matched = corpus.match(claims)
    digest = inputs_digest(claims_path, articles_path, files)
    report = build_report(claims, matched.matches, matched.summaries, generated=settings.generated, digest=digest,
                          min_confidence=settings.min_confidence)
    skipped = sorted([*listed.skipped, *matched.skipped], key=lambda s: s.path)
    report = report.model_copy(update={"skipped": tuple(skipped)})
    return CheckResult(report=report, articles=matched.articles)


def _no_progress(stage: str, done: int, total: int) -> None:
    pass
