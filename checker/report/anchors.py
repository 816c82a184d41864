"""Ids and links inside the page: article and claim ids made safe for HTML ids and URL fragments, and the id
of each card, evidence row and highlighted value, so every link and its target are spelled in one place."""

from __future__ import annotations

import hashlib
import re

# Where a link to an article without a section lands: the line that says why it has none.
UNQUOTED_ARTICLES = "articles-unquoted"

_SAFE_TOKEN = re.compile(r"^[A-Za-z0-9_-]+$")
_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9_-]+")


def token(raw: str) -> str:
    """`raw` made safe for an HTML id and a URL fragment; unsafe ids get a hash to stay unique."""
    if _SAFE_TOKEN.match(raw):
        return raw
    slug = _UNSAFE_CHARS.sub("-", raw).strip("-")[:40]
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else f"x-{digest}"


def article_href(article_id: str, quoted: bool) -> str:
    """The link to an article's section, or to the line that says why it has none."""
    return f"#article-{token(article_id)}" if quoted else f"#{UNQUOTED_ARTICLES}"


def claim_href(claim_id: str) -> str:
    """The link to a claim's card."""
    return f"#claim-{token(claim_id)}"


def row_id(claim_id: str, n: int, prefix: str = "m") -> str:
    """The id of mention `n`'s evidence row (`prefix` "p" for the possible mentions)."""
    return f"{prefix}-{token(claim_id)}-{n}"


def more_id(claim_id: str) -> str:
    """The id of the line that counts a claim's mentions left without a row."""
    return f"claim-{token(claim_id)}-more"


def pack_id(claim_id: str, prefix: str = "m") -> str:
    """The id of the data block holding a claim's packed evidence rows (`prefix` "p" for the possible ones)."""
    return f"pack-{prefix}-{token(claim_id)}"


def row_href(claim_id: str, n: int, shown: frozenset[int]) -> str:
    """A link to mention `n`'s row, or to the line that counts it when it has none."""
    return f"#{row_id(claim_id, n)}" if n in shown else f"#{more_id(claim_id)}"


def place_id(article_id: str, start: int) -> str:
    """The id of the value highlighted at offset `start` of an article's text."""
    return f"article-{token(article_id)}-{start}"
