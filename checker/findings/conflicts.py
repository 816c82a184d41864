"""What a check asks someone to act on: conflicts (new or accepted by the baseline), unconfirmed claims, stale
baseline entries, each placed at a file and line, and whether the check fails."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.findings.baseline import Baseline, BaselineEntry, conflict_key, mention_key
from checker.findings.scope import Scope, narrow_report
from checker.findings.standing import Standing, Standings, conflict_standing, standings_of, summary_line
from checker.findings.wording import caveat_words, source_name
from checker.models import (
    Article,
    CheckResult,
    ClaimResult,
    Kind,
    Mention,
    Report,
    Status,
    Verdict,
    described,
    display_raw,
)


@dataclass(frozen=True)
class Conflict:
    """A mention that conflicts with its claim, where it stands, and the baseline entry accepting it, if any."""

    claim: ClaimResult
    mention: Mention
    path: str | None  # the article file as shown to users
    line: int | None  # 1-based line of the stated value in that file
    accepted: BaselineEntry | None = None

    @property
    def standing(self) -> Standing:
        """Open, caveated or accepted (checker.findings.standing)."""
        return conflict_standing(self.mention, self.accepted)


@dataclass(frozen=True)
class Findings:
    """Everything one check found, narrowed to the change when one was given."""

    report: Report
    conflicts: tuple[Conflict, ...]
    stale: tuple[BaselineEntry, ...] = ()
    baseline_path: str | None = None
    strict: bool = False
    names: Mapping[str, str] = field(default_factory=dict)  # article id -> its publisher, title and date
    kinds: Mapping[str, Kind] = field(default_factory=dict)  # claim id -> its kind, for stale entries' values
    standings: Standings = field(default_factory=Standings)

    @property
    def open_conflicts(self) -> tuple[Conflict, ...]:
        """New conflicts with no caveat: contradictions (annotated as errors)."""
        return tuple(c for c in self.new_conflicts if c.standing is Standing.OPEN)

    def summary(self, articles: int) -> str:
        """The summary line: claims by standing and status, over `articles` articles."""
        return summary_line(self.report, self.standings, articles)

    def source(self, article_id: str) -> str:
        """An article as people name it: publisher, title and date, else its id."""
        return self.names.get(article_id, article_id)

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
    standings = standings_of(baseline)
    accepted = standings.accepted
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
        strict=strict, names={a.id: source_name(a.id, a) for a in full.articles},
        kinds={c.id: c.kind for c in full.claims}, standings=standings,
    )


class NeededConflicts:
    """Which conflicting mentions a check's findings need when the mentions are not all held (the JSON result
    streamed from disk): each one a baseline entry accepts, which tells the stale entries from the others, and
    the first one none accepts, which fails the check. Called on each conflicting mention, in order."""

    def __init__(self, baseline: Baseline | None) -> None:
        self._accepted = set(baseline.by_key()) if baseline is not None else set()
        self._new_seen = False

    def __call__(self, claim_id: str, mention: Mention) -> bool:
        if self._accepted and mention_key(claim_id, mention) in self._accepted:
            return True
        if self._new_seen:
            return False
        self._new_seen = True
        return True


def conflict_message(conflict: Conflict, findings: Findings) -> str:
    """'Riverside Gazette, “Trust under review”, 20 Jun 2019 states 410 but the claim says 300; caveats: weak match'."""
    mention, claim = conflict.mention, conflict.claim
    stated = described(mention.value, mention.qualifier)
    written = f" (“{mention.text}”)" if mention.text and mention.text != stated else ""
    message = (f"{findings.source(mention.article)} states {stated}{written} "
               f"but the claim says {claim.value.display()}")
    if mention.caveats:
        message += f"; caveats: {caveat_words(mention)}"
    if conflict.accepted is not None:
        message += f"; {accepted_note(conflict.accepted, findings.baseline_path)}"
    return message


def accepted_note(entry: BaselineEntry, baseline_path: str | None) -> str:
    """'accepted in claims/.baseline.yaml: agency staff counted' (or 'no reason given')."""
    return f"accepted in {baseline_path or 'the baseline'}: {entry.reason or 'no reason given'}"


def stale_message(entry: BaselineEntry, findings: Findings) -> str:
    """Why a baseline entry is stale and what to do about it."""
    kind = findings.kinds.get(entry.claim)
    value = (display_raw(kind.value, entry.value) if kind is not None
             else json.dumps(entry.value, ensure_ascii=False, sort_keys=True))
    return (f"stale baseline entry: {findings.source(entry.article)} no longer states {value} "
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
