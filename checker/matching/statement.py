"""A sentence as matching reads it: its words, the values it states and the vocabulary phrases in it.

Kept apart from the analysis that makes it, so that the modules reading statements (references, roles,
claims) depend on this record, not on the analysis, which depends on them.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.matching.vocabulary import PhraseHit
from checker.models import Sentence, StatedValue
from checker.text.words import STOP_WORDS, Token


@dataclass(frozen=True)
class Statement:
    """A sentence that may state something of a claim: its words, its values, its vocabulary phrases."""

    sentence: Sentence
    tokens: tuple[Token, ...]  # every word, function words included
    values: tuple[StatedValue, ...]
    phrases: tuple[PhraseHit, ...]
    headline: bool = False
    previous: Sentence | None = None  # the statement before it, for "it" and "the trust"

    @property
    def lemmas(self) -> frozenset[str]:
        """The sentence's content words."""
        return frozenset(t.lemma for t in self.tokens if t.lemma not in STOP_WORDS)
