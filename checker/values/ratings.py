"""Ratings stated in prose, read against rating scales: Ofsted's "good", "requires improvement" and the like.

Owns `Scale` (one inspectorate's labels, as a scale file in `checker/data/scales/` describes them),
`builtin_scales`, `load_scale_file` and `find_ratings`.

A label is a rating only where the prose uses it as one. Words such as "good" and "outstanding"
are everyday English, so two things must hold:

- its sentence holds one of the scale's context words ("rated", "Ofsted", "inspection"...); and
- the label is used as a rating: quoted ("‘good’"), before a rating word ("a Good rating", "an
  inadequate Ofsted judgment"), after a rating verb or a copula and not before another noun
  ("rated good", "were good in 2018", but not "good help"), capitalised mid-sentence, or, for a
  label of several words, not used as a noun phrase ("requires improvement", not "the required
  improvement").

Negated and hypothetical statements are left out ("not inadequate", "would have been outstanding",
"could be rated good", "If the report was outstanding again"). Roles: "from" and "to" in "downgraded
from good to requires improvement", "target" where the sentence speaks of an aim ("needing to be
judged good by 2017"). Qualifiers: "or better" ("good or better", "good or outstanding", "at least
good") and "or worse". "require improvement to be good" is one rating: requires improvement.
"""

from __future__ import annotations

import bisect
import functools
import importlib.resources
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from checker.errors import ConfigError
from checker.models import Kind, StatedValue

if TYPE_CHECKING:
    from checker.values import Context

__all__ = ["Scale", "builtin_scales", "find_ratings", "load_scale_file", "read_scale"]


@dataclass(frozen=True)
class Scale:
    """One rating scale: its labels best first, the older labels it still knows, and its context words."""

    name: str
    description: str
    labels: tuple[str, ...]  # current labels, best first
    legacy: tuple[str, ...] = ()  # labels of older frameworks
    context: tuple[str, ...] = ()  # words that show a sentence is about a rating, lower case
    forms: tuple[tuple[str, str], ...] = ()  # every written form (lower case) and its label
    legacy_like: tuple[tuple[str, str], ...] = ()  # a legacy label and the current label it ranks with
    legacy_until: tuple[tuple[str, str], ...] = ()  # a legacy label and when it was retired
    source: str = ""  # the file it was read from, for messages

    def label_of(self, written: str) -> str | None:
        """The label a written form stands for ("Requires Improvement", "required improvement"), or None."""
        key = " ".join(written.lower().replace("’", "'").strip(" '\"‘“”").split())
        return dict(self.forms).get(key)

    def rank(self, label: str) -> int | None:
        """A label's place on the scale, 0 for the best; a legacy label ranks with its current equivalent."""
        label = dict(self.legacy_like).get(label, label)
        return self.labels.index(label) if label in self.labels else None

    @property
    def all_labels(self) -> tuple[str, ...]:
        """Current labels best first, then legacy ones."""
        return self.labels + self.legacy


# --- scale files ----------------------------------------------------------------------------
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SCALE_FIELDS = ("name", "description", "labels", "legacy", "context")
_LABEL_FIELDS = ("label", "variants")
_LEGACY_FIELDS = ("label", "variants", "until", "like")
_EXAMPLE = "[{label: good}, {label: requires improvement, variants: [require improvement]}]"


def load_scale_file(path: Path | str) -> Scale:
    """The scale a YAML scale file describes (format: checker/data/scales/ofsted.yaml); ConfigError if invalid."""
    path = Path(path)
    shown = _shown(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown}: cannot read the scale file ({type(exc).__name__}); check the path") from exc
    return _scale_from_text(text, shown)


def read_scale(data: object, shown: str) -> Scale:
    """The scale a scale file's parsed YAML describes (read by the caller's safe loader); ConfigError if invalid."""
    return _scale_from_data(data, shown)


