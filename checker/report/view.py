"""The report's view model: everything the templates print, worded and ready to escape, and nothing to compute."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from checker.report.timeline import Plot


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
    name: str = ""  # publisher, title and date, as every format names a source
    label: str = ""  # short: the publisher, else the title
    publisher: str = ""
    column: str = ""  # a matrix column's header: the title, shortened
    short_name: str = ""  # the label and the date, where a source is named in passing: "CYP Now, 26 Jul 2022"


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
    reasons: str = ""  # why it was taken: the subject's reference, the role, the claim's words
    accepted: str = ""  # the baseline's acceptance of this conflict, with its reason
    # the marks around the quoted sentence; none when it already opens or closes with its own
    open_quote: str = "\u201c"
    close_quote: str = "\u201d"


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
    more_caveats: int = 0  # past conflicts.MAX_CAVEATS_SHOWN


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
    more_values: str = ""  # the other values past MAX_VALUES_SHOWN, counted; "" when every one is listed
    accepted: tuple[str, ...] = ()  # the baseline's acceptances of its conflicts, with their reasons
    standing: str = "open"  # open, caveated or accepted (checker.findings.standing)


@dataclass(frozen=True)
class MoreView:
    """The line under an evidence table that counts the mentions without a printed row, and where they are."""

    id: str  # the line's HTML id, a link's target for a mention without a row; "" for possible mentions
    count: str  # "…and 215 more rows (200 agree, 15 conflict)"
    no_script: str  # what a reader without JavaScript is told: where to see them
    button: str  # "Show 200 more rows", when some are packed
    rest: str  # with JavaScript: the mentions packed nowhere, only in the JSON result; "" when none
    pack_id: str  # the id of the data block holding the packed rows; "" when none is


@dataclass(frozen=True)
class Pack:
    """Evidence rows packed for the script to show on demand (checker.report.packing): base64, so nothing in it
    can end the data block it sits in."""

    id: str
    data: str


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
    # statements below the confidence cut: shown apart, they count for nothing
    possible: tuple[MentionView, ...] = ()
    possible_count: int = 0  # all of them, with a row or not
    # the mentions (and possible ones) without a printed row past the page's cap (checker.report.limits)
    more: MoreView | None = None
    possible_more: MoreView | None = None
    packs: tuple[Pack, ...] = ()  # their rows, packed


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
    more: int = 0  # articles that mention it past the cells listed (matrix.MAX_ROW_ARTICLES)


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
    furniture: str = ""  # how many lines of web furniture the text leaves out, worded


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
    article: str  # the article as the page names it in passing (ArticleRef.short_name), else its id
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
    # how many of each list are past changes.MAX_CHANGES_LISTED, by the list's name; absent when none is
    left: Mapping[str, int] = field(default_factory=dict)


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
    headline_note: str  # what the headline's words for conflicts mean; "" when nothing conflicts
    counts: tuple[CountView, ...]
    conflicts: tuple[ConflictView, ...]
    claims: tuple[ClaimView, ...]
    columns: tuple[ArticleRef, ...]
    rows: tuple[RowView, ...]
    full_matrix: bool
    articles: tuple[ArticleView, ...]  # the sections: the quoted articles (checker.report.articles)
    unquoted: str  # what the articles section says of the articles without one; "" when none is
    changes: ChangesView | None
    coverage: CoverageView
    coverage_rows: int
    packs: tuple[Pack, ...]
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
