"""A claim as matching reads it: its predicates, subject, weighted words, keyword phrases and counted noun.

Read from the claim's sentence, subject and keywords alone, never from its value: the value's own
words are blanked from the sentence, and nothing here looks at what the value is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.matching.references import Subject
from checker.matching.roles import Binding, changed_by, clause_breaks, generic_unit, read_role, some_of
from checker.matching.statement import Statement
from checker.matching.vocabulary import Vocabulary
from checker.models import Claim, Kind, RangeOrScalar, Sentence, StatedValue
from checker.text.words import LIGHT_VERBS, STOP_WORDS, rarity, tokenize
from checker.values import Context, extract_values

START, APPOINTMENT = "start", "appointment"
# How much a keyword word counts against a word of the claim's own sentence.
KEYWORD_WORD_FACTOR = 0.7
# A claim word is one of its distinctive ones when it weighs at least this share of its heaviest word.
DISTINCTIVE_SHARE = 0.6
_DIFFERENCE_WORDS = re.compile(r"\b(earlier|later|early|late|sooner|ahead|behind|longer|shorter|over its|more than"
                               r"|less than)\b", re.I)
_TARGET_WORDS = re.compile(
    r"\b(target|targets|aim|aims|goal|must|needs? to|needed to|had to|has to|have to|required to)\b", re.I)
_THRESHOLD_WORDS = re.compile(r"\bor (better|above|worse|below|more|less)\b", re.I)
_RATE_WORDS = re.compile(r"\b(?:per|each|every|a head|apiece)\b(?!\s+(?:year|month|week|day|annum))", re.I)
_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "1st", "2nd", "3rd", "4th", "5th"})
_PART_WORDS = re.compile(r"\b(of (?:the|its|their)\b.*\b(?:from|in|on|for)\b|come from|of it|of which|"
                         r"includ(?:e|es|ed|ing))\b", re.I)


@dataclass(frozen=True)
class ClaimTerms:
    """What matching looks for in a sentence to say it speaks of `claim`."""

    claim: Claim
    predicates: frozenset[str]  # the vocabulary's predicates of the claim's kind it states
    subject: Subject
    weights: dict[str, float]  # content lemma -> weight, the subject's own words apart
    keywords: tuple[tuple[str, ...], ...]  # keyword phrases as lemma sequences
    unit: frozenset[str]  # for a count, the lemmas of the noun it counts ("staff", "member")
    unit_predicates: frozenset[str]  # the vocabulary's predicates of that noun
    anchors: tuple[StatedValue, ...]  # values of other kinds its sentence states ("judged good by 2017")
    dates: tuple[RangeOrScalar, ...]  # the dates its sentence states beside its own value
    wants_difference: bool
    wants_target: bool
    wants_threshold: bool
    wants_part: bool
    rate: bool  # the claim states a value per item ("each launch would cost $4.1bn")
    ordinals: frozenset[str]  # "first", "second"... the claim's own ("its first section 114 notice")

    @property
    def distinctive(self) -> frozenset[str]:
        """The claim's rarest words: those that tell its statements from others about the same subject."""
        if not self.weights:
            return frozenset()
        top = max(self.weights.values())
        return frozenset(w for w, weight in self.weights.items() if weight >= DISTINCTIVE_SHARE * top)

    @property
    def total(self) -> float:
        """The weight of all the claim's words."""
        return sum(self.weights.values()) or 1.0


