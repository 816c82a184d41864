"""Which sentences speak of a claim, and which stated values in them belong to it.

A claim's words (its sentence without its own values, its subject and keywords) are
weighted by rarity across the corpus, so "operational" counts for more than "trust"
in a corpus about a trust. A sentence scores by how much of that weight it covers,
each claim word matched fuzzily against the corpus vocabulary once, not per sentence.
A value in a matching sentence then goes to the claim whose words stand closest to it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from checker.matching.phrases import contains_phrase, phrase_heads, phrase_position
from checker.models import Article, Claim, Kind, PartialDate, Range, Sentence, StatedValue, Verdict
from checker.text.words import LIGHT_VERBS, STOP_WORDS, Token, acronym, stem, tokenize
from checker.values import Context, extract_values
from checker.verdicts import closeness, judge

# Scores are on a 0-1 scale (the JSON `score`).
# A sentence must cover this share of the claim's weighted words to be read at all.
MIN_SENTENCE_SCORE = 0.2
# A value belongs to a claim when its evidence (the sentence score times the share of the
# claim's nearby words that point at this value) reaches this. Chosen on the seed corpus,
# where it keeps the clear statements and drops values that only share the topic's words.
MIN_EVIDENCE = 0.5
# A claim takes a second value of its kind from one sentence only when the claim's words point
# at it nearly as much as at the first ("from good to requires improvement" both count).
MIN_ATTRIBUTION = 0.75
# Another claim may share a value when its rank is this close to the best one.
SHARE_MARGIN = 0.75
# How much the nearness of a value to each competing claim's own value decides between them.
CLOSENESS_WEIGHT = 0.3
# Added to the local score when the claim's other values stand beside the value too.
ANCHOR_BONUS = 0.15
# Word pairs at or above this rapidfuzz ratio (0-100) count as the same word ("judgement",
# "judgment"); shorter words are matched exactly, since "trust" and "thrust" score 91.
FUZZY_WORD_RATIO = 86
MIN_FUZZY_LENGTH = 7
# Keyword phrases matched in a sentence add this share of a whole claim's weight.
KEYWORD_BONUS = 0.35
# ... and a keyword phrase in the value's own clause adds this to its local score.
KEYWORD_LOCAL_BONUS = 0.15
KEYWORD_REACH = 10  # words (stop words included) between the phrase and the value
# A claim word this many words from the value counts half.
DECAY_WORDS = 3.0
# How much a subject word and a keyword word weigh against a word of the claim sentence.
SUBJECT_WORD_FACTOR = 0.3
KEYWORD_WORD_FACTOR = 0.7
# A claim word in another clause than the value counts this much of one in the same clause.
OTHER_CLAUSE_FACTOR = 0.5

# Words naming the kind of organisation, not which one: they do not tell subjects apart.
GENERIC_NAME_WORDS = frozenset("""
the of and for council trust services service children children's borough city county district
department ministry office agency board authority company group ltd limited plc inc corporation
committee commission association society foundation partnership government national local public
social care health education school schools university college hospital police fire
""".split())

# Roles that make a value a relative difference or a goal, not a plain statement of the property.
DIFFERENCE_ROLES = frozenset({"earlier", "later", "longer", "shorter", "more", "less"})
_DIFFERENCE_WORDS = re.compile(r"\b(earlier|later|early|late|sooner|ahead|behind|longer|shorter)\b", re.I)
_TARGET_WORDS = re.compile(
    r"\b(target|targets|aim|aims|goal|must|needs? to|needed to|had to|has to|have to|required to|by)\b", re.I)
_THRESHOLD_WORDS = re.compile(r"\bor (better|above|worse|below|more|less)\b", re.I)
_PROPER_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|of|for|and))*\s+(?:Council|Trust|"
                          r"Borough|County|Authority|Department|Ministry|Agency|Company|Group|Ltd|plc|Inc))\b")


@dataclass
class AnalysedArticle:
    """An article read once: its sentences, their words, and the values each states."""

    article: Article
    sentences: list[Sentence]
    tokens: list[list[Token]]
    values: list[list[StatedValue]]


@dataclass(frozen=True)
class Match:
    """A stated value attributed to a claim, with the evidence for it."""

    claim_id: str
    article_id: str
    sentence: Sentence
    value: StatedValue
    score: float  # sentence score, 0-1
    local: float  # closeness of the claim's words to the value, 0-1
    matched_words: tuple[str, ...]
    time: PartialDate | None  # the time the statement refers to
    page: int | None = None  # the PDF page the value stands on


def analyse_article(article: Article, sentences: list[Sentence], context: Context) -> AnalysedArticle:
    """Tokenise the sentences and extract the values each states, in one pass over the text."""
    found = extract_values(article.text, context)
    values: list[list[StatedValue]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    i = 0
    for value in found:
        while i < len(sentences) and sentences[i].end <= value.start:
            i += 1
        if i < len(sentences) and starts[i] <= value.start and value.end <= sentences[i].end:
            values[i].append(value)
    tokens = [tokenize(s.text, s.start) for s in sentences]
    return AnalysedArticle(article, sentences, tokens, values)


@dataclass(frozen=True)
class _Candidate:
    rank: float  # local score weighed by how near the value lies to the claim's
    local: float
    score: float
    terms: _ClaimTerms
    hits: tuple[str, ...]
    evidence: float  # sentence score times the share of the claim's nearby words that point at this value


@dataclass
class _ClaimTerms:
    claim: Claim
    weights: dict[str, float]  # claim stem -> weight
    total: float
    expansions: dict[str, str]  # corpus stem -> the claim stem it stands for
    keyword_stems: list[tuple[str, ...]]
    # per keyword phrase, the corpus stems that can open it: a sentence with none cannot contain it
    phrase_heads: list[frozenset[str]]
    subject_marks: frozenset[str]  # stems or acronyms that name the subject
    wants_difference: bool
    wants_target: bool
    wants_threshold: bool
    anchors: tuple[StatedValue, ...]  # values of other kinds in the claim sentence ("judged good by 2017")


class Matcher:
    """Scores sentences against claims over one corpus and attributes values to claims."""

    def __init__(self, claims: Sequence[Claim], articles: Sequence[AnalysedArticle]) -> None:
        document_frequency: dict[str, int] = defaultdict(int)
        n_sentences = 0
        for analysed in articles:
            for tokens in analysed.tokens:
                n_sentences += 1
                for s in {t.stem for t in tokens}:
                    document_frequency[s] += 1
        self._prepare(claims, articles, document_frequency, n_sentences)

    @classmethod
    def from_frequencies(cls, claims: Sequence[Claim], document_frequency: dict[str, int],
                         n_sentences: int) -> Matcher:
        """A matcher for a corpus known by its sentence frequencies, matched one article at a time."""
        matcher = cls.__new__(cls)
        matcher._prepare(claims, (), document_frequency, n_sentences)
        return matcher

    def _prepare(self, claims: Sequence[Claim], articles: Sequence[AnalysedArticle],
                 document_frequency: dict[str, int], n_sentences: int) -> None:
        self.articles = articles
        self._df = document_frequency
        self._n = max(n_sentences, 1)
        self._vocabulary = sorted(document_frequency)
        # Expanding a claim word looks at the whole vocabulary; claims share most words, so once per word.
        self._similar: dict[str, list[str]] = {}
        # Words most claims share ("children's social care" in a corpus of claims about one
        # service) name the common topic, not what tells one claim's statement from another's.
        claim_frequency: dict[str, int] = defaultdict(int)
        for claim in claims:
            for s in {t.stem for t in tokenize(" ".join((claim.claim, *claim.keywords)))}:
                claim_frequency[s] += 1
        self._claim_frequency = claim_frequency
        self._n_claims = len(claims)
        self.terms = [self._claim_terms(c) for c in claims]
        self._heads = [frozenset().union(*t.phrase_heads) for t in self.terms]

    def idf(self, word_stem: str) -> float:
        """Rarity weight of a stem: words rare in the corpus and among the claims tell statements apart."""
        corpus = math.log((self._n + 1) / (self._df.get(word_stem, 0) + 1)) + 1.0
        among_claims = math.log((self._n_claims + 1) / (self._claim_frequency.get(word_stem, 0) + 1)) + 1.0
        return corpus * among_claims

    def _claim_terms(self, claim: Claim) -> _ClaimTerms:
        own = _strip_values(claim.claim, claim.kind)
        marks = _subject_marks(claim)
        subject_stems = {t.stem for t in tokenize(claim.subject or "")} | marks
        weights: dict[str, float] = {}
        for token in tokenize(own):
            if not token.stem[0].isdigit() and token.stem not in LIGHT_VERBS:
                # The subject is checked on its own (see _names_subject); its words are in most
                # sentences of an article about it, so they barely tell sentences apart.
                factor = SUBJECT_WORD_FACTOR if token.stem in subject_stems else 1.0
                weights[token.stem] = self.idf(token.stem) * factor
        total = sum(weights.values()) or 1.0
        extra: dict[str, float] = {}
        for phrase in claim.keywords:
            for token in tokenize(phrase):
                if token.stem not in weights and not token.stem[0].isdigit():
                    extra[token.stem] = self.idf(token.stem) * KEYWORD_WORD_FACTOR
        keyword_stems = [tuple(t.stem for t in tokenize(k)) for k in claim.keywords]
        all_weights = {**extra, **weights}
        described = " ".join((claim.claim, *claim.keywords))
        expansions = self._expand(all_weights)
        phrases = [k for k in keyword_stems if k]
        return _ClaimTerms(
            claim=claim, weights=all_weights, total=total, expansions=expansions,
            keyword_stems=phrases, phrase_heads=[phrase_heads(p, expansions) for p in phrases], subject_marks=marks,
            wants_difference=bool(_DIFFERENCE_WORDS.search(described)),
            wants_target=bool(_TARGET_WORDS.search(described)),
            wants_threshold=bool(_THRESHOLD_WORDS.search(described)),
            anchors=tuple(v for v in extract_values(claim.claim, Context())
                          if v.kind not in (claim.kind, Kind.DATE, Kind.COUNT)),
        )

    def _expand(self, weights: dict[str, float]) -> dict[str, str]:
        """Map each corpus stem that fuzzily equals a claim stem onto that claim stem."""
        expansions: dict[str, str] = {}
        for claim_stem in sorted(weights, key=lambda s: -weights[s]):
            if claim_stem in self._df:
                expansions.setdefault(claim_stem, claim_stem)
            if len(claim_stem) < MIN_FUZZY_LENGTH:
                continue
            for corpus_stem in self._similar_stems(claim_stem):
                expansions.setdefault(corpus_stem, claim_stem)
        return expansions

    def _similar_stems(self, claim_stem: str) -> list[str]:
        """Corpus stems that are spellings or inflections of a (long) claim stem."""
        found = self._similar.get(claim_stem)
        if found is not None:
            return found
        found = [
            corpus_stem for corpus_stem, _, _ in process.extract(
                claim_stem, self._vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_WORD_RATIO, limit=None)
            if len(corpus_stem) >= MIN_FUZZY_LENGTH and abs(len(corpus_stem) - len(claim_stem)) <= 2
        ]
        # inflections only: "creat"/"creation", not "account"/"accountability": a stem at most
        # three letters shorter or longer that begins the other, neither under five letters
        found += [claim_stem[:n] for n in range(max(5, len(claim_stem) - 3), len(claim_stem) + 1)
                  if claim_stem[:n] in self._df]
        at = bisect.bisect_left(self._vocabulary, claim_stem)
        while at < len(self._vocabulary) and self._vocabulary[at].startswith(claim_stem):
            if len(self._vocabulary[at]) <= len(claim_stem) + 3:
                found.append(self._vocabulary[at])
            at += 1
        self._similar[claim_stem] = found
        return found

    def find_matches(self) -> list[Match]:
        """Every value attributed to a claim, over all articles."""
        matches: list[Match] = []
        for analysed in self.articles:
            matches.extend(self.match_article(analysed))
        return matches

    def match_article(self, analysed: AnalysedArticle, article_stems: set[str] | None = None) -> list[Match]:
        """The values of one article attributed to claims.

        `article_stems` are the stems of all the article's sentences, for an `analysed` that
        keeps only its sentences that state values (the rest can match nothing).
        """
        text_lower = analysed.article.text.lower()
        if article_stems is None:
            article_stems = {t.stem for tokens in analysed.tokens for t in tokens}
        named: dict[frozenset[str], bool] = {}
        here: set[int] = set()
        for number, terms in enumerate(self.terms):
            marks = terms.subject_marks
            if marks not in named:
                named[marks] = _names_subject(marks, article_stems, text_lower)
            if named[marks]:
                here.add(number)
        # Inverted indexes from the article's stems to the claims named here they can score for,
        # so a sentence is scored only against claims it may reach MIN_SENTENCE_SCORE for.
        words: dict[str, list[tuple[int, str]]] = defaultdict(list)
        heads: dict[str, list[int]] = defaultdict(list)
        for number in sorted(here):
            for corpus_stem, claim_stem in self.terms[number].expansions.items():
                if corpus_stem in article_stems:
                    words[corpus_stem].append((number, claim_stem))
            for head in self._heads[number] & article_stems:
                heads[head].append(number)
        matches: list[Match] = []
        for index, tokens in enumerate(analysed.tokens):
            values = analysed.values[index]
            if values:
                claims = self._scoring_claims(tokens, (words, heads), {v.kind for v in values})
                matches.extend(self._match_sentence(analysed, index, claims))
        return matches

    def _scoring_claims(self, tokens: list[Token], index: tuple[dict[str, list[tuple[int, str]]], dict[str, list[int]]],
                        kinds: set[Kind]) -> list[_ClaimTerms]:
        """The claims of the article's `index` that may score MIN_SENTENCE_SCORE on these tokens, in claim order.

        Every other claim is skipped by _match_sentence anyway: it wants a kind the sentence does
        not state, or its words and keyword phrases cannot reach the score (an upper bound from
        the indexes: the weight of every claim word present, and the largest keyword bonus).
        """
        words, heads = index
        present = {t.stem for t in tokens}
        reached: dict[int, set[str]] = defaultdict(set)
        for s in present:
            for number, claim_stem in words.get(s, ()):
                reached[number].add(claim_stem)
        headed = {n for s in present for n in heads.get(s, ())}
        chosen = []
        for number in sorted(reached.keys() | headed):
            terms = self.terms[number]
            if terms.claim.kind not in kinds:
                continue
            bound = sum(terms.weights[c] for c in reached.get(number, ())) / terms.total
            # a margin for float rounding: the bound must never fall below the exact score
            if number in headed:
                bound += KEYWORD_BONUS
            if bound + 1e-9 >= MIN_SENTENCE_SCORE:
                chosen.append(terms)
        return chosen

    def _match_sentence(self, analysed: AnalysedArticle, index: int, claims: list[_ClaimTerms]) -> list[Match]:
        sentence, values, tokens = analysed.sentences[index], analysed.values[index], analysed.tokens[index]
        sentence_stems = {t.stem for t in tokens}
        sentence_lower = sentence.text.lower()
        other_subject = _other_subject(sentence.text)
        clauses = _clause_breaks(sentence)
        candidates: dict[int, list[_Candidate]] = defaultdict(list)
        by_id = {id(v): v for v in values}
        for terms in claims:
            kind_values = [v for v in values if v.kind is terms.claim.kind]
            if not kind_values:
                continue
            if other_subject and not (terms.subject_marks & sentence_stems) and not _mentions_any(
                terms.subject_marks, sentence_lower
            ):
                continue
            score, hits = self._sentence_score(terms, tokens)
            score = min(score, 1.0)
            if score < MIN_SENTENCE_SCORE:
                continue
            locals_: dict[int, float] = {}
            for value in kind_values:
                if not self._value_fits(terms, value):
                    continue
                anchored = _anchor_agreement(terms, value, values, sentence)
                if anchored is False:
                    continue
                locals_[id(value)] = (self._local_score(terms, tokens, value, clauses)
                                      + (ANCHOR_BONUS if anchored else 0.0))
            if not locals_:
                continue
            # A sentence that states the claim's own value speaks of the claim through it; other
            # values of the kind there belong to other things ("£41.6m towards the £47m budget").
            agreeing = {i for i in locals_ if judge(terms.claim, by_id[i].value, by_id[i].qualifier) is Verdict.AGREES}
            if agreeing:
                locals_ = {i: v for i, v in locals_.items() if i in agreeing}
            strongest = max(locals_.values()) or 1.0
            for value in kind_values:
                if id(value) not in locals_:
                    continue
                local = locals_[id(value)]
                # How much of this claim's evidence in the sentence points at this value rather
                # than at another value of the same kind: 1 for a sentence's only candidate.
                attribution = local / strongest if strongest > 0 else 1.0
                if attribution < MIN_ATTRIBUTION:
                    continue
                evidence = score * attribution
                rank = evidence * closeness(terms.claim, value.value) if value.kind is Kind.DATE else evidence
                candidates[id(value)].append(_Candidate(rank, local, score, terms, tuple(sorted(hits)), evidence))
        return _chosen_matches(analysed, sentence, values, candidates)


    def _sentence_score(self, terms: _ClaimTerms, tokens: list[Token]) -> tuple[float, set[str]]:
        hits: set[str] = set()
        for token in tokens:
            claim_stem = terms.expansions.get(token.stem)
            if claim_stem is not None:
                hits.add(claim_stem)
        covered = sum(terms.weights[s] for s in hits)
        stems = [t.stem for t in tokens]
        present = set(stems)
        bonus = 0.0
        for phrase, heads in zip(terms.keyword_stems, terms.phrase_heads, strict=True):
            if not present.isdisjoint(heads) and contains_phrase(stems, phrase, terms.expansions):
                bonus = max(bonus, KEYWORD_BONUS * min(1.0, 0.5 + 0.25 * len(phrase)))
        return covered / terms.total + bonus, hits

    def _local_score(self, terms: _ClaimTerms, tokens: list[Token], value: StatedValue, clauses: list[int]) -> float:
        """Claim weight near the value, decaying with distance in words and across clause breaks."""
        position = _token_position(tokens, value)
        value_clause = _clause_of(clauses, value.start)
        best: dict[str, float] = {}
        for token in tokens:
            if value.start <= token.start < value.end:
                continue
            claim_stem = terms.expansions.get(token.stem)
            if claim_stem is None:
                continue
            distance = abs(token.index - position)
            weight = terms.weights[claim_stem] / (1.0 + distance / DECAY_WORDS)
            if _clause_of(clauses, token.start) != value_clause:
                weight *= OTHER_CLAUSE_FACTOR
            best[claim_stem] = max(best.get(claim_stem, 0.0), weight)
        local = sum(best.values()) / terms.total
        # A curated keyword phrase close to the value is strong evidence the value is the claim's.
        stems = [t.stem for t in tokens]
        present = set(stems)
        for phrase, heads in zip(terms.keyword_stems, terms.phrase_heads, strict=True):
            at = (phrase_position(stems, phrase, terms.expansions)
                  if len(phrase) > 1 and not present.isdisjoint(heads) else None)
            if at is not None and abs(tokens[at].index - position) <= KEYWORD_REACH:
                local += KEYWORD_LOCAL_BONUS
                break
        return local

    def _value_fits(self, terms: _ClaimTerms, value: StatedValue) -> bool:
        """Values that state a difference, a goal or a threshold fit only claims about one."""
        if value.role in DIFFERENCE_ROLES and not terms.wants_difference:
            return False
        if value.role == "target" and not terms.wants_target:
            return False
        if (value.qualifier or "").startswith("or ") and not terms.wants_threshold:
            return False
        if value.kind is Kind.RATING and terms.claim.scale and value.scale and value.scale != terms.claim.scale:
            return False
        if value.kind is Kind.COUNT and value.unit:
            unit_stems = {t.stem for t in tokenize(value.unit)}
            if unit_stems and not any(terms.expansions.get(s) for s in unit_stems):
                return False
        return True


def _chosen_matches(analysed: AnalysedArticle, sentence: Sentence, values: list[StatedValue],
                    candidates: dict[int, list[_Candidate]]) -> list[Match]:
    """Each value goes to its best-ranked claims: those with enough evidence and within SHARE_MARGIN of the best."""
    matches = []
    for value in values:
        options = candidates.get(id(value), [])
        if not options:
            continue
        best = max(o.rank for o in options)
        for option in options:
            if option.evidence >= MIN_EVIDENCE and option.rank >= best * SHARE_MARGIN:
                matches.append(Match(
                    claim_id=option.terms.claim.id, article_id=analysed.article.id, sentence=sentence,
                    value=value, score=round(min(option.score, 1.0), 3), local=round(option.evidence, 3),
                    matched_words=option.hits, time=_statement_time(value, values, sentence, analysed.article),
                    page=analysed.article.page_of(value.start),
                ))
    return matches


def _anchor_agreement(terms: _ClaimTerms, value: StatedValue, values: list[StatedValue],
                      sentence: Sentence) -> bool | None:
    """Whether the values the claim states beside its own agree with those beside `value`.

    "judged outstanding by October 2019" anchors the date to the rating: in "good by
    October 2017 and outstanding by October 2019" the first date sits by another rating
    and is not this claim's. None when there is nothing to compare.
    """
    verdict: bool | None = None
    for anchor in terms.anchors:
        near = _nearest([v for v in values if v.kind is anchor.kind and v is not value], value, sentence)
        if near is None:
            continue
        # "had to be judged good by 2017" is a target; "rated good in November 2017" is not
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


def _strip_values(sentence: str, kind: Kind) -> str:
    """The claim sentence with its own value blanked, so "2014" is not a word to look for.

    Only values of the claim's kind go: in "judged good by October 2017" the rating is
    the context of the date, not noise.
    """
    chars = list(sentence)
    for value in extract_values(sentence, Context(), kinds=frozenset({kind})):
        for i in range(value.start, value.end):
            chars[i] = " "
    return "".join(chars)


def _subject_marks(claim: Claim) -> frozenset[str]:
    """Stems and acronyms that name the claim's subject (its distinctive words, not 'council')."""
    subject = claim.subject or " ".join(re.findall(r"(?<!^)\b[A-Z][\w']+", claim.claim))
    marks = {stem(w) for w in re.findall(r"[\w']+", subject) if w.lower() not in GENERIC_NAME_WORDS}
    marks = {m for m in marks if m not in STOP_WORDS and not m.isdigit()}
    short = acronym(subject)
    if short and len(short) >= 3:
        marks.add(short)
    return frozenset(marks)