def builtin_scales() -> dict[str, Scale]:
    """The scales shipped in checker/data/scales, by name (a fresh dict each call; the files are read once)."""
    return {scale.name: scale for scale in _builtin()}


@functools.cache
def _builtin() -> tuple[Scale, ...]:
    folder = importlib.resources.files("checker") / "data" / "scales"
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name)
    return tuple(_scale_from_text(e.read_text(encoding="utf-8"), f"checker/data/scales/{e.name}") for e in entries)


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _scale_from_text(text: str, shown: str) -> Scale:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{shown}:{mark.line + 1}" if mark is not None else shown
        raise ConfigError(f"{where}: YAML syntax error in the scale file; fix the syntax") from exc
    return _scale_from_data(data, shown)


def _scale_from_data(data: object, shown: str) -> Scale:
    if not isinstance(data, dict):
        raise ConfigError(f"{shown}: a scale file must be a mapping with name, labels and context; "
                          "see checker/data/scales/ofsted.yaml")
    unknown = sorted(str(key) for key in data if key not in _SCALE_FIELDS)
    if unknown:
        raise ConfigError(f"{shown}: field '{unknown[0]}' is not a scale field; "
                          f"use {', '.join(_SCALE_FIELDS)}")
    name = data.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ConfigError(f"{shown}: field 'name' must be lower-case letters, digits and '-', e.g. ofsted")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ConfigError(f"{shown}: field 'description' must be one line of text")
    labels = _label_entries(data.get("labels"), "labels", _LABEL_FIELDS, shown, required=True)
    legacy = _label_entries(data.get("legacy"), "legacy", _LEGACY_FIELDS, shown, required=False)
    context = data.get("context")
    if not (isinstance(context, list) and context and all(isinstance(w, str) and w.strip() for w in context)):
        raise ConfigError(f"{shown}: field 'context' must be a non-empty list of words that signal a "
                          "rating, e.g. [rated, inspection]")
    names = [entry["label"] for entry in labels]
    forms: dict[str, str] = {}
    for entry in labels + legacy:
        for form in [entry["label"], *entry.get("variants", [])]:
            key = " ".join(form.lower().split())
            if forms.setdefault(key, entry["label"]) != entry["label"]:
                raise ConfigError(f"{shown}: '{form}' is written for both '{forms[key]}' and "
                                  f"'{entry['label']}'; keep it under one label")
    like: list[tuple[str, str]] = []
    until: list[tuple[str, str]] = []
    for entry in legacy:
        if entry["label"] in names:
            raise ConfigError(f"{shown}: legacy label '{entry['label']}' is also a current label; "
                              "keep it in one list")
        if "like" in entry:
            if entry["like"] not in names:
                raise ConfigError(f"{shown}: legacy label '{entry['label']}' is like '{entry['like']}', "
                                  f"which is not a label; use one of {', '.join(names)}")
            like.append((entry["label"], entry["like"]))
        if "until" in entry:
            until.append((entry["label"], str(entry["until"])))
    return Scale(
        name=name, description=description.strip(), labels=tuple(names),
        legacy=tuple(entry["label"] for entry in legacy),
        context=tuple(dict.fromkeys(w.strip().lower() for w in context)),
        forms=tuple(sorted(forms.items())), legacy_like=tuple(like), legacy_until=tuple(until), source=shown,
    )


def _label_entries(raw: Any, field: str, allowed: tuple[str, ...], shown: str,
                   required: bool) -> list[dict[str, Any]]:
    if raw is None and not required:
        return []
    if not isinstance(raw, list) or (required and not raw):
        raise ConfigError(f"{shown}: field '{field}' must be a list of labels, best first, e.g. {_EXAMPLE}")
    entries: list[dict[str, Any]] = []
    for i, item in enumerate(raw, 1):
        if isinstance(item, str):
            item = {"label": item}
        if not isinstance(item, dict) or not isinstance(item.get("label"), str) or not item["label"].strip():
            raise ConfigError(f"{shown}: entry {i} of '{field}' needs a 'label' of text, e.g. {_EXAMPLE}")
        unknown = sorted(str(key) for key in item if key not in allowed)
        if unknown:
            raise ConfigError(f"{shown}: entry {i} of '{field}' has field '{unknown[0]}'; "
                              f"use {', '.join(allowed)}")
        variants = item.get("variants", [])
        if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
            raise ConfigError(f"{shown}: the variants of '{item['label']}' must be a list of texts")
        entries.append({**item, "label": " ".join(item["label"].lower().split())})
    return entries


