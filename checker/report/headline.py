"""The top of the page: its title, the headline (the run's one summary line, with what its words mean) and the
figures that filter the claims."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from checker.findings.standing import Standing
from checker.models import Status
from checker.report.badges import STATUS_BADGES, STATUS_ORDER
from checker.report.view import CountView


def page_title(summary: str) -> str:
    """The page's <title>, what a browser tab or a bookmark shows: the run's summary line."""
    return f"Claim check: {summary}"


def headline(summary: str) -> str:
    """The sentence under the page's heading: the summary line `check` ends with (checker.findings.standing)."""
    return f"{summary}."


def headline_note(standings: Sequence[Standing | None], skipped: bool) -> str:
    """What the headline's words for conflicts and skipped files mean, said only for those it counts; '' when
    it counts none."""
    found = set(standings)
    notes = [meaning for standing, meaning in _MEANINGS if standing in found]
    if skipped:
        # The page cannot show the run's warnings, so it says where else the reasons are.
        notes.append("Skipped: files under the articles folder that were not read; the run's warnings and the "
                     "JSON result's skipped list say why.")
    return " ".join(notes)


# The summary line's words for how a conflicting claim stands, as a reader needs them explained.
_MEANINGS = (
    (Standing.OPEN, "A contradiction: an article states another value for the same time."),
    (Standing.CAVEATED, "A caveated difference may not be real: each other value is for another time, hedged, "
                        "a range or a weak match."),
    (Standing.ACCEPTED, "Accepted: every conflict is in the baseline, with its reason."),
)


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
