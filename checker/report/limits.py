"""What the page leaves out of long inputs, and the words that say so: evidence rows past a cap (printed, packed
or left to the JSON result), web furniture."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from checker.models import Mention, Verdict
from checker.report.view import MoreView
from checker.text.boilerplate import boilerplate_lines

# Rows of one claim's evidence table (and of its possible mentions) printed as HTML: what every reader sees,
# with or without JavaScript. Past it, a claim stated in thousands of articles would make the page too heavy
# to open (500 claims x 10 rows is 5,000 rows; the bundled corpus has at most 8 mentions and 9 possible
# mentions a claim, so its page prints every row). Conflicts get rows first.
MAX_EVIDENCE_ROWS = 10
# Rows after those packed into the page (deflated JSON, checker.report.packing) and shown when the reader
# asks, with JavaScript: packed, a row costs about a tenth of its HTML and nothing until opened, but the
# page still holds it, so a claim stated in 4,000 articles packs this many and leaves the rest to the JSON
# result, which always lists every mention.
MAX_PACKED_ROWS = 200
# Where dropped furniture lines leave more than one blank line in a row.
_BLANK_RUN = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class RowPlan:
    """Which of a claim's mentions get a row: printed as HTML, packed (shown with JavaScript), or neither."""

    printed: frozenset[int]
    packed: tuple[int, ...]  # in the mentions' order
    total: int

    @property
    def left_out(self) -> int:
        """Mentions with no row in the page at all: only the JSON result lists them."""
        return self.total - len(self.printed) - len(self.packed)


def plan_rows(mentions: Sequence[Mention]) -> RowPlan:
    """Conflicts first, then the others in their order: the first MAX_EVIDENCE_ROWS printed, the next
    MAX_PACKED_ROWS packed."""
    if len(mentions) <= MAX_EVIDENCE_ROWS:
        return RowPlan(frozenset(range(len(mentions))), (), len(mentions))
    order = sorted(range(len(mentions)), key=lambda n: (mentions[n].verdict is not Verdict.CONFLICTS, n))
    return RowPlan(frozenset(order[:MAX_EVIDENCE_ROWS]),
                   tuple(sorted(order[MAX_EVIDENCE_ROWS:MAX_EVIDENCE_ROWS + MAX_PACKED_ROWS])), len(mentions))


def more_view(mentions: Sequence[Mention], plan: RowPlan, anchor: str, pack_id: str) -> MoreView | None:
    """The line under a table that counts the mentions without a printed row and says where they are:
    packed in the page (JavaScript shows them), or only in the JSON result; None when every row is printed."""
    left = [m for n, m in enumerate(mentions) if n not in plan.printed]
    if not left:
        return None
    agree = sum(1 for m in left if m.verdict is Verdict.AGREES)
    conflict = len(left) - agree
    split = [f"{agree:,} {'agrees' if agree == 1 else 'agree'}"] if agree else []
    split += [f"{conflict:,} {'conflicts' if conflict == 1 else 'conflict'}"] if conflict else []
    packed = len(plan.packed)
    rows = "row" if len(left) == 1 else "rows"
    which = "it" if len(left) == 1 else "them" if packed == len(left) else f"{packed:,} of them"
    return MoreView(
        id=anchor, pack_id=pack_id if packed else "",
        count=f"…and {len(left):,} more {rows} ({', '.join(split)})",
        no_script=(f": enable JavaScript to show {which} here, or see the JSON result ({_JSON_OPTION}), "
                   "which lists every mention." if packed else
                   f": see the JSON result ({_JSON_OPTION}), which lists every mention."),
        button=f"Show {packed:,} more {'row' if packed == 1 else 'rows'}" if packed else "",
        rest=(f"The other {plan.left_out:,} are only in the JSON result ({_JSON_OPTION}), which lists every "
              "mention." if plan.left_out and packed else ""),
    )


_JSON_OPTION = "claimcheck report --json FILE"


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
