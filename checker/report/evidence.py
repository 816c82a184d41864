"""One row of a claim's evidence: the mention's value, verdict and caveats, and its sentence quoted around the
value with the claim's words marked."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence

from checker.models import Caveat, ClaimResult, Mention, described
from checker.report.anchors import place_id, row_id
from checker.report.badges import VERDICT_BADGES
from checker.report.caveats import caveat_views
from checker.report.view import ArticleRef, MentionView, Piece

# Characters of a mention's sentence kept on each side of the value; a badly split
# "sentence" can be a whole paragraph, and the full text is in the articles section anyway.
CONTEXT_CHARS = 160

_WORDS = re.compile(r"(\w[\w'’-]*)")
# Quotation marks a quoted sentence may open or close with (article text has straight ones; titles may not).
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def mention_view(claim: ClaimResult, n: int, mention: Mention, ref: ArticleRef,
                 marked: frozenset[tuple[str, int]], prefix: str = "m", accepted: str = "") -> MentionView:
    """Mention `n` of `claim` as its evidence row, linked to its place in the article when that place is
    highlighted (`marked`, checker.report.articles); `accepted` is the baseline's acceptance, worded."""
    before, hit, after = _sentence_parts(mention)
    quoted = (before + hit + after).strip()
    # "“"We employ 450," she said.”" would double the marks: such a sentence is shown as it is.
    bare = quoted.startswith(tuple(_QUOTE_MARKS)) or quoted.endswith(tuple(_QUOTE_MARKS))
    stems = tuple(sorted({w.lower() for w in mention.matched_words if w.strip()}))
    return MentionView(
        row_id=row_id(claim.id, n, prefix), article=ref,
        value=described(mention.value, mention.qualifier), written=mention.text,
        verdict=VERDICT_BADGES[mention.verdict], caveats=caveat_views(mention),
        # A conflict's caveat already says so; agreeing mentions about another time are marked here.
        other_time="" if Caveat.OTHER_TIME in mention.caveats else other_time(claim, mention),
        before=_pieces(before, stems), hit=hit, after=_pieces(after, stems),
        place_href=f"#{place_id(mention.article, mention.start)}" if (mention.article, mention.start) in marked
        else None,
        page=f"p. {mention.page}" if mention.page else "",
        score=_score(mention.confidence if mention.confidence is not None else mention.score),
        reasons="; ".join(mention.reasons), accepted=accepted,
        open_quote="" if bare else "\u201c", close_quote="" if bare else "\u201d",
    )


def other_time(claim: ClaimResult, mention: Mention) -> str:
    """"refers to 2021" when the statement's time differs from the claim's as_of at the precision both share."""
    if not mention.time or not claim.as_of or mention.time.same_time(claim.as_of):
        return ""
    return f"refers to {mention.time.display()}"


def _pieces(text: str, stems: Sequence[str]) -> tuple[Piece, ...]:
    """`text` cut so that each word starting with one of the claim's word stems stands alone, marked."""
    prefixes = tuple(stems)
    if not prefixes:
        return (Piece(text, False),) if text else ()
    pieces: list[Piece] = []
    at = 0
    for word in _stemmed_words(text, prefixes):
        if word.start() > at:
            pieces.append(Piece(text[at:word.start()], False))
        pieces.append(Piece(word.group(), True))
        at = word.end()
    if at < len(text):
        pieces.append(Piece(text[at:], False))
    return tuple(pieces)


def _stemmed_words(text: str, prefixes: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """The words of `text` (as _WORDS finds them, left to right) that start with one of `prefixes`, lowered."""
    lowered = text.lower()
    if len(lowered) != len(text) or "\u03a3" in text:
        # Lowering moved an offset ("İ" is two characters lowered) or depends on what follows (a final
        # sigma): each word is lowered alone.
        yield from (w for w in _WORDS.finditer(text) if w.group().lower().startswith(prefixes))
        return
    # Look only where a stem occurs, not at each of a long sentence's words. A place starts a word when it
    # is not inside one: the run of word characters, quotes and hyphens before it holds no word character.
    places = sorted({i for stem in prefixes for i in _occurrences(lowered, stem)})
    at = 0
    for place in places:
        if place < at:
            continue
        before = lowered[:place].rstrip("'\u2019-")
        if before and (before[-1].isalnum() or before[-1] == "_"):
            continue
        word = _WORDS.match(text, place)
        if word and word.group().lower().startswith(prefixes):
            at = word.end()
            yield word


def _occurrences(text: str, part: str) -> Iterator[int]:
    found = text.find(part)
    while found >= 0:
        yield found
        found = text.find(part, found + 1)


def _score(score: float) -> str:
    return f"{score:.2f}" if math.isfinite(score) else "–"


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
