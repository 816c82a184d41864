"""The records that flow between stages: claims, articles, stated values, mentions and the report."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.models.kinds import Kind
from checker.models.values import PartialDate, Value, value_of

SCHEMA = "claimcheck.report/1"

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


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


class _KindedRecord(_Record):
    """A record whose `value` is read with its own `kind` (a bare 63 is a count or a percentage by it)."""

    @model_validator(mode="before")
    @classmethod
    def _typed_value(cls, data: object) -> object:
        if isinstance(data, Mapping) and "kind" in data and "value" in data:
            try:
                kind = Kind(data["kind"])
            except ValueError:
                return data  # the kind's own validation says what is wrong
            data = {**data, "value": value_of(kind, data["value"])}
            if isinstance(data.get("mentions"), list | tuple):
                data["mentions"] = [_mention_of(kind, m) for m in data["mentions"]]
        return data


def _mention_of(kind: Kind, mention: object) -> object:
    if isinstance(mention, Mapping) and "value" in mention:
        return {**mention, "value": value_of(kind, mention["value"])}
    return mention


class Tolerance(_Record):
    """How far a stated number may differ from the claim's and still agree."""

    relative: float | None = None  # a fraction: 0.05 for "5%"
    absolute: float | None = None


class Claim(_KindedRecord):
    """One hand-curated claim, its value normalised (see checker.store.claims for parsing)."""

    id: str = Field(pattern=ID_PATTERN)
    claim: str = Field(min_length=1)
    kind: Kind
    value: Value
    subject: str | None = None
    keywords: tuple[str, ...] = ()
    as_of: PartialDate | None = None
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

    def page_of(self, offset: int) -> int | None:
        """The page (from 1) of a PDF article on which `offset` of its text stands; None for other formats."""
        return bisect.bisect_right(self.page_starts, offset) if self.page_starts else None


class StatedValue(_KindedRecord):
    """A value stated in a text: its kind, normalised value and where it stands."""

    kind: Kind
    value: Value
    text: str
    start: int
    end: int
    # "about", "more than", "up to"...: the value is hedged or a bound, not exact
    qualifier: str | None = None
    # a role within its phrase: "from"/"to" in "downgraded from good to inadequate",
    # "earlier"/"later" for "two years earlier"
    role: str | None = None
    # the date the statement refers to, when the text says so ("in 2014", "at the end of March 2018")
    time: PartialDate | None = None
    # the noun the number counts ("staff" in "450 council staff"), for counts
    unit: str | None = None
    scale: str | None = None  # for ratings
    # for a rating whose text names no inspectorate: the other scales with the same label, as likely as `scale`
    also_on: tuple[str, ...] = ()


class Mention(_Record):
    """A stated value judged against a claim: one row of the JSON result."""

    article: str
    value: Value
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
    time: PartialDate | None = None
    caveats: tuple[Caveat, ...] = ()
    matched_words: tuple[str, ...] = ()
    page: int | None = None  # the page of a PDF article the value stands on
    confidence: float | None = None  # how sure the attribution is, 0-1
    reasons: tuple[str, ...] = ()  # why it was kept: the subject's reference, the role, the words


class ClaimResult(_KindedRecord):
    """A claim with its status and every mention found for it."""

    id: str
    kind: Kind
    value: Value
    status: Status
    mentions: tuple[Mention, ...] = ()
    # mentions below the confidence cut: shown apart, they change neither status nor exit code
    possible: tuple[Mention, ...] = ()
    claim: str | None = None
    subject: str | None = None
    as_of: PartialDate | None = None
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


class SkippedArticle(_Record):
    """A file under the articles folder that was not read or could not be used, and why (an optional JSON field)."""

    path: str
    reason: str
    line: int | None = None  # where in the file the problem stands, when it is one place (front matter)


class Report(_Record):
    """The whole result of a check: CONTRACT.md's JSON result."""

    schema_: str = Field(default=SCHEMA, alias="schema")
    version: str | None = None
    generated: str | None = None
    inputs_digest: str | None = None
    articles: tuple[ArticleSummary, ...] = ()
    claims: tuple[ClaimResult, ...] = ()
    # files under the articles folder that were not read or were unusable, each with the reason
    skipped: tuple[SkippedArticle, ...] = ()

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


@dataclass
class CheckResult:
    """A Report and the articles it was made from (the HTML shows their text); `checker.summarise(result)`
    words it in one line."""

    report: Report
    articles: list[Article]
