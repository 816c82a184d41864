"""How a conflict stands: open (a contradiction at the same time), caveated (it may not be real: another time,
hedged, a weak match, a range) or accepted (a baseline entry accepts it). The one rule every format and the
report use; the JSON result keeps every conflict as it is, and the exit status still fails on any conflict
that no baseline entry accepts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from checker.findings.baseline import Baseline, BaselineEntry, ConflictKey, conflict_key
from checker.findings.wording import plural
from checker.models import CheckResult, ClaimResult, Mention, Report, Status, Verdict


class Standing(str, Enum):
    """How a conflicting mention, or a claim by its conflicting mentions, stands."""

    OPEN = "open"  # a contradiction: a value for the same time, with no caveat
    CAVEATED = "caveated"  # every reason it may not be real is named by a caveat
    ACCEPTED = "accepted"  # reviewed and accepted in the baseline


def conflict_standing(mention: Mention, accepted: BaselineEntry | None) -> Standing:
    """The standing of one conflicting mention: accepted beats caveated beats open."""
    if accepted is not None:
        return Standing.ACCEPTED
    return Standing.CAVEATED if mention.caveats else Standing.OPEN


def worst(standings: Iterable[Standing]) -> Standing | None:
    """A claim's standing from its conflicts' (open when any is open); None when it has none."""
    found = set(standings)
    for standing in (Standing.OPEN, Standing.CAVEATED, Standing.ACCEPTED):
        if standing in found:
            return standing
    return None


@dataclass(frozen=True)
class Standings:
    """The baseline's entries by the conflict they accept, and the standing of any claim or mention by them."""

    accepted: Mapping[ConflictKey, BaselineEntry] = field(default_factory=dict)
    baseline_path: str | None = None

    def entry(self, claim: ClaimResult, mention: Mention) -> BaselineEntry | None:
        """The baseline entry accepting this conflicting mention, if any."""
        # Without a baseline, no key to compute: a claim at archive size has thousands of conflicts.
        return self.accepted.get(conflict_key(claim, mention)) if self.accepted else None

    def of_mention(self, claim: ClaimResult, mention: Mention) -> Standing | None:
        """A conflicting mention's standing; None for a mention that agrees."""
        if mention.verdict is not Verdict.CONFLICTS:
            return None
        return conflict_standing(mention, self.entry(claim, mention))

    def of_claim(self, claim: ClaimResult) -> Standing | None:
        """A claim's standing by its conflicting mentions; None when nothing conflicts."""
        return worst(s for m in claim.mentions if (s := self.of_mention(claim, m)) is not None)


def standings_of(baseline: Baseline | None) -> Standings:
    """The standings a baseline gives (none accepted without one)."""
    if baseline is None:
        return Standings()
    return Standings(accepted=baseline.by_key(), baseline_path=baseline.path)


def summary_line(report: Report, standings: Standings, articles: int) -> str:
    """'1 contradiction, 2 caveated differences, 1 agreed, 1 unconfirmed (5 claims, 2 articles)', by claim;
    'N accepted' appears when a baseline was given.

    The one wording of a run's outcome: `check`'s last line, `report`'s line on stderr, the report's title and
    headline, the GitHub notice and `checker.summarise` all print this."""
    counts: Counter[Standing | Status] = Counter()
    for claim in report.claims:
        counts[standings.of_claim(claim) or claim.status] += 1
    parts = [plural(counts[Standing.OPEN], "contradiction"),
             plural(counts[Standing.CAVEATED], "caveated difference")]
    if standings.baseline_path is not None:
        parts.append(f"{counts[Standing.ACCEPTED]} accepted")
    parts += [f"{counts[Status.AGREED]} agreed", f"{counts[Status.UNCONFIRMED]} unconfirmed"]
    line = f"{', '.join(parts)} ({plural(len(report.claims), 'claim')}, {plural(articles, 'article')})"
    # files not read are said apart, so a reader of the summary knows the check did not see everything
    return line + (f"; {len(report.skipped)} skipped (see the warnings)" if report.skipped else "")


def summarise(result: CheckResult, baseline: Baseline | None = None) -> str:
    """A check's result in the one summary line (`summary_line`), its conflicts standing by `baseline`."""
    return summary_line(result.report, standings_of(baseline), len(result.articles))
