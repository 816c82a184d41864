"""Which articles can hold a claim: index terms of an article, the query of a claim, and the test between them.

A claim matches a value only in an article that states a value of the claim's kind and that
names the claim's subject (`SubjectReader.named_in_article`, unless the claim has no subject).
Both are decided by the article and the claim's subject alone, so an article's terms are read
once, at analysis, and a claim new to the cache is matched only where its query meets them.

The terms are exact supersets of what naming needs, term by term of references.py: the lemma
of each capitalised word (a subject's word written as a name) and of the word after a run of them
(a name's last word written small), every content lemma (the words
of a described subject, which stand in any case), every run of word characters of the lower-case
text (an acronym found as a word), and each defined alias's name words and initials (an alias
resolved to the subject). A claim's query asks what naming asks: enough of its subject's words'
weight written as a name (the share references.py takes), all its words in one alias's name, or
one of its initials. tests/test_index.py checks, on every corpus we ship, that an article left out
decides nothing for the claim.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from checker.matching.analysis import ArticleAnalysis
from checker.matching.claims import ClaimTerms

# the weight references.py gives a subject's word, so the index asks no more and no less than naming does
from checker.matching.references import _NAME_THEN_WORD as _NAME_THEN_WORD
from checker.matching.references import SHARE_OF_NAME
from checker.matching.references import _weight as _weight
from checker.text.words import acronym, lemma

# The capitalised words that name a subject (checker.matching.references: `_CAPITALISED`).
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
# The words of an alias's name as references reads them (`_names`).
_NAME_WORDS = re.compile(r"[\w'’&-]+")
_WORD_RUN = re.compile(r"\w+")


@dataclass(frozen=True)
class ClaimQuery:
    """What an article must hold for a claim to match in it: a value of `kind`, and its subject named.

    The subject is named (references.py) by enough of its words' weight written as a name, by an alias whose
    name holds all its words or has its initials, or by one of its initials written as a word."""

    kind: str
    named: bool = True  # False: the claim names no subject, so any article of its kind may hold it
    words: tuple[tuple[str, float, bool], ...] = ()  # (word, weight, may stand in lower case)
    share: float = 0.0  # the weight of its words that naming it takes
    initials: frozenset[str] = frozenset()  # index terms any one of which names it

    def holds(self, article: frozenset[str]) -> bool:
        """False only when the claim can match nothing in the article whose terms are `article`."""
        if f"k:{self.kind}" not in article:
            return False
        if not self.named or not self.initials.isdisjoint(article):
            return True
        if not self.words:
            return False
        if all(f"a:{w}" in article for w, _, _ in self.words):
            return True
        present = sum(weight for w, weight, plain in self.words
                      if f"c:{w}" in article or (plain and f"l:{w}" in article))
        # a hair under the share, so that float rounding can only let more articles through
        return present >= self.share - 1e-9


def article_terms(analysis: ArticleAnalysis) -> frozenset[str]:
    """The index terms of one analysed article (prefixed by what they stand for)."""
    article = analysis.article
    text = f"{article.title or ''}\n{article.text}"
    terms = {f"k:{v.kind.value}" for s in analysis.statements for v in s.values}
    terms.update(f"c:{lemma(m.group())}" for m in _CAPITALISED.finditer(text))
    # a name's last word written small ("Green Line extension"), as references.py also reads it
    terms.update(f"c:{lemma(m.group(2))}" for m in _NAME_THEN_WORD.finditer(text))
    terms.update(f"l:{w}" for w in analysis.lemmas)
    terms.update(f"r:{w}" for w in _WORD_RUN.findall(text.lower()))
    for name in analysis.names.aliases.values():
        terms.update(f"a:{lemma(w)}" for w in _NAME_WORDS.findall(name))
        short = acronym(name)
        if short:
            terms.add(f"i:{short}")
    return frozenset(terms)


def claim_query(terms: ClaimTerms) -> ClaimQuery:
    """The query of one claim: its kind, and what any article naming its subject holds."""
    subject = terms.subject
    kind = terms.claim.kind.value
    if subject.empty:
        return ClaimQuery(kind, named=False)
    words = tuple((w, _weight(w), w in subject.plain) for w in sorted(subject.words))
    initials = {f"i:{initial}" for initial in subject.initials}
    # an initial found as a word (`_word_in`) starts with one of the text's runs of word characters
    initials |= {f"r:{m.group()}" for m in (_WORD_RUN.search(i) for i in subject.initials) if m}
    return ClaimQuery(kind, True, words, SHARE_OF_NAME * sum(weight for _, weight, _ in words), frozenset(initials))


def may_hold(query: ClaimQuery, article: frozenset[str]) -> bool:
    """False only when the claim can match nothing in the article whose terms are `article`."""
    return query.holds(article)


def pack_query(query: ClaimQuery) -> str:
    """A claim's query, encoded for the cache."""
    return json.dumps([query.kind, query.named, [list(w) for w in query.words], query.share,
                       sorted(query.initials)])


def unpack_query(text: str) -> ClaimQuery:
    """The query `pack_query` encoded; raises ValueError on a damaged one."""
    try:
        kind, named, words, share, initials = json.loads(text)
        return ClaimQuery(str(kind), bool(named), tuple((str(w), float(weight), bool(plain))
                                                         for w, weight, plain in words),
                          float(share), frozenset(map(str, initials)))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"undecodable claim query: {exc}") from exc
