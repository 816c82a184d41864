"""One claim's matches in one article, keyed and packed, so that an unchanged pair is never matched twice.

A claim's matches depend only on that claim and the article (checker.matching.evidence), so
they are stored under the claim's key and the article's. The claim key is a hash of the claim
record under the analysis version (the code's digest, the scales and the vocabulary), so a
rule change or an edited claim makes a new key. The article's id is not packed: files with
the same bytes share an entry, and each match is given its article's id when it is read.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from checker.matching import Match
from checker.models import Claim, PartialDate, Sentence, StatedValue
from checker.scale.codec import dump_json, load_json
from checker.scale.packed import PackError

# Where a claim was read does not change what it matches.
_NOT_MATCHED_ON = frozenset({"file", "line"})


def claim_key(claim: Claim, version: str) -> str:
    """The cache key of a claim: its record (less where it was read) under one analysis version."""
    record = claim.model_dump(mode="json", exclude=set(_NOT_MATCHED_ON))
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{version}\0{text}".encode()).hexdigest()


def claims_digest(keys: Iterable[str]) -> str:
    """One digest of a set of claim keys, whatever their order."""
    return hashlib.sha256("\n".join(sorted(set(keys))).encode()).hexdigest()


def pack_matches(matches: Sequence[Match]) -> bytes:
    """The matches of one claim in one article, encoded without their article's id."""
    rows = [[m.claim_id, m.sentence.start, m.sentence.end, m.sentence.text, m.value.model_dump(mode="json",
             exclude_none=True), m.score, m.confidence, list(m.matched_words),
             m.time.root if m.time is not None else None, list(m.reasons), m.page] for m in matches]
    return zlib.compress(dump_json(rows), 1)


@dataclass
class Seen:
    """The sentences and values already read from one article's matches: several claims' matches often share
    them, and one object each keeps a warm run's memory near a cold run's (where workers send them shared)."""

    values: dict[str, StatedValue] = field(default_factory=dict)
    sentences: dict[tuple[int, int, str], Sentence] = field(default_factory=dict)


def unpack_matches(blob: bytes, article_id: str, seen: Seen | None = None) -> list[Match]:
    """The matches `pack_matches` encoded, given `article_id`; raises PackError on damaged bytes. `seen` holds
    what was already read from the same article."""
    seen = Seen() if seen is None else seen
    try:
        rows = load_json(zlib.decompress(blob))
        # validated, not constructed: a cache is never trusted to hold well-formed values
        return [Match(claim_id=str(claim), article_id=article_id,
                      sentence=_sentence(int(start), int(end), str(text), seen),
                      value=_value(value, seen), score=_number(score), confidence=_number(confidence),
                      matched_words=tuple(map(str, words)),
                      time=PartialDate.model_validate(time) if time is not None else None,
                      reasons=tuple(map(str, reasons)), page=int(page) if page is not None else None)
                for claim, start, end, text, value, score, confidence, words, time, reasons, page in rows]
    except (zlib.error, KeyError, TypeError, ValueError) as exc:
        raise PackError(f"undecodable packed matches: {exc}") from exc


def _value(data: object, seen: Seen) -> StatedValue:
    """The stated value `data` encodes, validated once per distinct encoding (values are immutable)."""
    # the decoded JSON's repr: keys in the order they were written, so equal values read alike
    text = repr(data)
    found = seen.values.get(text)
    if found is None:
        found = seen.values[text] = StatedValue.model_validate(data)
    return found


def _sentence(start: int, end: int, text: str, seen: Seen) -> Sentence:
    found = seen.sentences.get((start, end, text))
    if found is None:
        found = seen.sentences[(start, end, text)] = Sentence(start=start, end=end, text=text)
    return found


def _number(data: object) -> float:
    # kept as it was written: an int score read back as a float would print differently
    if isinstance(data, bool) or not isinstance(data, (int, float)):
        raise ValueError(f"not a number: {data!r}")
    return data