# --- finding ratings in text ----------------------------------------------------------------
_OPEN_QUOTES = "‘“'\"«"
_CLOSE_QUOTES = "’”'\"»"
# A sentence ends at ., ! or ? before a space, a quote or the end, or at a line break. Cheap, and
# enough to scope context words: an abbreviation that splits a sentence only narrows the scope.
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"'’”)\]]|$)|\n")
# A sentence reaches at most this far either side of a label, so a line without punctuation is
# still read in sentence-sized pieces and each label costs the same however long the line.
_MAX_REACH = 400
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# Words after which a label is predicated of something: "rated good", "were good", "from good".
_LEAD_WORDS = frozenset({
    "rated", "rate", "rates", "rating", "judged", "judge", "judges", "graded", "grade", "grades", "deemed",
    "assessed", "considered", "found", "classed", "classified", "ranked", "as", "be", "been", "being",
    "is", "are", "was", "were", "remains", "remain", "remained", "become", "became", "becomes", "becoming",
    "stays", "stay", "stayed", "to", "from", "least",
})
# Words that may stand between a lead word and the label: "rated overall good", "is now good".
_SKIPPABLE = frozenset({
    "overall", "now", "still", "currently", "previously", "also", "again", "already", "only", "just",
    "consistently", "once", "recently", "both", "either",
})
# Words that may follow a label used as a rating rather than as an attribute of the next noun:
# "good in 2018", "good or better", but "good help", "outstanding debts".
_AFTER_OK = frozenset({
    "and", "or", "but", "in", "at", "by", "for", "from", "to", "with", "since", "again", "overall",
    "across", "against", "under", "after", "before", "when", "as", "on", "following", "last", "this",
    "than", "then", "because", "while", "although", "though", "according", "during", "until", "nor",
    "so", "yet", "its", "their", "it", "they", "which", "who", "where", "there", "that",
})
_DETERMINERS = frozenset({
    "the", "a", "an", "any", "some", "this", "that", "these", "those", "further", "much", "more",
    "significant",
})
_RATING_VERB = re.compile(r"\b(?:rated|rates|rate|judged|judges|graded|grades|deemed|assessed|found|considered|"
                          r"classed|ranked)\b", re.IGNORECASE)
# A label may follow its rating verb's object, a few words on: "rated children's services in Kelbridge good".
MAX_OBJECT_WORDS = 7
_NEGATIONS = re.compile(r"\b(?:not|never|nor|no\s+longer|hardly)\b|n['’]t\b", re.IGNORECASE)
_HYPOTHESES = re.compile(r"\b(?:would|could|might|if|unless|whether|hopes?|hoped|hoping)\b", re.IGNORECASE)
_TARGETS = re.compile(
    r"\b(?:need(?:s|ed|ing)?\s+to\s+be|must\s+be|ha(?:s|ve|d|ving)\s+to\s+be|should\s+be|expected\s+to\s+be"
    r"|aim(?:s|ed|ing)?|target(?:s|ed|ing)?|ambition|goal|to\s+become|want(?:s|ed)?\s+to\s+be|striv\w*"
    r"|aspir\w*)\b",
    re.IGNORECASE,
)
_AT_LEAST = re.compile(r"\bat\s+least\s+['‘“\"]?$", re.IGNORECASE)
_AFTER_LABEL = re.compile(
    r"['’”\"»]?[^\S\n]+(?:or[^\S\n]+(?P<word>better|above|higher|worse|below|lower)\b"
    r"|(?P<either>or)[^\S\n]+['‘“\"]?|to[^\S\n]+be[^\S\n]+(?:(?:rated|judged|graded)[^\S\n]+)?['‘“\"]?)",
    re.IGNORECASE,
)
_OR_WORDS = {"better": "or better", "above": "or better", "higher": "or better", "worse": "or worse",
             "below": "or worse", "lower": "or worse"}