def claim_terms(claim: Claim, vocabulary: Vocabulary) -> ClaimTerms:
    """The terms of one claim, read from its sentence, subject and keywords."""
    own = [v for v in extract_values(claim.claim, Context()) if v.kind is claim.kind]
    sentence = _blank(claim.claim, own)
    subject = Subject.of(claim.subject or _names_in(claim.claim))
    weights: dict[str, float] = {}
    for token in tokenize(sentence):
        if token.lemma[0].isdigit() or token.lemma in LIGHT_VERBS or token.lemma in STOP_WORDS:
            continue
        if token.lemma in subject.words or token.lemma in subject.initials:
            continue  # the subject is checked on its own (references); its words are in most sentences
        weights[token.lemma] = max(weights.get(token.lemma, 0.0), rarity(token.lemma))
    for phrase in claim.keywords:
        for token in tokenize(phrase):
            if not token.lemma[0].isdigit() and token.lemma not in weights and token.lemma not in subject.words:
                weights[token.lemma] = rarity(token.lemma) * KEYWORD_WORD_FACTOR
    # the predicate of the phrase the claim's own value is bound to; else the curated keywords' (their heads)
    predicates = _predicates(claim, own, vocabulary)
    if not predicates:
        for phrase in claim.keywords:
            predicates |= vocabulary.predicates_of(phrase, claim.kind, head_only=True)
    unit = frozenset(t.lemma for v in own if v.unit for t in tokenize(v.unit))
    described = " ".join((claim.claim, *claim.keywords))
    return ClaimTerms(
        claim=claim, predicates=predicates, subject=subject, weights=weights,
        keywords=tuple(k for k in (tuple(t.lemma for t in tokenize(p, keep_function_words=True))
                                   for p in claim.keywords) if k),
        unit=unit,
        unit_predicates=_unit_predicates(own, unit, predicates, vocabulary),
        anchors=tuple(v for v in extract_values(claim.claim, Context())
                      if v.kind not in (claim.kind, Kind.DATE, Kind.COUNT)),
        dates=tuple(v.value for v in extract_values(claim.claim, Context()) if v.kind is Kind.DATE
                    and claim.kind is not Kind.DATE),
        wants_difference=bool(_DIFFERENCE_WORDS.search(described)) or any(changed_by(v, claim.claim) for v in own),
        wants_target=bool(_TARGET_WORDS.search(described)),
        wants_threshold=bool(_THRESHOLD_WORDS.search(described)),
        wants_part=bool(_PART_WORDS.search(claim.claim)) or any(some_of(v, claim.claim) for v in own),
        rate=bool(_RATE_WORDS.search(described)),
        ordinals=frozenset(w for w in re.findall(r"[a-z0-9]+", claim.claim.lower()) if w in _ORDINALS),
    )


def _predicates(claim: Claim, own: list[StatedValue], vocabulary: Vocabulary) -> frozenset[str]:
    """The predicates of the phrase the claim's own value is bound to in its sentence, as for any statement."""
    if not own:
        return frozenset()
    tokens = tuple(tokenize(claim.claim, keep_function_words=True))
    sentence = Sentence(start=0, end=len(claim.claim), text=claim.claim)
    statement = Statement(sentence, tokens, tuple(own), tuple(vocabulary.find(tokens)))
    # the claim's own value, where its sentence states others of its kind ("unveiled in 2023, ... planned for
    # September 2026"): the one written as the claim's value, else the first
    mine = next((v for v in own if v.value == claim.value), own[0])
    role = read_role(mine, statement, clause_breaks(sentence, own), claim.claim, vocabulary)
    if role.binding < Binding.VERB:
        return frozenset()
    if mine.unit and generic_unit(mine.unit) and role.binding is Binding.COMPOUND:
        return frozenset()  # "700 people were working on the sites": who they are, the claim does not say
    # a start said of someone in a post is an appointment: "Superintendent Ana Ruiz took over the district"
    posts = {p for h in statement.phrases for p in h.predicates
             if p == APPOINTMENT and claim.kind in vocabulary.predicates[p].kinds}
    return role.predicates | posts if START in role.predicates else role.predicates


def _unit_predicates(own: list[StatedValue], unit: frozenset[str], predicates: frozenset[str],
                     vocabulary: Vocabulary) -> frozenset[str]:
    """The predicates of the noun the claim counts; for a noun as wide as "people", also what its verb says
    they are ("employs 2,400 people" counts staff, so "2,400 employees" is the same count)."""
    if not unit:
        return frozenset()
    found = vocabulary.predicates_of(" ".join(sorted(unit)), Kind.COUNT)
    return found | predicates if any(v.unit and generic_unit(v.unit) for v in own) else found


def _blank(sentence: str, values: list[StatedValue]) -> str:
    """The sentence with its own values blanked, so "2014" is not a word to look for."""
    chars = list(sentence)
    for value in values:
        chars[value.start:value.end] = " " * (value.end - value.start)
    return "".join(chars)


def _names_in(sentence: str) -> str:
    """Capitalised words after the first: the names a claim without a subject speaks of."""
    return " ".join(re.findall(r"(?<!^)\b[A-Z][\w'’]+", sentence))
