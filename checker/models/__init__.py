"""The records that flow between stages and the typed values they carry (see records.py and values.py)."""

from __future__ import annotations

from checker.models.kinds import Kind
from checker.models.records import (
    ID_PATTERN,
    SCHEMA,
    Article,
    ArticleSummary,
    Caveat,
    CheckResult,
    Claim,
    ClaimResult,
    Mention,
    Report,
    Sentence,
    SkippedArticle,
    StatedValue,
    Status,
    Tolerance,
    Verdict,
)
from checker.models.values import (
    DATE_PATTERN,
    Count,
    Duration,
    Money,
    PartialDate,
    Percent,
    Range,
    RangeOrScalar,
    Rating,
    Scalar,
    Value,
    currency_of,
    described,
    display_raw,
    format_number,
    value_of,
)

__all__ = [
    "DATE_PATTERN", "ID_PATTERN", "SCHEMA", "Article", "ArticleSummary", "Caveat", "CheckResult", "Claim",
    "ClaimResult", "Count", "Duration", "Kind", "Mention", "Money", "PartialDate", "Percent", "Range",
    "RangeOrScalar", "Rating", "Report", "Scalar", "Sentence", "SkippedArticle", "StatedValue", "Status",
    "Tolerance", "Value", "Verdict", "currency_of", "described", "display_raw", "format_number", "value_of",
]
