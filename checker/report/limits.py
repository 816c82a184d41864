"""What the page leaves out of long inputs, and the words that say so: evidence rows past a cap, web furniture."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from checker.models import Mention, Verdict
from checker.text.boilerplate import boilerplate_lines

# Rows of one claim's evidence table (and of its possible mentions): a claim stated in thousands of
# articles would otherwise make the page heavy and the card unreadable. Conflicts get rows first;
# the JSON result always lists every mention.
MAX_EVIDENCE_ROWS = 50
# Where dropped furniture lines leave more than one blank line in a row.
_BLANK_RUN = re.compile(r"\n{3,}")


def shown_rows(mentions: Sequence[Mention]) -> frozenset[int]:
    """The mentions that get a row: all that fit MAX_EVIDENCE_ROWS, conflicts first, then in their order."""
    if len(mentions) <= MAX_EVIDENCE_ROWS:
        return frozenset(range(len(mentions)))
    order = sorted(range(len(mentions)), key=lambda n: (mentions[n].verdict is not Verdict.CONFLICTS, n))
    return frozenset(order[:MAX_EVIDENCE_ROWS])


def more_line(mentions: Sequence[Mention], shown: frozenset[int]) -> str:
    """"and 12 more (10 agree, 2 conflict): ..." for the mentions left without a row; "" when none is."""
    left = [m for n, m in enumerate(mentions) if n not in shown]
    if not left:
        return ""
    agree = sum(1 for m in left if m.verdict is Verdict.AGREES)
    conflict = len(left) - agree
    split = [f"{agree} {'agrees' if agree == 1 else 'agree'}"] if agree else []
    split += [f"{conflict} {'conflicts' if conflict == 1 else 'conflict'}"] if conflict else []
    return (f"…and {len(left)} more ({', '.join(split)}), not listed here: "
            "the JSON result (claimcheck report --json FILE) lists every mention.")


def shown_text(text: str, start: int, end: int, hidden: Sequence[tuple[int, int]]) -> str:
    """text[start:end] without the `hidden` lines (each with its line break) and the blank runs they leave."""
    parts = []
    at = start
    for low, high in hidden:
        if high <= at or low >= end:
            continue
        parts.append(text[at:max(low, at)])
        at = min(high + 1 if text[high:high + 1] == "\n" else high, end)
    parts.append(text[at:end])
    shown = "".join(parts)
    return _BLANK_RUN.sub("\n\n", shown) if hidden else shown


def furniture_lines(text: str, marked: Collection[tuple[int, int]]) -> list[tuple[int, int]]:
    """The web furniture lines of `text` (checker.text.boilerplate), but none that holds a `marked` span."""
    return [(a, b) for a, b in boilerplate_lines(text) if not any(s < b and a < e for s, e in marked)]
