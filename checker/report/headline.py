"""The top of the page: its title, the headline sentence and the figures that filter the claims."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from checker.findings.standing import Standing
from checker.findings.wording import plural
from checker.models import Status
from checker.report.badges import STANDING_ORDER, STATUS_BADGES, STATUS_ORDER
from checker.report.view import CountView


def page_title(tallies: Mapping[Status, int], claims: int, articles: int) -> str:
    """The page's <title>: what a browser tab or a bookmark shows."""
    conflicting = tallies[Status.CONFLICTING]
    return (f"Claim check: {conflicting} conflicting of {plural(claims, 'claim')} "
            f"in {plural(articles, 'article')}")


def headline(tallies: Mapping[Status, int], claims: int, articles: int,
             standings: Sequence[Standing | None], skipped: int) -> str:
    """The sentence under the page's heading: claims checked, contradicted, caveated, accepted, not stated."""
    return _findings(tallies, claims, articles, standings) + _skipped_note(skipped)


def _findings(tallies: Mapping[Status, int], claims: int, articles: int,
              standings: Sequence[Standing | None]) -> str:
    if claims == 0:
        return f"No claims were checked against {plural(articles, 'article')}."
    parts = [f"{plural(claims, 'claim')} checked against {plural(articles, 'article')}."]
    unconfirmed = tallies[Status.UNCONFIRMED]
    contradicted, caveated, accepted = (standings.count(s) for s in STANDING_ORDER[:3])
    if contradicted:
        verb = "is" if contradicted == 1 else "are"
        parts.append(f"{contradicted} {verb} contradicted by an article speaking of the same time.")
    if caveated:
        verb = "differs" if caveated == 1 else "differ"
        parts.append(f"{caveated} {'more ' if contradicted else ''}{verb} from an article only where a caveat "
                     "applies (another time, hedged or a weak match).")
    if accepted:
        verb = "has" if accepted == 1 else "have"
        parts.append(f"{accepted} {verb} only conflicts accepted in the baseline.")
    if not contradicted and not caveated:
        parts.append("No article contradicts a claim.")
    if unconfirmed:
        verb = "is" if unconfirmed == 1 else "are"
        parts.append(f"{unconfirmed} {verb} not stated in any article.")
    return " ".join(parts)


def _skipped_note(skipped: int) -> str:
    """Said after the headline when files under the articles folder were not read (Report.skipped)."""
    if not skipped:
        return ""
    verb = "was" if skipped == 1 else "were"
    return f" {plural(skipped, 'file')} under the articles folder {verb} not read (the run's warnings say why)."


def counts(tallies: Mapping[Status, int], articles: int) -> tuple[CountView, ...]:
    """The figures at the top: claims by status, then the articles."""
    views = [
        # Conflicts have their own summary; the other figures filter the claim list (with JS).
        CountView(s.value, STATUS_BADGES[s].label, tallies[s], STATUS_BADGES[s].icon,
                  "#conflicts" if s is Status.CONFLICTING else "#claims",
                  "" if s is Status.CONFLICTING else s.value)
        for s in STATUS_ORDER
    ]
    views.append(CountView("articles", "Articles", articles, "i-article", "#articles", ""))
    return tuple(views)
