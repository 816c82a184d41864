"""The records that flow between stages: claims, articles, stated values, mentions and the report."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

# A normalised value as CONTRACT.md writes it: a date string, a number, a money or
# duration object, a rating label, or a {"min", "max"} range of any of these.
NormalValue = Any

SCHEMA = "claimcheck.report/1"

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"


class Kind(str, Enum):
    """What sort of value a claim or a stated value is."""

    DATE = "date"
    MONEY = "money"
    COUNT = "count"
    PERCENT = "percent"
    DURATION = "duration"
    RATING = "rating"


class Verdict(str, Enum):
    """How one mention compares with its claim."""

    AGREES = "agrees"
    CONFLICTS = "conflicts"


class Status(str, Enum):
    """A claim's state rolled up from its mentions."""

    AGREED = "agreed"
    CONFLICTING = "conflicting"
    UNCONFIRMED = "unconfirmed"


class Caveat(str, Enum):
    """Why a conflicting mention may not be a real contradiction."""

    OTHER_TIME = "other_time"  # the statement refers to another time than the claim's as_of
    HEDGED = "hedged"  # "around", "more than", "up to"...
    WEAK_MATCH = "weak_match"  # the sentence only loosely matches the claim
    RANGE = "range"  # the statement is a range or an open bound


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Tolerance(_Record):
    """How far a stated number may differ from the claim's and still agree."""

    relative: float | None = None  # a fraction: 0.05 for "5%"
    absolute: float | None = None


class Claim(_Record):
    """One hand-curated claim, its value normalised (see checker.store.claims for parsing)."""

    id: str = Field(pattern=ID_PATTERN)
    claim: str = Field(min_length=1)
    kind: Kind
    value: NormalValue
    subject: str | None = None
    keywords: tuple[str, ...] = ()
    as_of: str | None = Field(default=None, pattern=DATE_PATTERN)
    tolerance: Tolerance | None = None
    scale: str | None = None
    sources: tuple[str, ...] = ()
    notes: str | None = None
    file: str | None = None  # where the record was read, for messages and links
    line: int | None = None


class Sentence(_Record):
    """A sentence of an article's analysed text, with offsets into that text."""

    start: int
    end: int
    text: str


class Article(_Record):
    """One article: its metadata and the normalised text the tool analyses."""

    id: str
    path: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    author: str | None = None
    notes: str | None = None
    # PDFs: the offset in `text` where each page begins, so evidence can cite its page (page 1 starts at 0)
    page_starts: tuple[int, ...] = ()


class StatedValue(_Record):
    """A value stated in a text: its kind, normalised value and where it stands."""

    kind: Kind
    value: NormalValue
    text: str
    start: int
    end: int
    # "about", "more than", "up to"...: the value is hedged or a bound, not exact
    qualifier: str | None = None
    # a role within its phrase: "from"/"to" in "downgraded from good to inadequate",
    # "earlier"/"later" for "two years earlier"
    role: str | None = None
    # the date the statement refers to, when the text says so ("in 2014", "at the end of March 2018")
    time: str | None = None
    # the noun the number counts ("staff" in "450 council staff"), for counts
    unit: str | None = None
    scale: str | None = None  # for ratings


class Mention(_Record):
    """A stated value judged against a claim: one row of the JSON result."""

    article: str
    value: NormalValue
    verdict: Verdict
    text: str
    sentence: str
    start: int
    end: int
    score: float
    # optional fields beyond CONTRACT.md's minimum
    sentence_start: int | None = None
    qualifier: str | None = None
    role: str | None = None
    time: str | None = None
    caveats: tuple[Caveat, ...] = ()
    matched_words: tuple[str, ...] = ()
    page: int | None = None  # the page of a PDF article the value stands on


class ClaimResult(_Record):
    """A claim with its status and every mention found for it."""

    id: str
    kind: Kind
    value: NormalValue
    status: Status
    mentions: tuple[Mention, ...] = ()
    claim: str | None = None
    subject: str | None = None
    as_of: str | None = None
    file: str | None = None
    line: int | None = None


class ArticleSummary(_Record):
    """An article as the JSON result lists it."""

    id: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    publisher: str | None = None
    path: str | None = None
    values_stated: int = 0  # values of any kind the tool found in the article
    values_uncovered: int = 0  # of those, how many no claim's mention covers


class Report(_Record):
    """The whole result of a check: CONTRACT.md's JSON result."""

    schema_: str = Field(default=SCHEMA, alias="schema")
    version: str | None = None
    generated: str | None = None
    inputs_digest: str | None = None
    articles: tuple[ArticleSummary, ...] = ()
    claims: tuple[ClaimResult, ...] = ()

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
