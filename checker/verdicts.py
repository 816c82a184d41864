"""Policy: a stated value against its claim (agree or conflict, why it may not be real), the roll-up, the Report."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from checker.models import (
    ArticleSummary,
    Caveat,
    Claim,
    ClaimResult,
    Kind,
    Mention,
    PartialDate,
    Range,
    RangeOrScalar,
    Rating,
    Report,
    Status,
    Tolerance,
    Verdict,
    currency_of,
)
from checker.version import __version__

if TYPE_CHECKING:
    from checker.matching import Match

# Mentions whose sentence scores below this (0-1) are flagged as weak matches.
WEAK_MATCH_SCORE = 0.45
# Exact comparison still forgives float noise ("£4.03m" parsed as 4030000.0000000005).
EXACT = 1e-9
# Durations written in different units ("18 months" vs "1.5 years") differ by rounding: this share forgives it.
DURATION_ROUNDING = 0.01
# Qualifiers that make a stated number a bound rather than the value itself.
LOWER_BOUNDS = frozenset({"more than", "over", "at least", "just over", "above", "upwards of", "in excess of"})
UPPER_BOUNDS = frozenset({
    "less than", "fewer than", "under", "up to", "at most", "just under", "below", "no more than",
})
HEDGES = frozenset({"around", "about", "nearly", "almost", "approximately", "roughly", "some", "circa",
                    "an estimated", "estimated", "close to", "up to", "more than", "over", "at least",
                    "less than", "fewer than", "under", "just over", "just under"})

Interval = tuple[float | None, float | None]


def judge(claim: Claim, value: RangeOrScalar, qualifier: str | None = None) -> Verdict:
    """Agrees when the stated value stands for the claim's value, by the claim's kind."""
    if isinstance(claim.value, Rating):
        return Verdict.AGREES if isinstance(value, Rating) and value.same_label(claim.value) else Verdict.CONFLICTS
    if claim.kind is Kind.MONEY and currency_of(value) != currency_of(claim.value):
        return Verdict.CONFLICTS
    low, high = bounds(value, qualifier)
    claimed_low, claimed_high = bounds(claim.value)
    if (low is None and high is None) or claimed_low is None or claimed_high is None:
        return Verdict.CONFLICTS
    slack = _slack(claim.tolerance, claim.kind, claimed_low, claimed_high)
    inside = (low is None or low <= claimed_high + slack) and (high is None or claimed_low - slack <= high)
    return Verdict.AGREES if inside else Verdict.CONFLICTS


def caveats(claim: Claim, value: RangeOrScalar, qualifier: str | None, time: PartialDate | None, score: float,
            weak_below: float, role: str | None = None) -> tuple[Caveat, ...]:
    """Reasons a conflicting mention may not be a real contradiction."""
    found: list[Caveat] = []
    if claim.as_of and time and claim.kind is not Kind.DATE and not claim.as_of.same_time(time):
        found.append(Caveat.OTHER_TIME)
    elif role == "from":
        # "rose from £80m to £95m", "pushed back from 2025 to 2027": the earlier end of a change is what
        # was, before the time the sentence speaks of
        found.append(Caveat.OTHER_TIME)
    if qualifier and qualifier.lower() in HEDGES:
        found.append(Caveat.HEDGED)
    if isinstance(value, Range):
        found.append(Caveat.RANGE)
    if score < weak_below:
        found.append(Caveat.WEAK_MATCH)
    return tuple(found)


def roll_up(verdicts: Iterable[Verdict]) -> Status:
    """A claim's status: conflicting if any mention conflicts, agreed if any agrees."""
    seen = set(verdicts)
    if Verdict.CONFLICTS in seen:
        return Status.CONFLICTING
    if Verdict.AGREES in seen:
        return Status.AGREED
    return Status.UNCONFIRMED


def bounds(value: RangeOrScalar, qualifier: str | None = None) -> Interval:
    """The stated value as an interval on its kind's number line; a bound word opens one side."""
    if isinstance(value, Range):
        return value.span()
    span = value.span()
    if span is None:
        return None, None
    low, high = span
    q = (qualifier or "").lower()
    if q in LOWER_BOUNDS:
        return low, None
    if q in UPPER_BOUNDS:
        return None, high
    return low, high


def _slack(tolerance: Tolerance | None, kind: Kind, low: float, high: float) -> float:
    reference = max(abs(low), abs(high))
    if tolerance is None:
        return reference * (DURATION_ROUNDING if kind is Kind.DURATION else EXACT)
    if tolerance.relative is not None:
        return reference * tolerance.relative
    return float(tolerance.absolute or 0.0)


def closeness(claim: Claim, value: RangeOrScalar) -> float:
    """How near a stated value lies to the claim's, 1 for equal down towards 0 (dates by years, numbers by ratio).

    Used only to choose between claims competing for one value: a statement of an event's
    date usually lies near the true date, a staff count near the true count.
    """
    low, high = bounds(value)
    claimed_low, claimed_high = bounds(claim.value)
    if low is None or high is None or claimed_low is None or claimed_high is None:
        return 1.0 if low is not None or high is not None or claim.kind is Kind.RATING else 0.5
    stated, claimed = (low + high) / 2, (claimed_low + claimed_high) / 2
    if claim.kind is Kind.DATE:
        return 1.0 / (1.0 + abs(stated - claimed) / 365.25 / 3.0)
    if stated <= 0 or claimed <= 0:
        return 1.0 if stated == claimed else 0.5
    return 1.0 / (1.0 + abs(math.log10(stated / claimed)))


