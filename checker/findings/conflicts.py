"""What a check asks someone to act on: conflicts (new or accepted by the baseline), unconfirmed claims, stale
baseline entries, each placed at a file and line, and whether the check fails."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.findings.baseline import Baseline, BaselineEntry, conflict_key
from checker.findings.scope import Scope, narrow_report
from checker.models import Article, CheckResult, ClaimResult, Mention, Report, Status, Verdict


@dataclass(frozen=True)
class Conflict:
    """A mention that conflicts with its claim, where it stands, and the baseline entry accepting it, if any."""

    claim: ClaimResult
    mention: Mention
    path: str | None  # the article file as shown to users
    line: int | None  # 1-based line of the stated value in that file
    accepted: BaselineEntry | None = None


@dataclass(frozen=True)
class Findings:
    """Everything one check found, narrowed to the change when one was given."""

    report: Report
    conflicts: tuple[Conflict, ...]
    stale: tuple[BaselineEntry, ...] = ()
    baseline_path: str | None = None
    strict: bool = False
    published: dict[str, str] = field(default_factory=dict)  # article id -> ISO date, for messages

    @property
    def new_conflicts(self) -> tuple[Conflict, ...]:
        """Conflicts no baseline entry accepts: these fail the check."""
        return tuple(c for c in self.conflicts if c.accepted is None)

    @property
    def unconfirmed(self) -> tuple[ClaimResult, ...]:
        """Claims no article states a value for: these fail the check only when strict."""
        return tuple(c for c in self.report.claims if c.status is Status.UNCONFIRMED)

    @property
    def failing(self) -> bool:
        """True when the check should exit 1."""
        return bool(self.new_conflicts) or (self.strict and bool(self.unconfirmed or self.stale))


def collect_findings(result: CheckResult, baseline: Baseline | None = None, scope: Scope | None = None,
                     strict: bool = False) -> Findings:
    """Judge a check's result against a baseline and narrow it to a change's scope."""
    full = result.report
    report = narrow_report(full, scope) if scope is not None else full
    accepted = baseline.by_key() if baseline else {}
    lines = _LineFinder(result.articles)
    conflicts = tuple(
        Conflict(claim=claim, mention=mention, path=lines.path(mention.article),
                 line=lines.line(mention.article, mention.start), accepted=accepted.get(conflict_key(claim, mention)))
        for claim in report.claims for mention in claim.mentions if mention.verdict is Verdict.CONFLICTS
    )
    occurring = {conflict_key(c, m) for c in full.claims for m in c.mentions if m.verdict is Verdict.CONFLICTS}
    known_claims = {c.id for c in full.claims}
    stale = tuple(
        entry for entry in (baseline.entries if baseline else ())
        if entry.key not in occurring
        and (scope is None or scope.covers(entry.claim, entry.article) or entry.claim not in known_claims)
    )
    return Findings(
        report=report, conflicts=conflicts, stale=stale, baseline_path=baseline.path if baseline else None,
        strict=strict,
        published={a.id: a.published.isoformat() for a in full.articles if a.published},
    )


def conflict_message(conflict: Conflict, published: dict[str, str]) -> str:
    """'states 410 ('410', 2019-06-20) but the claim says 300 [other_time]'."""
    mention, claim = conflict.mention, conflict.claim
    when = published.get(mention.article)
    caveats = f" [{', '.join(c.value for c in mention.caveats)}]" if mention.caveats else ""
    return (f"states {json.dumps(mention.value.model_dump(mode='json'), ensure_ascii=False)} "
            f"({mention.text!r}{', ' + when if when else ''}) "
            f"but the claim says {json.dumps(claim.value.model_dump(mode='json'), ensure_ascii=False)}{caveats}")


def stale_message(entry: BaselineEntry) -> str:
    """Why a baseline entry is stale and what to do about it."""
    return (f"stale baseline entry: {entry.article} no longer states {json.dumps(entry.value, ensure_ascii=False)} "
            f"against claim {entry.claim}; remove the entry (or rerun 'claimcheck baseline')")


UNCONFIRMED_MESSAGE = "no article states a value for this claim"

_PLAIN_TEXT_SUFFIXES = (".txt", ".md")


class _LineFinder:
    """Lines in article files of offsets into their analysed text.

    The analysed text is the file's body after front matter, with line ends normalised to
    \\n and characters replaced one for one, so an offset's line in the file is its line in
    the body plus the lines the front matter takes.
    """

    def __init__(self, articles: Sequence[Article]) -> None:
        self._articles = {a.id: a for a in articles}
        self._front: dict[str, int | None] = {}

    def path(self, article_id: str) -> str | None:
        article = self._articles.get(article_id)
        return article.path if article else None

    def line(self, article_id: str, offset: int) -> int | None:
        article = self._articles.get(article_id)
        if article is None:
            return None
        if article_id not in self._front:
            self._front[article_id] = _front_matter_lines(article)
        front = self._front[article_id]
        return None if front is None else front + article.text.count("\n", 0, offset) + 1


def _front_matter_lines(article: Article) -> int | None:
    if Path(article.path).suffix.lower() not in _PLAIN_TEXT_SUFFIXES:
        return None  # an HTML page's text is extracted, so its offsets say nothing about the file's lines
    try:
        raw = Path(article.path).read_bytes()
    except OSError:
        return None
    # Decoding errors cannot move line ends in the encodings articles come in; only the count matters here.
    text = raw.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    front = text.count("\n") - article.text.count("\n")
    return front if front >= 0 else None
