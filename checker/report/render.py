"""The report as people and programs read it: a display-ready view of a Report, its HTML page and its JSON."""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

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
)
from checker.report.history import Changes, ConflictChange
from checker.report.timeline import Datum, Plot, date_of, numeric, plot

# Characters of a mention's sentence kept on each side of the value; a badly split
# "sentence" can be a whole paragraph, and the full text is in the articles section anyway.
CONTEXT_CHARS = 160
# Article titles longer than this (characters) are shortened where space is tight.
SHORT_TITLE_CHARS = 70
# Sources listed beside a value in the conflict summary before "+N more".
MAX_SOURCES_SHOWN = 3
# Beyond this many claim-article pairs the matrix lists each claim's articles instead of a full grid:
# 500 claims x 2,000 articles would be a million cells (about 20 MB of empty table), unreadable anyway.
MAX_MATRIX_CELLS = 20_000
# Articles listed in the coverage table; every article's own section gives its figure too.
MAX_COVERAGE_ROWS = 100
# Stated values named in a timeline's text alternative before "and N more".
MAX_TIMELINE_WORDS = 12

STATUS_ORDER = (Status.CONFLICTING, Status.UNCONFIRMED, Status.AGREED)
CURRENCY_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥"}
DURATION_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_ENV = Environment(
    loader=PackageLoader("checker.report", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_SAFE_TOKEN = re.compile(r"^[A-Za-z0-9_-]+$")
_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9_-]+")
# Ids made of a readable head and a long hash, like the corpus's "002_c5a19384d7ec2052".
_HASHED_ID = re.compile(r"^(?P<head>.*?[_-])(?P<hash>[0-9a-f]{10,})$")
_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)
_WORDS = re.compile(r"(\w[\w'’-]*)")


# ---------------------------------------------------------------------------
# The view model: everything the templates print, already worded and escaped-ready.


@dataclass(frozen=True)
class Badge:
    """A status or verdict as the page shows it: a CSS key, a word and an icon id."""

    key: str
    label: str
    icon: str


@dataclass(frozen=True)
class CaveatView:
    """One reason a conflict may not be real, worded for a reader."""

    label: str
    explanation: str


@dataclass(frozen=True)
class ArticleRef:
    """How an article is named wherever a claim points at it."""

    id: str
    token: str
    href: str
    title: str
    short_title: str
    short_id: str
    date: str
    date_iso: str


@dataclass(frozen=True)
class Piece:
    """A stretch of a quoted sentence; `matched` when it is one of the claim's words."""

    text: str
    matched: bool


@dataclass(frozen=True)
class TimelineView:
    """A claim's timeline: the drawing and its text alternative."""

    id: str
    plot: Plot
    description: str


@dataclass(frozen=True)
class MentionView:
    """One row of a claim's evidence table."""

    row_id: str
    article: ArticleRef
    value: str
    written: str
    verdict: Badge
    caveats: tuple[CaveatView, ...]
    other_time: str
    before: tuple[Piece, ...]
    hit: str
    after: tuple[Piece, ...]
    place_href: str | None
    page: str
    score: str


@dataclass(frozen=True)
class SourceView:
    """An article named beside a value in the conflict summary."""

    href: str
    article: ArticleRef


@dataclass(frozen=True)
class ValueGroup:
    """One value, the articles that state it, and the caveats any of them carries."""

    value: str
    sources: tuple[SourceView, ...]
    more: int
    caveats: tuple[CaveatView, ...]


@dataclass(frozen=True)
class ConflictView:
    """A conflicting claim in one line: its value and its backers against each other value found."""

    href: str
    id: str
    sentence: str
    kind: str
    as_of: str
    claimed: ValueGroup
    against_label: str
    against: tuple[ValueGroup, ...]
    all_caveated: bool


@dataclass(frozen=True)
class ClaimView:
    """A claim's card: what was claimed, its status and its evidence."""

    anchor: str
    token: str
    id: str
    sentence: str
    kind: str
    kind_label: str
    value: str
    as_of: str
    subject: str
    source: str
    status: Badge
    tally: str
    article_tokens: str
    mentions: tuple[MentionView, ...]
    timeline: TimelineView | None


@dataclass(frozen=True)
class CellView:
    """One claim-article pair of the matrix."""

    state: str
    icon: str
    label: str
    href: str | None
    column: str


