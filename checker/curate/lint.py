"""Problems in claim files found without running the check: every one at once, each at its file:line.

Schema errors (with unknown scales and rating labels), duplicate ids, `as_of` in the future,
`sources` naming articles that do not exist, claims whose words meet in no sentence
(likely typos), and near-duplicate claims.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from checker.errors import ClaimFileError
from checker.models import Article, Claim, Kind
from checker.pipeline import generated_timestamp
from checker.store.articles import load_articles
from checker.store.claims import MAX_CLAIM_FILE_BYTES, build_claim, find_claim_files
from checker.store.paths import display_path
from checker.store.safe_yaml import YamlProblem, compose_yaml, construct_yaml
from checker.text.normalise import split_sentences
from checker.text.words import tokenize
from checker.values import Scale

# Two claims of one kind and value whose sentences score this much (rapidfuzz token_set_ratio,
# 0-100) say the same thing; the bundled claims that differ only in their year stay below it
# because their as_of must match too.
NEAR_DUPLICATE_RATIO = 85
# A keyword word missing from the corpus gets a "did you mean" when a corpus word is this close (0-100).
TYPO_RATIO = 80
# A claim "meets" a sentence when the sentence holds this many of its distinct words (or all, if fewer).
MIN_SHARED_WORDS = 2


class Severity(StrEnum):
    """How bad a finding is; both make `lint` exit 1."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem, at its place in a claims file."""

    file: str
    line: int
    code: str
    message: str
    severity: Severity = Severity.ERROR

    def as_json(self) -> dict[str, Any]:
        """The finding for --format json."""
        return {"file": self.file, "line": self.line, "code": self.code, "severity": self.severity.value,
                "message": self.message}


def lint_claims(claims_path: Path, articles_path: Path, scales: Mapping[str, Scale],
                today: dt.date | None = None) -> list[Finding]:
    """Every problem of every claims file under `claims_path`, sorted by place."""
    today = today or dt.date.fromisoformat(generated_timestamp()[:10])
    findings: list[Finding] = []
    claims: list[Claim] = []
    ids: dict[str, tuple[str, int]] = {}
    for path in find_claim_files(claims_path):
        for record_id, place, claim in _read_records(path, scales, findings):
            if record_id in ids:
                first = ids[record_id]
                findings.append(Finding(*place, "duplicate-id",
                                        f"claim '{record_id}': id already used at {first[0]}:{first[1]}; "
                                        "give one of them another id"))
            else:
                ids[record_id] = place
            if claim is not None:
                claims.append(claim)
    for claim in claims:
        if claim.as_of and claim.as_of > today.isoformat()[:len(claim.as_of)]:
            findings.append(_at(claim, "future-as-of", f"claim '{claim.id}': as_of {claim.as_of} is in the future "
                                                      f"(today is {today.isoformat()}); check the year",
                                Severity.WARNING))
    findings.extend(_near_duplicates(claims))
    if articles_path.is_dir():
        findings.extend(_corpus_findings(claims, load_articles(articles_path)))
    else:
        logging.warning("%s: no articles folder; sources and words were not checked", display_path(articles_path))
    return sorted(findings, key=lambda f: (f.file, f.line, f.code, f.message))


