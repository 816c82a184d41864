"""Which statements speak of a claim, and which stated value in them is the claim's: the gates and the evidence.

Each claim is matched against each article on its own: what it finds depends only on that claim
and that article (no other claim competes for a value, and word weights come from a fixed table
of English). Matching never reads the claim's value and never judges agree or conflict.

For every statement that states a value of the claim's kind, the value must pass the gates
(the subject is referred to and no rival is named instead; the value's role fits the claim's
predicate; a difference, a target, a threshold, a part or an event's date only where the claim
is about one), and then its evidence is weighed into a confidence (checker.matching.confidence).
`Matcher.explain` returns every decision, passed or not, for `claimcheck explain`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checker.matching.analysis import ArticleAnalysis
from checker.matching.attribution import attributed
from checker.matching.claims import ClaimTerms, claim_terms
from checker.matching.confidence import Evidence, confidence_of
from checker.matching.decision import Decision
from checker.matching.references import Reference, SubjectReader
from checker.matching.roles import (
    Binding,
    Role,
    aside_breaks,
    clause_breaks,
    generic_unit,
    part_span,
    read_role,
    value_clauses,
)
from checker.matching.statement import Statement
from checker.matching.vocabulary import Vocabulary
from checker.models import Claim, Kind, PartialDate, Range, Sentence, StatedValue
from checker.text.words import STOP_WORDS, Token, tokenize

# A value is kept as evidence (in `possible` when below the cut) from this confidence (0-1).
MIN_KEPT_CONFIDENCE = 0.15
# A claim word this many words from the value counts half in the local evidence.
DECAY_WORDS = 3.0
# The shipped vocabulary's predicates of what happens around a fact, not the fact: when something was said,
# weighed or held ("earlier this month I wrote to", "the cabinet will consider it on Wednesday").
OCCASIONS = frozenset({"reporting", "deliberation", "event"})
# Roles that make a value a relative difference or a goal, not a plain statement of the property.
DIFFERENCE_ROLES = frozenset({"earlier", "later", "longer", "shorter", "more", "less"})


@dataclass(frozen=True)
class Match:
    """A stated value attributed to a claim, with the evidence for it."""

    claim_id: str
    article_id: str
    sentence: Sentence
    value: StatedValue
    score: float  # how much of the claim's words the sentence holds, 0-1
    confidence: float  # how sure the attribution is, 0-1
    matched_words: tuple[str, ...]
    time: PartialDate | None  # the time the statement refers to
    reasons: tuple[str, ...] = ()
    page: int | None = None  # the PDF page the value stands on


@dataclass(frozen=True)
class Explanation:
    """One claim in one article, for `claimcheck explain`."""

    terms: ClaimTerms  # what the claim looks for: its predicates, subject and words
    subject_named: bool  # the article names the claim's subject (no decision is made otherwise)
    decisions: list[Decision]


class Matcher:
    """Matches claims against analysed articles, each claim on its own."""

    def __init__(self, claims: Sequence[Claim], vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.terms = [claim_terms(c, vocabulary) for c in claims]

    def match_article(self, analysis: ArticleAnalysis) -> list[Match]:
        """Every value of the article attributed to a claim, with its confidence."""
        matches: list[Match] = []
        for terms in self.terms:
            matches.extend(_matches(analysis, terms, self.decide(analysis, terms)))
        return matches

    def explain(self, analysis: ArticleAnalysis, claim_id: str) -> Explanation:
        """What the claim looks for, whether the article names its subject, and every decision, for
        `claimcheck explain`."""
        terms = next(t for t in self.terms if t.claim.id == claim_id)
        reader = SubjectReader(terms.subject, analysis.names, analysis.article.title, analysis.lemmas,
                               f"{analysis.article.title or ''}\n{analysis.article.text}")
        return Explanation(terms, reader.named_in_article or terms.subject.empty, self.decide(analysis, terms))

    def decide(self, analysis: ArticleAnalysis, terms: ClaimTerms) -> list[Decision]:
        """Each value of the claim's kind in each statement, judged against the gates and weighed."""
        reader = SubjectReader(terms.subject, analysis.names, analysis.article.title, analysis.lemmas,
                               f"{analysis.article.title or ''}\n{analysis.article.text}")
        decisions: list[Decision] = []
        if not reader.named_in_article and not terms.subject.empty:
            return decisions
        text = analysis.article.text
        for statement in analysis.statements:
            candidates = [v for v in statement.values if v.kind is terms.claim.kind]
            if not candidates:
                continue
            previous = _previous_words(text, statement.previous) or _title_words(analysis.article.title)
            reference = reader.refer(statement, previous)
            decisions.extend(self._decide_statement(statement, candidates, reference, reader, terms, text))
        return decisions

    def _decide_statement(self, statement: Statement, candidates: list[StatedValue], reference: Reference,
                          reader: SubjectReader, terms: ClaimTerms, text: str) -> list[Decision]:
        lemmas = statement.lemmas
        hits = tuple(sorted(set(terms.weights) & lemmas))
        coverage = sum(terms.weights[w] for w in hits) / terms.total
        rare = terms.distinctive
        distinctive = sum(terms.weights[w] for w in rare if w in lemmas) / (sum(terms.weights[w] for w in rare) or 1.0)
        keyword = _keyword_found(statement.tokens, terms.keywords)
        stated_predicates = frozenset(p for h in statement.phrases for p in h.predicates
                                      if not self.vocabulary.compound_only((p,)))
        breaks = clause_breaks(statement.sentence, statement.values)
        decisions = []
        for value in candidates:
            passed = [f"refers to the subject: {reference.name.lower()}"]
            if reference <= Reference.NONE:
                failed = ("names another body of its kind, not the subject" if reference is Reference.RIVAL
                          else "does not refer to the subject")
                decisions.append(Decision(statement, value, (), failed))
                continue
            part = part_span(statement.sentence, value.start)
            rival = reader.owner(text[part[0]:part[1]], text[part[0]:value.start], reference)
            if rival is not None:
                decisions.append(Decision(statement, value, tuple(passed), f"the value is {rival}'s"))
                continue
            role = read_role(value, statement, breaks, text, self.vocabulary)
            refused = _gate(terms, value, role, statement, self.vocabulary, passed)
            if refused is not None:
                decisions.append(Decision(statement, value, tuple(passed), refused))
                continue
            evidence = Evidence(
                reference=reference, binding=role.binding,
                role_fits=bool(terms.predicates and role.predicates),
                bound_elsewhere=bool(role.predicates) and not terms.predicates and role.binding >= Binding.VERB,
                predicate_in_sentence=self.vocabulary.fit(terms.predicates, stated_predicates),
                claim_has_predicate=bool(terms.predicates),
                coverage=min(_part_coverage(terms, statement.tokens, part, coverage), 1.0),
                distinctive=distinctive, local=_local_score(terms, statement.tokens, value, breaks),
                keyword=_part_keyword(statement.tokens, terms.keywords, part, keyword), headline=statement.headline,
                clause=_clause_coverage(terms, statement.tokens, value, breaks), rivals=len(candidates),
                dated=_dated(terms, value, statement))
            decisions.append(Decision(statement, value, tuple(passed), None, evidence, confidence_of(evidence),
                                      _reasons(terms, role, reference, hits), role.moved))
        return attributed(decisions)