@dataclass(frozen=True)
class RowView:
    """One claim's row of the matrix."""

    token: str
    id: str
    href: str
    status: Badge
    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class RefView:
    """A link from a highlighted value in an article back to a claim's evidence row."""

    href: str
    claim_id: str
    verdict: Badge


@dataclass(frozen=True)
class MarkView:
    """A highlighted stretch of article text."""

    id: str
    extra_ids: tuple[str, ...]
    state: str
    refs: tuple[RefView, ...]


@dataclass(frozen=True)
class Segment:
    """A piece of article text, highlighted when `mark` is set."""

    text: str
    mark: MarkView | None


@dataclass(frozen=True)
class ArticleView:
    """An article's section: metadata, the claims it bears on, and its text."""

    ref: ArticleRef
    anchor: str
    publisher: str
    author: str
    url_href: str | None
    url_text: str
    path: str
    stated: str
    claims: tuple[RefView, ...]
    segments: tuple[Segment, ...]
    has_text: bool


@dataclass(frozen=True)
class CountView:
    """One figure of the summary at the top."""

    key: str
    label: str
    number: int
    icon: str
    href: str
    status: str


@dataclass(frozen=True)
class Option:
    """A choice in a filter."""

    value: str
    label: str


@dataclass(frozen=True)
class ClaimLink:
    """A claim named in a list: a link when the page holds it."""

    id: str
    href: str | None
    sentence: str


@dataclass(frozen=True)
class ChangeView:
    """A conflict that appeared or went away since the previous result."""

    claim: ClaimLink
    article_id: str
    article_href: str | None
    value: str


@dataclass(frozen=True)
class ChangesView:
    """The "what changed" section."""

    source: str
    generated: str
    summary: str
    new_conflicts: tuple[ChangeView, ...]
    resolved_conflicts: tuple[ChangeView, ...]
    new_claims: tuple[ClaimLink, ...]
    removed_claims: tuple[str, ...]
    new_articles: tuple[ArticleRef, ...]
    removed_articles: tuple[str, ...]


@dataclass(frozen=True)
class UncoveredView:
    """An article and how many of its stated values no claim covers."""

    ref: ArticleRef
    stated: int
    uncovered: int


@dataclass(frozen=True)
class CoverageView:
    """The coverage section: claims no article mentions, and values no claim covers."""

    unmentioned: tuple[ClaimLink, ...]
    articles: tuple[UncoveredView, ...]
    quiet_articles: int
    stated: int
    uncovered: int


@dataclass(frozen=True)
class PageView:
    """Everything report.html prints."""

    title: str
    headline: str
    counts: tuple[CountView, ...]
    conflicts: tuple[ConflictView, ...]
    claims: tuple[ClaimView, ...]
    columns: tuple[ArticleRef, ...]
    rows: tuple[RowView, ...]
    full_matrix: bool
    articles: tuple[ArticleView, ...]
    changes: ChangesView | None
    coverage: CoverageView
    coverage_rows: int
    status_options: tuple[Option, ...]
    kind_options: tuple[Option, ...]
    article_options: tuple[Option, ...]
    claim_count: int
    article_count: int
    version: str
    generated: str
    digest: str
    style: Markup
    script: Markup
    csp: str


# ---------------------------------------------------------------------------
# Public entry points.


def render_html(report: Report, articles: Sequence[Article], changes: Changes | None = None) -> str:
    """The self-contained HTML discrepancy report for `report`, quoting the `articles`' text.

    `changes` (see checker.report.history) adds the "what changed" section.
    """
    page = build_page(report, articles, changes)
    return _ENV.get_template("report.html").render(page=page)


def render_json(report: Report) -> str:
    """The JSON result of CONTRACT.md: `schema` first, two-space indents, UTF-8 text, a final newline."""
    data = report.model_dump(mode="json", by_alias=True)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def format_value(kind: Kind | str, value: Any, qualifier: str | None = None) -> str:
    """A normalised value written for people: "£41.6m", "5–10 years", "Oct 2014", "63%"."""
    try:
        kind = Kind(kind)
    except ValueError:
        return _plain(value)
    text = _format_range(kind, value) if _is_range(kind, value) else _format_scalar(kind, value) or _plain(value)
    return f"{qualifier} {text}" if qualifier else text