def _names_subject(marks: frozenset[str], article_stems: set[str], text_lower: str) -> bool:
    """An article is evidence for a claim only when it names the claim's subject somewhere."""
    if not marks:
        return True
    return bool(marks & article_stems) or _mentions_any(marks, text_lower)


def _mentions_any(marks: Iterable[str], text_lower: str) -> bool:
    # the substring test first: most marks are absent, and it is far cheaper than the regex
    return any(m in text_lower and re.search(rf"\b{re.escape(m)}", text_lower) for m in marks if len(m) >= 3)


def _other_subject(sentence: str) -> bool:
    """True when the sentence names an organisation by its proper name (its own subject)."""
    return bool(_PROPER_NAME.search(sentence))


_CLAUSE_BREAK = re.compile(r"[,;:()]|\s-\s|\b(?:but|while|whereas|although|though|however|which|when)\b", re.I)


def _clause_breaks(sentence: Sentence) -> list[int]:
    """Offsets (into the article text) where a new clause of the sentence begins."""
    return [sentence.start + m.start() for m in _CLAUSE_BREAK.finditer(sentence.text)]


def _clause_of(breaks: list[int], offset: int) -> int:
    return bisect.bisect_right(breaks, offset)


def _token_position(tokens: list[Token], value: StatedValue) -> float:
    """Where the value stands in the sentence, in the index units of its tokens."""
    before = [t.index for t in tokens if t.end <= value.start]
    after = [t.index for t in tokens if t.start >= value.end]
    if before and after:
        return (before[-1] + after[0]) / 2
    if before:
        return before[-1] + 1
    if after:
        return after[0] - 1
    return 0.0


def _statement_time(value: StatedValue, values: list[StatedValue], sentence: Sentence,
                    article: Article) -> PartialDate | None:
    """The time a statement refers to: the date that goes with it in its sentence, else the article's date."""
    if value.time:
        return value.time
    if value.kind is Kind.DATE:
        return None
    nearest = _nearest([v for v in values if v.kind is Kind.DATE], value, sentence)
    if nearest is not None:
        when = nearest.value
        if isinstance(when, Range):  # a range's later end, as the old code took "max" first
            when = when.max if when.max is not None else when.bound()
        return when if isinstance(when, PartialDate) else None
    return PartialDate(article.published.isoformat()) if article.published else None