def _gate(terms: ClaimTerms, value: StatedValue, role: Role, statement: Statement, vocabulary: Vocabulary,
          passed: list[str]) -> str | None:
    """The first gate `value` fails for the claim (None when it passes them all); passed gates go to `passed`."""
    claim = terms.claim
    if value.kind is Kind.RATING and claim.scale and value.scale and value.scale != claim.scale \
            and claim.scale not in value.also_on:  # a label the text ties to no inspectorate may be the claim's
        return f"a rating on the {value.scale} scale, the claim's is {claim.scale}"
    if value.role in DIFFERENCE_ROLES and not terms.wants_difference:
        return f"a difference ({value.role}), the claim states a value"
    if value.role == "target" and not terms.wants_target:
        return "a target, the claim states what is"
    if (value.qualifier or "").startswith("or ") and not terms.wants_threshold:
        return f"a threshold ({value.qualifier}), the claim states a value"
    passed.append("a plain statement of a value, not a difference, target or threshold")
    if role.part and not terms.wants_part:
        return "a part of another value (\"of it\"), not the whole"
    if role.difference and not terms.wants_difference:
        return "a difference (\"fewer\", \"more\"), the claim states a value"
    rate = _rate(statement, value)
    if rate and not terms.rate:
        return f"a value {rate}, the claim states a total"
    if terms.rate and not rate and value.kind is Kind.MONEY:
        return "a total, the claim states a value per item"
    clash = _ordinal_clash(terms, statement, value, role)
    if clash:
        return f"about the {clash}, the claim about the {' or '.join(sorted(terms.ordinals))}"
    if role.event and not set(role.event.split()) & (set(terms.weights) | _subject_lemmas(claim)):
        # ("The Ockenden review was launched in 2017" is the date of the review a claim is about)
        return f"the date of the {role.event}, not of the claim's subject"
    if not terms.predicates and value.kind is Kind.DATE and role.predicates and role.binding >= Binding.VERB \
            and role.predicates <= OCCASIONS and not set(role.words) & set(terms.weights):
        # a claim of no known predicate is still not about when something was said, discussed or held
        return f"the date of its {' '.join(role.words)}, not of the claim's subject"
    # a percentage's phrase is often the thing that changes ("bills rose by 31%"), not the change: not ruled out
    # "there will be consultation" for a consultation's start; "in consultation with the mayor" is no event
    own_event = all(vocabulary.predicates[p].roles_only for p in role.predicates if p in vocabulary.predicates) \
        and bool(set(role.words) & set(terms.weights)) and not _IN_WITH.search(statement.sentence.text)
    if terms.predicates and role.predicates and not vocabulary.fit(terms.predicates, role.predicates) \
            and value.kind is not Kind.PERCENT and not own_event:
        return (f"its role is {'/'.join(sorted(role.predicates))} ({' '.join(role.words)}), the claim's is "
                f"{'/'.join(sorted(terms.predicates))}")
    if role.predicates:
        passed.append(f"its role fits: {' '.join(role.words)} ({'/'.join(sorted(role.predicates))})")
    if value.kind is Kind.COUNT and value.unit and terms.unit and not generic_unit(value.unit):
        unit = {t.lemma for t in tokenize(value.unit)}
        counted = vocabulary.predicates_of(value.unit, Kind.COUNT)
        # another noun than the claim's, of a predicate the claim's is not ("450 staff" for a claim counting
        # schools, "two proposed options for school closures", "1,500 engineers in 14 states")
        if not (unit & terms.unit) and not (counted & terms.unit_predicates) and not (unit & set(terms.weights)):
            return f"it counts {value.unit}, the claim counts {' '.join(sorted(terms.unit))}"
    rated = _rated_count(terms, value, statement)
    if rated:
        return f"it counts those rated {rated}, the claim counts them all"
    anchored = _anchor_agreement(terms, value, list(statement.values), statement.sentence)
    if anchored is False:
        return "the value beside it is not the one the claim states beside its own"
    rated = next((a.text for a in terms.anchors if a.kind is Kind.RATING), None)
    if anchored is None and rated and value.kind is Kind.COUNT:
        # "good in four areas" counts those rated good: "graded the force in eight areas" counts them all
        return f"no rating beside it, the claim counts those rated {rated}"
    timed = _time_of_other(value, role, statement)
    if timed is not None and terms.claim.kind is Kind.DATE:
        return f"the time of another value ({timed}), not a date of its own"
    return None