def format_date(value: str) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as people write it: "2014", "Oct 2014", "1 Oct 2014"."""
    match = _DATE.match(value)
    if not match:
        return value
    year, month, day = match.groups()
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return value
    if day is None:
        return f"{MONTHS[int(month) - 1]} {year}"
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


# ---------------------------------------------------------------------------
# Building the page.


def build_page(report: Report, articles: Sequence[Article], changes: Changes | None = None) -> PageView:
    """The view model of the HTML page; `render_html` prints it."""
    texts = {a.id: a for a in articles}
    refs = _article_refs(report, articles)
    summaries = {s.id: s for s in report.articles}
    claims = sorted(report.claims, key=lambda c: (STATUS_ORDER.index(c.status), c.id))
    tallies = {status: sum(1 for c in claims if c.status is status) for status in STATUS_ORDER}
    columns = tuple(refs[a] for a in sorted(refs))
    full_matrix = len(claims) * len(columns) <= MAX_MATRIX_CELLS
    style, script = _assets()
    return PageView(
        title=_page_title(tallies, len(claims), len(columns)),
        headline=_headline(tallies, len(claims), len(columns)),
        counts=_counts(tallies, len(columns)),
        conflicts=tuple(_conflict_view(c, refs) for c in claims if c.status is Status.CONFLICTING),
        claims=tuple(_claim_view(c, refs, texts) for c in claims),
        columns=columns,
        rows=tuple(_row_view(c, columns, full_matrix) for c in claims),
        full_matrix=full_matrix,
        articles=tuple(_article_view(r, texts.get(r.id), summaries.get(r.id), claims) for r in columns),
        changes=_changes_view(changes, claims, refs) if changes else None,
        coverage=_coverage_view(claims, report.articles, refs),
        coverage_rows=MAX_COVERAGE_ROWS,
        status_options=tuple(Option(s.value, f"{_STATUS_BADGES[s].label} ({tallies[s]})")
                             for s in STATUS_ORDER),
        kind_options=tuple(Option(k.value, k.value.capitalize())
                           for k in Kind if any(c.kind is k for c in claims)),
        article_options=tuple(Option(r.token, f"{r.short_title} ({r.short_id})") for r in columns),
        claim_count=len(claims),
        article_count=len(columns),
        version=report.version or "unknown",
        generated=report.generated or "unknown",
        digest=report.inputs_digest or "none",
        # Static files of the package, not input data: they are printed as they are.
        style=Markup(style),
        script=Markup(script),
        csp=_content_security_policy(style, script),
    )


_STATUS_BADGES = {
    Status.CONFLICTING: Badge("conflicting", "Conflicting", "i-conflicts"),
    Status.UNCONFIRMED: Badge("unconfirmed", "Unconfirmed", "i-unconfirmed"),
    Status.AGREED: Badge("agreed", "Agreed", "i-agrees"),
}
_VERDICT_BADGES = {
    Verdict.AGREES: Badge("agrees", "Agrees", "i-agrees"),
    Verdict.CONFLICTS: Badge("conflicts", "Conflicts", "i-conflicts"),
}
_CELL_STATES = {
    "agrees": ("i-agrees", "agrees"),
    "conflicts": ("i-conflicts", "conflicts"),
    "both": ("i-both", "both agrees and conflicts"),
    "none": ("", "not mentioned"),
}


def _page_title(tallies: Mapping[Status, int], claims: int, articles: int) -> str:
    conflicting = tallies[Status.CONFLICTING]
    return (f"Claim check: {conflicting} conflicting of {_plural(claims, 'claim')} "
            f"in {_plural(articles, 'article')}")


def _headline(tallies: Mapping[Status, int], claims: int, articles: int) -> str:
    if claims == 0:
        return f"No claims were checked against {_plural(articles, 'article')}."
    parts = [f"{_plural(claims, 'claim')} checked against {_plural(articles, 'article')}."]
    conflicting, unconfirmed = tallies[Status.CONFLICTING], tallies[Status.UNCONFIRMED]
    if conflicting:
        verb = "is" if conflicting == 1 else "are"
        parts.append(f"{conflicting} {verb} contradicted by at least one article.")
    else:
        parts.append("No article contradicts a claim.")
    if unconfirmed:
        verb = "is" if unconfirmed == 1 else "are"
        parts.append(f"{unconfirmed} {verb} not stated in any article.")
    return " ".join(parts)


def _counts(tallies: Mapping[Status, int], articles: int) -> tuple[CountView, ...]:
    views = [
        # Conflicts have their own summary; the other figures filter the claim list (with JS).
        CountView(s.value, _STATUS_BADGES[s].label, tallies[s], _STATUS_BADGES[s].icon,
                  "#conflicts" if s is Status.CONFLICTING else "#claims",
                  "" if s is Status.CONFLICTING else s.value)
        for s in STATUS_ORDER
    ]
    views.append(CountView("articles", "Articles", articles, "i-article", "#articles", ""))
    return tuple(views)


def _article_refs(report: Report, articles: Iterable[Article]) -> dict[str, ArticleRef]:
    """Every article the report, the caller or a mention names, by id; the Article wins where both know it."""
    known: dict[str, tuple[str | None, dt.date | None]] = {
        s.id: (s.title, s.published) for s in report.articles
    }
    for article in articles:
        title, published = known.get(article.id, (None, None))
        known[article.id] = (article.title or title, article.published or published)
    for claim in report.claims:
        for mention in claim.mentions:
            known.setdefault(mention.article, (None, None))
    return {aid: _article_ref(aid, title, published) for aid, (title, published) in known.items()}


def _article_ref(article_id: str, title: str | None, published: dt.date | None) -> ArticleRef:
    token = _token(article_id)
    shown = title.strip() if title and title.strip() else article_id
    return ArticleRef(
        id=article_id, token=token, href=f"#article-{token}", title=shown,
        short_title=_shorten(shown, SHORT_TITLE_CHARS), short_id=_short_id(article_id),
        date=_human_date(published) if published else "undated",
        date_iso=published.isoformat() if published else "",
    )


def _claim_view(claim: ClaimResult, refs: Mapping[str, ArticleRef],
                texts: Mapping[str, Article]) -> ClaimView:
    anchor = f"claim-{_token(claim.id)}"
    mentions = tuple(_mention_view(claim, n, m, refs[m.article], texts.get(m.article))
                     for n, m in enumerate(claim.mentions))
    agree = sum(1 for m in claim.mentions if m.verdict is Verdict.AGREES)
    conflict = len(claim.mentions) - agree
    in_articles = len({m.article for m in claim.mentions})
    if claim.mentions:
        verdicts = [f"{agree} {'agrees' if agree == 1 else 'agree'}"] if agree else []
        verdicts += [f"{conflict} {'conflicts' if conflict == 1 else 'conflict'}"] if conflict else []
        tally = (f"{_plural(len(claim.mentions), 'mention')} in {_plural(in_articles, 'article')}: "
                 + ", ".join(verdicts))
    else:
        tally = "No article states a value for this claim."
    return ClaimView(
        anchor=anchor, token=_token(claim.id), id=claim.id, sentence=claim.claim or claim.id,
        kind=claim.kind.value, kind_label=claim.kind.value.capitalize(),
        value=format_value(claim.kind, claim.value),
        as_of=format_date(claim.as_of) if claim.as_of else "", subject=claim.subject or "",
        source=f"{claim.file}:{claim.line}" if claim.file and claim.line else claim.file or "",
        status=_STATUS_BADGES[claim.status], tally=tally,
        article_tokens=" ".join(sorted({_token(m.article) for m in claim.mentions})),
        mentions=mentions,
        timeline=_timeline_view(claim, refs),
    )


def _timeline_view(claim: ClaimResult, refs: Mapping[str, ArticleRef]) -> TimelineView | None:
    """The values stated about `claim` against publication date; None when no mention can be placed."""
    data = []
    for mention in claim.mentions:
        ref = refs[mention.article]
        span = numeric(claim.kind, mention.value)
        if span is None or not ref.date_iso:
            continue
        value = format_value(claim.kind, mention.value, mention.qualifier)
        when = _other_time(claim, mention)
        label = (f"{value} in {ref.short_id}, published {ref.date}: {mention.verdict.value}"
                 + (f", {when}" if when else ""))
        data.append(Datum(dt.date.fromisoformat(ref.date_iso), span[0], span[1], mention.verdict.value,
                          value, label))
    claimed = numeric(claim.kind, claim.value)
    claimed_label = format_value(claim.kind, claim.value)
    drawing = plot(data, claimed, claimed_label, claim.as_of if claim.as_of and date_of(claim.as_of) else None,
                   format_date(claim.as_of) if claim.as_of else "")
    if drawing is None:
        return None
    words = [m.label for m in drawing.markers[:MAX_TIMELINE_WORDS]]
    more = len(drawing.markers) - len(words)
    description = (f"Values stated about {claim.id}, by publication date: " + "; ".join(words)
                   + (f"; and {more} more" if more > 0 else "") + f". Claimed: {claimed_label}"
                   + (f" as of {format_date(claim.as_of)}." if claim.as_of else "."))
    return TimelineView(f"tl-{_token(claim.id)}", drawing, description)


def _other_time(claim: ClaimResult, mention: Mention) -> str:
    """"refers to 2021" when the statement's time differs from the claim's as_of at the precision both share."""
    if not mention.time or not claim.as_of or not _DATE.match(mention.time):
        return ""
    shared = min(len(mention.time), len(claim.as_of))
    if mention.time[:shared] == claim.as_of[:shared]:
        return ""
    return f"refers to {format_date(mention.time)}"


def _row_id(claim_id: str, n: int) -> str:
    return f"m-{_token(claim_id)}-{n}"


def _place_id(article_id: str, start: int) -> str:
    return f"article-{_token(article_id)}-{start}"


def _mention_view(claim: ClaimResult, n: int, mention: Mention, ref: ArticleRef,
                  article: Article | None) -> MentionView:
    before, hit, after = _sentence_parts(mention)
    in_text = article is not None and 0 <= mention.start < mention.end <= len(article.text)
    stems = tuple(sorted({w.lower() for w in mention.matched_words if w.strip()}))
    return MentionView(
        row_id=_row_id(claim.id, n), article=ref,
        value=format_value(claim.kind, mention.value, mention.qualifier), written=mention.text,
        verdict=_VERDICT_BADGES[mention.verdict], caveats=_caveats(mention),
        # A conflict's caveat already says so; agreeing mentions about another time are marked here.
        other_time="" if Caveat.OTHER_TIME in mention.caveats else _other_time(claim, mention),
        before=_pieces(before, stems), hit=hit, after=_pieces(after, stems),
        place_href=f"#{_place_id(mention.article, mention.start)}" if in_text else None,
        page=f"p. {mention.page}" if mention.page else "",
        score=_score(mention.score),
    )


def _pieces(text: str, stems: Sequence[str]) -> tuple[Piece, ...]:
    """`text` cut so that each word starting with one of the claim's word stems stands alone, marked."""
    if not stems:
        return (Piece(text, False),) if text else ()
    pieces: list[Piece] = []
    for part in _WORDS.split(text):
        if not part:
            continue
        matched = bool(_WORDS.fullmatch(part)) and part.lower().startswith(tuple(stems))
        if pieces and not matched and not pieces[-1].matched:
            pieces[-1] = Piece(pieces[-1].text + part, False)
        else:
            pieces.append(Piece(part, matched))
    return tuple(pieces)


