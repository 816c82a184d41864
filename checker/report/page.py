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
from checker.report.articles import article_view, marked_places
from checker.report.assets import content_security_policy, page_assets
from checker.report.badges import STANDING_ORDER, STATUS_BADGES, STATUS_ORDER
from checker.report.changes import changes_view
from checker.report.claim_card import claim_view
from checker.report.conflicts import conflict_view
from checker.report.coverage import MAX_COVERAGE_ROWS, coverage_view
from checker.report.headline import counts, headline, headline_note, page_title
from checker.report.history import Changes
from checker.report.limits import shown_rows
from checker.report.sources import article_refs
from checker.report.view import Option, PageView


def build_page(report: Report, articles: Sequence[Article], changes: Changes | None = None,
               standings: Standings | None = None) -> PageView:
    """The view model of the HTML page; `render_html` prints it. `standings` say which conflicts a baseline
    accepts (checker.findings.standing); without them none is."""
    standings = standings or Standings()
    texts = {a.id: a for a in articles}
    refs = article_refs(report, articles)
    summaries = {s.id: s for s in report.articles}
    claims = sorted(report.claims, key=lambda c: (STATUS_ORDER.index(c.status), STANDING_ORDER.index(
        standings.of_claim(c)), c.id))
    tallies = {status: sum(1 for c in claims if c.status is status) for status in STATUS_ORDER}
    columns = tuple(refs[a] for a in sorted(refs))
    full_matrix = matrix.fits_grid(len(claims), len(columns))
    shown = {c.id: shown_rows(c.mentions) for c in claims}
    marked = marked_places(claims, texts)
    summary = summary_line(report, standings, len(columns))
    style, script = page_assets()
    return PageView(
        title=page_title(summary),
        headline=headline(summary),
        headline_note=headline_note([standings.of_claim(c) for c in claims], bool(report.skipped)),
        counts=counts(tallies, len(columns)),
        conflicts=tuple(conflict_view(c, refs, standings, shown[c.id]) for c in claims
                        if c.status is Status.CONFLICTING),
        claims=tuple(claim_view(c, refs, marked, standings, shown[c.id]) for c in claims),
        columns=columns,
        rows=tuple(matrix.row_view(c, columns, full_matrix, shown[c.id]) for c in claims),
        full_matrix=full_matrix,
        articles=tuple(article_view(r, texts.get(r.id), summaries.get(r.id), claims, shown) for r in columns),
        changes=changes_view(changes, claims, refs) if changes else None,
        coverage=coverage_view(claims, report.articles, refs),
        coverage_rows=MAX_COVERAGE_ROWS,
        status_options=tuple(Option(s.value, f"{STATUS_BADGES[s].label} ({tallies[s]})")
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
        csp=content_security_policy(style, script),
    )
