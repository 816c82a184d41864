"""An article's section: its metadata, the claims it bears on, and its text with each stated value that a
claim mentions highlighted and linked back to the evidence row."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from checker.findings.wording import plural
from checker.models import Article, ArticleSummary, ClaimResult, Mention, Verdict
from checker.report.anchors import claim_href, place_id, row_href
from checker.report.badges import VERDICT_BADGES
from checker.report.limits import furniture_lines, shown_text
from checker.report.view import ArticleRef, ArticleView, MarkView, RefView, Segment

# Only web addresses become links; anything else (javascript:, data:, a path) is printed as text.
_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)

_Found = tuple[ClaimResult, int, Mention]


def marked_places(claims: Sequence[ClaimResult], texts: Mapping[str, Article]) -> frozenset[tuple[str, int]]:
    """Where the articles' text is highlighted: the article and offset of every mention found in its text.
    A link to a place goes only where one of these marks is (a possible mention's place may have none)."""
    return frozenset((m.article, m.start) for claim in claims for m in claim.mentions
                     if (article := texts.get(m.article)) is not None and _in_text(m, article.text))


def _in_text(mention: Mention, text: str) -> bool:
    return 0 <= mention.start < mention.end <= len(text)


def article_view(ref: ArticleRef, article: Article | None, summary: ArticleSummary | None,
                 claims: Sequence[ClaimResult], shown: Mapping[str, frozenset[int]]) -> ArticleView:
    """The section of the article `ref` names; its text comes from `article` when the caller passed it."""
    text = article.text if article else ""
    spans: dict[tuple[int, int], list[_Found]] = defaultdict(list)
    backrefs: dict[str, list[Verdict]] = {}
    for claim in claims:
        for n, mention in enumerate(claim.mentions):
            if mention.article != ref.id:
                continue
            backrefs.setdefault(claim.id, []).append(mention.verdict)
            if _in_text(mention, text):
                spans[(mention.start, mention.end)].append((claim, n, mention))
    url = ((article.url if article else None) or (summary.url if summary else None) or "").strip()
    # Web furniture lines (checker.text.boilerplate) are not shown; matching never reads them either.
    hidden = furniture_lines(text, spans)
    return ArticleView(
        ref=ref, anchor=f"article-{ref.token}",
        publisher=(article.publisher if article else None) or (summary.publisher if summary else None) or "",
        author=(article.author or "") if article else "",
        url_href=url if _SAFE_URL.match(url) else None, url_text=url,
        path=(article.path if article else None) or (summary.path if summary else None) or "",
        stated=_stated(summary),
        claims=tuple(
            RefView(claim_href(cid), cid, VERDICT_BADGES[Verdict.CONFLICTS]
                    if Verdict.CONFLICTS in verdicts else VERDICT_BADGES[Verdict.AGREES])
            for cid, verdicts in sorted(backrefs.items())
        ),
        segments=_segments(ref.id, text, spans, shown, hidden),
        has_text=bool(text),
        furniture=(f"{plural(len(hidden), 'line')} of page furniture (ads, share links, captions) left out"
                   if hidden else ""),
    )


def _stated(summary: ArticleSummary | None) -> str:
    if summary is None or not summary.values_stated:
        return ""
    return (f"{plural(summary.values_stated, 'value')} stated, "
            f"{summary.values_uncovered} not covered by any claim")


def _segments(article_id: str, text: str, spans: Mapping[tuple[int, int], Sequence[_Found]],
              shown: Mapping[str, frozenset[int]], hidden: Sequence[tuple[int, int]] = ()) -> tuple[Segment, ...]:
    """The text cut into plain and highlighted pieces, `hidden` lines left out; overlapping values share a highlight."""
    clusters: list[list[tuple[int, int]]] = []
    for span in sorted(spans):
        if clusters and span[0] < max(end for _, end in clusters[-1]):
            clusters[-1].append(span)
        else:
            clusters.append([span])
    segments = []
    at = 0
    for cluster in clusters:
        start, end = cluster[0][0], max(e for _, e in cluster)
        if start > at:
            segments.append(Segment(shown_text(text, at, start, hidden), None))
        found = sorted((m for span in cluster for m in spans[span]), key=lambda f: (f[0].id, f[1]))
        verdicts = {m.verdict for _, _, m in found}
        state = "both" if len(verdicts) > 1 else next(iter(verdicts)).value
        starts = sorted({s for s, _ in cluster})
        mark = MarkView(
            id=place_id(article_id, starts[0]),
            extra_ids=tuple(place_id(article_id, s) for s in starts[1:]),
            state=state,
            refs=tuple(RefView(row_href(c.id, n, shown[c.id]), c.id, VERDICT_BADGES[m.verdict])
                       for c, n, m in found),
        )
        segments.append(Segment(text[start:end], mark))
        at = end
    if at < len(text):
        segments.append(Segment(shown_text(text, at, len(text), hidden), None))
    return tuple(s for s in segments if s.text or s.mark)