def _score(score: float) -> str:
    return f"{score:.2f}" if math.isfinite(score) else "–"


def _caveats(mention: Mention) -> tuple[CaveatView, ...]:
    views = []
    for caveat in mention.caveats:
        if caveat is Caveat.OTHER_TIME:
            when = f" ({format_date(mention.time)})" if mention.time else ""
            views.append(CaveatView(f"refers to another time{when}",
                                    "The sentence speaks of another time than the claim's date."))
        elif caveat is Caveat.HEDGED:
            views.append(CaveatView(f"hedged: {mention.qualifier}" if mention.qualifier else "hedged",
                                    "The value is approximate or a bound, not an exact figure."))
        elif caveat is Caveat.WEAK_MATCH:
            views.append(CaveatView("weak match", "The sentence only loosely matches the claim."))
        elif caveat is Caveat.RANGE:
            views.append(CaveatView("stated as a range", "The article gives a range or an open bound."))
    return tuple(views)


def _sentence_parts(mention: Mention) -> tuple[str, str, str]:
    """The sentence cut around the value: before, the value itself, after."""
    sentence = mention.sentence
    span = None
    if mention.sentence_start is not None:
        low, high = mention.start - mention.sentence_start, mention.end - mention.sentence_start
        if 0 <= low < high <= len(sentence):
            span = (low, high)
    if span is None or (mention.text and sentence[span[0]:span[1]] != mention.text):
        found = sentence.find(mention.text) if mention.text else -1
        if found >= 0:
            span = (found, found + len(mention.text))
    if span is None:
        return _clip_after(sentence.strip()), "", ""
    before, hit, after = sentence[:span[0]].lstrip(), sentence[span[0]:span[1]], sentence[span[1]:].rstrip()
    return _clip_before(before), hit, _clip_after(after)