# An event noun used as a manner of doing: "in consultation with", "in partnership with".
_IN_WITH = re.compile(r"\bin\s+(?:close\s+)?(?:consultation|partnership|agreement|collaboration)\s+with\b",
                      re.IGNORECASE)


def _subject_lemmas(claim: Claim) -> set[str]:
    return {t.lemma for t in tokenize(claim.subject or "")}


# A date right after an amount, a count or a share, joined by a time preposition and at most two other
# words: the period of that value ("$93 billion from 2012 through 2025", "$23.8 billion spent through 2022").
_TIME_OF_VALUE = re.compile(r"^\s*(?:[\w'’-]+\s+){0,2}?(?:from|through|thru|between|in|by|until|till|to|over|"
                            r"during|for|since)\s+(?:the\s+)?(?:(?:fiscal|financial|calendar|school)\s+years?\s+|"
                            r"FY\s*)?$", re.IGNORECASE)


def _time_of_other(value: StatedValue, role: Role, statement: Statement) -> str | None:
    """The text of the value whose period `value` is, for a date no date verb is bound to; else None."""
    if value.kind is not Kind.DATE or role.binding >= Binding.VERB:
        return None
    before = [v for v in statement.values if v.kind in (Kind.MONEY, Kind.COUNT, Kind.PERCENT) and v.end <= value.start]
    if not before:
        return None
    last = max(before, key=lambda v: v.end)
    between = statement.sentence.text[last.end - statement.sentence.start:value.start - statement.sentence.start]
    opening = re.match(r"(?:from|between)\s+", value.text, re.IGNORECASE)  # a range's own first word
    return last.text if _TIME_OF_VALUE.match(between + (opening.group(0) if opening else "")) else None


