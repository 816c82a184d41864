"""One value of one statement, considered for one claim: the record `Matcher.decide` makes and explain shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.matching.confidence import Evidence
from checker.matching.statement import Statement
from checker.models import StatedValue


@dataclass(frozen=True)
class Decision:
    """One value of one statement, considered for one claim: the gates passed, the one failed, the evidence."""

    statement: Statement
    value: StatedValue
    passed: tuple[str, ...]
    failed: str | None
    evidence: Evidence | None = None
    confidence: float = 0.0
    reasons: tuple[str, ...] = field(default=())
    moved: bool = False  # the new time of a date the statement moves ("pushed back to 2035")