def _clip_before(text: str) -> str:
    if len(text) <= CONTEXT_CHARS:
        return text
    cut = text[-CONTEXT_CHARS:]
    space = cut.find(" ")
    return "…" + (cut[space + 1:] if 0 <= space < CONTEXT_CHARS // 4 else cut)


def _clip_after(text: str) -> str:
    if len(text) <= CONTEXT_CHARS:
        return text
    cut = text[:CONTEXT_CHARS]
    space = cut.rfind(" ")
    return (cut[:space] if space > CONTEXT_CHARS * 3 // 4 else cut) + "…"


def _conflict_view(claim: ClaimResult, refs: Mapping[str, ArticleRef]) -> ConflictView:
    backers = [(n, m) for n, m in enumerate(claim.mentions) if m.verdict is Verdict.AGREES]
    groups: dict[str, list[tuple[int, Mention]]] = {}
    for n, mention in enumerate(claim.mentions):
        if mention.verdict is Verdict.CONFLICTS:
            shown = format_value(claim.kind, mention.value, mention.qualifier)
            groups.setdefault(shown, []).append((n, mention))
    against = tuple(_value_group(claim, value, found, refs) for value, found in groups.items())
    return ConflictView(
        href=f"#claim-{_token(claim.id)}", id=claim.id, sentence=claim.claim or claim.id,
        kind=claim.kind.value.capitalize(), as_of=format_date(claim.as_of) if claim.as_of else "",
        claimed=_value_group(claim, format_value(claim.kind, claim.value), backers, refs),
        against_label="Another article states" if sum(len(g.sources) + g.more for g in against) == 1
        else "Other articles state",
        against=against,
        all_caveated=all(m.caveats for _, found in groups.items() for _, m in found),
    )


def _value_group(claim: ClaimResult, value: str, found: Sequence[tuple[int, Mention]],
                 refs: Mapping[str, ArticleRef]) -> ValueGroup:
    sources = []
    caveats: list[CaveatView] = []
    seen: set[str] = set()
    for n, mention in found:
        caveats.extend(c for c in _caveats(mention) if c not in caveats)
        if mention.article not in seen:
            seen.add(mention.article)
            sources.append(SourceView(f"#{_row_id(claim.id, n)}", refs[mention.article]))
    return ValueGroup(value, tuple(sources[:MAX_SOURCES_SHOWN]), max(0, len(sources) - MAX_SOURCES_SHOWN),
                      tuple(caveats))


def _row_view(claim: ClaimResult, columns: Sequence[ArticleRef], full: bool) -> RowView:
    """A claim's matrix row: a cell per article, or (`full` false) a cell per article that mentions it."""
    by_article: dict[str, list[tuple[int, Mention]]] = defaultdict(list)
    for n, mention in enumerate(claim.mentions):
        by_article[mention.article].append((n, mention))
    cells = []
    for ref in columns:
        found = by_article.get(ref.id, [])
        if not found and not full:
            continue
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
        first = next((n for n, m in found if m.verdict is Verdict.CONFLICTS), found[0][0] if found else None)
        icon, words = _CELL_STATES[state]
        cells.append(CellView(state, icon, f"{claim.id} in {ref.short_id}: {words}",
                              f"#{_row_id(claim.id, first)}" if first is not None else None, ref.short_id))
    return RowView(_token(claim.id), claim.id, f"#claim-{_token(claim.id)}", _STATUS_BADGES[claim.status],
                   tuple(cells))


def _changes_view(changes: Changes, claims: Sequence[ClaimResult],
                  refs: Mapping[str, ArticleRef]) -> ChangesView:
    by_id = {c.id: c for c in claims}

    def link(claim_id: str) -> ClaimLink:
        claim = by_id.get(claim_id)
        return ClaimLink(claim_id, f"#claim-{_token(claim_id)}" if claim else None,
                         (claim.claim or "") if claim else "")

    def change(c: ConflictChange) -> ChangeView:
        ref = refs.get(c.article_id)
        return ChangeView(link(c.claim_id), ref.short_id if ref else c.article_id, ref.href if ref else None,
                          format_value(c.kind, c.value))

    parts = [(len(changes.new_conflicts), "new conflict"), (len(changes.resolved_conflicts), "resolved conflict"),
             (len(changes.new_claims), "new claim"), (len(changes.removed_claims), "removed claim"),
             (len(changes.new_articles), "new article"), (len(changes.removed_articles), "removed article")]
    summary = ", ".join(_plural(n, word) for n, word in parts if n) or "Nothing changed"
    return ChangesView(
        source=changes.source, generated=changes.previous_generated or "an unknown time", summary=summary,
        new_conflicts=tuple(change(c) for c in changes.new_conflicts),
        resolved_conflicts=tuple(change(c) for c in changes.resolved_conflicts),
        new_claims=tuple(link(c) for c in changes.new_claims), removed_claims=changes.removed_claims,
        new_articles=tuple(refs[a] for a in changes.new_articles if a in refs),
        removed_articles=changes.removed_articles,
    )


def _coverage_view(claims: Sequence[ClaimResult], summaries: Sequence[ArticleSummary],
                   refs: Mapping[str, ArticleRef]) -> CoverageView:
    unmentioned = tuple(ClaimLink(c.id, f"#claim-{_token(c.id)}", c.claim or "")
                        for c in sorted(claims, key=lambda c: c.id) if not c.mentions)
    rows = sorted((s for s in summaries if s.values_uncovered > 0 and s.id in refs),
                  key=lambda s: (-s.values_uncovered, s.id))
    return CoverageView(
        unmentioned=unmentioned,
        articles=tuple(UncoveredView(refs[s.id], s.values_stated, s.values_uncovered) for s in rows),
        quiet_articles=len(summaries) - len(rows),
        stated=sum(s.values_stated for s in summaries), uncovered=sum(s.values_uncovered for s in summaries),
    )


_Found = tuple[ClaimResult, int, Mention]


def _article_view(ref: ArticleRef, article: Article | None, summary: ArticleSummary | None,
                  claims: Sequence[ClaimResult]) -> ArticleView:
    text = article.text if article else ""
    spans: dict[tuple[int, int], list[_Found]] = defaultdict(list)
    backrefs: dict[str, list[Verdict]] = {}
    for claim in claims:
        for n, mention in enumerate(claim.mentions):
            if mention.article != ref.id:
                continue
            backrefs.setdefault(claim.id, []).append(mention.verdict)
            if 0 <= mention.start < mention.end <= len(text):
                spans[(mention.start, mention.end)].append((claim, n, mention))
    url = ((article.url if article else None) or (summary.url if summary else None) or "").strip()
    return ArticleView(
        ref=ref, anchor=f"article-{ref.token}",
        publisher=(article.publisher if article else None) or (summary.publisher if summary else None) or "",
        author=(article.author or "") if article else "",
        url_href=url if _SAFE_URL.match(url) else None, url_text=url,
        path=(article.path if article else None) or (summary.path if summary else None) or "",
        stated=_stated(summary),
        claims=tuple(
            RefView(f"#claim-{_token(cid)}", cid, _VERDICT_BADGES[Verdict.CONFLICTS]
                    if Verdict.CONFLICTS in verdicts else _VERDICT_BADGES[Verdict.AGREES])
            for cid, verdicts in sorted(backrefs.items())
        ),
        segments=_segments(ref.id, text, spans),
        has_text=bool(text),
    )


def _stated(summary: ArticleSummary | None) -> str:
    if summary is None or not summary.values_stated:
        return ""
    return (f"{_plural(summary.values_stated, 'value')} stated, "
            f"{summary.values_uncovered} not covered by any claim")


def _segments(article_id: str, text: str,
              spans: Mapping[tuple[int, int], Sequence[_Found]]) -> tuple[Segment, ...]:
    """The text cut into plain and highlighted pieces; overlapping values share one highlight."""
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
            segments.append(Segment(text[at:start], None))
        found = sorted((m for span in cluster for m in spans[span]), key=lambda f: (f[0].id, f[1]))
        verdicts = {m.verdict for _, _, m in found}
        state = "both" if len(verdicts) > 1 else next(iter(verdicts)).value
        starts = sorted({s for s, _ in cluster})
        mark = MarkView(
            id=_place_id(article_id, starts[0]),
            extra_ids=tuple(_place_id(article_id, s) for s in starts[1:]),
            state=state,
            refs=tuple(RefView(f"#{_row_id(c.id, n)}", c.id, _VERDICT_BADGES[m.verdict])
                       for c, n, m in found),
        )
        segments.append(Segment(text[start:end], mark))
        at = end
    if at < len(text):
        segments.append(Segment(text[at:], None))
    return tuple(segments)


# ---------------------------------------------------------------------------
# Small pieces.


def _token(raw: str) -> str:
    """`raw` made safe for an HTML id and a URL fragment; unsafe ids get a hash to stay unique."""
    if _SAFE_TOKEN.match(raw):
        return raw
    slug = _UNSAFE_CHARS.sub("-", raw).strip("-")[:40]
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else f"x-{digest}"


def _short_id(article_id: str) -> str:
    match = _HASHED_ID.match(article_id)
    if match:
        return match.group("head") + match.group("hash")[:3] + "…"
    return _shorten(article_id, 24)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,.;:-") + "…"


def _human_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _is_range(kind: Kind, value: Any) -> bool:
    return isinstance(value, Mapping) and ("min" in value or "max" in value) and "amount" not in value


def _format_range(kind: Kind, value: Mapping[str, Any]) -> str:
    low = _format_scalar(kind, value["min"]) if value.get("min") is not None else None
    high = _format_scalar(kind, value["max"]) if value.get("max") is not None else None
    if low and high:
        return _join_range(low, high)
    if low:
        return f"at least {low}"
    if high:
        return f"up to {high}"
    return _plain(value)


def _join_range(low: str, high: str) -> str:
    """Two ends of a range, sharing what they can: "5–10 years", "60–65%", "Oct 2014 – Mar 2015"."""
    if low == high:
        return low
    if low.endswith("%") and high.endswith("%"):
        return f"{low[:-1]}–{high}"
    low_number, _, low_unit = low.partition(" ")
    high_number, _, high_unit = high.partition(" ")
    if low_unit and low_unit.rstrip("s") == high_unit.rstrip("s") and _looks_numeric(low_number) \
            and _looks_numeric(high_number):
        return f"{low_number}–{high_number} {high_unit}"
    return f"{low} – {high}" if " " in low + high else f"{low}–{high}"


def _looks_numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[\d.,]+", text))


def _format_scalar(kind: Kind, value: Any) -> str | None:
    if kind is Kind.DATE:
        return format_date(value) if isinstance(value, str) else (str(value) if _is_number(value) else None)
    if kind is Kind.MONEY:
        if isinstance(value, Mapping) and _is_number(value.get("amount")):
            return _money(float(value["amount"]), str(value.get("currency") or "GBP").upper())
        return None
    if kind is Kind.COUNT:
        return _count(value) if _is_number(value) else None
    if kind is Kind.PERCENT:
        return f"{_number(value)}%" if _is_number(value) else None
    if kind is Kind.DURATION:
        return _duration(value) if isinstance(value, Mapping) else None
    if isinstance(value, str) and value:
        return value[0].upper() + value[1:]
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(value: float) -> str:
    """A number with thousands separators and at most three decimals, no trailing zeros."""
    if not math.isfinite(value):
        return str(value)
    rounded = round(float(value), 3)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.3f}".rstrip("0").rstrip(".")


def _count(value: float) -> str:
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{_number(value / size)} {word}"
    return _number(value)


def _money(amount: float, currency: str) -> str:
    sign = "-" if amount < 0 else ""
    size = abs(amount)
    for step, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if size >= step:
            number = _number(size / step) + suffix
            break
    else:
        number = _number(size) if size == int(size) or size >= 1000 else f"{size:.2f}"
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{sign}{symbol}{number}" if symbol else f"{sign}{number} {currency}"


def _duration(value: Mapping[str, Any]) -> str | None:
    units = [*DURATION_UNITS, *sorted(k for k in value if k not in DURATION_UNITS)]
    parts = []
    for unit in units:
        if unit not in value:
            continue
        amount = value[unit]
        if not _is_number(amount):
            return None
        word = unit[:-1] if amount == 1 and unit.endswith("s") else unit
        parts.append(f"{_number(amount)} {word}")
    return " ".join(parts) or None


def _plain(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


@functools.cache
def _assets() -> tuple[str, str]:
    """The page's CSS and JS, read as they are (not run through jinja2)."""
    loader = _ENV.loader
    assert loader is not None
    style = loader.get_source(_ENV, "report.css")[0]
    script = loader.get_source(_ENV, "report.js")[0]
    return style, script


def _content_security_policy(style: str, script: str) -> str:
    """Allow only the page's own style and script, by hash: no request of any kind, no injected script."""
    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")

    return (f"default-src 'none'; style-src 'sha256-{digest(style)}'; script-src 'sha256-{digest(script)}'; "
            "img-src 'none'; base-uri 'none'; form-action 'none'")
