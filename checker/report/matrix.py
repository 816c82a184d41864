"""The claims × articles matrix: a cell per pair, or, past MAX_MATRIX_CELLS, each claim's articles listed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from checker.models import ClaimResult, Mention, Verdict
from checker.report.anchors import claim_href, row_href, token
from checker.report.badges import STATUS_BADGES
from checker.report.view import ArticleRef, CellView, RowView

# Beyond this many claim-article pairs the matrix lists each claim's articles instead of a full grid:
# 500 claims x 2,000 articles would be a million cells (about 20 MB of empty table), unreadable anyway.
MAX_MATRIX_CELLS = 20_000
# Articles a claim's row lists when the matrix is too big for a grid; past them "+N more" links to the claim's
# card. A claim stated in 4,000 articles would otherwise list 4,000 links (a 68 MB matrix at 10,000 articles).
# Conflicts are listed first.
MAX_ROW_ARTICLES = 20

_CELL_STATES = {
    "agrees": ("i-agrees", "agrees"),
    "conflicts": ("i-conflicts", "conflicts"),
    "both": ("i-both", "both agrees and conflicts"),
    "none": ("", "not mentioned"),
}


def fits_grid(claims: int, articles: int) -> bool:
    """Whether the matrix is drawn as a full grid."""
    return claims * articles <= MAX_MATRIX_CELLS


def row_view(claim: ClaimResult, columns: Sequence[ArticleRef], refs: Mapping[str, ArticleRef], full: bool,
             shown: frozenset[int]) -> RowView:
    """A claim's matrix row: a cell per article (`columns`), or (`full` false) a cell per article that mentions
    it, up to MAX_ROW_ARTICLES."""
    by_article: dict[str, list[tuple[int, Mention]]] = defaultdict(list)
    for n, mention in enumerate(claim.mentions):
        by_article[mention.article].append((n, mention))
    if full:
        cells = [_cell(claim, ref, by_article.get(ref.id, []), shown) for ref in columns]
        more = 0
    else:
        # Only the articles that mention it, in the columns' order (by id), not a pass over every article;
        # past the cap, those with a conflict first.
        listed = sorted(by_article)
        more = max(0, len(listed) - MAX_ROW_ARTICLES)
        if more:
            conflicting = {a for a in listed if any(m.verdict is Verdict.CONFLICTS for _, m in by_article[a])}
            first = sorted(range(len(listed)), key=lambda i: (listed[i] not in conflicting, i))
            listed = [listed[i] for i in sorted(first[:MAX_ROW_ARTICLES])]
        cells = [_cell(claim, refs[a], by_article[a], shown) for a in listed]
    return RowView(token(claim.id), claim.id, claim_href(claim.id), STATUS_BADGES[claim.status], tuple(cells), more)


def _cell(claim: ClaimResult, ref: ArticleRef, found: Sequence[tuple[int, Mention]],
          shown: frozenset[int]) -> CellView:
    verdicts = {m.verdict for _, m in found}
    if not found:
        state = "none"
    elif verdicts == {Verdict.AGREES}:
        state = "agrees"
    elif verdicts == {Verdict.CONFLICTS}:
        state = "conflicts"
    else:
        state = "both"
    # Point at the first conflicting mention where there is one: that is what needs reading.
    listed = [(n, m) for n, m in found if n in shown] or found
    first = next((n for n, m in listed if m.verdict is Verdict.CONFLICTS), listed[0][0] if listed else None)
    icon, words = _CELL_STATES[state]
    return CellView(state, icon, f"{claim.id} in {ref.short_name}: {words}",
                    row_href(claim.id, first, shown) if first is not None else None, ref.short_name)
