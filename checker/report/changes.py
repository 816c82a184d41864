"""The "what changed" section's view; the comparison with the previous result is checker.report.history's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from checker.findings.wording import plural
from checker.models import ClaimResult, display_raw
from checker.report.anchors import claim_href
from checker.report.history import Changes, ConflictChange
from checker.report.view import ArticleRef, ChangesView, ChangeView, ClaimLink

# Entries of each list of the section (new conflicts, new articles...) before "…and N more": a first run
# compared with a result of a tenth of the archive would list 90,000 new articles. The JSON results list
# every one.
MAX_CHANGES_LISTED = 50


def changes_view(changes: Changes, claims: Sequence[ClaimResult], refs: Mapping[str, ArticleRef]) -> ChangesView:
    """New and resolved conflicts, new and removed claims and articles, each linked where the page holds it."""
    by_id = {c.id: c for c in claims}

    def link(claim_id: str) -> ClaimLink:
        claim = by_id.get(claim_id)
        return ClaimLink(claim_id, claim_href(claim_id) if claim else None, (claim.claim or "") if claim else "")

    def change(c: ConflictChange) -> ChangeView:
        ref = refs.get(c.article_id)
        return ChangeView(link(c.claim_id), ref.short_name if ref else c.article_id, ref.href if ref else None,
                          display_raw(c.kind, c.value))

    parts = [(len(changes.new_conflicts), "new conflict"), (len(changes.resolved_conflicts), "resolved conflict"),
             (len(changes.new_claims), "new claim"), (len(changes.removed_claims), "removed claim"),
             (len(changes.new_articles), "new article"), (len(changes.removed_articles), "removed article")]
    summary = ", ".join(plural(n, word) for n, word in parts if n) or "Nothing changed"
    new_articles = tuple(a for a in changes.new_articles if a in refs)
    sizes = {"new_conflicts": len(changes.new_conflicts), "resolved_conflicts": len(changes.resolved_conflicts),
             "new_claims": len(changes.new_claims), "removed_claims": len(changes.removed_claims),
             "new_articles": len(new_articles), "removed_articles": len(changes.removed_articles)}
    cut = MAX_CHANGES_LISTED
    return ChangesView(
        source=changes.source, generated=changes.previous_generated or "an unknown time", summary=summary,
        new_conflicts=tuple(change(c) for c in changes.new_conflicts[:cut]),
        resolved_conflicts=tuple(change(c) for c in changes.resolved_conflicts[:cut]),
        new_claims=tuple(link(c) for c in changes.new_claims[:cut]), removed_claims=changes.removed_claims[:cut],
        new_articles=tuple(refs[a] for a in new_articles[:cut]), removed_articles=changes.removed_articles[:cut],
        left={name: size - cut for name, size in sizes.items() if size > cut},
    )
