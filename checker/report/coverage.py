"""The coverage section: claims no article mentions, and the articles whose stated values no claim covers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from checker.models import ArticleSummary, ClaimResult
from checker.report.anchors import claim_href
from checker.report.view import ArticleRef, ClaimLink, CoverageView, UncoveredView

# Articles listed in the coverage table; every article's own section gives its figure too.
MAX_COVERAGE_ROWS = 100


def coverage_view(claims: Sequence[ClaimResult], summaries: Sequence[ArticleSummary],
                  refs: Mapping[str, ArticleRef]) -> CoverageView:
    """What the claims leave uncovered, most uncovered values first."""
    unmentioned = tuple(ClaimLink(c.id, claim_href(c.id), c.claim or "")
                        for c in sorted(claims, key=lambda c: c.id) if not c.mentions)
    rows = sorted((s for s in summaries if s.values_uncovered > 0 and s.id in refs),
                  key=lambda s: (-s.values_uncovered, s.id))
    return CoverageView(
        unmentioned=unmentioned,
        articles=tuple(UncoveredView(refs[s.id], s.values_stated, s.values_uncovered) for s in rows),
        quiet_articles=len(summaries) - len(rows),
        stated=sum(s.values_stated for s in summaries), uncovered=sum(s.values_uncovered for s in summaries),
    )