def _read_records(path: Path, scales: Mapping[str, Scale],
                  findings: list[Finding]) -> list[tuple[str, tuple[str, int], Claim | None]]:
    """(id, place, claim or None when invalid) for each record; problems go to `findings`.

    Unlike `load_claims`, which stops at a file's first bad record, this reads every record.
    """
    shown = display_path(path)
    try:
        if path.stat().st_size > MAX_CLAIM_FILE_BYTES:
            findings.append(Finding(shown, 1, "unreadable", f"file is over {MAX_CLAIM_FILE_BYTES // 1024 // 1024} MB; "
                                                            "split it or remove what is not claims"))
            return []
        root = compose_yaml(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        findings.append(Finding(shown, 1, "unreadable", f"cannot be read as UTF-8 text ({exc})"))
        return []
    except YamlProblem as exc:
        findings.append(Finding(shown, exc.line or 1, "yaml", exc.problem))
        return []
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode | yaml.MappingNode):
        findings.append(Finding(shown, root.start_mark.line + 1, "schema", "expected a list of claim records"))
        return []
    records = []
    for node in root.value if isinstance(root, yaml.SequenceNode) else [root]:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            findings.append(Finding(shown, line, "schema", "each claim must be a mapping of fields (id, claim, ...)"))
            continue
        try:
            record = construct_yaml(node)
        except YamlProblem as exc:
            findings.append(Finding(shown, exc.line or line, "yaml", exc.problem))
            continue
        key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        claim_id = str(record.get("id", "?"))
        claim: Claim | None
        try:
            claim = build_claim(record, _failer(claim_id, key_lines, line), scales, file=shown, line=line)
        except _FieldError as exc:
            claim = None
            findings.append(Finding(shown, exc.line, _schema_code(exc.field, record), str(exc)))
        records.append((claim_id, (shown, line), claim))
    return records


class _FieldError(ClaimFileError):
    """A record's problem with the field and line it is at, so lint can place it."""

    def __init__(self, field: str, line: int, message: str) -> None:
        super().__init__(message)
        self.field, self.line = field, line


def _failer(claim_id: str, key_lines: Mapping[str, int], line: int) -> Callable[[str, str], ClaimFileError]:
    def fail(field: str, message: str) -> ClaimFileError:
        return _FieldError(field, key_lines.get(field, line), f"claim '{claim_id}': field '{field}' {message}")

    return fail


def _schema_code(field: str, record: Mapping[str, Any]) -> str:
    if field == "scale":
        return "unknown-scale"
    if field == "value" and str(record.get("kind", "")).lower() == Kind.RATING.value:
        return "unknown-label"
    return "schema"


def _near_duplicates(claims: list[Claim]) -> list[Finding]:
    findings = []
    for i, claim in enumerate(claims):
        for other in claims[:i]:
            if (claim.kind is other.kind and claim.value == other.value and claim.as_of == other.as_of
                    and fuzz.token_set_ratio(claim.claim.lower(), other.claim.lower()) >= NEAR_DUPLICATE_RATIO):
                findings.append(_at(claim, "near-duplicate",
                                    f"claim '{claim.id}' says what '{other.id}' ({other.file}:{other.line}) says: "
                                    "same kind, value and as_of, a similar sentence; merge them or tell them apart",
                                    Severity.WARNING))
                break
    return findings


def _corpus_findings(claims: list[Claim], articles: list[Article]) -> list[Finding]:
    known = {a.id for a in articles}
    sentences = [{t.stem for t in tokenize(s.text)} for a in articles for s in split_sentences(a.text)]
    findings = []
    for claim in claims:
        for source in claim.sources:
            if source not in known:
                close = process.extractOne(source, sorted(known), scorer=fuzz.ratio, score_cutoff=TYPO_RATIO)
                hint = (f"; did you mean '{close[0]}'?" if close
                        else "; use an article's path under the articles folder, without its extension")
                findings.append(_at(claim, "unknown-source",
                                    f"claim '{claim.id}': source '{source}' is not an article{hint}"))
        words = {t.stem for text in [claim.claim, claim.subject or "", *claim.keywords] for t in tokenize(text)
                 if not t.stem[0].isdigit()}
        need = min(MIN_SHARED_WORDS, len(words))
        if words and sentences and not any(len(words & s) >= need for s in sentences):
            findings.append(_at(claim, "no-match", f"claim '{claim.id}': no sentence of the articles holds its words; "
                                                   "check them for typos", Severity.WARNING))
    return findings


def _at(claim: Claim, code: str, message: str, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(claim.file or "?", claim.line or 1, code, message, severity)
