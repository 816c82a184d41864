"""The predicate vocabulary as matching uses it: phrases as lemma sequences, found in a sentence's words.

Built from the records of checker.store.extensions (the shipped file and the user's own); the
same phrases give a claim its predicates and a stated value its role, so both sides meet in one
set of words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from checker.models import Kind
from checker.text.words import Token, tokenize

# Words that end a noun phrase's head: what follows them qualifies it.
_PREPOSITIONS = frozenset({"in", "of", "on", "for", "towards", "toward", "from", "at", "by", "with", "into"})
# Other words a phrase of several words may have inside it ("transfer its services back").
PHRASE_GAP = 2


@dataclass(frozen=True)
class Predicate:
    """One predicate: the kinds it is stated with, the phrases that state it, the predicates it fits."""

    name: str
    kinds: frozenset[Kind]
    fits: frozenset[str]
    roles_only: bool = False
    # for a date, how many words from it a phrase of this predicate may stand and still be its verb (None: the
    # usual reach); reporting verbs date only what stands beside them ("said on Monday")
    reach: int | None = None
    # phrases that state it only of a value written right before them ("the $2.3 billion telescope" is what
    # the telescope costs; "$40m for the telescope" is not)
    compound_only: bool = False


@dataclass(frozen=True)
class PhraseHit:
    """A vocabulary phrase found in a sentence: its first and last token, and the predicates it states."""

    first: int  # index into the sentence's token list
    last: int
    predicates: frozenset[str]
    words: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """Every predicate, and its phrases indexed by their first lemma."""

    predicates: Mapping[str, Predicate]
    _phrases: Mapping[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]] = field(repr=False)

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]]) -> Vocabulary:
        """A vocabulary from predicate records; a record naming a known predicate adds to it."""
        kinds: dict[str, set[Kind]] = defaultdict(set)
        fits: dict[str, set[str]] = defaultdict(set)
        roles_only: dict[str, bool] = {}
        reach: dict[str, int] = {}
        compound_only: dict[str, bool] = {}
        phrases: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for record in records:
            name = str(record["name"])
            kinds[name] |= {Kind(k) for k in record.get("kinds", ())}
            fits[name] |= set(record.get("fits", ()))
            roles_only[name] = roles_only.get(name, False) or bool(record.get("roles_only"))
            if record.get("reach") is not None:
                reach[name] = int(record["reach"])
            compound_only[name] = compound_only.get(name, False) or bool(record.get("compound_only"))
            for phrase in record.get("phrases", ()):
                lemmas = tuple(t.lemma for t in tokenize(str(phrase), keep_function_words=True))
                if lemmas:
                    phrases[lemmas].add(name)
        by_first: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = defaultdict(list)
        for lemmas, names in phrases.items():
            by_first[lemmas[0]].append((lemmas, frozenset(names)))
        for entries in by_first.values():
            entries.sort(key=lambda e: (-len(e[0]), e[0]))  # the longest phrase first
        predicates = {name: Predicate(name, frozenset(kinds[name]), frozenset(fits[name]), roles_only[name],
                                      reach.get(name), compound_only[name])
                      for name in sorted(kinds)}
        return cls(predicates, {k: tuple(v) for k, v in by_first.items()})

    def find(self, tokens: Sequence[Token]) -> list[PhraseHit]:
        """Every phrase in `tokens` (a sentence's words, function words included), the longest at each word;
        a phrase inside a longer one found before it is not found again ("budget" in "over its budget")."""
        hits: list[PhraseHit] = []
        covered = -1
        for i, token in enumerate(tokens):
            for lemmas, names in self._phrases.get(token.lemma, ()):
                last = _phrase_end(tokens, i, lemmas)
                if last is not None and last > covered:  # a word inside a longer phrase is that phrase's
                    hits.append(PhraseHit(i, last, names, lemmas))
                    covered = max(covered, last)
                    break
        return hits

    def predicates_of(self, text: str, kind: Kind, head_only: bool = False) -> frozenset[str]:
        """The predicates of `kind` that `text` (a claim's sentence or keyword) states; with `head_only`, those of
        its last phrase alone (the head of "budget shortfall" is the shortfall: a deficit)."""
        tokens = tokenize(text, keep_function_words=True)
        found: set[str] = set()
        hits = [h for h in self.find(tokens) if self.of_kind(h.predicates, kind)]
        if head_only:  # the head stands before a preposition: "sum allocated in the council's budget"
            cut = next((i for i, t in enumerate(tokens) if t.lemma in _PREPOSITIONS
                        and any(h.last < i for h in hits)), len(tokens))
            hits = [h for h in hits if h.first < cut][-1:]
        for hit in hits:
            found |= {p for p in hit.predicates if kind in self.predicates[p].kinds
                      and not self.predicates[p].roles_only}
        return frozenset(found)

    def fit(self, wanted: frozenset[str], stated: frozenset[str]) -> bool:
        """True when a value stated with predicates `stated` counts for a claim about `wanted`."""
        if wanted & stated:
            return True
        return any(self.predicates[s].fits & wanted for s in stated if s in self.predicates)

    def compound_only(self, names: Iterable[str]) -> bool:
        """True when every one of `names` is stated only of a value written right before its phrase."""
        known = [self.predicates[n] for n in names if n in self.predicates]
        return bool(known) and all(p.compound_only for p in known)

    def reach(self, names: Iterable[str], usual: int) -> int:
        """How far from a date a phrase stating `names` may stand and be its verb: the widest of their reaches."""
        reaches = [self.predicates[n].reach for n in names if n in self.predicates]
        return max((usual if r is None else r for r in reaches), default=usual)

    def of_kind(self, names: Iterable[str], kind: Kind) -> frozenset[str]:
        """Those of `names` that can be stated with a value of `kind`."""
        return frozenset(n for n in names if n in self.predicates and kind in self.predicates[n].kinds)


def _phrase_end(tokens: Sequence[Token], i: int, lemmas: tuple[str, ...]) -> int | None:
    """The index of the phrase's last token when `lemmas` occur from token i (a small gap allowed), else None."""
    j, k = i + 1, 1
    while k < len(lemmas):
        limit = j + (PHRASE_GAP if k > 0 else 0)
        while j < len(tokens) and j <= limit and tokens[j].lemma != lemmas[k]:
            if tokens[j].lemma[:1].isdigit():
                return None  # a number inside is a value the phrase would swallow ("annual £5m budget")
            j += 1
        if j >= len(tokens) or j > limit:
            return None
        j, k = j + 1, k + 1
    return j - 1
