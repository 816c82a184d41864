"""Typed values, one model per kind: each parses its normalised form, writes it back, shows it, and compares it.

The JSON forms are CONTRACT.md's: a date is "YYYY", "YYYY-MM" or "YYYY-MM-DD"; money
{"amount", "currency"}; a count or a percentage a number; a duration {"years": 10} (units in
the order written); a rating its label; a range {"min", "max"} (one bound alone when open).
A bare number or string does not say its kind, so `value_of(kind, raw)` reads raw data with the
kind that owns it; the records (checker.models.records) do that for every value they carry.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from typing import Annotated, ClassVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    JsonValue,
    RootModel,
    Tag,
    field_validator,
    model_serializer,
    model_validator,
)

from checker.models.kinds import Kind

DATE_PATTERN = r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CURRENCY_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥"}
# The currency a money value written without one ("£" is the house's home) is taken to be in.
DEFAULT_CURRENCY = "GBP"
DURATION_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")
# Days in each unit, for comparing "18 months" with "1.5 years".
DAYS_PER_UNIT = {"years": 365.25, "months": 30.4375, "weeks": 7.0, "days": 1.0, "hours": 1 / 24,
                 "minutes": 1 / 1440, "seconds": 1 / 86400}
# Months in each unit, for drawing durations on one axis (the timeline).
MONTHS_PER_UNIT = {"years": 12.0, "months": 1.0, "weeks": 12 / 52.18, "days": 12 / 365.25}

Number = int | float


def _finite(value: object) -> object:
    # before pydantic's own checks, which would take True for 1 and let infinity through
    if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
        raise ValueError("must be a finite number")
    return value


FiniteNumber = Annotated[int | float, BeforeValidator(_finite)]
_FROZEN = ConfigDict(frozen=True, extra="forbid")


class _Normalised:
    """Gives a value model its normalised JSON form, CONTRACT.md's."""

    def to_json(self) -> JsonValue:
        """The value as the JSON result writes it: "2014-10", {"amount": 47000000, "currency": "GBP"}, 63..."""
        assert isinstance(self, BaseModel)
        dumped: JsonValue = self.model_dump(mode="json")
        return dumped


def format_number(value: float) -> str:
    """A number with thousands separators and at most three decimals, no trailing zeros."""
    if not math.isfinite(value):
        return str(value)
    rounded = round(float(value), 3)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.3f}".rstrip("0").rstrip(".")


class PartialDate(RootModel[str], _Normalised):
    """A date as precise as its text: a year, a month or a day."""

    model_config = ConfigDict(frozen=True)
    root: str = Field(pattern=DATE_PATTERN)
    tag: ClassVar[str] = "date"

    @field_validator("root")
    @classmethod
    def _in_calendar(cls, value: str) -> str:
        dt.date.fromisoformat((value + "-01-01")[:10])  # "2014-02-30" is no day
        return value

    @property
    def precision(self) -> int:
        """1 for a year, 2 for a month, 3 for a day."""
        return self.root.count("-") + 1

    def interval(self) -> tuple[dt.date, dt.date]:
        """The first and last day this date covers ("2014" is 1 Jan to 31 Dec 2014)."""
        parts = [int(p) for p in self.root.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], calendar.monthrange(*parts)[1])
        day = dt.date(*parts)
        return day, day

    def same_time(self, other: PartialDate) -> bool:
        """True when the two dates are equal at the precision both share ("2014" and "2014-10" are)."""
        shared = min(len(self.root), len(other.root))
        return self.root[:shared] == other.root[:shared]

    def span(self) -> tuple[float, float]:
        """The days covered, as ordinals, on one number line."""
        first, last = self.interval()
        return float(first.toordinal()), float(last.toordinal())

    def written(self) -> str:
        """As a curator writes it in a claim file: "2014-10"."""
        return self.root

    def display(self) -> str:
        """As people write it: "2014", "Oct 2014", "1 Oct 2014"."""
        parts = self.root.split("-")
        if len(parts) == 1:
            return parts[0]
        month = MONTHS[int(parts[1]) - 1]
        return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


