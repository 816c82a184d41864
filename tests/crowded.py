"""A report with more evidence than the page prints: one claim stated in more articles than the row caps, some of
them hostile, with offsets computed from the text (for tests/test_render.py and tests/browser)."""

from __future__ import annotations

import datetime as dt

from checker.models import Article, ArticleSummary, ClaimResult, Kind, Mention, Report, Status, Verdict

# A sentence from an article that would run script, end a data block or break an attribute if it were not
# kept as text all the way into the page.
HOSTILE = '</script><script>alert("row")</script><img src=x onerror=alert(1)> & \'quoted\' \u2028 "staff"'


def crowded_case(agreeing: int, conflicting: int, hostile_every: int = 7) -> tuple[Report, list[Article]]:
    """One claim (450 staff) stated by `agreeing` articles and contradicted (500) by `conflicting` more; every
    `hostile_every`-th article's sentence carries HOSTILE."""
    articles = []
    mentions = []
    for n in range(agreeing + conflicting):
        value = 450 if n < agreeing else 500
        extra = f" {HOSTILE}" if n % hostile_every == 0 else ""
        text = f"Article {n}\n\nThe trust employed {value} staff in 2015.{extra} It said so.\n"
        article = Article(id=f"{n:04d}_crowd", path=f"articles/{n:04d}_crowd.txt", text=text,
                          title=f"Crowded article {n}", published=dt.date(2015, 1, 1) + dt.timedelta(days=n),
                          publisher="Crowd News", url=f"https://example.org/{n}")
        start = text.index(str(value))
        sentence_start = text.index("The trust")
        sentence_end = text.index(" It said")
        mentions.append(Mention(
            article=article.id, value=value, verdict=Verdict.AGREES if n < agreeing else Verdict.CONFLICTS,
            text=str(value), sentence=text[sentence_start:sentence_end], start=start, end=start + len(str(value)),
            score=0.8, sentence_start=sentence_start, matched_words=("employ", "staff")))
        articles.append(article)
    claim = ClaimResult(id="crowded-claim", kind=Kind.COUNT, value=450, claim="The trust employed 450 staff.",
                        status=Status.CONFLICTING if conflicting else Status.AGREED, mentions=tuple(mentions))
    report = Report(version="9.9.9-test", generated="2024-05-01T12:00:00Z", inputs_digest="0123456789abcdef",
                    articles=tuple(ArticleSummary(id=a.id, title=a.title, published=a.published, url=a.url,
                                                  publisher=a.publisher, path=a.path) for a in articles),
                    claims=(claim,))
    return report, articles
