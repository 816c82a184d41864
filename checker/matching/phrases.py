"""Keyword phrases in a sentence's stems: where a curated phrase ("took over") occurs, a few words apart at most."""

from __future__ import annotations

# Other content words allowed inside a keyword phrase ("transfer its social care services to the trust").
PHRASE_GAP = 4


def contains_phrase(stems: list[str], phrase: tuple[str, ...], expansions: dict[str, str]) -> bool:
    return phrase_position(stems, phrase, expansions) is not None


def phrase_heads(phrase: tuple[str, ...], expansions: dict[str, str]) -> frozenset[str]:
    """The stems `_phrase_position` accepts as the phrase's first word."""
    heads = {s for s, claim_stem in expansions.items() if claim_stem == phrase[0]}
    # a one-word phrase also matches its own stem; a longer one only where no expansion maps it elsewhere
    if len(phrase) == 1 or phrase[0] not in expansions:
        heads.add(phrase[0])
    return frozenset(heads)


def phrase_position(stems: list[str], phrase: tuple[str, ...], expansions: dict[str, str]) -> int | None:
    """Index of the first stem where `phrase` occurs (with up to two other words inside it), or None."""
    if len(phrase) == 1:
        return next((i for i, s in enumerate(stems) if expansions.get(s) == phrase[0] or s == phrase[0]), None)
    mapped = [expansions.get(s, s) for s in stems]
    n = len(phrase)
    # allow a few other content words inside the phrase ("transfer its social care services to the trust")
    for i, s in enumerate(mapped):
        if s != phrase[0]:
            continue
        j, k = i + 1, 1
        while j < len(mapped) and k < n and j - i <= n + PHRASE_GAP:
            if mapped[j] == phrase[k]:
                k += 1
            j += 1
        if k == n:
            return i
    return None
