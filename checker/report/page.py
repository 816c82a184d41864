"""Building the report's view model from a Report: wording, grouping, ordering, links (see checker.report.view)."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from markupsafe import Markup

from checker.findings.standing import Standing, Standings
from checker.findings.wording import CAVEAT_EXPLANATIONS, caveat_label, plural, source_name
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
    described,
    display_raw,
)
from checker.report.assets import content_security_policy, page_assets
from checker.report.history import Changes, ConflictChange
from checker.report.limits import furniture_lines, more_line, shown_rows, shown_text
from checker.report.timeline import Datum, numeric, plot
from checker.report.view import (
    ArticleRef,
    ArticleView,
    Badge,
    CaveatView,
    CellView,
    ChangesView,
    ChangeView,
    ClaimLink,
    ClaimView,
    ConflictView,
    CountView,
    CoverageView,
    MarkView,
    MentionView,
    Option,
    PageView,
    Piece,
    RefView,
    RowView,
    Segment,
    SourceView,
    TimelineView,
    UncoveredView,
    ValueGroup,
)
from checker.values import builtin_scales

# Characters of a mention's sentence kept on each side of the value; a badly split
# "sentence" can be a whole paragraph, and the full text is in the articles section anyway.
CONTEXT_CHARS = 160
# Article titles longer than this (characters) are shortened where space is tight.
SHORT_TITLE_CHARS = 70
# A source's short label (characters): its publisher, else its title; a matrix column header's title.
SHORT_LABEL_CHARS = 28
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
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_SAFE_TOKEN = re.compile(r"^[A-Za-z0-9_-]+$")
_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9_-]+")
# Ids made of a readable head and a long hash, like the corpus's "002_c5a19384d7ec2052".
_HASHED_ID = re.compile(r"^(?P<head>.*?[_-])(?P<hash>[0-9a-f]{10,})$")
_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)
_WORDS = re.compile(r"(\w[\w'’-]*)")
# Quotation marks a quoted sentence may open or close with (article text has straight ones; titles may not).
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def build_page(report: Report, articles: Sequence[Article], changes: Changes | None = None,
               standings: Standings | None = None) -> PageView:
    """The view model of the HTML page; `render_html` prints it. `standings` say which conflicts a baseline
    accepts (checker.findings.standing); without them none is."""
    standings = standings or Standings()
    texts = {a.id: a for a in articles}
    refs = _article_refs(report, articles)
    summaries = {s.id: s for s in report.articles}
    claims = sorted(report.claims, key=lambda c: (STATUS_ORDER.index(c.status), _STANDING_ORDER.index(
        standings.of_claim(c)), c.id))
    tallies = {status: sum(1 for c in claims if c.status is status) for status in STATUS_ORDER}
    columns = tuple(refs[a] for a in sorted(refs))
    full_matrix = len(claims) * len(columns) <= MAX_MATRIX_CELLS
    shown = {c.id: shown_rows(c.mentions) for c in claims}
    style, script = page_assets()
    return PageView(
        title=_page_title(tallies, len(claims), len(columns)),
        headline=_headline(tallies, len(claims), len(columns), [standings.of_claim(c) for c in claims])
        + _skipped_note(len(report.skipped)),
        counts=_counts(tallies, len(columns)),
        conflicts=tuple(_conflict_view(c, refs, standings, shown[c.id]) for c in claims
                        if c.status is Status.CONFLICTING),
        claims=tuple(_claim_view(c, refs, texts, standings, shown[c.id]) for c in claims),
        columns=columns,
        rows=tuple(_row_view(c, columns, full_matrix, shown[c.id]) for c in claims),
        full_matrix=full_matrix,
        articles=tuple(_article_view(r, texts.get(r.id), summaries.get(r.id), claims, shown) for r in columns),
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
        csp=content_security_policy(style, script),
    )


# Conflicting claims: contradictions first, then those only caveats explain, then those a baseline accepts.
_STANDING_ORDER = (Standing.OPEN, Standing.CAVEATED, Standing.ACCEPTED, None)
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


def _skipped_note(skipped: int) -> str:
    """Said after the headline when files under the articles folder were not read (Report.skipped)."""
    if not skipped:
        return ""
    verb = "was" if skipped == 1 else "were"
    return f" {_plural(skipped, 'file')} under the articles folder {verb} not read (the run's warnings say why)."


def _headline(tallies: Mapping[Status, int], claims: int, articles: int,
              standings: Sequence[Standing | None]) -> str:
    if claims == 0:
        return f"No claims were checked against {_plural(articles, 'article')}."
    parts = [f"{_plural(claims, 'claim')} checked against {_plural(articles, 'article')}."]
    unconfirmed = tallies[Status.UNCONFIRMED]
    contradicted, caveated, accepted = (standings.count(s) for s in _STANDING_ORDER[:3])
    if contradicted:
        verb = "is" if contradicted == 1 else "are"
        parts.append(f"{contradicted} {verb} contradicted by an article speaking of the same time.")
    if caveated:
        verb = "differs" if caveated == 1 else "differ"
        parts.append(f"{caveated} {'more ' if contradicted else ''}{verb} from an article only where a caveat "
                     "applies (another time, hedged or a weak match).")
    if accepted:
        verb = "has" if accepted == 1 else "have"
        parts.append(f"{accepted} {verb} only conflicts accepted in the baseline.")
    if not contradicted and not caveated:
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
    known: dict[str, ArticleSummary] = {s.id: s for s in report.articles}
    for article in articles:
        seen = known.get(article.id) or ArticleSummary(id=article.id)
        known[article.id] = seen.model_copy(update={"title": article.title or seen.title,
                                                    "published": article.published or seen.published,
                                                    "publisher": article.publisher or seen.publisher})
    for claim in report.claims:
        for mention in claim.mentions:
            known.setdefault(mention.article, ArticleSummary(id=mention.article))
    return {aid: _article_ref(aid, summary) for aid, summary in known.items()}


def _article_ref(article_id: str, summary: ArticleSummary) -> ArticleRef:
    token = _token(article_id)
    title, published = summary.title, summary.published
    shown = title.strip() if title and title.strip() else article_id
    publisher = " ".join((summary.publisher or "").split())
    return ArticleRef(
        id=article_id, token=token, href=f"#article-{token}", title=shown,
        short_title=_shorten(shown, SHORT_TITLE_CHARS), short_id=_short_id(article_id),
        date=_human_date(published) if published else "undated",
        date_iso=published.isoformat() if published else "",
        name=source_name(article_id, summary), publisher=publisher, column=_shorten(shown, SHORT_LABEL_CHARS),
        label=_shorten(publisher, SHORT_LABEL_CHARS) if publisher else _shorten(shown, SHORT_LABEL_CHARS),
    )


def _claim_view(claim: ClaimResult, refs: Mapping[str, ArticleRef],
                texts: Mapping[str, Article], standings: Standings, shown: frozenset[int]) -> ClaimView:
    anchor = f"claim-{_token(claim.id)}"
    mentions = tuple(_mention_view(claim, n, m, refs[m.article], texts.get(m.article), accepted=_accepted(
        standings, claim, m)) for n, m in enumerate(claim.mentions) if n in shown)
    possible = [(n, m) for n, m in enumerate(claim.possible) if m.article in refs]
    possible_shown = shown_rows([m for _, m in possible])
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
        value=claim.value.display(),
        as_of=claim.as_of.display() if claim.as_of else "", subject=claim.subject or "",
        source=f"{claim.file}:{claim.line}" if claim.file and claim.line else claim.file or "",
        status=_STATUS_BADGES[claim.status], tally=tally,
        article_tokens=" ".join(sorted({_token(m.article) for m in claim.mentions})),
        mentions=mentions,
        timeline=_timeline_view(claim, refs),
        possible=tuple(_mention_view(claim, n, m, refs[m.article], texts.get(m.article), prefix="p")
                       for i, (n, m) in enumerate(possible) if i in possible_shown),
        more=more_line(claim.mentions, shown), more_id=_more_id(claim.id),
        possible_more=more_line([m for _, m in possible], possible_shown),
    )


def _more_id(claim_id: str) -> str:
    return f"claim-{_token(claim_id)}-more"


def _row_href(claim_id: str, n: int, shown: frozenset[int]) -> str:
    """A link to mention `n`'s row, or to the line that counts it when it has none."""
    return f"#{_row_id(claim_id, n)}" if n in shown else f"#{_more_id(claim_id)}"


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
        when = _other_time(claim, mention)
        label = (f"{value} in {ref.short_id}, published {ref.date}: {mention.verdict.value}"
                 + (f", {when}" if when else ""))
        data.append(Datum(dt.date.fromisoformat(ref.date_iso), span[0], span[1], mention.verdict.value,
                          value, label))
    claimed = numeric(claim.value, scales)
    claimed_label = claim.value.display()
    drawing = plot(data, claimed, claimed_label, claim.as_of, claim.as_of.display() if claim.as_of else "")
    if drawing is None:
        return None
    words = [m.label for m in drawing.markers[:MAX_TIMELINE_WORDS]]
    more = len(drawing.markers) - len(words)
    description = (f"Values stated about {claim.id}, by publication date: " + "; ".join(words)
                   + (f"; and {more} more" if more > 0 else "") + f". Claimed: {claimed_label}"
                   + (f" as of {claim.as_of.display()}." if claim.as_of else "."))
    return TimelineView(f"tl-{_token(claim.id)}", drawing, description)


