"""The HTML report and the JSON result: a golden page, escaping, order, self-containment, determinism."""

from __future__ import annotations

import base64
import datetime as dt
import difflib
import hashlib
import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from checker.formats.json import render_json
from checker.models import (
    Article,
    ArticleSummary,
    Caveat,
    ClaimResult,
    Kind,
    Mention,
    Report,
    Status,
    Verdict,
    display_raw,
)
from checker.report.history import compare, snapshot
from checker.report.render import render_html

TESTS = Path(__file__).parent
GOLDEN = TESTS / "golden"
ACTUAL = TESTS / "actual"
HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(1)> </textarea> "quoted" & \'single\''


# ---------------------------------------------------------------------------
# Factories: small records with offsets computed from the text, never by hand.


def make_article(**overrides: Any) -> Article:
    data: dict[str, Any] = {
        "id": "001_a1b2c3d4e5f60718", "path": "articles/001_a1b2c3d4e5f60718.txt",
        "text": "A short article. It says nothing.", "title": "A short article",
        "url": "https://example.org/a", "published": dt.date(2020, 1, 2), "publisher": "Example News",
    }
    data.update(overrides)
    return Article.model_validate(data)


def make_mention(article: Article, written: str, value: Any, verdict: Verdict = Verdict.AGREES,
                 occurrence: int = 0, **overrides: Any) -> Mention:
    """A mention of `written` (its n-th occurrence) in `article`, its sentence found by full stops."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(written, start + 1)
    stop = article.text.rfind(". ", 0, start)
    sentence_start = max(stop + 2 if stop >= 0 else 0, article.text.rfind("\n", 0, start) + 1)
    stop = article.text.find(". ", start)
    sentence_end = len(article.text) if stop < 0 else stop + 1
    data: dict[str, Any] = {
        "article": article.id, "value": value, "verdict": verdict, "text": written,
        "sentence": article.text[sentence_start:sentence_end], "start": start, "end": start + len(written),
        "score": 0.8, "sentence_start": sentence_start,
    }
    data.update(overrides)
    return Mention.model_validate(data)


def make_claim(mentions: tuple[Mention, ...] = (), **overrides: Any) -> ClaimResult:
    verdicts = {m.verdict for m in mentions}
    status = (Status.CONFLICTING if Verdict.CONFLICTS in verdicts else
              Status.AGREED if verdicts else Status.UNCONFIRMED)
    data: dict[str, Any] = {
        "id": "a-claim", "kind": Kind.COUNT, "value": 450, "status": status, "mentions": mentions,
        "claim": "The trust employed 450 staff.", "file": "claims/trust.yaml", "line": 1,
    }
    data.update(overrides)
    return ClaimResult.model_validate(data)


def make_report(claims: list[ClaimResult], articles: list[Article]) -> Report:
    return Report.model_validate({
        "schema": "claimcheck.report/1", "version": "9.9.9-test", "generated": "2024-05-01T12:00:00Z",
        "inputs_digest": "0123456789abcdef",
        "articles": [ArticleSummary(id=a.id, title=a.title, published=a.published, url=a.url,
                                    publisher=a.publisher, path=a.path, values_stated=6, values_uncovered=2)
                     for a in articles],
        "claims": sorted(claims, key=lambda c: c.id),
    })


LAUNCH = make_article(
    id="002_c5a19384d7ec2052", path="articles/002_c5a19384d7ec2052.txt",
    title="Doncaster children's services trust takes over from council", published=dt.date(2014, 9, 10),
    publisher="BBC News", url="https://www.bbc.co.uk/news/uk-england-south-yorkshire-29134512",
    text=("Doncaster children's services trust takes over from council\n\n"
          "The Doncaster Children's Services Trust will start work on 1 October 2014. "
          "About 450 council staff will move to the trust, which has a 10-year contract worth £47m a year. "
          "The trust is the first of its kind in England.\n"),
)
GROWTH = make_article(
    id="003_a0a19384d7ec2052", path="articles/003_a0a19384d7ec2052.txt",
    title="Trust staff numbers grow as demand rises", published=dt.date(2022, 7, 26),
    publisher="Doncaster Free Press", url="https://www.doncasterfreepress.co.uk/news/trust-staff-numbers",
    text=("Trust staff numbers grow as demand rises\n\n"
          "Figures for 2021 showed DCST employed 657 members of staff. "
          "The trust took over in October 2014 on a contract of five to 10 years. "
          "Its budget was £41.6m last year, the council said.\n"),
)
OFSTED = make_article(
    id="005_f1e2d3c4b5a69788", path="articles/005_f1e2d3c4b5a69788.txt",
    title="Ofsted rates Doncaster trust good", published=dt.date(2017, 11, 2), publisher="Yorkshire Post",
    url=None,
    text=("Ofsted rates Doncaster trust good\n\n"
          "Inspectors rated the trust good in 2017. "
          "Around 500 staff now work for the trust.\n"),
)


def sample_case() -> tuple[Report, list[Article]]:
    """A small check: two conflicts (one only hedged), three agreements and an unconfirmed claim."""
    claims = [
        make_claim(
            id="dcst-staff-at-launch", kind=Kind.COUNT, value=450, as_of="2014-10", subject="DCST",
            claim="About 450 council staff moved to the trust when it launched.",
            mentions=(
                make_mention(LAUNCH, "450", 450, qualifier="about", score=0.91),
                make_mention(GROWTH, "657", 657, Verdict.CONFLICTS, time="2021", caveats=(Caveat.OTHER_TIME,),
                             score=0.62, matched_words=("employ", "staff")),
                make_mention(OFSTED, "500", 500, Verdict.CONFLICTS, qualifier="around",
                             caveats=(Caveat.HEDGED, Caveat.WEAK_MATCH), score=0.41),
            ),
        ),
        make_claim(
            id="dcst-start-date", kind=Kind.DATE, value="2014-10-01",
            claim="The trust started work on 1 October 2014.",
            mentions=(make_mention(LAUNCH, "1 October 2014", "2014-10-01", score=0.88),
                      make_mention(GROWTH, "October 2014", "2014-10", score=0.7)),
        ),
        make_claim(
            id="dcst-contract-value", kind=Kind.MONEY, value={"amount": 47000000, "currency": "GBP"},
            claim="The trust's contract is worth £47m a year.",
            mentions=(make_mention(LAUNCH, "£47m", {"amount": 47000000, "currency": "GBP"}, score=0.84),
                      make_mention(GROWTH, "£41.6m", {"amount": 41600000, "currency": "GBP"},
                                   Verdict.CONFLICTS, score=0.55)),
        ),
        make_claim(
            id="dcst-contract-length", kind=Kind.DURATION, value={"years": 10},
            claim="The trust holds a 10-year contract.",
            mentions=(make_mention(LAUNCH, "10-year", {"years": 10}, score=0.86),
                      make_mention(GROWTH, "five to 10 years", {"min": {"years": 5}, "max": {"years": 10}},
                                   score=0.74)),
        ),
        make_claim(
            id="dcst-ofsted-2017", kind=Kind.RATING, value="good", as_of="2017",
            claim="Ofsted rated the trust good in 2017.",
            mentions=(make_mention(OFSTED, "good", "good", occurrence=1, score=0.93, time="2016"),),
        ),
        make_claim(id="dcst-overspend", kind=Kind.PERCENT, value=63, claim="Spending ran 63% over budget."),
    ]
    return make_report(claims, [LAUNCH, GROWTH, OFSTED]), [LAUNCH, GROWTH, OFSTED]


def hostile_case() -> tuple[Report, list[Article]]:
    """Claim and article text that would run script if it were not escaped."""
    text = f"Headline\n\n{HOSTILE} The trust had 450 staff. Then </textarea><b>bold</b>.\n"
    article = make_article(id="evil/<b>x</b> 1", path="articles/evil.txt", title=HOSTILE, text=text,
                           url="javascript:alert(1)", publisher="<i>Pub</i>",
                           author="</script><script>alert(2)")
    other = make_article(id="008_0000000000000000", url="  JaVaScRiPt:alert(3)", title=None)
    data = make_article(id="009_0000000000000000", url="data:text/html,<script>alert(4)</script>")
    claim = make_claim(id="x-1", claim=HOSTILE, subject=HOSTILE,
                       mentions=(make_mention(article, "450", 450, qualifier="<b>", caveats=(Caveat.HEDGED,),
                                              verdict=Verdict.CONFLICTS, matched_words=("<b", "trust")),))
    articles = [article, other, data]
    return make_report([claim], articles), articles


# ---------------------------------------------------------------------------
# Golden pages.


def check_golden(case: str, actual: str, update: bool) -> None:
    path = GOLDEN / case / "report.html"
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    expected = path.read_text(encoding="utf-8") if path.exists() else ""
    if actual == expected:
        return
    out = ACTUAL / case / "report.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    (ACTUAL / ".gitignore").write_text("*\n", encoding="utf-8")
    out.write_text(actual, encoding="utf-8", newline="\n")
    diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), str(path), str(out),
                                lineterm="", n=1)
    shown = "\n".join(list(diff)[:80])
    pytest.fail(f"{case}: the page differs from {path} (actual output in {out}); review, then refresh with "
                f"`pytest --update-golden`\n{shown}")


@pytest.mark.parametrize("case", ["sample", "hostile", "empty"])
def test_page_matches_golden(case: str, update_golden: bool) -> None:
    report, articles = {"sample": sample_case, "hostile": hostile_case,
                        "empty": lambda: (make_report([], []), [])}[case]()
    check_golden(case, render_html(report, articles), update_golden)


# ---------------------------------------------------------------------------
# Pointed checks.


@pytest.fixture(scope="module")
def sample_html() -> str:
    return render_html(*sample_case())


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_html(*hostile_case())


def test_hostile_text_comes_out_as_text(hostile_html: str) -> None:
    assert "<script>alert" not in hostile_html
    assert "<img src=x" not in hostile_html
    assert "</textarea>" not in hostile_html
    assert "<b>bold" not in hostile_html and "<i>Pub" not in hostile_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile_html
    assert "&lt;/textarea&gt;" in hostile_html
    # The page's only script is its own.
    assert hostile_html.count("<script") == 1


def test_only_web_urls_become_links(hostile_html: str, sample_html: str) -> None:
    assert not re.search(r"href=\"\s*(javascript|data):", hostile_html, re.IGNORECASE)
    assert "javascript:alert(1)" in hostile_html
    assert 'href="https://www.bbc.co.uk/news/uk-england-south-yorkshire-29134512"' in sample_html


def test_ids_with_unsafe_characters_make_safe_anchors(hostile_html: str) -> None:
    ids = re.findall(r'\sid="([^"]*)"', hostile_html)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids), ids


def test_conflicts_come_first_then_unconfirmed_then_agreed(sample_html: str) -> None:
    cards = re.findall(r'<article class="claim claim-(\w+)" id="claim-([\w-]+)"', sample_html)
    assert cards == [
        ("conflicting", "dcst-contract-value"), ("conflicting", "dcst-staff-at-launch"),
        ("unconfirmed", "dcst-overspend"),
        ("agreed", "dcst-contract-length"), ("agreed", "dcst-ofsted-2017"), ("agreed", "dcst-start-date"),
    ]
    assert sample_html.index('id="conflicts"') < sample_html.index('id="claims"')


def test_summary_counts(sample_html: str) -> None:
    counts = dict(re.findall(r'id="count-(\w+)">(\d+)<', sample_html))
    assert counts == {"conflicting": "2", "unconfirmed": "1", "agreed": "3", "articles": "3"}
    assert "6 claims, 3 articles" in sample_html
    assert "3 mentions in 3 articles: 1 agrees, 2 conflict" in sample_html
    assert "2 mentions in 2 articles: 2 agree<" in sample_html


def test_conflict_summary_sets_values_side_by_side(sample_html: str) -> None:
    section = sample_html[sample_html.index('id="conflicts"'):sample_html.index('id="claims"')]
    text = re.sub(r"<[^>]+>", "", section)
    assert "Claimed 450 (BBC News, 10 Sep 2014)" in text
    assert "657 (Doncaster Free Press, 26 Jul 2022) refers to another time (2021)" in text
    assert "around 500 (Yorkshire Post, 2 Nov 2017) hedged (around) weak match" in text
    assert "£47m (BBC News, 10 Sep 2014)" in text and "£41.6m (Doncaster Free Press, 26 Jul 2022)" in text
    # The contradiction comes before the claim that only caveated values contradict.
    assert text.index("dcst-contract-value") < text.index("dcst-staff-at-launch")


def test_sources_are_named_by_publisher_and_date_not_by_file_id(sample_html: str) -> None:
    # Hover titles, the timeline's text alternatives and the links' hidden words all name the source.
    words = (re.findall(r'title="([^"]*)"', sample_html) + re.findall(r"<title[^>]*>([^<]*)</title>", sample_html)
             + re.findall(r'<span class="vh">([^<]*)</span>', sample_html))
    assert [w for w in words if re.search(r"\d{3}_[0-9a-f]{3}", w)] == []
    assert 'title="dcst-contract-value in BBC News, 10 Sep 2014: agrees"' in sample_html
    assert "<title>£41.6m in Doncaster Free Press, published 26 Jul 2022: conflicts</title>" in sample_html
    assert 'in article<span class="vh"> Doncaster Free Press, 26 Jul 2022</span>' in sample_html


def test_value_is_highlighted_in_its_sentence(sample_html: str) -> None:
    assert ('Figures for 2021 showed DCST <mark class="kw">employed</mark> <mark class="hit-conflicts">657</mark> '
            'members of <mark class="kw">staff</mark>.' in sample_html)


def test_every_link_lands_and_every_id_is_unique(sample_html: str, hostile_html: str) -> None:
    for html in (sample_html, hostile_html):
        ids = re.findall(r'\sid="([^"]*)"', html)
        assert len(ids) == len(set(ids))
        targets = set(re.findall(r'href="#([^"]*)"', html))
        assert targets - set(ids) == set()


def test_article_text_marks_each_value_with_an_anchor(sample_html: str) -> None:
    start = GROWTH.text.index("657")
    mark = f'<mark id="article-003_a0a19384d7ec2052-{start}" class="hl hl-conflicts">657</mark>'
    assert mark in sample_html
    assert f'href="#article-003_a0a19384d7ec2052-{start}"' in sample_html


def test_article_text_is_printed_once(sample_html: str) -> None:
    # Rows quote a mention's sentence; the whole text appears once, in the articles section.
    assert sample_html.count("rises\n\nFigures for 2021") == 1


def test_overlapping_and_out_of_range_mentions_do_not_break_the_text() -> None:
    article = make_article(text="It cost £47m in 2014.")
    money = make_mention(article, "£47m", {"amount": 47000000, "currency": "GBP"})
    digits = make_mention(article, "47", 47)
    outside = make_mention(article, "2014", "2014", start=500, end=504)
    html = render_html(make_report([make_claim(id="m", kind=Kind.MONEY, value=money.value, mentions=(money,)),
                                    make_claim(id="n", mentions=(digits,)),
                                    make_claim(id="o", kind=Kind.DATE, value="2014", mentions=(outside,))],
                                   [article]), [article])
    # "47" inside "£47m" shares its highlight and keeps its own anchor.
    assert ('<mark id="article-001_a1b2c3d4e5f60718-8" class="hl hl-agrees">'
            '<span id="article-001_a1b2c3d4e5f60718-9"></span>£47m</mark>') in html
    assert "in 2014.</div>" in html


def test_an_article_without_its_text_still_lists_its_mentions() -> None:
    article = make_article(text="The trust had 657 staff.")
    mention = make_mention(article, "657", 657, Verdict.CONFLICTS)
    report = make_report([make_claim(mentions=(mention,))], [article])
    html = render_html(report, [])
    assert "The trust had <mark class=\"hit-conflicts\">657</mark> staff." in html
    assert "in article<" not in html
    assert "The article's text is not part of this report." in html


def test_possible_mentions_are_shown_apart_and_counted_for_nothing() -> None:
    article = make_article(text="The trust had 657 staff. Some 700 people work nearby.")
    sure = make_mention(article, "657", 657, Verdict.CONFLICTS, confidence=0.91, reasons=("subject: name",))
    unsure = make_mention(article, "700", 700, Verdict.CONFLICTS, confidence=0.31, reasons=("subject: article",))
    html = render_html(make_report([make_claim(mentions=(sure,), possible=(unsure,))], [article]), [article])
    cards = html[html.index('id="claim-a-claim"'):]
    evidence, possible = cards.split('<details class="possible">', 1)
    assert "657" in evidence and "700" not in evidence
    assert "Possible mentions" in possible and "700" in possible.split("</details>")[0]
    assert "1 mention in 1 article: 1 conflicts" in evidence  # the tally counts the sure one only
    assert 'title="subject: name">0.91<' in evidence


def test_a_possible_mention_links_to_its_place_only_where_the_text_highlights_it() -> None:
    article = make_article(text="The trust had 657 staff. Some 700 people work nearby.")
    unsure = make_mention(article, "700", 700, Verdict.CONFLICTS, confidence=0.31)
    elsewhere = make_mention(article, "657", 657, Verdict.CONFLICTS, confidence=0.3)
    other = make_claim(id="other", mentions=(make_mention(article, "657", 657, Verdict.CONFLICTS),))
    html = render_html(make_report([make_claim(possible=(unsure, elsewhere)), other], [article]), [article])
    # Possible mentions are not highlighted in the text: "700" has no mark to land on, so no link;
    # "657" is highlighted for the other claim, so its row links there.
    possible = html[html.index('<details class="possible">'):html.index("</details>")]
    start = article.text.index("657")
    assert re.findall(r'class="goto" href="#([^"]+)"', possible) == [f"article-001_a1b2c3d4e5f60718-{start}"]
    targets = set(re.findall(r'href="#([^"]*)"', html))
    assert targets - set(re.findall(r'\sid="([^"]*)"', html)) == set()


def test_no_request_of_any_kind(sample_html: str, hostile_html: str) -> None:
    for html in (sample_html, hostile_html):
        # Attribute names only: escaped text inside a value ("&lt;img src=x&gt;") is harmless.
        tags = [re.sub(r'"[^"]*"', '""', t) for t in re.findall(r"<[a-zA-Z][^>]*>", html)]
        assert not [t for t in tags if re.search(r"\ssrc\s*=", t)]
        assert "@import" not in html
        assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", html)
        links = re.findall(r'href="(http[^"]*)"', html)
        assert all(link in {a.url for a in (LAUNCH, GROWTH, OFSTED)} for link in links)
        assert "default-src 'none'" in unescape(html)


def test_csp_allows_exactly_the_page_script_and_style(sample_html: str) -> None:
    script = re.search(r"<script>(.*?)</script>", sample_html, re.DOTALL)
    style = re.search(r"<style>(.*?)</style>", sample_html, re.DOTALL)
    assert script and style
    for name, body in (("script-src", script.group(1)), ("style-src", style.group(1))):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{name} 'sha256-{digest}'" in unescape(sample_html)


def test_filters_are_hidden_until_the_script_shows_them(sample_html: str) -> None:
    form = re.search(r"<form [^>]*>", sample_html)
    assert form and form.group(0).endswith(" hidden>")
    assert 'data-status="conflicting" data-kind="count" data-articles="002_c5a19384d7ec2052 ' \
        '003_a0a19384d7ec2052 005_f1e2d3c4b5a69788"' in sample_html


def test_footer_prints_the_pinned_time_version_and_digest(sample_html: str) -> None:
    assert "Generated <time>2024-05-01T12:00:00Z</time> by claimcheck 9.9.9-test" in sample_html
    assert "<code>0123456789abcdef</code>" in sample_html


def test_rendering_is_deterministic_whatever_the_article_order() -> None:
    report, articles = sample_case()
    first = render_html(report, articles)
    assert render_html(report, articles) == first
    assert render_html(report, list(reversed(articles))) == first


def test_the_page_is_well_formed(sample_html: str, hostile_html: str) -> None:
    for html in (sample_html, hostile_html):
        checker = _TagBalance()
        checker.feed(html)
        checker.close()
        assert checker.problems == []
        assert checker.stack == []


def test_render_json_round_trips_with_schema_first() -> None:
    report, _ = sample_case()
    text = render_json(report)
    data = json.loads(text)
    assert next(iter(data)) == "schema"
    assert data["schema"] == "claimcheck.report/1"
    assert text.endswith("}\n") and render_json(report) == text
    assert Report.model_validate(data) == report
    assert data["claims"][1]["mentions"][1]["verdict"] == "conflicts"
    assert data["articles"][2]["url"] is None


@pytest.mark.parametrize(("kind", "value", "shown"), [
    (Kind.MONEY, {"amount": 47000000, "currency": "GBP"}, "£47m"),
    (Kind.MONEY, {"amount": 41600000, "currency": "GBP"}, "£41.6m"),
    (Kind.MONEY, {"amount": 3000000000, "currency": "USD"}, "$3bn"),
    (Kind.MONEY, {"amount": 850000, "currency": "GBP"}, "£850,000"),
    (Kind.MONEY, {"amount": 2.5, "currency": "GBP"}, "£2.50"),
    (Kind.MONEY, {"amount": 1200000, "currency": "CHF"}, "1.2m CHF"),
    (Kind.MONEY, {"min": {"amount": 4e7, "currency": "GBP"}, "max": {"amount": 5e7, "currency": "GBP"}},
     "£40m–£50m"),
    (Kind.DURATION, {"years": 10}, "10 years"),
    (Kind.DURATION, {"years": 1}, "1 year"),
    (Kind.DURATION, {"months": 18}, "18 months"),
    (Kind.DURATION, {"years": 1, "months": 6}, "1 year 6 months"),
    (Kind.DURATION, {"min": {"years": 5}, "max": {"years": 10}}, "5–10 years"),
    (Kind.DURATION, {"min": {"years": 5}}, "at least 5 years"),
    (Kind.DURATION, {"max": {"months": 18}}, "up to 18 months"),
    (Kind.DATE, "2014-10-01", "1 Oct 2014"),
    (Kind.DATE, "2014-10", "Oct 2014"),
    (Kind.DATE, "2014", "2014"),
    (Kind.DATE, {"min": "2014", "max": "2016"}, "2014–2016"),
    (Kind.DATE, {"min": "2014-10", "max": "2015-03"}, "Oct 2014 – Mar 2015"),
    (Kind.PERCENT, 63, "63%"),
    (Kind.PERCENT, 12.5, "12.5%"),
    (Kind.PERCENT, {"min": 60, "max": 65}, "60–65%"),
    (Kind.COUNT, 450, "450"),
    (Kind.COUNT, 1234, "1,234"),
    (Kind.COUNT, 1500000, "1.5 million"),
    (Kind.COUNT, {"min": 400, "max": 500}, "400–500"),
    (Kind.RATING, "requires improvement", "Requires improvement"),
    (Kind.COUNT, "not a number", "not a number"),
    (Kind.DURATION, {"years": "ten"}, '{"years": "ten"}'),
])
def test_values_are_written_for_people(kind: Kind, value: Any, shown: str) -> None:
    assert display_raw(kind, value) == shown


def test_a_qualifier_is_shown_with_its_value() -> None:
    assert display_raw(Kind.COUNT, 500, "around") == "around 500"


class _TagBalance(HTMLParser):
    """Finds unclosed and stray tags (void elements and SVG self-closing tags aside)."""

    VOID = frozenset({"meta", "link", "input", "br", "img", "hr", "wbr", "source", "area", "base", "col"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()


# ---------------------------------------------------------------------------
# Timeline, matched words, other times, coverage, what changed, the matrix at scale.


def _claim_card(html: str, claim_id: str) -> str:
    start = html.index(f'id="claim-{claim_id}"')
    return html[start:html.index("</article>", start)]


def test_timeline_plots_values_against_publication_date(sample_html: str) -> None:
    card = _claim_card(sample_html, "dcst-staff-at-launch")
    start = card.index("<svg viewBox")
    svg = card[start:card.index("</svg>", start)]
    points = re.findall(r'<g class="pt pt-(\w+)"><title>([^<]*)</title>', svg)
    # Sorted by publication date: 2014 (agrees), 2017 (around 500, conflicts), 2022 (657, conflicts).
    assert [(v, t.split(" in ")[0]) for v, t in points] == [("agrees", "about 450"), ("conflicts", "around 500"),
                                                          ("conflicts", "657")]
    assert "published 26 Jul 2022: conflicts" in points[2][1]
    circle = re.search(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg)
    claimed = re.search(r'<line class="claimed" x1="[\d.]+" y1="([\d.]+)"', svg)
    assert circle and claimed and circle.group(2) == claimed.group(1)  # 450 sits on the claimed line
    crosses = re.findall(r'<path d="M([\d.]+) ([\d.]+)', svg)
    assert float(crosses[0][0]) < float(crosses[1][0])  # 2017 left of 2022
    assert float(crosses[1][1]) < float(circle.group(2))  # 657 drawn above 450
    assert '<line class="as-of-line"' in svg
    assert 'role="img" aria-labelledby="tl-dcst-staff-at-launch"' in card


def test_a_claim_without_dated_values_has_no_timeline(sample_html: str) -> None:
    assert "<svg viewBox" not in _claim_card(sample_html, "dcst-overspend")


def test_a_range_is_drawn_as_a_bar(sample_html: str) -> None:
    svg = _claim_card(sample_html, "dcst-contract-length")
    bars = re.findall(r'<g class="pt pt-agrees"><title>[^<]*</title><line x1="([\d.]+)" y1="([\d.]+)" '
                      r'x2="\1" y2="([\d.]+)"/>', svg)
    assert len(bars) == 1 and float(bars[0][1]) < float(bars[0][2])


def test_an_agreeing_mention_about_another_time_is_marked(sample_html: str) -> None:
    card = _claim_card(sample_html, "dcst-ofsted-2017")
    assert "refers to 2016</span>" in card
    # A conflict's own caveat says it once; no second mark.
    table = _claim_card(sample_html, "dcst-staff-at-launch").split('<table class="mentions">')[1]
    assert table.count("refers to") == 1


def test_matched_words_are_highlighted_and_escaped(hostile_html: str) -> None:
    assert '<mark class="kw">trust</mark>' in hostile_html
    assert "<mark class=\"kw\"><b" not in hostile_html


def test_coverage_lists_unmentioned_claims_and_uncovered_values(sample_html: str) -> None:
    section = sample_html[sample_html.index('id="coverage"'):sample_html.index('id="articles"')]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section))
    assert "Claims no article mentions 1 dcst-overspend Spending ran 63% over budget." in text
    assert "Of 18 values the articles state, 6 are covered by no claim" in text
    # Each fixture article states 6 values, 2 of them covered by no claim.
    assert len(re.findall(r'<td class="num">6</td><td class="num">2</td>', section)) == 3


def test_what_changed_lists_new_and_resolved_conflicts_and_new_claims_and_articles() -> None:
    report, articles = sample_case()
    earlier = json.loads(render_json(report))
    earlier["generated"] = "2024-01-01T00:00:00Z"
    earlier["articles"] = [a for a in earlier["articles"] if a["id"] != OFSTED.id]
    earlier["claims"] = [c for c in earlier["claims"] if c["id"] != "dcst-ofsted-2017"]
    for claim in earlier["claims"]:
        claim["mentions"] = [m for m in claim["mentions"] if m["article"] != OFSTED.id]
    earlier["claims"].append({"id": "gone", "kind": "count", "value": 1, "status": "conflicting", "mentions": [
        {"article": LAUNCH.id, "value": 2.0, "verdict": "conflicts", "text": "2", "sentence": "2", "start": 0,
         "end": 1, "score": 1}]})
    html = render_html(report, articles, compare(snapshot(earlier, "reports/report.json"), report))
    section = html[html.index('id="changes"'):html.index('id="claims"')]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section))
    assert ("Since the result generated 2024-01-01T00:00:00Z (reports/report.json): 1 new conflict, "
            "1 resolved conflict, 1 new claim, 1 removed claim, 1 new article.") in text
    # Sources named as everywhere else: publisher (else title) and date, never the file's id.
    assert "New conflicts dcst-staff-at-launch: 500 in Yorkshire Post, 2 Nov 2017" in text
    assert "Resolved conflicts gone: 2 in BBC News, 10 Sep 2014 no longer conflicts" in text
    assert "New claims dcst-ofsted-2017 Ofsted rated the trust good in 2017." in text
    assert "New articles Ofsted rates Doncaster trust good 005_f1e…" in text
    assert 'href="#nav-changes"' not in html and '<a href="#changes">Changes</a>' in html


def test_no_changes_section_without_a_previous_result(sample_html: str) -> None:
    assert 'id="changes"' not in sample_html


def test_a_matrix_too_big_for_a_grid_lists_each_claims_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.report.matrix

    monkeypatch.setattr(checker.report.matrix, "MAX_MATRIX_CELLS", 4)
    html = render_html(*sample_case())
    section = html[html.index('id="matrix"'):html.index('id="coverage"')]
    assert "<table" not in section and "6 claims × 3 articles are too many pairs" in section
    row = re.search(r'<li data-claim="dcst-staff-at-launch" data-matrix-row>.*?</li>', section)
    assert row and re.findall(r'class="chip chip-(\w+)" href="#(m-[\w-]+)"', row.group(0)) == [
        ("agrees", "m-dcst-staff-at-launch-0"), ("conflicts", "m-dcst-staff-at-launch-1"),
        ("conflicts", "m-dcst-staff-at-launch-2")]
    assert "no article</span>" in section  # dcst-overspend


def test_a_long_value_label_wraps_whole_onto_lines() -> None:
    from checker.report.timeline import Datum, plot

    data = [Datum(dt.date(2021, 5, 1), -2.0, -2.0, "agrees", "Requires improvement to be good", "x"),
            Datum(dt.date(2022, 5, 1), 0.0, 0.0, "conflicts", "Outstanding", "y")]
    drawing = plot(data, (-2.0, -2.0), "Requires improvement to be good", None, "")
    assert drawing is not None
    lines = [[line.label for line in tick.lines] for tick in drawing.values]
    assert ["Requires", "improvement to", "be good"] in lines and ["Outstanding"] in lines
    assert all(" ".join(ls) == tick.label for ls, tick in zip(lines, drawing.values, strict=True))


def _quoted_sentences(html: str) -> list[str]:
    """The "In context" column as a reader sees it: each quoted sentence with its marks, tags dropped."""
    return [unescape(re.sub(r"<[^>]+>", "", s)) for s in re.findall(r'<span class="quote">(.*?)</span>(?: <a|</td>)',
                                                                   html, flags=re.S)]


def test_a_sentence_with_its_own_quotation_marks_gets_no_second_pair() -> None:
    article = make_article(text=('"We employ 450 staff," the chief executive said. '
                                 "The trust employed 450 staff in 2014. She said it had \"450 staff\"\n"))
    mentions = (make_mention(article, "450", 450), make_mention(article, "450", 450, occurrence=1),
                make_mention(article, "450", 450, occurrence=2))
    html = render_html(make_report([make_claim(mentions)], [article]), [article])
    assert _quoted_sentences(html) == [
        '"We employ 450 staff," the chief executive said.',  # opens with its own mark
        "\u201cThe trust employed 450 staff in 2014.\u201d",  # plain: quoted by the page
        'She said it had "450 staff"',  # closes with its own mark
    ]


def _article_text(html: str, article_id: str) -> str:
    section = html.split(f'<article class="source" id="article-{article_id}">', 1)[1].split("</article>", 1)[0]
    body = section.split('<div class="text">', 1)[1].split("</div>", 1)[0]
    return unescape(re.sub(r"<span class=\"refs\">.*?</span>|<[^>]+>", "", body))


def test_article_text_leaves_out_web_furniture_and_keeps_every_value() -> None:
    article = make_article(text=("Trust staff numbers grow\n\nJane DoeJane Doe\nAdvertisement\n"
                                 "The trust employed 450 staff. It had more.\nHide Ad\nHide Ad\n\n"
                                 "Image source, Getty Images\nFollow us on Facebook and Instagram\n\n"
                                 "Its budget was £47m. Read more: the budget\n"))
    html = render_html(make_report([make_claim((make_mention(article, "450", 450),))], [article]), [article])
    assert _article_text(html, article.id) == (
        "Trust staff numbers grow\n\nThe trust employed 450 staff. It had more.\n\n"
        "Its budget was £47m. Read more: the budget\n"
    )
    assert "6 lines of page furniture (ads, share links, captions) left out" in html
    # The value's place in the text keeps its anchor, so "in article" links still land.
    assert f'id="article-{article.id}-{article.text.index("450")}"' in html