@dataclass(frozen=True)
class _Patterns:
    label: re.Pattern[str]  # case-sensitive, for lower-case text
    label_any_case: re.Pattern[str]  # for text whose lower case changes its length
    context: re.Pattern[str]
    forms: dict[str, str]


@functools.lru_cache(maxsize=64)
def _patterns(scale: Scale) -> _Patterns:
    forms = sorted((form for form, _ in scale.forms), key=len, reverse=True)
    alternatives = "|".join(r"[^\S\n]+".join(re.escape(part) for part in form.split()) for form in forms)
    label = rf"(?<![\w-])(?:{alternatives})(?![\w-])"
    words = "|".join(re.escape(w) for w in sorted(scale.context, key=len, reverse=True))
    return _Patterns(
        label=re.compile(label),
        label_any_case=re.compile(label, re.IGNORECASE),
        context=re.compile(rf"(?<![\w-])(?:{words})(?:s|es|['’]s)?(?![\w-])", re.IGNORECASE),
        forms=dict(scale.forms),
    )


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    label: str
    scale: str
    hits: int  # context words in the sentence, to choose between scales that share a label
    qualifier: str | None = None
    role: str | None = None


class _Text:
    """One text being read: its sentence ends and marker words, found the first time a label needs them."""

    def __init__(self, text: str) -> None:
        self.text = text
        lower = text.lower()
        # Case-sensitive patterns over the lower-cased text run several times faster than case-blind
        # ones; a few characters ("İ") change length in lower case, and then offsets would shift.
        self.lower = lower if len(lower) == len(text) else None
        self._ends: list[int] | None = None
        self._hypotheses: list[int] = []
        self._targets: list[int] = []
        self._context: dict[str, list[int]] = {}

    def labels(self, patterns: _Patterns) -> Iterator[tuple[int, int]]:
        if self.lower is not None:
            return ((m.start(), m.end()) for m in patterns.label.finditer(self.lower))
        return ((m.start(), m.end()) for m in patterns.label_any_case.finditer(self.text))

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around text[start:end], at most _MAX_REACH characters either side."""
        if self._ends is None:
            self._ends = [m.end() for m in _SENTENCE_END.finditer(self.text)] + [len(self.text)]
            self._hypotheses = [m.start() for m in _HYPOTHESES.finditer(self.text)]
            self._targets = [m.start() for m in _TARGETS.finditer(self.text)]
        i = bisect.bisect_right(self._ends, start)
        first = self._ends[i - 1] if i > 0 else 0
        last = self._ends[min(i, len(self._ends) - 1)]
        return max(first, start - _MAX_REACH), min(max(last, end), end + _MAX_REACH)

    def context_hits(self, scale: Scale, patterns: _Patterns, low: int, high: int) -> int:
        if scale.name not in self._context:
            self._context[scale.name] = [m.start() for m in patterns.context.finditer(self.text)]
        hits = self._context[scale.name]
        return bisect.bisect_left(hits, high) - bisect.bisect_left(hits, low)

    def hypothesis_between(self, low: int, high: int) -> bool:
        return _any_between(self._hypotheses, low, high)

    def target_between(self, low: int, high: int) -> bool:
        return _any_between(self._targets, low, high)


def _any_between(positions: list[int], low: int, high: int) -> bool:
    i = bisect.bisect_left(positions, low)
    return i < len(positions) and positions[i] < high


def find_ratings(text: str, context: Context) -> list[StatedValue]:
    """Every rating `text` states on the context's scales, with its scale, role and qualifier."""
    reading = _Text(text)
    by_span: dict[tuple[int, int], tuple[tuple[int, int, int, bool], _Found]] = {}
    unnamed: dict[tuple[int, int], list[str]] = {}  # the scales reading a span the text names none of
    consumed: set[tuple[int, int]] = set()  # labels read as part of another: "good or outstanding"
    scales = sorted(context.scales.values(), key=lambda s: s.name)
    named = _naming_words(tuple(scales))
    in_text = {scale.name: _count(named[scale.name], text, 0, len(text)) for scale in scales}
    for scale in scales:
        for found in _find_on_scale(reading, scale, consumed):
            key = (found.start, found.end)
            # Two scales share a label ("good"): the one the text names wins, in the sentence first
            # ("Ofsted", "CQC"), then anywhere in the text, then the one with more context words.
            low, high = reading.sentence(found.start, found.end)
            rank = (_count(named[scale.name], text, low, high), in_text[scale.name], found.hits,
                    scale.name == context.usual_scale)
            if rank[:2] == (0, 0):
                unnamed.setdefault(key, []).append(scale.name)
            if key not in by_span or rank > by_span[key][0]:
                by_span[key] = (rank, found)
    taken = bytearray(len(text) + 1)
    values = []
    for found in sorted((f for _, f in by_span.values()), key=lambda f: (f.start - f.end, f.start)):
        if (found.start, found.end) in consumed or taken.find(1, found.start, found.end) >= 0:
            continue
        taken[found.start:found.end] = b"\x01" * (found.end - found.start)
        values.append(StatedValue(
            kind=Kind.RATING, value=found.label, text=text[found.start:found.end], start=found.start,
            end=found.end, qualifier=found.qualifier, role=found.role, scale=found.scale,
            also_on=tuple(n for n in unnamed.get((found.start, found.end), ()) if n != found.scale)
            if by_span[(found.start, found.end)][0][:2] == (0, 0) else (),
        ))
    return sorted(values, key=lambda v: v.start)