class Money(BaseModel, _Normalised):
    """An amount of money in an ISO 4217 currency."""

    model_config = _FROZEN
    amount: FiniteNumber
    # None where the text names no one currency ("528 million francs"); read as DEFAULT_CURRENCY
    currency: str | None = Field(default=DEFAULT_CURRENCY, pattern=r"^[A-Z]{3}$")
    tag: ClassVar[str] = "money"

    @property
    def in_currency(self) -> str:
        """The currency compared and shown: the one stated, else DEFAULT_CURRENCY."""
        return self.currency or DEFAULT_CURRENCY

    def span(self) -> tuple[float, float]:
        """The amount, as a point on one number line."""
        return float(self.amount), float(self.amount)

    def display(self) -> str:
        """"£41.6m", "$3bn", "£250", "12,000 CHF"."""
        sign = "-" if self.amount < 0 else ""
        size = abs(float(self.amount))
        for step, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
            if size >= step:
                number = format_number(size / step) + suffix
                break
        else:
            number = format_number(size) if size == int(size) or size >= 1000 else f"{size:.2f}"
        symbol = CURRENCY_SYMBOLS.get(self.in_currency)
        return f"{sign}{symbol}{number}" if symbol else f"{sign}{number} {self.in_currency}"

    def written(self) -> str:
        """As a curator writes it in a claim file: "£41.6m", "$3bn", "£1,250.50"."""
        symbol = CURRENCY_SYMBOLS.get(self.in_currency)
        amount = float(self.amount)
        for size, suffix in ((1e9, "bn"), (1e6, "m")):
            if abs(amount) >= size:
                number = f"{amount / size:.3f}".rstrip("0").rstrip(".")
                return f"{symbol}{number}{suffix}" if symbol else f"{number}{suffix} {self.in_currency}"
        number = f"{amount:,.2f}".removesuffix(".00")
        return f"{symbol}{number}" if symbol else f"{number} {self.in_currency}"


class _Figure(RootModel[FiniteNumber], _Normalised):
    model_config = ConfigDict(frozen=True)

    def span(self) -> tuple[float, float]:
        """The number, as a point on one number line."""
        return float(self.root), float(self.root)


class Count(_Figure):
    """A number of things: staff, children, jobs."""

    tag: ClassVar[str] = "count"

    def written(self) -> Number:
        """As a curator writes it in a claim file: the number."""
        return self.root

    def display(self) -> str:
        """"450", "1.2 million"."""
        for size, word in ((1e9, "billion"), (1e6, "million")):
            if abs(self.root) >= size:
                return f"{format_number(self.root / size)} {word}"
        return format_number(self.root)


class Percent(_Figure):
    """A percentage, as the number before the % sign."""

    tag: ClassVar[str] = "percent"

    def written(self) -> str:
        """As a curator writes it in a claim file: "63%"."""
        return f"{self.root}%"

    def display(self) -> str:
        """"63%"."""
        return f"{format_number(self.root)}%"


