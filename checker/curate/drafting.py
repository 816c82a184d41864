"""Claim records proposed from a sentence: kind, value, as_of, id, subject and keywords read from its words.

The value is found by the same `extract_values` the check uses, so a drafted claim speaks of
exactly what the check would see in that sentence. A draft is a raw record (what a curator
writes in YAML), checked by `validate_record` through the same `build_claim` that loads claim files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from checker.errors import ClaimFileError
from checker.models import DATE_PATTERN, ID_PATTERN, Claim, Kind, PartialDate, Range, RangeOrScalar, StatedValue
from checker.store.claims import build_claim, parse_claim_value, parse_tolerance, read_claims
from checker.text.words import STOP_WORDS
from checker.values import Context, Scale, builtin_scales, extract_values

# The order fields are written in, as the bundled claim files write them.
FIELD_ORDER = ("id", "claim", "subject", "kind", "value", "tolerance", "scale", "as_of", "keywords", "sources", "notes")
# Words of an id beside the subject; more makes ids hard to type.
ID_WORDS = 3
MAX_KEYWORDS = 4

_MONTHS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""".split())
# A name: capitalised words or acronyms, joined by the small words names use ("Department for Education").
_NAME = re.compile(r"\b(?:[A-Z][A-Za-z'’]*(?:\s+(?:of|for|and|the)\s+|\s+)?)*[A-Z][A-Za-z'’]*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


def draft_record(sentence: str, overrides: Mapping[str, Any] | None = None, taken_ids: Collection[str] = (),
                 scales: Mapping[str, Scale] | None = None, prefer: StatedValue | None = None,
                 published: dt.date | None = None, usual_scale: str | None = None) -> dict[str, Any]:
    """A claim record proposed from `sentence`; fields in `overrides` win over what is read from it.

    `prefer` names the stated value the claim is about (suggest knows it), else the sentence's main
    one is taken; `published` resolves dates written without a year, as in the article; `usual_scale` is
    the scale a rating takes when the sentence does not say which (the one the user's claims use most).
    Raises ClaimFileError when the sentence states no value and none is given in `overrides`.
    """
    scales = scales if scales is not None else builtin_scales()
    overrides = {k: v for k, v in (overrides or {}).items() if v not in (None, (), [])}
    sentence = " ".join(sentence.split())
    found = extract_values(sentence, Context(published=published, scales=scales, usual_scale=usual_scale))
    wanted = Kind(overrides["kind"]) if "kind" in overrides else None
    chosen = _preferred(found, prefer) or _main_value(found, wanted)
    if chosen is None and not {"kind", "value"} <= overrides.keys():
        raise ClaimFileError(f"no value found in {sentence!r}; give --kind and --value, or a sentence that states one")
    record: dict[str, Any] = {"claim": sentence if sentence.endswith((".", "!", "?")) else sentence + "."}
    if chosen is not None:
        record["kind"] = chosen.kind.value
        record["value"] = written_value(chosen, scales)
        if chosen.kind is Kind.RATING and chosen.scale:
            record["scale"] = chosen.scale
        as_of = chosen.time or _other_date(found, chosen)
        if as_of:
            record["as_of"] = as_of.root
    spans = [(v.start, v.end) for v in found]
    subject = _subject(sentence, spans)
    if subject:
        record["subject"] = subject
    keywords = _keywords(sentence, spans, subject, chosen)
    if keywords:
        record["keywords"] = keywords
    record.update(overrides)
    if "id" not in overrides:
        record["id"] = unique_id(_id_base(record.get("subject"), record.get("keywords", []), record.get("as_of")),
                                 taken_ids)
    return ordered(record)


def ordered(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record's fields in the order claim files write them."""
    known = [k for k in FIELD_ORDER if k in record]
    return {k: record[k] for k in known + [k for k in record if k not in FIELD_ORDER]}


def usual_scale(claims_path: Path, scales: Mapping[str, Scale]) -> str | None:
    """The rating scale the claims at `claims_path` use most (the first by name on a tie), or None."""
    if not claims_path.exists():
        return None
    used = Counter(c.scale for c in read_claims(claims_path, scales).claims if c.scale)
    return min(used, key=lambda name: (-used[name], name)) if used else None


def validate_record(record: Mapping[str, Any], scales: Mapping[str, Scale] | None = None,
                    file: str | None = None, line: int | None = None) -> Claim:
    """The Claim a raw record stands for; raises ClaimFileError naming the field and the fix."""
    scales = scales if scales is not None else builtin_scales()
    where = f"{file}:{line}: " if file and line else f"{file}: " if file else ""

    def fail(field: str, message: str) -> ClaimFileError:
        return ClaimFileError(f"{where}claim '{record.get('id', '?')}': field '{field}' {message}")

    return build_claim(record, fail, scales, file=file, line=line)


def check_field(field: str, written: str, record: Mapping[str, Any], scales: Mapping[str, Scale],
                taken_ids: Collection[str] = ()) -> Any:
    """One field's typed text checked on its own (for prompts); returns what the record stores, or raises."""
    def fail(name: str, message: str) -> ClaimFileError:
        return ClaimFileError(f"{name} {message}")

    written = written.strip()
    if field == "claim" and not written:
        raise fail("claim", "is required: the claim as one plain sentence")
    if field == "id":
        if not re.match(ID_PATTERN, written):
            raise fail("id", "must be lowercase letters, digits and '-', like 'trust-start-date'")
        if written in taken_ids:
            raise fail("id", f"'{written}' is already used; choose another")
        return written
    if field == "kind":
        try:
            return Kind(written.lower()).value
        except ValueError:
            raise fail("kind", f"must be one of {', '.join(k.value for k in Kind)}") from None
    if field == "scale":
        if written not in scales:
            raise fail("scale", f"must be one of {', '.join(sorted(scales))}")
        return written
    if field == "value":
        parse_claim_value(Kind(record["kind"]), written, record.get("scale"), scales, fail)
        return written
    if field == "as_of":
        if written and not re.match(DATE_PATTERN, written):
            raise fail("as_of", "must be a date written YYYY, YYYY-MM or YYYY-MM-DD, or empty")
        return written or None
    if field == "tolerance":
        if written:
            parse_tolerance(written, fail)
        return written or None
    if field in ("keywords", "sources"):
        return [w.strip() for w in written.split(",") if w.strip()]
    return written or None


def written_value(stated: StatedValue, scales: Mapping[str, Scale] | None = None) -> Any:
    """A stated value as a curator writes it in a claim file ("£41.6m", "10 years", "63%", 657, "2014-10")."""
    scales = scales if scales is not None else builtin_scales()
    value = stated.value
    candidates: list[Any] = [] if isinstance(value, Range) else [value.written()]
    candidates.append(stated.text)
    for candidate in candidates:
        if _reads_back(stated.kind, candidate, stated.scale, value, scales):
            return candidate
    return stated.text


def unique_id(base: str, taken_ids: Collection[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is free."""
    base = base or "claim"
    if base not in taken_ids:
        return base
    n = 2
    while f"{base}-{n}" in taken_ids:
        n += 1
    return f"{base}-{n}"


def slug(text: str) -> str:
    """Lowercase words joined by '-', as ids are written."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower().replace("'s", "").replace("’s", "")))


def _preferred(found: list[StatedValue], prefer: StatedValue | None) -> StatedValue | None:
    if prefer is None:
        return None
    same = [v for v in found if v.kind is prefer.kind and v.value == prefer.value]
    return min(same, key=lambda v: abs(v.start - prefer.start), default=None)


def _main_value(found: list[StatedValue], kind: Kind | None) -> StatedValue | None:
    # A date beside another value usually says when that value held (its as_of), so the other
    # value is the claim; ranges and differences ("two years earlier") make poor claims.
    plain = [v for v in found if not isinstance(v.value, Range) and v.role not in ("earlier", "later")]
    if kind is not None:
        return next((v for v in plain + found if v.kind is kind), None)
    for pool in (plain, found):
        others = [v for v in pool if v.kind is not Kind.DATE]
        if others:
            return others[0]
        if pool:
            return pool[0]
    return None


def _other_date(found: list[StatedValue], chosen: StatedValue) -> PartialDate | None:
    if chosen.kind is Kind.DATE:
        return None
    return next((v.value for v in found if isinstance(v.value, PartialDate)), None)


def _reads_back(kind: Kind, written: Any, scale: str | None, expected: RangeOrScalar,
                scales: Mapping[str, Scale]) -> bool:
    def fail(field: str, message: str) -> ClaimFileError:
        return ClaimFileError(message)

    try:
        return bool(parse_claim_value(kind, written, scale, scales, fail) == expected)
    except ClaimFileError:
        return False


def _subject(sentence: str, spans: list[tuple[int, int]]) -> str | None:
    """The longest name in the sentence that is not a value (a month, "Ofsted"'s rating) or a lone first word."""
    best: str | None = None
    for match in _NAME.finditer(sentence):
        if any(s < match.end() and match.start() < e for s, e in spans):
            continue
        words = match.group().split()
        # "When Ofsted revisited...": a capitalised function word opens the sentence, not the name.
        while words and words[0].lower() in STOP_WORDS:
            words.pop(0)
        name = " ".join(words)
        if not words:
            continue
        if all(w.lower() in _MONTHS for w in words):
            continue
        # A capitalised first word is only a name when it is an acronym or part of a longer name.
        if match.start() == 0 and name == match.group() and len(words) == 1 and not name.isupper():
            continue
        if best is None or len(name) > len(best):
            best = name
    return best


def _keywords(sentence: str, spans: list[tuple[int, int]], subject: str | None,
              chosen: StatedValue | None) -> list[str]:
    """Content words nearest the value, the count's noun first ("members of staff")."""
    subject_words = {w.lower() for w in (subject or "").split()}
    keywords: list[str] = []
    if chosen is not None and chosen.unit:
        keywords.append(chosen.unit)
    centre = chosen.start if chosen is not None else 0
    words = []
    for match in _WORD.finditer(sentence):
        word = match.group()
        lower = re.sub(r"['’]s$", "", word.lower())
        if (lower in STOP_WORDS or lower in subject_words or lower in _MONTHS or len(word) < 3
                or any(s <= match.start() < e for s, e in spans)):
            continue
        words.append((abs(match.start() - centre), lower))
    for _, word in sorted(words):
        if not any(word in k.lower().split() for k in keywords):
            keywords.append(word)
    return keywords[:MAX_KEYWORDS]


def _id_base(subject: Any, keywords: Any, as_of: Any) -> str:
    parts: list[str] = []
    if subject:
        words = re.findall(r"[A-Za-z0-9]+", str(subject).replace("'s", ""))
        # A long name is known by its initials in ids ("Doncaster Children's Services Trust" -> dcst).
        parts.append("".join(w[0] for w in words).lower() if len(words) >= 3 else slug(str(subject)))
    for keyword in keywords or []:
        for word in slug(str(keyword)).split("-"):
            if word and word not in parts and len(parts) < ID_WORDS + 1:
                parts.append(word)
    if as_of:
        parts.append(str(as_of)[:4])
    return slug("-".join(parts))
