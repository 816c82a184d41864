"""A check's result as schema.org ClaimReview JSON-LD, the way fact-checkers publish their verdicts.

The document is meant to be pasted into a page's `<script type="application/ld+json">`, so `<`, `>` and `&`
are written as JSON escapes (no text can close the script) and only http(s) addresses are published.
"""

from __future__ import annotations

import json
import re
from typing import Any

from checker.findings.standing import Standing, Standings
from checker.findings.wording import caveat_words, source_name
from checker.models import ArticleSummary, ClaimResult, Report, Status, Verdict, described
from checker.text.normalise import utf8_safe

# ClaimReview wants a rating on a numeric scale with a textual name (alternateName); claimcheck's
# statuses map onto 1 (worst) to 3 (best). Only a contradiction (a conflict with no caveat that no
# baseline entry accepts) is published as "contradicted".
RATINGS: dict[Status | Standing, tuple[int, str]] = {
    Status.AGREED: (3, "Consistent with the sources"),
    Status.UNCONFIRMED: (2, "Unconfirmed: no source states it"),
    Standing.CAVEATED: (2, "Sources differ, with caveats: another time, hedged or a weak match"),
    Standing.ACCEPTED: (2, "Sources differ; the difference was reviewed and accepted"),
    Standing.OPEN: (1, "Contradicted by a source"),
}
_WEB_ADDRESS = re.compile(r"^https?://", re.IGNORECASE)
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def render_claimreview(report: Report, author: str, url: str | None = None,
                       standings: Standings | None = None) -> str:
    """A JSON-LD document with one ClaimReview per claim in `report`; `standings` mark accepted conflicts."""
    standings = standings or Standings()
    articles = {a.id: a for a in report.articles}
    graph = [_review(claim, articles, report, author, url, standings) for claim in report.claims]
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, indent=2, ensure_ascii=False)
    return utf8_safe(re.sub("[<>&]", lambda m: _SCRIPT_ESCAPES[m.group()], text)) + "\n"


def is_web_address(url: str | None) -> bool:
    """True for an http or https address, the only kind published."""
    return bool(url and _WEB_ADDRESS.match(url.strip()))


def _review(claim: ClaimResult, articles: dict[str, ArticleSummary], report: Report, author: str,
            url: str | None, standings: Standings) -> dict[str, Any]:
    value, label = RATINGS[standings.of_claim(claim) or claim.status]
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": claim.id,
        "claimReviewed": claim.claim or f"{claim.id}: {claim.value.display()}",
        "author": {"@type": "Organization", "name": author},
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 3, "worstRating": 1,
                         "alternateName": label},
        "reviewBody": _body(claim, articles, standings),
        "itemReviewed": _item(claim, articles),
    }
    if report.generated:
        review["datePublished"] = report.generated[:10]
    if url and is_web_address(url):
        review["url"] = f"{url.strip().rstrip('/')}#claim-{claim.id}"
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
            address = summary.url.strip() if summary.url and is_web_address(summary.url) else None
            for key, field in (("headline", summary.title), ("url", address),
                               ("datePublished", summary.published.isoformat() if summary.published else None)):
                if field:
                    work[key] = field
            if summary.publisher:
                work["publisher"] = {"@type": "Organization", "name": summary.publisher}
        appearances.append(work)
    if appearances:
        item["appearance"] = appearances
    return item


def _body(claim: ClaimResult, articles: dict[str, ArticleSummary], standings: Standings) -> str:
    claimed = claim.value.display()
    if not claim.mentions:
        return f"No article checked states a value for this claim ({claimed})."

    def name(article_id: str) -> str:
        return source_name(article_id, articles.get(article_id))

    agree = sorted({m.article for m in claim.mentions if m.verdict is Verdict.AGREES})
    parts = [f"Claimed: {claimed}."]
    if agree:
        parts.append(f"Agreeing {'source' if len(agree) == 1 else 'sources'}: {'; '.join(map(name, agree))}.")
    for mention in claim.mentions:
        if mention.verdict is not Verdict.CONFLICTS:
            continue
        notes = [f"caveats: {caveat_words(mention)}"] if mention.caveats else []
        entry = standings.entry(claim, mention)
        if entry is not None:
            notes.append(f"reviewed and accepted: {entry.reason or 'no reason given'}")
        parts.append(f"{name(mention.article)} states {described(mention.value, mention.qualifier)}: "
                     f"\"{mention.sentence.strip()}\"" + (f" ({'; '.join(notes)})." if notes else ""))
    return " ".join(parts)