def _count(pattern: re.Pattern[str] | None, text: str, low: int, high: int) -> int:
    return len(pattern.findall(text, low, high)) if pattern is not None else 0


@functools.lru_cache(maxsize=16)
def _naming_words(scales: tuple[Scale, ...]) -> dict[str, re.Pattern[str] | None]:
    """Per scale, a pattern of its context words that no other scale has: those name its inspectorate."""
    found: dict[str, re.Pattern[str] | None] = {}
    for scale in scales:
        others = {w for other in scales if other is not scale for w in other.context}
        own = sorted((w for w in scale.context if w not in others), key=len, reverse=True)
        found[scale.name] = (re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in own)})(?![\w-])", re.IGNORECASE)
                             if own else None)
    return found


def _find_on_scale(reading: _Text, scale: Scale, consumed: set[tuple[int, int]]) -> Iterator[_Found]:
    patterns = _patterns(scale)
    text = reading.text
    for start, end in reading.labels(patterns):
        label = patterns.forms.get(" ".join(text[start:end].lower().split()))
        if label is None:
            continue
        low, high = reading.sentence(start, end)
        # context words in the sentence, the label's own words apart
        hits = reading.context_hits(scale, patterns, low, high) - reading.context_hits(scale, patterns, start, end)
        if hits <= 0 or not _used_as_rating(text, start, end, low, high, patterns):
            continue
        if _negated_or_hypothetical(reading, start, low):
            continue
        found = _Found(start, end, label, scale.name, hits, role=_role(reading, start, low))
        found = _read_after(text, found, high, scale, patterns, consumed)
        if found.qualifier is None and _AT_LEAST.search(text, max(low, start - 12), start):
            found = replace(found, qualifier="or better")
        yield found


