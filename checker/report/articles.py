"""An article's section: its metadata, the claims it bears on, and its text with each stated value that a
claim mentions highlighted and linked back to the evidence row; and which articles get a section at all."""

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

# Articles whose section (metadata and quoted text) the page holds. A synthetic article's section is about
# 20 KB of HTML (its text, and a link to each claim it bears on): 100,000 of them would be a 2 GB page. Past
# this many, the articles with the most conflicting mentions get a section first, then those with the most
# mentions; links to the others land on a line that says where they are. The bundled corpus has 5 articles,
# every one quoted.
MAX_QUOTED_ARTICLES = 100

# Only web addresses become links; anything else (javascript:, data:, a path) is printed as text.
_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)

_Found = tuple[ClaimResult, int, Mention]
# Each article's mentions, in the claims' order: built once, so no section reads every claim again.
MentionIndex = Mapping[str, Sequence[_Found]]


def index_mentions(claims: Sequence[ClaimResult]) -> MentionIndex:
    """Every mention of `claims` by the article it was found in."""
    found: dict[str, list[_Found]] = defaultdict(list)
    for claim in claims:
        for n, mention in enumerate(claim.mentions):
            found[mention.article].append((claim, n, mention))
    return found


def quoted_articles(article_ids: Sequence[str], index: MentionIndex) -> frozenset[str]:
    """The articles that get a section: every one up to MAX_QUOTED_ARTICLES, else those with the most
    conflicting mentions, then the most mentions, then by id."""
    if len(article_ids) <= MAX_QUOTED_ARTICLES:
        return frozenset(article_ids)

    def weight(article_id: str) -> tuple[int, int, str]:
        found = index.get(article_id, ())
        return (-sum(1 for _, _, m in found if m.verdict is Verdict.CONFLICTS), -len(found), article_id)

    return frozenset(sorted(article_ids, key=weight)[:MAX_QUOTED_ARTICLES])


def unquoted_note(articles: int, quoted: int) -> str:
    """What the articles section says of the articles it holds no section for; "" when it holds every one."""
    if quoted >= articles:
        return ""
    return (f"This page quotes the text of {plural(quoted, 'article')} of {articles:,}: those with the most "
            "conflicting mentions, then the most mentions. The other "
            f"{articles - quoted:,} are named in the evidence and listed in the JSON result (claimcheck report "
            "--json FILE); their text is in the articles folder.")


def marked_places(index: MentionIndex, texts: Mapping[str, Article]) -> frozenset[tuple[str, int]]:
    """Where the articles' text is highlighted: the article and offset of every mention found in the text of
    an article with a section (`texts`). A link to a place goes only where one of these marks is (a possible
    mention's place may have none)."""
    return frozenset((m.article, m.start) for article_id, found in index.items()
                     if (article := texts.get(article_id)) is not None
                     for _, _, m in found if _in_text(m, article.text))


def _in_text(mention: Mention, text: str) -> bool:
    return 0 <= mention.start < mention.end <= len(text)


def article_view(ref: ArticleRef, article: Article | None, summary: ArticleSummary | None,
                 found: Sequence[_Found], shown: Mapping[str, frozenset[int]]) -> ArticleView:
    """The section of the article `ref` names, `found` its mentions (index_mentions); its text comes from
    `article` when the caller passed it."""
    text = article.text if article else ""
    spans: dict[tuple[int, int], list[_Found]] = defaultdict(list)
    backrefs: dict[str, list[Verdict]] = {}
    for claim, n, mention in found:
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