# A match judged: its claim's id, whether it falls below the confidence cut (a possible mention), the mention.
Judged = tuple[str, bool, Mention]


def build_report(claims: Sequence[Claim], matches: Iterable[Match], summaries: Iterable[ArticleSummary],
                 generated: str, digest: str | None = None, min_confidence: float = 0.0) -> Report:
    """Judge every match and roll the mentions up into a Report, claims and articles sorted by id.

    Matches below `min_confidence` are judged too, but listed in the claim's `possible`, apart
    from its mentions: they do not change its status.
    """
    judged = judge_matches({c.id: c for c in claims}, matches, min_confidence)
    return assemble_report(claims, judged, summaries, generated, digest)


def judge_matches(claims_by_id: Mapping[str, Claim], matches: Iterable[Match],
                  min_confidence: float) -> Iterator[Judged]:
    """Each match judged against its claim, in the matches' order."""
    for match in matches:
        below = not match.confidence >= min_confidence
        yield match.claim_id, below, to_mention(claims_by_id[match.claim_id], match)


def assemble_report(claims: Sequence[Claim], judged: Iterable[Judged], summaries: Iterable[ArticleSummary],
                    generated: str, digest: str | None = None, statuses: Mapping[str, Status] | None = None) -> Report:
    """The Report of judged mentions, claims and articles sorted by id, each claim's mentions by article and
    place; a claim's status is rolled up from its mentions unless `statuses` gives it (mentions held elsewhere)."""
    by_claim: dict[str, list[Mention]] = defaultdict(list)
    possible: dict[str, list[Mention]] = defaultdict(list)
    for claim_id, is_possible, mention in judged:
        (possible if is_possible else by_claim)[claim_id].append(mention)
    results = []
    for claim in sorted(claims, key=lambda c: c.id):
        mentions = sorted(by_claim[claim.id], key=lambda m: (m.article, m.start, m.end))
        below = sorted(possible[claim.id], key=lambda m: (m.article, m.start, m.end))
        status = statuses[claim.id] if statuses is not None else roll_up(m.verdict for m in mentions)
        results.append(ClaimResult(
            id=claim.id, kind=claim.kind, value=claim.value, status=status,
            mentions=tuple(mentions), possible=tuple(below), claim=claim.claim, subject=claim.subject,
            as_of=claim.as_of, file=claim.file, line=claim.line,
        ))
    return Report(version=__version__, generated=generated, inputs_digest=digest,
                  articles=tuple(sorted(summaries, key=lambda a: a.id)), claims=tuple(results))


class Tally:
    """What a claim's status and the findings need of mentions judged a batch at a time and kept elsewhere: the
    verdicts seen per claim, and the conflicting mentions that `keep` (claim id, mention) asks for."""

    def __init__(self, claims: Sequence[Claim], min_confidence: float,
                 keep: Callable[[str, Mention], bool] | None = None) -> None:
        self._claims = {c.id: c for c in claims}
        self._min_confidence = min_confidence
        self._keep = keep or (lambda claim_id, mention: True)
        self._verdicts: dict[str, set[Verdict]] = {c.id: set() for c in claims}
        self.conflicts: list[Judged] = []

    def judge(self, matches: Iterable[Match]) -> list[Judged]:
        """The matches judged (as `judge_matches`), counted in."""
        batch = list(judge_matches(self._claims, matches, self._min_confidence))
        for claim_id, is_possible, mention in batch:
            if not is_possible:
                self._verdicts[claim_id].add(mention.verdict)
                if mention.verdict is Verdict.CONFLICTS and self._keep(claim_id, mention):
                    self.conflicts.append((claim_id, False, mention))
        return batch

    def statuses(self) -> dict[str, Status]:
        """Each claim's status, rolled up from every mention counted."""
        return {claim_id: roll_up(verdicts) for claim_id, verdicts in self._verdicts.items()}


def to_mention(claim: Claim, match: Match) -> Mention:
    """A match judged against its claim, as the JSON result lists it."""
    value = match.value
    verdict = judge(claim, value.value, value.qualifier)
    return Mention(
        article=match.article_id, value=value.value, verdict=verdict, text=value.text,
        sentence=match.sentence.text, start=value.start, end=value.end, score=match.score,
        sentence_start=match.sentence.start, qualifier=value.qualifier, role=value.role, time=match.time,
        caveats=caveats(claim, value.value, value.qualifier, match.time, match.score, WEAK_MATCH_SCORE, value.role)
        if verdict is Verdict.CONFLICTS else (),
        matched_words=match.matched_words, page=match.page, confidence=match.confidence, reasons=match.reasons,
    )
