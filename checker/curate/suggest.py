"""Claims nobody has curated yet: values the articles state that no claim covers, grouped by what they are about.

Each uncovered value is described by the content words around it. Values of one kind whose words
are alike (rapidfuzz over the words) form a group, as if one claim spoke of them all; groups whose
sources disagree come first, since that is what a curator most wants to settle. Each group becomes
a draft record that `validate_record` accepts, with its evidence.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import JsonValue
from rapidfuzz import fuzz

from checker.curate.drafting import draft_record, validate_record
from checker.errors import ClaimFileError
from checker.matching import Vocabulary, analyse_article
from checker.models import Count, Kind, Range, StatedValue, display_raw
from checker.pipeline import run_check
from checker.settings import Settings
from checker.store.claim_files import id_places
from checker.store.extensions import load_vocabulary
from checker.text.words import tokenize
from checker.values import Context, Scale, builtin_scales

# Two values are about the same thing when the words around them score this much (rapidfuzz
# token_set_ratio, 0-100) and share at least MIN_SHARED_WORDS stems. Chosen on the bundled corpus:
# at 60 "£41.6m towards the budget" and "the trust's budget of £47m" still group, below 55 the
# budget and the overspend sentences merge.
MIN_CONTEXT_SIMILARITY = 60
MIN_SHARED_WORDS = 2
# Content words on each side of a value that describe it; further words belong to other values.
CONTEXT_WORDS = 5
# Counts below this are pronouns in disguise ("one of the", "two councils"), rarely a claim.
MIN_COUNT = 2
_ANCHOR = "="  # marks a co-stated value among context words; no word starts with it


@dataclass(frozen=True)
class Evidence:
    """One uncovered statement of a value: where, what and in which sentence."""

    article: str
    published: dt.date | None
    value: JsonValue  # its JSON form, as the suggestions print it
    text: str
    sentence: str
    start: int
    stated: StatedValue = field(repr=False, compare=False)
    words: frozenset[str] = field(repr=False, compare=False, default=frozenset())


@dataclass
class Suggestion:
    """A draft claim for a group of uncovered statements, with the evidence for it."""

    kind: Kind
    evidence: list[Evidence]
    record: dict[str, Any] = field(default_factory=dict)

    @property
    def sources(self) -> list[str]:
        """The articles that state it, sorted."""
        return sorted({e.article for e in self.evidence})

    @property
    def values(self) -> list[JsonValue]:
        """The distinct values stated, most stated first."""
        counts = Counter(json.dumps(e.value, sort_keys=True) for e in self.evidence)
        return [json.loads(v) for v, _ in counts.most_common()]

    @property
    def disagree(self) -> bool:
        """True when two sources state values that differ (dates at the precision both share)."""
        by_source = {e.article: e.value for e in self.evidence}
        stated = list(by_source.items())
        return any(_differ(a, b) for i, (source_a, a) in enumerate(stated) for source_b, b in stated[i + 1:])

    def summary(self) -> str:
        """'sources disagree: count 450 / 657 (2 articles)' and the like."""
        shown = " / ".join(display_raw(self.kind.value, v) for v in self.values)
        head = "sources disagree" if self.disagree else "uncovered"
        return f"{head}: {self.kind.value} {shown} ({len(self.sources)} article{'s' if len(self.sources) != 1 else ''})"

    def as_json(self) -> dict[str, Any]:
        """The suggestion for --format json."""
        return {
            "id": self.record["id"], "kind": self.kind.value, "disagree": self.disagree, "sources": self.sources,
            "values": self.values, "record": self.record,
            "evidence": [{"article": e.article, "value": e.value, "text": e.text, "sentence": e.sentence,
                          "start": e.start} for e in self.evidence],
        }


def find_suggestions(claims_path: Path, articles_path: Path, kinds: frozenset[Kind] | None = None,
                     min_sources: int = 2, limit: int | None = None, settings: Settings | None = None,
                     scales: Mapping[str, Scale] | None = None) -> list[Suggestion]:
    """Draft claims for uncovered values, disagreements first; every record returned validates."""
    scales = scales if scales is not None else builtin_scales()
    result = run_check(claims_path, articles_path, settings)
    covered = {(m.article, m.start) for c in result.report.claims for m in c.mentions}
    evidence = []
    vocabulary = Vocabulary.from_records(load_vocabulary(claims_path))
    for article in result.articles:
        analysed = analyse_article(article, Context(published=article.published, scales=scales), vocabulary)
        for statement in analysed.statements:
            sentence, values = statement.sentence, list(statement.values)
            uncovered = [v for v in values if (article.id, v.start) not in covered]
            for value in uncovered:
                # A line that is little more than its value is a byline or a dateline, not a statement.
                if not _claimable(value, uncovered, kinds) or len(value.text) * 2 >= len(sentence.text.strip()):
                    continue
                words = _context_words(sentence.text, sentence.start, value) | _anchors(value, values)
                evidence.append(Evidence(article.id, article.published, value.value.to_json(), value.text,
                                         sentence.text, value.start, value, words))
    groups = _group(evidence)
    groups = [g for g in groups if len(g.sources) >= min_sources]
    groups.sort(key=lambda g: (not g.disagree, -len(g.sources), -len(g.evidence), g.evidence[0].article,
                               g.evidence[0].start))
    taken = dict(id_places([claims_path]))
    suggestions: list[Suggestion] = []
    for group in groups:
        if limit is not None and len(suggestions) >= limit:
            break
        record = _draft(group, taken, scales)
        if record is not None:
            taken[record["id"]] = "suggestion"
            group.record = record
            suggestions.append(group)
    return suggestions


def _differ(a: JsonValue, b: JsonValue) -> bool:
    if isinstance(a, str) and isinstance(b, str):  # dates: "2017-11" and "2017" agree
        shared = min(len(a), len(b))
        return a[:shared] != b[:shared]
    return bool(a != b)


def _claimable(value: StatedValue, uncovered: list[StatedValue], kinds: frozenset[Kind] | None) -> bool:
    if kinds is not None and value.kind not in kinds:
        return False
    if isinstance(value.value, Range):
        return False  # a range makes a poor claim
    if value.role in ("earlier", "later", "longer", "shorter", "more", "less"):
        return False  # a difference ("two years earlier") is about another value
    if isinstance(value.value, Count) and value.value.root < MIN_COUNT:
        return False
    # A date beside another uncovered value says when that value held: it becomes that draft's as_of.
    return not (value.kind is Kind.DATE and any(v.kind is not Kind.DATE for v in uncovered))


def _anchors(value: StatedValue, sentence_values: list[StatedValue]) -> frozenset[str]:
    """The sentence's values of other kinds, as words: two statements beside the same "good" rating or the
    same 657 staff speak of the same event even when their words differ. Dates are left out: "in 2014"
    stands beside too many different things."""
    return frozenset(f"{_ANCHOR}{v.kind.value}:{json.dumps(v.value.model_dump(mode='json'), sort_keys=True)}"
                     for v in sentence_values
                     if v.kind not in (value.kind, Kind.DATE) and v.role != "target")


def _context_words(sentence: str, offset: int, value: StatedValue) -> frozenset[str]:
    tokens = [t for t in tokenize(sentence, offset) if not (value.start <= t.start < value.end)
              and not t.lemma[0].isdigit()]
    before = [t.lemma for t in tokens if t.end <= value.start][-CONTEXT_WORDS:]
    after = [t.lemma for t in tokens if t.start >= value.end][:CONTEXT_WORDS]
    return frozenset(before + after)


def _similar(a: Evidence, b: Evidence) -> float:
    if a.stated.kind is not b.stated.kind:
        return 0.0
    shared = a.words & b.words
    if any(w.startswith(_ANCHOR) for w in shared):
        return 100.0  # beside the same other value ("good", 657 staff): the same event
    if len(shared) < MIN_SHARED_WORDS:
        return 0.0
    return fuzz.token_set_ratio(" ".join(sorted(a.words)), " ".join(sorted(b.words)))


def _group(evidence: list[Evidence]) -> list[Suggestion]:
    """Single-link groups: a statement joins the group holding its most similar statement. Values of one
    sentence never share a group: they are different statements, even when listed together."""
    groups: list[Suggestion] = []
    for item in evidence:
        best, best_score = None, float(MIN_CONTEXT_SIMILARITY)
        for group in groups:
            if group.kind is not item.stated.kind or any(
                    (e.article, e.sentence) == (item.article, item.sentence) for e in group.evidence):
                continue
            score = max(_similar(item, other) for other in group.evidence)
            if score >= best_score:
                best, best_score = group, score
        if best is None:
            groups.append(Suggestion(item.stated.kind, [item]))
        else:
            best.evidence.append(item)
    return groups


def _draft(group: Suggestion, taken: Mapping[str, str], scales: Mapping[str, Scale]) -> dict[str, Any] | None:
    """A draft from the group's most stated value, in its earliest article's words; None when it would not validate."""
    common = group.values[0]
    chosen = min((e for e in group.evidence if e.value == common),
                 key=lambda e: (e.published or dt.date.max, e.article, e.start))
    stated = chosen.stated.model_copy(update={"start": chosen.start - _sentence_offset(chosen),
                                              "end": chosen.stated.end - _sentence_offset(chosen)})
    notes = "; ".join(f"{e.article} states {display_raw(group.kind.value, e.value)} (“{e.text}”)"
                      for e in group.evidence)
    overrides = {"sources": group.sources,
                 "notes": ("Sources disagree: " if group.disagree else "Stated as: ") + notes}
    try:
        record = draft_record(chosen.sentence, overrides, taken, scales, prefer=stated, published=chosen.published)
        validate_record(record, scales)
    except ClaimFileError:
        return None
    return record


def _sentence_offset(item: Evidence) -> int:
    # The evidence keeps article offsets; the draft reads the sentence alone.
    at = item.sentence.find(item.text)
    return item.start - at if at >= 0 else 0