# A value stated per item, not in all ("$4.1 billion per launch", "£2,000 a pupil", "each mission would cost").
_RATE_AFTER = re.compile(r"\s*(?:per|a|an|for\s+each|each)\s+(?!year|month|week|day|annum|head\b|time\b)([a-z]+)",
                         re.IGNORECASE)
_RATE_BEFORE = re.compile(r"\b(?:each|every)\s+(?:[a-z-]+\s+){0,3}(?:would|will|could|is|was)?\s*(?:cost|costs|costing)"
                          r"\s*(?:about|around|some|nearly)?\s*$", re.IGNORECASE)
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "1st", "2nd", "3rd", "4th", "5th"})


def _rate(statement: Statement, value: StatedValue) -> str | None:
    """How a money value is stated per item ("per launch"), or None for a total."""
    if value.kind is not Kind.MONEY:
        return None
    text = statement.sentence.text
    at, end = value.start - statement.sentence.start, value.end - statement.sentence.start
    after = _RATE_AFTER.match(text, end)
    if after and after.group(1).lower() not in ("lot", "bit", "further", "total", "result", "share"):
        return f"per {after.group(1).lower()}"
    return "each" if _RATE_BEFORE.search(text[max(0, at - 60):at]) else None


def _ordinal_clash(terms: ClaimTerms, statement: Statement, value: StatedValue, role: Role) -> str | None:
    """An ordinal beside the value that is not the claim's ("a second notice" for a claim about the first)."""
    if not terms.ordinals:
        return None
    breaks = aside_breaks(statement.sentence, statement.values)
    clauses = value_clauses(value, statement, breaks)
    near = {t.lemma for t in statement.tokens
            if t.lemma in ORDINALS and bisect.bisect_right(breaks, t.start) in clauses}
    if near:
        return " ".join(sorted(near)) if not near & terms.ordinals else None
    if role.moved:  # the new time of the earlier date's event, whose clause the ordinal may be in
        return None
    # the claim's ordinal in another clause: "the first notice on November 11, ..., today's announcement"
    elsewhere = {t.lemma for t in statement.tokens if t.lemma in terms.ordinals}
    return f"other {' '.join(sorted(elsewhere))}" if elsewhere else None


def _matches(analysis: ArticleAnalysis, terms: ClaimTerms, decisions: Iterable[Decision]) -> list[Match]:
    article = analysis.article
    out = []
    for d in decisions:
        if d.failed is not None or d.evidence is None or d.confidence < MIN_KEPT_CONFIDENCE:
            continue
        sentence = d.statement.sentence
        out.append(Match(
            claim_id=terms.claim.id, article_id=article.id, sentence=sentence, value=d.value,
            score=round(d.evidence.coverage, 3), confidence=round(d.confidence, 3),
            matched_words=tuple(sorted(set(terms.weights) & d.statement.lemmas)),
            time=_statement_time(d.value, list(d.statement.values), sentence, article.published),
            reasons=d.reasons, page=article.page_of(d.value.start),
        ))
    return out


