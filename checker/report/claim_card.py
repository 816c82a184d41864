"""A claim's card: what was claimed, its status, the tally of its evidence, its timeline, and a row for each
mention (and each possible one) that fits the page: printed, or packed for the script to show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping

from checker.findings.standing import Standings
from checker.findings.wording import plural
from checker.models import ClaimResult, Verdict, described
from checker.report.anchors import more_id, pack_id, token
from checker.report.badges import STATUS_BADGES
from checker.report.caveats import accepted_note
from checker.report.evidence import mention_view, other_time
from checker.report.limits import RowPlan, more_view, plan_rows
from checker.report.packing import pack_rows
from checker.report.timeline import Datum, in_order, numeric, plot
from checker.report.view import ArticleRef, ClaimView, MentionView, Pack, TimelineView
from checker.values import builtin_scales

# Stated values named in a timeline's text alternative before "and N more".
MAX_TIMELINE_WORDS = 12


def claim_view(claim: ClaimResult, refs: Mapping[str, ArticleRef], marked: frozenset[tuple[str, int]],
               standings: Standings, plan: RowPlan, quoted: Collection[str]) -> ClaimView:
    """The card of `claim`; `plan` says which mentions get a row (checker.report.limits), `marked` the places
    highlighted in the articles' text and `quoted` the articles with a section (checker.report.articles)."""
    anchor = f"claim-{token(claim.id)}"

    def row(n: int) -> MentionView:
        mention = claim.mentions[n]
        return mention_view(claim, n, mention, refs[mention.article], marked,
                            accepted=accepted_note(standings, claim, mention))

    possible = [(n, m) for n, m in enumerate(claim.possible) if m.article in refs]
    possible_plan = plan_rows([m for _, m in possible])

    def possible_row(i: int) -> MentionView:
        n, mention = possible[i]
        return mention_view(claim, n, mention, refs[mention.article], marked, prefix="p")

    packs = tuple(p for p in (_pack(pack_id(claim.id), plan, row), _pack(pack_id(claim.id, "p"), possible_plan,
                                                                         possible_row)) if p is not None)
    return ClaimView(
        anchor=anchor, token=token(claim.id), id=claim.id, sentence=claim.claim or claim.id,
        kind=claim.kind.value, kind_label=claim.kind.value.capitalize(),
        value=claim.value.display(),
        as_of=claim.as_of.display() if claim.as_of else "", subject=claim.subject or "",
        source=f"{claim.file}:{claim.line}" if claim.file and claim.line else claim.file or "",
        status=STATUS_BADGES[claim.status], tally=_tally(claim),
        # For the article filter, whose choices are the articles with a section.
        article_tokens=" ".join(sorted({token(m.article) for m in claim.mentions if m.article in quoted})),
        mentions=tuple(row(n) for n in sorted(plan.printed)),
        timeline=_timeline_view(claim, refs),
        possible=tuple(possible_row(i) for i in sorted(possible_plan.printed)),
        possible_count=len(possible),
        more=more_view(claim.mentions, plan, more_id(claim.id), pack_id(claim.id)),
        possible_more=more_view([m for _, m in possible], possible_plan, "", pack_id(claim.id, "p")),
        packs=packs,
    )


def _pack(pack: str, plan: RowPlan, row: Callable[[int], MentionView]) -> Pack | None:
    return pack_rows(pack, [row(n) for n in plan.packed]) if plan.packed else None


def _tally(claim: ClaimResult) -> str:
    """'3 mentions in 2 articles: 1 agrees, 2 conflict'."""
    if not claim.mentions:
        return "No article states a value for this claim."
    agree = sum(1 for m in claim.mentions if m.verdict is Verdict.AGREES)
    conflict = len(claim.mentions) - agree
    in_articles = len({m.article for m in claim.mentions})
    verdicts = [f"{agree} {'agrees' if agree == 1 else 'agree'}"] if agree else []
    verdicts += [f"{conflict} {'conflicts' if conflict == 1 else 'conflict'}"] if conflict else []
    return (f"{plural(len(claim.mentions), 'mention')} in {plural(in_articles, 'article')}: "
            + ", ".join(verdicts))


def _timeline_view(claim: ClaimResult, refs: Mapping[str, ArticleRef]) -> TimelineView | None:
    """The values stated about `claim` against publication date; None when no mention can be placed."""
    data = []
    scales = builtin_scales()
    for mention in claim.mentions:
        ref = refs[mention.article]
        span = numeric(mention.value, scales)
        if span is None or not ref.date_iso:
            continue
        value = described(mention.value, mention.qualifier)
        when = other_time(claim, mention)
        label = (f"{value} in {ref.label}, published {ref.date}: {mention.verdict.value}"
                 + (f", {when}" if when else ""))
        data.append(Datum(dt.date.fromisoformat(ref.date_iso), span[0], span[1], mention.verdict.value,
                          value, label))
    claimed = numeric(claim.value, scales)
    claimed_label = claim.value.display()
    drawing = plot(data, claimed, claimed_label, claim.as_of, claim.as_of.display() if claim.as_of else "")
    if drawing is None:
        return None
    # Named from the values, not the markers: past timeline.MAX_MARKERS a marker stands for several.
    words = [d.label for d in in_order(data)[:MAX_TIMELINE_WORDS]]
    more = len(data) - len(words)
    description = (f"Values stated about {claim.id}, by publication date: " + "; ".join(words)
                   + (f"; and {more} more" if more > 0 else "") + f". Claimed: {claimed_label}"
                   + (f" as of {claim.as_of.display()}." if claim.as_of else "."))
    return TimelineView(f"tl-{token(claim.id)}", drawing, description)