class Duration(RootModel[dict[str, FiniteNumber]], _Normalised):
    """A length of time in one or more units, in the order the text gave them ({"years": 1, "months": 6})."""

    model_config = ConfigDict(frozen=True)
    tag: ClassVar[str] = "duration"

    @field_validator("root")
    @classmethod
    def _known_units(cls, value: dict[str, Number]) -> dict[str, Number]:
        if not value or set(value) - set(DAYS_PER_UNIT):
            raise ValueError(f"a duration is an object of {', '.join(DURATION_UNITS)}")
        return value

    def __hash__(self) -> int:
        return hash(tuple(self.root.items()))

    def in_days(self) -> float:
        """The length in days."""
        return sum(float(n) * DAYS_PER_UNIT[unit] for unit, n in self.root.items())

    def in_months(self) -> float | None:
        """The length in months; None for lengths counted in hours or less."""
        if set(self.root) - set(MONTHS_PER_UNIT):
            return None
        return sum(MONTHS_PER_UNIT[unit] * float(n) for unit, n in self.root.items())

    def span(self) -> tuple[float, float]:
        """The length in days, as a point on one number line."""
        days = self.in_days()
        return days, days

    def written(self) -> str:
        """As a curator writes it in a claim file: "18 months", "1 year 6 months" (units in the order given)."""
        return " ".join(f"{n} {unit if n != 1 else unit[:-1]}" for unit, n in self.root.items())

    def display(self) -> str:
        """"10 years", "1 year 6 months"."""
        parts = []
        for unit in DURATION_UNITS:
            if unit in self.root:
                amount = self.root[unit]
                parts.append(f"{format_number(amount)} {unit[:-1] if amount == 1 else unit}")
        return " ".join(parts)


class Rating(RootModel[str], _Normalised):
    """A label of an inspectorate's scale, lower case ("requires improvement")."""

    model_config = ConfigDict(frozen=True)
    root: str = Field(min_length=1)
    tag: ClassVar[str] = "rating"

    def span(self) -> None:
        """Ratings are labels: they have no place on a number line (a scale ranks them)."""
        return None

    def written(self) -> str:
        """As a curator writes it in a claim file: the label."""
        return self.root

    def display(self) -> str:
        """"Requires improvement"."""
        return self.root[0].upper() + self.root[1:]

    def same_label(self, other: Rating) -> bool:
        """True when both name the same label, whatever the case."""
        return self.root.lower() == other.root.lower()


Scalar = PartialDate | Money | Count | Percent | Duration | Rating
_SCALAR_TYPES: dict[Kind, type[Scalar]] = {
    Kind.DATE: PartialDate, Kind.MONEY: Money, Kind.COUNT: Count, Kind.PERCENT: Percent,
    Kind.DURATION: Duration, Kind.RATING: Rating,
}


def _scalar_shape(raw: object) -> str | None:
    """Which scalar model raw data of unknown kind has the shape of (a number is taken for a count)."""
    if isinstance(raw, BaseModel | RootModel):
        return str(getattr(raw, "tag", None))
    if isinstance(raw, str):
        return "date" if raw[:1].isdigit() else "rating"
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return "count"
    if isinstance(raw, Mapping):
        return "money" if "amount" in raw else "duration"
    return None


AnyScalar = Annotated[
    Annotated[PartialDate, Tag("date")] | Annotated[Money, Tag("money")] | Annotated[Count, Tag("count")]
    | Annotated[Percent, Tag("percent")] | Annotated[Duration, Tag("duration")] | Annotated[Rating, Tag("rating")],
    Discriminator(_scalar_shape),
]


class Range(BaseModel, _Normalised):
    """A range of one kind's values, or an open bound ("at least five years" is {"min": 5 years})."""

    model_config = _FROZEN
    min: AnyScalar | None = None
    max: AnyScalar | None = None
    tag: ClassVar[str] = "range"

    @model_validator(mode="after")
    def _a_bound(self) -> Range:
        if self.min is None and self.max is None:
            raise ValueError("a range needs a min or a max")
        return self

    @model_serializer(mode="wrap")
    def _only_bounds(self, handler: object) -> dict[str, object]:
        bounds: dict[str, object] = {}
        for name in ("min", "max"):
            bound = getattr(self, name)
            if bound is not None:
                bounds[name] = bound.model_dump(mode="json")
        return bounds

    @property
    def open(self) -> bool:
        """True when one bound is missing."""
        return self.min is None or self.max is None

    def span(self) -> tuple[float | None, float | None]:
        """The lowest and highest point covered; None on an open side (or for ratings)."""
        low = self.min.span() if self.min is not None else None
        high = self.max.span() if self.max is not None else None
        return (low[0] if low else None), (high[1] if high else None)

    def bound(self) -> Scalar:
        """A bound that is there (the lower one first), for what both share: a currency, a kind."""
        found = self.min if self.min is not None else self.max
        assert found is not None, "a range has a bound"
        return found

    def display(self) -> str:
        """"5–10 years", "60–65%", "Oct 2014 – Mar 2015", "at least 5 years"."""
        low = self.min.display() if self.min is not None else None
        high = self.max.display() if self.max is not None else None
        if low and high:
            return _join_range(low, high)
        return f"at least {low}" if low else f"up to {high}"