def _words_before(text: str, start: int, low: int, count: int) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text, max(low, start - 50), start)][-count:]


def _word_after(text: str, end: int, high: int) -> str:
    match = _WORD.search(text, end, min(high, end + 40))
    if match is None or text[end:match.start()].strip(" \t" + _CLOSE_QUOTES):
        return ""  # punctuation comes first
    return match.group()


def _used_as_rating(text: str, start: int, end: int, low: int, high: int, patterns: _Patterns) -> bool:
    written = text[start:end]
    after = _word_after(text, end, high)
    next_is_context = bool(after) and patterns.context.fullmatch(after) is not None
    opened = start > 0 and text[start - 1] in _OPEN_QUOTES and (start < 2 or not text[start - 2].isalnum())
    if next_is_context or (opened and (end >= len(text) or text[end] in _CLOSE_QUOTES)):
        return True  # "‘good’", "a Good rating", "an inadequate Ofsted judgment"
    if after and after[0].islower() and after.lower() not in _AFTER_OK:
        return False  # "good help", "outstanding debts"
    before = [w for w in _words_before(text, start, low, 4) if w not in _SKIPPABLE]
    if before and before[-1] in _LEAD_WORDS:
        return True  # "rated good", "were good in 2018"
    if _verb_before(text, max(low, start - 90), start) and (not after or after.lower() in _AFTER_OK):
        return True  # "rated children's services in Kelbridge good": the verb, its object, then the label
    if " " in written.strip() and (not before or before[-1] not in _DETERMINERS):
        return True  # "requires improvement" as a verb phrase, not "the required improvement"
    capitalised = written[0].isupper() and text[low:start].strip(" \t\n" + _OPEN_QUOTES) != ""
    return capitalised and not (after and after[0].isupper())


def _verb_before(text: str, low: int, start: int) -> bool:
    clause = re.split(r"[,;:()]", text[low:start])[-1]
    ends = [m.end() for m in _RATING_VERB.finditer(clause)]
    return bool(ends) and 1 <= len(clause[ends[-1]:].split()) <= MAX_OBJECT_WORDS


def _negated_or_hypothetical(reading: _Text, start: int, low: int) -> bool:
    text = reading.text
    clause_start = max(low, *(text.rfind(c, low, start) + 1 for c in ",;:()—"))
    if _NEGATIONS.search(" ".join(_words_before(text, start, clause_start, 4))):
        return True  # "not inadequate", "wasn't rated good"
    return reading.hypothesis_between(clause_start, start)  # "would have been", "if the report was"


def _role(reading: _Text, start: int, low: int) -> str | None:
    before = [w for w in _words_before(reading.text, start, low, 3) if w not in _SKIPPABLE]
    if before and before[-1] == "from":
        return "from"
    if before and before[-1] == "to" and not (len(before) > 1 and before[-2] in ("need", "needs", "want", "aim")):
        return "to"
    if reading.target_between(low, start):
        return "target"
    return None


def _read_after(text: str, found: _Found, high: int, scale: Scale, patterns: _Patterns,
                consumed: set[tuple[int, int]]) -> _Found:
    """ "good or better", "good or outstanding" (or better), "require improvement to be good" (one rating)."""
    match = _AFTER_LABEL.match(text, found.end, high)
    if match is None:
        return found
    if match.group("word"):
        return replace(found, qualifier=_OR_WORDS[match.group("word").lower()])
    other = patterns.label_any_case.match(text, match.end(), high)
    other_label = patterns.forms.get(" ".join(other.group().lower().split())) if other else None
    if other is None or other_label is None or other_label == found.label:
        return found
    mine, theirs = scale.rank(found.label), scale.rank(other_label)
    if mine is None or theirs is None:
        return found
    consumed.add((other.start(), other.end()))
    if match.group("either"):
        return replace(found, qualifier="or better" if theirs < mine else "or worse")
    return replace(found, end=other.end())
