"""Why a conflict may not count, as the page words it: its caveats, and the baseline entry that accepts it."""

from __future__ import annotations

from checker.findings.standing import Standings
from checker.findings.wording import CAVEAT_EXPLANATIONS, caveat_label
from checker.models import ClaimResult, Mention, Verdict
from checker.report.view import CaveatView


def caveat_views(mention: Mention) -> tuple[CaveatView, ...]:
    """Each caveat of a mention in words, with what it means (shown on hover)."""
    return tuple(CaveatView(caveat_label(c, mention), CAVEAT_EXPLANATIONS[c]) for c in mention.caveats)


def accepted_note(standings: Standings, claim: ClaimResult, mention: Mention) -> str:
    """'Accepted in claims/.baseline.yaml: reason' for a conflict the baseline accepts, else ''."""
    entry = standings.entry(claim, mention) if mention.verdict is Verdict.CONFLICTS else None
    if entry is None:
        return ""
    return f"Accepted in {standings.baseline_path or 'the baseline'}: {entry.reason or 'no reason given'}"
