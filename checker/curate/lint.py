"""Problems in claim files: every one at once, each at its file:line.

Schema errors (with unknown scales and rating labels), duplicate ids, `as_of` in the future,
a value its own sentence hedges while the claim has no tolerance, two claims stating the same
fact, `sources` naming articles that do not exist, claims whose words meet in no sentence (likely
typos), and, when asked (it runs the check), sources that do not back their claim.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from checker.errors import ClaimFileError, ConfigError
from checker.models import Article, CheckResult, Claim, Kind, Range, StatedValue, Verdict
from checker.pipeline import run_check
from checker.settings import Settings
from checker.store.articles import load_articles
from checker.store.claims import read_claims
from checker.store.paths import display_path
from checker.text.sentences import split_sentences
from checker.text.words import tokenize
from checker.values import Context, Scale, extract_values

# Two claims of one subject, kind and value whose sentences score this much (rapidfuzz token_set_ratio,
# 0-100) say the same thing; the bundled claims that differ only in their year stay below it
# because their as_of must match too.
NEAR_DUPLICATE_RATIO = 85
# A keyword word missing from the corpus gets a "did you mean" when a corpus word is this close (0-100).
TYPO_RATIO = 80
# A claim "meets" a sentence when the sentence holds this many of its distinct words (or all, if fewer).
MIN_SHARED_WORDS = 2
# The kinds a tolerance widens: numbers on a line. Dates agree at the precision both share and
# ratings by label, so a hedge there needs no tolerance.
TOLERANT_KINDS = frozenset({Kind.MONEY, Kind.COUNT, Kind.PERCENT, Kind.DURATION})


class Severity(StrEnum):
    """How bad a finding is; both make `lint` exit 1 (a warning is still something to look at)."""

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
                settings: Settings | None = None, check_sources: bool = False) -> list[LintFinding]:
    """Every problem of every claims file under `claims_path`, sorted by place.

    With `check_sources` the check runs too, and a claim none of whose sources states a value
    that agrees with it is a finding; ConfigError when there is no articles folder to run it on.
    """
    settings = settings or Settings()
    if check_sources and not articles_path.is_dir():
        raise ConfigError(f"{display_path(articles_path)}: no articles folder, so sources cannot be checked; "
                          "pass --articles PATH")
    today = settings.today
    found = read_claims(claims_path, scales)
    findings = [LintFinding(p.file, p.line or 1, p.code, p.message) for p in found.problems]
    claims = list(found.claims)
    for claim in claims:
        if claim.as_of and claim.as_of.interval()[0] > today:
            findings.append(_at(claim, "future-as-of", f"claim '{claim.id}': as_of {claim.as_of.root} is in the future "
                                                      f"(today is {today.isoformat()}); check the year",
                                Severity.WARNING))
    findings.extend(_hedged_values(claims, scales))
    findings.extend(_near_duplicates(claims))
    if articles_path.is_dir():
        findings.extend(_corpus_findings(claims, load_articles(articles_path, settings.max_article_bytes)))
    else:
        logging.warning("%s: no articles folder; sources and words were not checked", display_path(articles_path))
    if check_sources and found.problems:
        logging.warning("%s: the check needs every claim valid, so sources were not checked; fix the errors first",
                        display_path(claims_path))
    elif check_sources:
        findings.extend(_unbacked_claims(claims, run_check(claims_path, articles_path, settings)))
    return sorted(findings, key=lambda f: (f.file, f.line, f.code, f.message))


def same_fact(claim: Claim, other: Claim) -> bool:
    """True when two claims state one fact: the same subject, kind, value and as_of, and a similar sentence."""
    return (claim.kind is other.kind and claim.value == other.value and claim.as_of == other.as_of
            and _subject_key(claim) == _subject_key(other)
            and fuzz.token_set_ratio(claim.claim.lower(), other.claim.lower()) >= NEAR_DUPLICATE_RATIO)


def refuse_restatement(claim: Claim, sources: Iterable[Path], scales: Mapping[str, Scale]) -> None:
    """Raise ClaimFileError, naming the existing claim, when one under `sources` states the same fact as `claim`."""
    seen: set[tuple[str | None, int | None]] = set()
    for source in sources:
        if not source.exists():
            continue
        for other in read_claims(source, scales).claims:
            if (other.file, other.line) not in seen and same_fact(claim, other):
                raise ClaimFileError(f"{other.file}:{other.line}: claim '{other.id}' already says this (same subject, "
                                     "kind, value and as_of, a similar sentence); use --force to add it anyway")
            seen.add((other.file, other.line))


def _subject_key(claim: Claim) -> str:
    return " ".join((claim.subject or "").split()).casefold()


def _near_duplicates(claims: list[Claim]) -> list[LintFinding]:
    findings = []
    for i, claim in enumerate(claims):
        for other in claims[:i]:
            if same_fact(claim, other):
                findings.append(_at(claim, "near-duplicate",
                                    f"claim '{claim.id}' says what '{other.id}' ({other.file}:{other.line}) says: "
                                    "same subject, kind, value and as_of, a similar sentence; "
                                    "merge them or tell them apart", Severity.WARNING))
                break
    return findings


def _hedged_values(claims: list[Claim], scales: Mapping[str, Scale]) -> list[LintFinding]:
    """Claims whose own sentence hedges or bounds ("about 450", "more than 600") a value the claim makes exact."""
    findings = []
    for claim in claims:
        if claim.kind not in TOLERANT_KINDS or claim.tolerance is not None or isinstance(claim.value, Range):
            continue
        stated = _hedged_statement(claim, scales)
        if stated is None:
            continue
        if isinstance(stated.value, Range):
            message = (f"claim '{claim.id}': its sentence gives the value as a bound (\"{stated.text}\") but the "
                       f"claim's value is exact; write the bound as the value (value: \"{stated.text}\") "
                       "or add a tolerance, e.g. tolerance: 5%")
        else:
            message = (f"claim '{claim.id}': its sentence hedges the value (\"{stated.text}\") but the claim "
                       "has no tolerance; add one, e.g. tolerance: 5%")
        findings.append(_at(claim, "hedged-value", message, Severity.WARNING))
    return findings


def _hedged_statement(claim: Claim, scales: Mapping[str, Scale]) -> StatedValue | None:
    """The claim's value as its own sentence states it, when a hedge or bound comes with it."""
    sentence = " ".join(claim.claim.split())
    for stated in extract_values(sentence, Context(scales=scales), kinds=frozenset({claim.kind})):
        if not stated.qualifier:
            continue
        value = stated.value
        if value == claim.value or (isinstance(value, Range) and claim.value in (value.min, value.max)):
            return stated
    return None


def _unbacked_claims(claims: list[Claim], result: CheckResult) -> list[LintFinding]:
    """Claims none of whose sources (among the articles) states a value the check finds agreeing."""
    results = {r.id: r for r in result.report.claims}
    known = {a.id for a in result.articles}
    findings = []
    for claim in claims:
        sources = [s for s in claim.sources if s in known]  # unknown ones are `unknown-source` findings
        mentions = results[claim.id].mentions if claim.id in results else ()
        cited = [m for m in mentions if m.article in sources]
        if not sources or any(m.verdict is Verdict.AGREES for m in cited):
            continue
        said = []
        for source in sources:
            values = list(dict.fromkeys(m.value.display() for m in cited if m.article == source))
            said.append(f"'{source}' states {' and '.join(values)}" if values else f"'{source}' states no value for it")
        message = (f"claim '{claim.id}': none of its sources states {claim.value.display()}: {'; '.join(said)}; "
                   f"check the value and the sources ('claimcheck explain {claim.id}' shows why)")
        findings.append(_at(claim, "unbacked", message, Severity.WARNING))
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
