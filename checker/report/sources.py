"""How the page names an article wherever a claim points at it: title, publisher, date and a short id,
gathered once into an ArticleRef from the Report, the articles read and the mentions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping

from checker.findings.wording import source_name
from checker.models import Article, ArticleSummary, Report
from checker.report.anchors import article_href, token
from checker.report.view import ArticleRef

# Article titles longer than this (characters) are shortened where space is tight.
SHORT_TITLE_CHARS = 70
# A source's short label (characters): its publisher, else its title; a matrix column header's title.
SHORT_LABEL_CHARS = 28
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Ids made of a readable head and a long hash, like the corpus's "002_c5a19384d7ec2052".
_HASHED_ID = re.compile(r"^(?P<head>.*?[_-])(?P<hash>[0-9a-f]{10,})$")


def known_articles(report: Report, articles: Iterable[Article]) -> dict[str, ArticleSummary]:
    """Every article the report, the caller or a mention names, by id; the Article wins where both know it."""
    known: dict[str, ArticleSummary] = {s.id: s for s in report.articles}
    for article in articles:
        seen = known.get(article.id) or ArticleSummary(id=article.id)
        update = {"title": article.title or seen.title, "published": article.published or seen.published,
                  "publisher": article.publisher or seen.publisher}
        # Copied only where the article says more than the report (a copy of each of 100,000 costs seconds).
        if any(getattr(seen, name) != value for name, value in update.items()) or article.id not in known:
            known[article.id] = seen.model_copy(update=update)
    for claim in report.claims:
        for mention in claim.mentions:
            known.setdefault(mention.article, ArticleSummary(id=mention.article))
    return known


def article_refs(known: Mapping[str, ArticleSummary], quoted: Collection[str]) -> dict[str, ArticleRef]:
    """How the page names each of the `known` articles; links go to the sections of the `quoted` ones, and
    to the line that says why not for the others."""
    return {aid: _article_ref(aid, summary, aid in quoted) for aid, summary in known.items()}


def _article_ref(article_id: str, summary: ArticleSummary, quoted: bool) -> ArticleRef:
    safe = token(article_id)
    title, published = summary.title, summary.published
    shown = title.strip() if title and title.strip() else article_id
    publisher = " ".join((summary.publisher or "").split())
    label = _shorten(publisher, SHORT_LABEL_CHARS) if publisher else _shorten(shown, SHORT_LABEL_CHARS)
    date = _human_date(published) if published else "undated"
    return ArticleRef(
        id=article_id, token=safe, href=article_href(article_id, quoted), title=shown,
        short_title=_shorten(shown, SHORT_TITLE_CHARS), short_id=_short_id(article_id),
        date=date,
        date_iso=published.isoformat() if published else "",
        name=source_name(article_id, summary), publisher=publisher, column=_shorten(shown, SHORT_LABEL_CHARS),
        label=label, short_name=f"{label}, {date}",
    )


def _short_id(article_id: str) -> str:
    match = _HASHED_ID.match(article_id)
    if match:
        return match.group("head") + match.group("hash")[:3] + "…"
    return _shorten(article_id, 24)


def _shorten(text: str, limit: int) -> str:
    """`text` on one line, cut at a word before `limit` characters with an ellipsis when longer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,.;:-") + "…"


def _human_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
