"""The conflicts at the top of the page: each conflicting claim's value and its backers against every other
value stated, with sources, caveats and the baseline's acceptances."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import islice

from checker.findings.standing import Standing, Standings
from checker.findings.wording import plural
from checker.models import ClaimResult, Mention, Verdict, described
from checker.report.anchors import claim_href, row_href
from checker.report.caveats import accepted_note, caveat_views
from checker.report.view import ArticleRef, CaveatView, ConflictView, SourceView, ValueGroup

# Sources listed beside a value in the conflict summary before "+N more".
MAX_SOURCES_SHOWN = 3
# Other values listed against a claim's; past them, those stated by the most articles are listed and the rest
# counted. At 10,000 synthetic articles one claim met 816 different values: listed, the conflicts at the
# top of the page would be megabytes long.
MAX_VALUES_SHOWN = 6
# Caveats named beside one value before "+N more caveats": each other time is a caveat of its own, and one
# value of the 10,000-article page carried 1,871 of them.
MAX_CAVEATS_SHOWN = 3


def conflict_view(claim: ClaimResult, refs: Mapping[str, ArticleRef], standings: Standings,
                  shown: frozenset[int], standing: Standing | None) -> ConflictView:
    """A conflicting claim in one card: claimed value against each value stated otherwise; `standing` is the
    claim's (standings.of_claim, worked out once by the caller)."""
    backers = [(n, m) for n, m in enumerate(claim.mentions) if m.verdict is Verdict.AGREES]
    groups: dict[str, list[tuple[int, Mention]]] = {}
    for n, mention in enumerate(claim.mentions):
        if mention.verdict is Verdict.CONFLICTS:
            groups.setdefault(described(mention.value, mention.qualifier), []).append((n, mention))
    against = tuple(_value_group(claim, value, found, refs, shown) for value, found in groups.items())
    stated = sum(len(g.sources) + g.more for g in against)
    more_values = ""
    if len(against) > MAX_VALUES_SHOWN:
        # The values most stated first, so the cut leaves out the rarest.
        against = tuple(sorted(against, key=lambda g: -(len(g.sources) + g.more)))
        left = against[MAX_VALUES_SHOWN:]
        against = against[:MAX_VALUES_SHOWN]
        stating = sum(len(g.sources) + g.more for g in left)
        more_values = f"…and {len(left):,} other values, in {plural(stating, 'article')}: see the claim's evidence"
    return ConflictView(
        href=claim_href(claim.id), id=claim.id, sentence=claim.claim or claim.id,
        kind=claim.kind.value.capitalize(), as_of=claim.as_of.display() if claim.as_of else "",
        claimed=_value_group(claim, claim.value.display(), backers, refs, shown),
        against_label="Another article states" if stated == 1 else "Other articles state",
        against=against, more_values=more_values,
        all_caveated=standing is Standing.CAVEATED,
        accepted=tuple(dict.fromkeys(note for m in claim.mentions
                                     if (note := accepted_note(standings, claim, m)))),
        standing=(standing or Standing.OPEN).value,
    )


def _value_group(claim: ClaimResult, value: str, found: Sequence[tuple[int, Mention]],
                 refs: Mapping[str, ArticleRef], shown: frozenset[int]) -> ValueGroup:
    caveats: dict[CaveatView, None] = {}  # in the order met, each once
    first: dict[str, int] = {}  # each article's first mention of the value
    for n, mention in found:
        if mention.caveats:
            caveats.update(dict.fromkeys(caveat_views(mention)))
        first.setdefault(mention.article, n)
    sources = tuple(SourceView(row_href(claim.id, n, shown), refs[article])
                    for article, n in islice(first.items(), MAX_SOURCES_SHOWN))
    named = tuple(islice(caveats, MAX_CAVEATS_SHOWN))
    return ValueGroup(value, sources, len(first) - len(sources), named, len(caveats) - len(named))