def _other_time(claim: ClaimResult, mention: Mention) -> str:
    """"refers to 2021" when the statement's time differs from the claim's as_of at the precision both share."""
    if not mention.time or not claim.as_of or mention.time.same_time(claim.as_of):
        return ""
    return f"refers to {mention.time.display()}"


def _row_id(claim_id: str, n: int, prefix: str = "m") -> str:
    return f"{prefix}-{_token(claim_id)}-{n}"


def _place_id(article_id: str, start: int) -> str:
    return f"article-{_token(article_id)}-{start}"


def _accepted(standings: Standings, claim: ClaimResult, mention: Mention) -> str:
    """'Accepted in claims/.baseline.yaml: reason' for a conflict the baseline accepts, else ''."""
    entry = standings.entry(claim, mention) if mention.verdict is Verdict.CONFLICTS else None
    if entry is None:
        return ""
    return f"Accepted in {standings.baseline_path or 'the baseline'}: {entry.reason or 'no reason given'}"


def _mention_view(claim: ClaimResult, n: int, mention: Mention, ref: ArticleRef,
                  article: Article | None, prefix: str = "m", accepted: str = "") -> MentionView:
    before, hit, after = _sentence_parts(mention)
    quoted = (before + hit + after).strip()
    # "“"We employ 450," she said.”" would double the marks: such a sentence is shown as it is.
    bare = quoted.startswith(tuple(_QUOTE_MARKS)) or quoted.endswith(tuple(_QUOTE_MARKS))
    in_text = article is not None and 0 <= mention.start < mention.end <= len(article.text)
    stems = tuple(sorted({w.lower() for w in mention.matched_words if w.strip()}))
    return MentionView(
        row_id=_row_id(claim.id, n, prefix), article=ref,
        value=described(mention.value, mention.qualifier), written=mention.text,
        verdict=_VERDICT_BADGES[mention.verdict], caveats=_caveats(mention),
        # A conflict's caveat already says so; agreeing mentions about another time are marked here.
        other_time="" if Caveat.OTHER_TIME in mention.caveats else _other_time(claim, mention),
        before=_pieces(before, stems), hit=hit, after=_pieces(after, stems),
        place_href=f"#{_place_id(mention.article, mention.start)}" if in_text else None,
        page=f"p. {mention.page}" if mention.page else "",
        score=_score(mention.confidence if mention.confidence is not None else mention.score),
        reasons="; ".join(mention.reasons), accepted=accepted,
        open_quote="" if bare else "\u201c", close_quote="" if bare else "\u201d",
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
    return tuple(CaveatView(caveat_label(c, mention), CAVEAT_EXPLANATIONS[c]) for c in mention.caveats)


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


def _conflict_view(claim: ClaimResult, refs: Mapping[str, ArticleRef], standings: Standings,
                   shown: frozenset[int]) -> ConflictView:
    backers = [(n, m) for n, m in enumerate(claim.mentions) if m.verdict is Verdict.AGREES]
    groups: dict[str, list[tuple[int, Mention]]] = {}
    for n, mention in enumerate(claim.mentions):
        if mention.verdict is Verdict.CONFLICTS:
            groups.setdefault(described(mention.value, mention.qualifier), []).append((n, mention))
    against = tuple(_value_group(claim, value, found, refs, shown) for value, found in groups.items())
    return ConflictView(
        href=f"#claim-{_token(claim.id)}", id=claim.id, sentence=claim.claim or claim.id,
        kind=claim.kind.value.capitalize(), as_of=claim.as_of.display() if claim.as_of else "",
        claimed=_value_group(claim, claim.value.display(), backers, refs, shown),
        against_label="Another article states" if sum(len(g.sources) + g.more for g in against) == 1
        else "Other articles state",
        against=against,
        all_caveated=standings.of_claim(claim) is Standing.CAVEATED,
        accepted=tuple(dict.fromkeys(note for m in claim.mentions if (note := _accepted(standings, claim, m)))),
        standing=(standings.of_claim(claim) or Standing.OPEN).value,
    )


def _value_group(claim: ClaimResult, value: str, found: Sequence[tuple[int, Mention]],
                 refs: Mapping[str, ArticleRef], shown: frozenset[int]) -> ValueGroup:
    sources = []
    caveats: list[CaveatView] = []
    seen: set[str] = set()
    for n, mention in found:
        caveats.extend(c for c in _caveats(mention) if c not in caveats)
        if mention.article not in seen:
            seen.add(mention.article)
            sources.append(SourceView(_row_href(claim.id, n, shown), refs[mention.article]))
    return ValueGroup(value, tuple(sources[:MAX_SOURCES_SHOWN]), max(0, len(sources) - MAX_SOURCES_SHOWN),
                      tuple(caveats))


def _row_view(claim: ClaimResult, columns: Sequence[ArticleRef], full: bool, shown: frozenset[int]) -> RowView:
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
        listed = [(n, m) for n, m in found if n in shown] or found
        first = next((n for n, m in listed if m.verdict is Verdict.CONFLICTS), listed[0][0] if listed else None)
        icon, words = _CELL_STATES[state]
        cells.append(CellView(state, icon, f"{claim.id} in {ref.short_id}: {words}",
                              _row_href(claim.id, first, shown) if first is not None else None, ref.short_id))
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
                          display_raw(c.kind, c.value))

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
                  claims: Sequence[ClaimResult], shown: Mapping[str, frozenset[int]]) -> ArticleView:
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
            RefView(f"#claim-{_token(cid)}", cid, _VERDICT_BADGES[Verdict.CONFLICTS]
                    if Verdict.CONFLICTS in verdicts else _VERDICT_BADGES[Verdict.AGREES])
            for cid, verdicts in sorted(backrefs.items())
        ),
        segments=_segments(ref.id, text, spans, shown, hidden),
        has_text=bool(text),
        furniture=(f"{_plural(len(hidden), 'line')} of page furniture (ads, share links, captions) left out"
                   if hidden else ""),
    )


def _stated(summary: ArticleSummary | None) -> str:
    if summary is None or not summary.values_stated:
        return ""
    return (f"{_plural(summary.values_stated, 'value')} stated, "
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
            id=_place_id(article_id, starts[0]),
            extra_ids=tuple(_place_id(article_id, s) for s in starts[1:]),
            state=state,
            refs=tuple(RefView(_row_href(c.id, n, shown[c.id]), c.id, _VERDICT_BADGES[m.verdict])
                       for c, n, m in found),
        )
        segments.append(Segment(text[start:end], mark))
        at = end
    if at < len(text):
        segments.append(Segment(shown_text(text, at, len(text), hidden), None))
    return tuple(s for s in segments if s.text or s.mark)


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
    return plural(n, word)