Value = Annotated[
    Annotated[PartialDate, Tag("date")] | Annotated[Money, Tag("money")] | Annotated[Count, Tag("count")]
    | Annotated[Percent, Tag("percent")] | Annotated[Duration, Tag("duration")] | Annotated[Rating, Tag("rating")]
    | Annotated[Range, Tag("range")],
    Discriminator(lambda raw: "range" if _is_range(raw) else _scalar_shape(raw)),
]
RangeOrScalar = Scalar | Range


def _is_range(raw: object) -> bool:
    if isinstance(raw, Range):
        return True
    return isinstance(raw, Mapping) and bool(raw) and set(raw) <= {"min", "max"} and "amount" not in raw


def value_of(kind: Kind, raw: object) -> RangeOrScalar:
    """Raw data (from JSON, YAML or an extractor) read as a value of `kind`; ValueError when it is not one."""
    scalar = _SCALAR_TYPES[kind]
    if isinstance(raw, scalar | Range):
        return raw
    if _is_range(raw):
        assert isinstance(raw, Mapping)
        bounds = {k: (None if raw.get(k) is None else value_of(kind, raw[k])) for k in ("min", "max")}
        if any(isinstance(b, Range) for b in bounds.values()):
            raise ValueError("a range's bounds must be single values")
        return Range.model_validate(bounds)
    return scalar.model_validate(raw)


def display_raw(kind: str, raw: object, qualifier: str | None = None) -> str:
    """A value of `kind` written for people, read leniently (an older result's JSON): its JSON when unreadable."""
    try:
        text = value_of(Kind(kind), raw).display()
    except ValueError:
        text = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False, sort_keys=True, default=str)
    return f"{qualifier} {text}" if qualifier else text


def described(value: RangeOrScalar, qualifier: str | None = None) -> str:
    """A value with its hedge or bound as a reader sees it: "around 450", "by Sep 2022"."""
    return f"{qualifier} {value.display()}" if qualifier else value.display()


def currency_of(value: RangeOrScalar) -> str | None:
    """The currency of a money value or range; None for other kinds."""
    scalar = value.bound() if isinstance(value, Range) else value
    return scalar.in_currency if isinstance(scalar, Money) else None


def _join_range(low: str, high: str) -> str:
    """Two ends of a range, sharing what they can: "5–10 years", "60–65%", "Oct 2014 – Mar 2015"."""
    if low == high:
        return low
    if low.endswith("%") and high.endswith("%"):
        return f"{low[:-1]}–{high}"
    low_number, _, low_unit = low.partition(" ")
    high_number, _, high_unit = high.partition(" ")
    if (low_unit and low_unit.rstrip("s") == high_unit.rstrip("s") and re.fullmatch(r"[\d.,]+", low_number)
            and re.fullmatch(r"[\d.,]+", high_number)):
        return f"{low_number}–{high_number} {high_unit}"
    return f"{low} – {high}" if " " in low + high else f"{low}–{high}"


__all__ = [
    "DATE_PATTERN", "Count", "Duration", "Money", "PartialDate", "Percent", "Range", "RangeOrScalar", "Rating",
    "Scalar", "Value", "currency_of", "described", "display_raw", "format_number", "value_of",
]
