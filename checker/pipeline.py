"""The check from files to a Report: load the claims, analyse each article once, match, judge."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from checker.matching import Match, Vocabulary
from checker.models import CheckResult, Claim, Mention, Report
from checker.scale.corpus import Matched, open_corpus
from checker.scale.spool import MentionRows, MentionSpool
from checker.settings import Settings
from checker.store.articles import ArticleFiles, list_article_files
from checker.store.claims import load_claims
from checker.store.digest import inputs_digest
from checker.store.extensions import load_scales, load_vocabulary
from checker.values import Scale
from checker.verdicts import Tally, assemble_report, build_report

ProgressCallback = Callable[[str, int, int], None]


def run_check(claims_path: Path | str, articles_path: Path | str, settings: Settings | None = None,
              on_progress: ProgressCallback | None = None) -> CheckResult:
    """Check every claim under `claims_path` against every article under `articles_path`."""
    run = _Run.load(Path(claims_path), Path(articles_path), settings or Settings())
    matched = run.match(on_progress)
    report = build_report(run.claims, matched.matches, matched.summaries, generated=run.settings.generated,
                          digest=run.digest, min_confidence=run.settings.min_confidence)
    return run.result(report, matched)


@dataclass
class StreamedCheck:
    """A check whose mentions wait on disk: `result.report` holds each claim's status and only the conflicting
    mentions asked for (what findings act on), and `rows` reads every claim's mentions back, for the JSON
    result; `result.articles` hold no text."""

    result: CheckResult
    rows: MentionRows


@contextmanager
def stream_check(claims_path: Path | str, articles_path: Path | str, settings: Settings | None = None,
                 on_progress: ProgressCallback | None = None,
                 keep: Callable[[str, Mention], bool] | None = None) -> Iterator[StreamedCheck]:
    """run_check with each article's mentions judged and spooled to disk as they are found, so that memory
    follows one batch of articles, not the corpus; the spool is dropped on leaving. `keep(claim id, mention)`
    says which conflicting mentions the report holds (all by default)."""
    settings = replace(settings or Settings(), keep_texts=False)
    run = _Run.load(Path(claims_path), Path(articles_path), settings)
    tally, spool = Tally(run.claims, settings.min_confidence, keep), MentionSpool()
    try:
        matched = run.match(on_progress, lambda matches: spool.add(tally.judge(matches)))
        report = assemble_report(run.claims, tally.conflicts, matched.summaries, generated=run.settings.generated,
                                 digest=run.digest, statuses=tally.statuses())
        yield StreamedCheck(run.result(report, matched), spool.rows)
    finally:
        spool.close()


@dataclass
class _Run:
    """One check's inputs, loaded: the claims, the article files, and what reading them needs."""

    claims_path: Path
    articles_path: Path
    settings: Settings
    scales: dict[str, Scale]
    records: list[dict[str, Any]]
    claims: list[Claim]
    listed: ArticleFiles

    @classmethod
    def load(cls, claims_path: Path, articles_path: Path, settings: Settings) -> _Run:
        scales = load_scales(claims_path)
        records = load_vocabulary(claims_path)
        claims = load_claims(claims_path, scales)
        listed = list_article_files(articles_path, settings.max_article_bytes)
        return cls(claims_path, articles_path, settings, scales, records, claims, listed)

    @property
    def digest(self) -> str:
        return inputs_digest(self.claims_path, self.articles_path, self.listed.files)

    def match(self, on_progress: ProgressCallback | None,
              on_matches: Callable[[list[Match]], None] | None = None) -> Matched:
        vocabulary = Vocabulary.from_records(self.records)
        with open_corpus(self.listed.files, self.articles_path, self.scales, vocabulary, self.records,
                         self.settings, on_progress or _no_progress) as corpus:
            return corpus.match(self.claims, on_matches)

    def result(self, report: Report, matched: Matched) -> CheckResult:
        skipped = sorted([*self.listed.skipped, *matched.skipped], key=lambda s: s.path)
        return CheckResult(report=report.model_copy(update={"skipped": tuple(skipped)}), articles=matched.articles)


def _no_progress(stage: str, done: int, total: int) -> None:
    pass
