"""Problems in claim files found without running the check: every one at once, each at its file:line.

Schema errors (with unknown scales and rating labels), duplicate ids, `as_of` in the future,
`sources` naming articles that do not exist, claims whose words meet in no sentence
(likely typos), and near-duplicate claims.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from checker.models import Article, Claim
from checker.settings import Settings
from checker.store.articles import load_articles
from checker.store.claims import read_claims
from checker.store.paths import display_path
from checker.text.sentences import split_sentences
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
class LintFinding:
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
                settings: Settings | None = None) -> list[LintFinding]:
    """Every problem of every claims file under `claims_path`, sorted by place."""
    settings = settings or Settings()
    today = settings.today
    found = read_claims(claims_path, scales)
    findings = [LintFinding(p.file, p.line or 1, p.code, p.message) for p in found.problems]
    claims = list(found.claims)
    for claim in claims:
        if claim.as_of and claim.as_of.interval()[0] > today:
            findings.append(_at(claim, "future-as-of", f"claim '{claim.id}': as_of {claim.as_of.root} is in the future "
                                                      f"(today is {today.isoformat()}); check the year",
                                Severity.WARNING))
    findings.extend(_near_duplicates(claims))
    if articles_path.is_dir():
        findings.extend(_corpus_findings(claims, load_articles(articles_path, settings.max_article_bytes)))
    else:
        logging.warning("%s: no articles folder; sources and words were not checked", display_path(articles_path))
    return sorted(findings, key=lambda f: (f.file, f.line, f.code, f.message))


def _near_duplicates(claims: list[Claim]) -> list[LintFinding]:
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


def _corpus_findings(claims: list[Claim], articles: list[Article]) -> list[LintFinding]:
    known = {a.id for a in articles}
    sentences = [{t.lemma for t in tokenize(s.text)} for a in articles for s in split_sentences(a.text)]
    findings = []
    for claim in claims:
        for source in claim.sources:
            if source not in known:
                close = process.extractOne(source, sorted(known), scorer=fuzz.ratio, score_cutoff=TYPO_RATIO)
                hint = (f"; did you mean '{close[0]}'?" if close
                        else "; use an article's path under the articles folder, without its extension")
                findings.append(_at(claim, "unknown-source",
                                    f"claim '{claim.id}': source '{source}' is not an article{hint}"))
        words = {t.lemma for text in [claim.claim, claim.subject or "", *claim.keywords] for t in tokenize(text)
                 if not t.lemma[0].isdigit()}
        need = min(MIN_SHARED_WORDS, len(words))
        if words and sentences and not any(len(words & s) >= need for s in sentences):
            findings.append(_at(claim, "no-match", f"claim '{claim.id}': no sentence of the articles holds its words; "
                                                   "check them for typos", Severity.WARNING))
    return findings


def _at(claim: Claim, code: str, message: str, severity: Severity = Severity.ERROR) -> LintFinding:
    return LintFinding(claim.file or "?", claim.line or 1, code, message, severity)
