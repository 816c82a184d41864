"""The report's view model from a Report: each section built by the module that owns it, in page order.

The sections: the headline and figures (headline), the conflicts (conflicts), the claim cards and their
evidence (claim_card, evidence), the matrix (matrix), coverage (coverage), what changed (changes) and the
articles' text (articles); sources are named once (sources) and linked by the ids of anchors.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from checker.findings.standing import Standings, summary_line
from checker.models import Article, Kind, Report, Status
from checker.report import matrix
from checker.report.articles import article_view, index_mentions, marked_places, quoted_articles, unquoted_note
from checker.report.assets import content_security_policy, page_assets
from checker.report.badges import STANDING_ORDER, STATUS_BADGES, STATUS_ORDER
from checker.report.changes import changes_view
from checker.report.claim_card import claim_view
from checker.report.conflicts import conflict_view
from checker.report.coverage import MAX_COVERAGE_ROWS, coverage_view
from checker.report.headline import counts, headline, headline_note, page_title
from checker.report.history import Changes
from checker.report.limits import plan_rows
from checker.report.sources import article_refs, known_articles
from checker.report.view import Option, PageView


def build_page(report: Report, articles: Sequence[Article], changes: Changes | None = None,
               standings: Standings | None = None) -> PageView:
    """The view model of the HTML page; `render_html` prints it. `standings` say which conflicts a baseline
    accepts (checker.findings.standing); without them none is."""
    standings = standings or Standings()
    texts = {a.id: a for a in articles}
    known = known_articles(report, articles)
    summaries = {s.id: s for s in report.articles}
    standing = {c.id: standings.of_claim(c) for c in report.claims}
    claims = sorted(report.claims, key=lambda c: (STATUS_ORDER.index(c.status), STANDING_ORDER.index(
        standing[c.id]), c.id))
    index = index_mentions(claims)
    quoted = quoted_articles(sorted(known), index)
    refs = article_refs(known, quoted)
    tallies = {status: sum(1 for c in claims if c.status is status) for status in STATUS_ORDER}
    columns = tuple(refs[a] for a in sorted(refs))
    sections = tuple(r for r in columns if r.id in quoted)
    full_matrix = matrix.fits_grid(len(claims), len(columns))
    plans = {c.id: plan_rows(c.mentions) for c in claims}
    shown = {c.id: plans[c.id].printed for c in claims}
    marked = marked_places(index, {a: t for a, t in texts.items() if a in quoted})
    summary = summary_line(report, standings, len(columns))
    style, script = page_assets()
    cards = tuple(claim_view(c, refs, marked, standings, plans[c.id], quoted) for c in claims)
    return PageView(
        title=page_title(summary),
        headline=headline(summary),
        headline_note=headline_note([standing[c.id] for c in claims], bool(report.skipped)),
        counts=counts(tallies, len(columns)),
        conflicts=tuple(conflict_view(c, refs, standings, shown[c.id], standing[c.id]) for c in claims
                        if c.status is Status.CONFLICTING),
        claims=cards,
        columns=columns,
        rows=tuple(matrix.row_view(c, columns, refs, full_matrix, shown[c.id]) for c in claims),
        full_matrix=full_matrix,
        articles=tuple(article_view(r, texts.get(r.id), summaries.get(r.id), index.get(r.id, ()), shown)
                       for r in sections),
        unquoted=unquoted_note(len(columns), len(sections)),
        changes=changes_view(changes, claims, refs) if changes else None,
        coverage=coverage_view(claims, report.articles, refs),
        coverage_rows=MAX_COVERAGE_ROWS,
        packs=tuple(p for c in cards for p in c.packs),
        status_options=tuple(Option(s.value, f"{STATUS_BADGES[s].label} ({tallies[s]})")
                             for s in STATUS_ORDER),
        kind_options=tuple(Option(k.value, k.value.capitalize())
                           for k in Kind if any(c.kind is k for c in claims)),
        # Only the articles with a section: a list of 100,000 would be no choice (and the cards' tokens as long).
        article_options=tuple(Option(r.token, f"{r.short_title} ({r.short_id})") for r in sections),
        claim_count=len(claims),
        article_count=len(columns),
        version=report.version or "unknown",
        generated=report.generated or "unknown",
        digest=report.inputs_digest or "none",
        # Static files of the package, not input data: they are printed as they are.
        style=Markup(style),
        script=Markup(script),
        csp=content_security_policy(style, script),
    )
