"""How findings name things for people: a source by its publisher, title and date, a caveat in words, a count
with its noun. Every format and the report word these the same way by using this module."""

from __future__ import annotations

from checker.models import ArticleSummary, Caveat, Mention, PartialDate

# Each caveat as a reader is told it, and what it means (the report shows the meaning on hover).
CAVEAT_EXPLANATIONS = {
    Caveat.OTHER_TIME: "The sentence speaks of another time than the claim's date.",
    Caveat.HEDGED: "The value is approximate or a bound, not an exact figure.",
    Caveat.WEAK_MATCH: "The sentence only loosely matches the claim.",
    Caveat.RANGE: "The article gives a range or an open bound.",
}


def source_name(article_id: str, summary: ArticleSummary | None) -> str:
    """'Riverside Gazette, “Trust under review”, 20 Jun 2019': publisher, title and date where known; the id
    stands in for the publisher and title when neither is known."""
    parts = []
    if summary is not None:
        publisher, title = _one_line(summary.publisher), _one_line(summary.title)
        parts = [publisher] if publisher else []
        if title:
            parts.append(f"“{title}”")
    if not parts:
        parts = [article_id]
    if summary is not None and summary.published is not None:
        parts.append(PartialDate(summary.published.isoformat()).display())
    return ", ".join(parts)


def caveat_label(caveat: Caveat, mention: Mention) -> str:
    """A caveat in words: 'refers to another time (Mar 2021)', 'hedged (around)', 'weak match'."""
    if caveat is Caveat.OTHER_TIME and mention.role == "from":
        return "the earlier value of a change"
    if caveat is Caveat.OTHER_TIME:
        return f"refers to another time ({mention.time.display()})" if mention.time else "refers to another time"
    if caveat is Caveat.HEDGED:
        return f"hedged ({mention.qualifier})" if mention.qualifier else "hedged"
    if caveat is Caveat.WEAK_MATCH:
        return "weak match"
    return "stated as a range"


def caveat_words(mention: Mention) -> str:
    """Every caveat of a mention in words, comma-separated; '' when it has none."""
    return ", ".join(caveat_label(c, mention) for c in mention.caveats)


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 conflict', '2 conflicts'; `many` for a plural that is not the word and an s."""
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


def _one_line(text: str | None) -> str:
    return " ".join(text.split()) if text else ""
