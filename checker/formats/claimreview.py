"""A check's result as schema.org ClaimReview JSON-LD, the way fact-checkers publish their verdicts."""

from __future__ import annotations

import json
from typing import Any

from checker.models import ArticleSummary, ClaimResult, Report, Status, Verdict, described

# ClaimReview wants a rating on a numeric scale with a textual name (alternateName); claimcheck's
# three statuses map onto 1 (worst) to 3 (best).
RATINGS = {
    Status.AGREED: (3, "Consistent with the sources"),
    Status.UNCONFIRMED: (2, "Unconfirmed: no source states it"),
    Status.CONFLICTING: (1, "Contradicted by a source"),
}


def render_claimreview(report: Report, author: str, url: str | None = None) -> str:
    """A JSON-LD document with one ClaimReview per claim in `report`."""
    articles = {a.id: a for a in report.articles}
    graph = [_review(claim, articles, report, author, url) for claim in report.claims]
    return json.dumps({"@context": "https://schema.org", "@graph": graph}, indent=2, ensure_ascii=False) + "\n"


def _review(claim: ClaimResult, articles: dict[str, ArticleSummary], report: Report, author: str,
            url: str | None) -> dict[str, Any]:
    value, label = RATINGS[claim.status]
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": claim.id,
        "claimReviewed": claim.claim or f"{claim.id}: {claim.value.display()}",
        "author": {"@type": "Organization", "name": author},
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 3, "worstRating": 1,
                         "alternateName": label},
        "reviewBody": _body(claim),
        "itemReviewed": _item(claim, articles),
    }
    if report.generated:
        review["datePublished"] = report.generated[:10]
    if url:
        review["url"] = f"{url.rstrip('/')}#claim-{claim.id}"
    return review


def _item(claim: ClaimResult, articles: dict[str, ArticleSummary]) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.subject:
        item["about"] = {"@type": "Thing", "name": claim.subject}
    appearances = []
    for article_id in sorted({m.article for m in claim.mentions}):
        summary = articles.get(article_id)
        work: dict[str, Any] = {"@type": "CreativeWork", "identifier": article_id}
        if summary is not None:
            for key, field in (("headline", summary.title), ("url", summary.url),
                               ("datePublished", summary.published.isoformat() if summary.published else None)):
                if field:
                    work[key] = field
            if summary.publisher:
                work["publisher"] = {"@type": "Organization", "name": summary.publisher}
        appearances.append(work)
    if appearances:
        item["appearance"] = appearances
    return item


def _body(claim: ClaimResult) -> str:
    claimed = claim.value.display()
    if not claim.mentions:
        return f"No article checked states a value for this claim ({claimed})."
    agree = sorted({m.article for m in claim.mentions if m.verdict is Verdict.AGREES})
    conflict = [m for m in claim.mentions if m.verdict is Verdict.CONFLICTS]
    parts = [f"Claimed: {claimed}."]
    if agree:
        parts.append(f"Agreeing sources: {', '.join(agree)}.")
    for mention in conflict:
        parts.append(f"{mention.article} states {described(mention.value, mention.qualifier)}: "
                     f"\"{mention.sentence.strip()}\"")
    return " ".join(parts)
