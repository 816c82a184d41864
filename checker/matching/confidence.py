"""How sure an attribution is: the evidence for a value being a claim's, weighed into a confidence in [0, 1].

The weights are those of a logistic regression fitted on the tuning half of the development
corpus (benchmarks/fit_confidence.py prints them and the figures behind them); the checking half
only reports how well they hold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from checker.matching.references import Reference
from checker.matching.roles import Binding

# How strongly each way of referring to the subject shows a sentence is about it (0-1).
REFERENCE_STRENGTH = {
    Reference.NAME: 1.0, Reference.ALIAS: 0.95, Reference.SHORT: 0.8, Reference.PRONOUN: 0.7,
    Reference.ARTICLE: 0.4, Reference.NONE: 0.0, Reference.RIVAL: 0.0,
}


@dataclass(frozen=True)
class Evidence:
    """What a statement shows of one value being a claim's."""

    reference: Reference  # how the statement refers to the claim's subject
    binding: Binding  # how firmly the value is bound to a role phrase
    role_fits: bool  # the claim has a predicate and the value's bound phrase states it
    bound_elsewhere: bool  # the claim has no known predicate, and the value is bound to some other phrase
    predicate_in_sentence: bool  # a phrase stating the claim's predicate is somewhere in the sentence
    claim_has_predicate: bool  # the vocabulary knows the claim's predicate at all
    coverage: float  # the weighted share of the claim's words in the sentence, 0-1
    distinctive: float  # the share of the claim's rarest words in the sentence, 0-1
    local: float  # the claim's words near the value, 0-1
    keyword: float  # a curated keyword phrase in the sentence: 1, a one-word keyword: 0.5
    headline: bool
    outranked: bool = False  # another value of the statement is the claim's more clearly
    clause: float = 0.0  # the weighted share of the claim's words in the value's own clause, 0-1
    rivals: int = 1  # values of the claim's kind in the statement, this one included
    dated: bool = False  # a date the claim states beside its value is stated beside this one too

    def features(self) -> tuple[float, ...]:
        """The evidence as the numbers the weights apply to, in FEATURES' order."""
        strong = self.role_fits and self.binding >= Binding.LINKED
        return (
            REFERENCE_STRENGTH[self.reference],
            1.0 if strong else 0.0,
            1.0 if self.role_fits and not strong else 0.0,
            1.0 if self.predicate_in_sentence and not self.role_fits else 0.0,
            1.0 if self.bound_elsewhere else 0.0,
            0.0 if self.claim_has_predicate else 1.0,
            self.coverage, self.distinctive, self.local, self.keyword, 1.0 if self.headline else 0.0,
            1.0 if self.outranked else 0.0, self.clause, 1.0 / self.rivals, 1.0 if self.dated else 0.0,
        )


FEATURES = ("reference", "role bound and fits", "role fits, loosely bound", "predicate elsewhere in the sentence",
            "bound to another phrase", "claim predicate unknown", "coverage", "distinctive words", "local words",
            "keyword phrase", "headline", "outranked in its sentence", "words in its clause",
            "one value of its kind (1/n)", "the claim's date beside it")
# Hand-set starting weights; refitted on the tuning half (see the module docstring).
BIAS = -2.53
WEIGHTS = (0.31, 1.96, 1.64, 1.23, -0.54, 0.30, 1.22, 0.41, 0.92, 1.70, 0.59, -0.09, 1.75, -0.20, 0.60)


def confidence_of(evidence: Evidence) -> float:
    """The evidence weighed into a confidence in [0, 1]."""
    z = BIAS + sum(w * f for w, f in zip(WEIGHTS, evidence.features(), strict=True))
    return 1.0 / (1.0 + math.exp(-z))
