"""Evidence rows packed into the page: the words of each row as JSON, deflated and base64-encoded, in a data
block the browser never runs, shown by the page's script when a reader asks (report.js builds each row as
_macros.html prints one).

Why packed: at archive size a claim is stated in thousands of articles. Printed, each row is about a
kilobyte of HTML the browser must parse and lay out before the load event; packed, the words of a row
deflate to about a tenth of that and cost nothing until opened (benchmarks/RESULTS.md, issue 15 part 4).
Why base64: its alphabet holds no `<`, `&` or quote, so nothing from an article can end the data block or
the page around it; the text goes into the page as text when shown (the script never writes markup).
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Sequence
from typing import Any

from checker.report.view import ArticleRef, Badge, MentionView, Pack, Piece
from checker.text.normalise import utf8_safe

# zlib's level: 6 (its default) packs the synthetic 10k page's rows within 3% of 9 in half the time.
DEFLATE_LEVEL = 6


def pack_rows(pack_id: str, rows: Sequence[MentionView]) -> Pack:
    """`rows` as one data block: each article and badge named once, then each row by reference to them."""
    articles: dict[str, int] = {}
    badges: dict[str, int] = {}
    table: list[list[str]] = []
    verdicts: list[list[str]] = []
    packed = []
    for m in rows:
        if m.article.id not in articles:
            articles[m.article.id] = len(table)
            table.append(_article(m.article))
        if m.verdict.key not in badges:
            badges[m.verdict.key] = len(verdicts)
            verdicts.append(_badge(m.verdict))
        packed.append([
            m.row_id, articles[m.article.id], m.value, badges[m.verdict.key],
            [[c.label, c.explanation] for c in m.caveats], m.other_time, m.accepted,
            m.open_quote, _pieces(m.before), m.hit, _pieces(m.after), m.close_quote,
            m.place_href or "", m.page, m.score, m.reasons,
        ])
    payload = json.dumps({"articles": table, "verdicts": verdicts, "rows": packed}, ensure_ascii=False,
                         separators=(",", ":"))
    # A lone surrogate (from a name that is not UTF-8) is no character to encode; the page does the same.
    deflated = zlib.compress(utf8_safe(payload).encode("utf-8"), DEFLATE_LEVEL)
    return Pack(pack_id, base64.b64encode(deflated).decode("ascii"))


def _article(ref: ArticleRef) -> list[str]:
    return [ref.href, ref.name, ref.short_title, ref.publisher, ref.date, ref.date_iso, ref.short_name]


def _badge(badge: Badge) -> list[str]:
    return [badge.key, badge.label, badge.icon]


def _pieces(pieces: Sequence[Piece]) -> list[Any]:
    """Plain stretches as strings, the claim's matched words as one-string lists."""
    return [[p.text] if p.matched else p.text for p in pieces]