def _reasons(terms: ClaimTerms, role: Role, reference: Reference, hits: tuple[str, ...]) -> tuple[str, ...]:
    reasons = [f"subject: {reference.name.lower()}"]
    if role.predicates:
        reasons.append(f"role: {' '.join(role.words)} ({'/'.join(sorted(role.predicates))}, "
                       f"{role.binding.name.lower()})")
    if hits:
        reasons.append(f"words: {', '.join(hits)}")
    return tuple(reasons)


def _previous_words(text: str, previous: Sentence | None) -> tuple[str, frozenset[str]] | None:
    if previous is None:
        return None
    return previous.text, frozenset(t.lemma for t in tokenize(previous.text) if t.lemma not in STOP_WORDS)


def _title_words(title: str | None) -> tuple[str, frozenset[str]] | None:
    """The title, for "it" in an article's first statement."""
    if not title:
        return None
    return title, frozenset(t.lemma for t in tokenize(title) if t.lemma not in STOP_WORDS)


def _part_keyword(tokens: tuple[Token, ...], keywords: tuple[tuple[str, ...], ...], part: tuple[int, int],
                  in_sentence: float) -> float:
    """A keyword in the value's own part of the sentence counts in full, one elsewhere in the sentence half:
    in "£8.5m has been allocated ..., and in July the council approved a further £4.03m of one-off funding",
    "one-off funding" speaks of £4.03m."""
    own = _keyword_found(tuple(t for t in tokens if part[0] <= t.start < part[1]), keywords)
    return max(own, in_sentence / 2)


def _keyword_found(tokens: tuple[Token, ...], keywords: tuple[tuple[str, ...], ...]) -> float:
    """1 for a curated phrase of several words in the sentence, 0.5 for a one-word keyword, else 0."""
    lemmas = [t.lemma for t in tokens]
    best = 0.0
    for phrase in keywords:
        if len(phrase) == 1:
            best = max(best, 0.5 if phrase[0] in lemmas else 0.0)
        elif any(lemmas[i:i + len(phrase)] == list(phrase) for i in range(len(lemmas) - len(phrase) + 1)):
            return 1.0
    return best


def _part_coverage(terms: ClaimTerms, tokens: tuple[Token, ...], part: tuple[int, int], in_sentence: float) -> float:
    """The claim's words in the value's part of the sentence, with those elsewhere in it counting half."""
    own = {t.lemma for t in tokens if part[0] <= t.start < part[1] and t.lemma in terms.weights}
    return (sum(terms.weights[w] for w in own) / terms.total + in_sentence) / 2


def _clause_coverage(terms: ClaimTerms, tokens: tuple[Token, ...], value: StatedValue, breaks: list[int]) -> float:
    """The weighted share of the claim's words that stand in the value's own clause."""
    own = sum(1 for b in breaks if b <= value.start)
    found = {t.lemma for t in tokens if t.lemma in terms.weights and sum(1 for b in breaks if b <= t.start) == own}
    return sum(terms.weights[w] for w in found) / terms.total


def _dated(terms: ClaimTerms, value: StatedValue, statement: Statement) -> bool:
    """True when a date the claim states beside its value ("$93bn from 2012 through 2025") is beside this one."""
    if value.kind is Kind.DATE or not terms.dates:
        return False
    near = _nearest([v for v in statement.values if v.kind is Kind.DATE], value, statement.sentence)
    return near is not None and any(near.value == d for d in terms.dates)


def _local_score(terms: ClaimTerms, tokens: tuple[Token, ...], value: StatedValue, breaks: list[int]) -> float:
    """Claim weight near the value, decaying with distance in words and counting half across a clause break."""
    position = _position(tokens, value)
    own_clause = sum(1 for b in breaks if b <= value.start)
    best: dict[str, float] = {}
    for token in tokens:
        weight = terms.weights.get(token.lemma)
        if weight is None or value.start <= token.start < value.end:
            continue
        near = weight / (1.0 + abs(token.index - position) / DECAY_WORDS)
        if sum(1 for b in breaks if b <= token.start) != own_clause:
            near *= 0.5
        best[token.lemma] = max(best.get(token.lemma, 0.0), near)
    return min(sum(best.values()) / terms.total, 1.0)


def _position(tokens: tuple[Token, ...], value: StatedValue) -> float:
    before = [t.index for t in tokens if t.end <= value.start]
    after = [t.index for t in tokens if t.start >= value.end]
    if before and after:
        return (before[-1] + after[0]) / 2
    if before:
        return before[-1] + 1.0
    return after[0] - 1.0 if after else 0.0


# A count just after a rating counts the things given that rating: "found the force 'good' in four areas".
_RATED_GAP = re.compile(r"^[\s'’‘\"“”]*(?:in|for|on|across|at)?\s+(?:all\s+|each\s+of\s+)?$", re.IGNORECASE)


# ... or a count followed by its rating: "only four are deemed to be 'good'", "12 schools were rated outstanding".
_RATED_AFTER_GAP = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:are|were|is|was|have\s+been|had\s+been|now)\s+"
                              r"(?:now\s+|still\s+)?(?:rated|deemed|judged|graded)\s+(?:to\s+be\s+|as\s+)?"
                              r"[\s'’‘\"“”]*$", re.IGNORECASE)
# The whole of a part written before it: "Nine of the 21 schools have been rated inadequate" rates the nine.
_WHOLE_BEFORE = re.compile(r"\bof\s+(?:the|its|their)\s+$", re.IGNORECASE)


def _rated_count(terms: ClaimTerms, value: StatedValue, statement: Statement) -> str | None:
    """The rating a count is qualified by, when the claim states no rating beside its own count."""
    if value.kind is not Kind.COUNT or any(a.kind is Kind.RATING for a in terms.anchors):
        return None
    text, base = statement.sentence.text, statement.sentence.start
    for other in statement.values:
        if other.kind is Kind.RATING and other.end <= value.start \
                and _RATED_GAP.match(text[other.end - base:value.start - base]):
            return other.text
        if other.kind is Kind.RATING and other.start >= value.end \
                and _RATED_AFTER_GAP.match(text[value.end - base:other.start - base]) \
                and not _WHOLE_BEFORE.search(text[:value.start - base]):
            return other.text  # "only four are deemed to be 'good'", "12 schools were rated outstanding"
    return None


def _anchor_agreement(terms: ClaimTerms, value: StatedValue, values: list[StatedValue],
                      sentence: Sentence) -> bool | None:
    """Whether the values the claim states beside its own agree with those beside `value`.

    "judged outstanding by October 2019" anchors the date to the rating: in "good by October 2017
    and outstanding by October 2019" the first date sits by another rating and is not this claim's.
    None when there is nothing to compare.
    """
    verdict: bool | None = None
    for anchor in terms.anchors:
        near = _nearest([v for v in values if v.kind is anchor.kind and v is not value], value, sentence)
        if near is None:
            continue
        if near.value != anchor.value or near.role != anchor.role:
            return False
        verdict = True
    return verdict


_COORDINATION = re.compile(r"\band\b|\bor\b|[;,]")
# Characters added to the distance between two values for a coordination between them:
# in "good by October 2017 and outstanding by October 2019" the date belongs with "good".
COORDINATION_PENALTY = 30


def _nearest(others: list[StatedValue], value: StatedValue, sentence: Sentence) -> StatedValue | None:
    """The value of `others` that belongs with `value`: the closest, not across an 'and' if avoidable."""
    def distance(other: StatedValue) -> int:
        left, right = (other.end, value.start) if other.end <= value.start else (value.end, other.start)
        between = sentence.text[max(left - sentence.start, 0):max(right - sentence.start, 0)]
        return max(right - left, 0) + (COORDINATION_PENALTY if _COORDINATION.search(between) else 0)

    return min(others, key=lambda o: (distance(o), o.start), default=None)


def _statement_time(value: StatedValue, values: list[StatedValue], sentence: Sentence,
                    published: object) -> PartialDate | None:
    """The time a statement refers to: the date that goes with it in its sentence, else the article's date."""
    if value.time:
        return value.time
    if value.kind is Kind.DATE:
        return None
    nearest = _nearest([v for v in values if v.kind is Kind.DATE], value, sentence)
    if nearest is not None:
        when = nearest.value
        if isinstance(when, Range):  # a range's later end
            when = when.max if when.max is not None else when.bound()
        return when if isinstance(when, PartialDate) else None
    return PartialDate(published.isoformat()) if hasattr(published, "isoformat") else None
