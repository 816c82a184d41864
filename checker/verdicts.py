"""Judging stated values against claims: agree or conflict, why a conflict may not be real, status."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Iterable
from typing import Any

from checker.models import Caveat, Claim, Kind, NormalValue, Status, Tolerance, Verdict

# Exact comparison still forgives float noise ("£4.03m" parsed as 4030000.0000000005).
EXACT = 1e-9
DAYS_PER_UNIT = {
    "years": 365.25, "months": 30.4375, "weeks": 7.0, "days": 1.0, "hours": 1 / 24, "minutes": 1 / 1440,
    "seconds": 1 / 86400,
}
# Qualifiers that make a stated number a bound rather than the value itself.
LOWER_BOUNDS = frozenset({"more than", "over", "at least", "just over", "above", "upwards of", "in excess of"})
UPPER_BOUNDS = frozenset({
    "less than", "fewer than", "under", "up to", "at most", "just under", "below", "no more than",
})
HEDGES = frozenset({"around", "about", "nearly", "almost", "approximately", "roughly", "some", "circa",
                    "an estimated", "estimated", "close to", "up to", "more than", "over", "at least",
                    "less than", "fewer than", "under", "just over", "just under"})


def judge(claim: Claim, value: NormalValue, qualifier: str | None = None) -> Verdict:
    """Agrees when the stated value stands for the claim's value, by the claim's kind."""
    low, high = _bounds(claim.kind, value, qualifier)
    claimed_low, claimed_high = _bounds(claim.kind, claim.value, None)
    if claim.kind is Kind.RATING:
        return Verdict.AGREES if str(value).lower() == str(claim.value).lower() else Verdict.CONFLICTS
    if claim.kind is Kind.MONEY and _currency(value) != _currency(claim.value):
        return Verdict.CONFLICTS
    if (low is None and high is None) or claimed_low is None or claimed_high is None:
        return Verdict.CONFLICTS
    slack = _slack(claim.tolerance, claim.kind, claimed_low, claimed_high)
    inside = (low is None or low <= claimed_high + slack) and (high is None or claimed_low - slack <= high)
    return Verdict.AGREES if inside else Verdict.CONFLICTS


def caveats(claim: Claim, value: NormalValue, qualifier: str | None, time: str | None, score: float,
            weak_below: float) -> tuple[Caveat, ...]:
    """Reasons a conflicting mention may not be a real contradiction."""
    found: list[Caveat] = []
    if claim.as_of and time and claim.kind is not Kind.DATE and not _same_time(claim.as_of, time):
        found.append(Caveat.OTHER_TIME)
    if qualifier and qualifier.lower() in HEDGES:
        found.append(Caveat.HEDGED)
    if isinstance(value, dict) and ("min" in value or "max" in value):
        found.append(Caveat.RANGE)
    if score < weak_below:
        found.append(Caveat.WEAK_MATCH)
    return tuple(found)


def roll_up(verdicts: Iterable[Verdict]) -> Status:
    """A claim's status: conflicting if any mention conflicts, agreed if any agrees."""
    seen = set(verdicts)
    if Verdict.CONFLICTS in seen:
        return Status.CONFLICTING
    if Verdict.AGREES in seen:
        return Status.AGREED
    return Status.UNCONFIRMED


def _same_time(as_of: str, time: str) -> bool:
    a_low, a_high = _date_interval(as_of)
    t_low, t_high = _date_interval(time)
    return a_low <= t_high and t_low <= a_high


def _bounds(kind: Kind, value: Any, qualifier: str | None) -> tuple[float | None, float | None]:
    """The stated value as an interval of plain numbers (days for dates and durations)."""
    if isinstance(value, dict) and ("min" in value or "max" in value) and "amount" not in value:
        low = _bounds(kind, value["min"], None)[0] if value.get("min") is not None else None
        high = _bounds(kind, value["max"], None)[1] if value.get("max") is not None else None
        return low, high
    scalar = _scalar(kind, value)
    if scalar is None:
        return None, None
    low, high = scalar
    q = (qualifier or "").lower()
    if q in LOWER_BOUNDS:
        return low, None
    if q in UPPER_BOUNDS:
        return None, high
    return low, high


def _scalar(kind: Kind, value: Any) -> tuple[float, float] | None:
    try:
        if kind is Kind.DATE:
            first, last = _date_interval(str(value))
            return float(first.toordinal()), float(last.toordinal())
        if kind is Kind.MONEY:
            amount = float(value["amount"])
            return amount, amount
        if kind is Kind.DURATION:
            days = sum(float(n) * DAYS_PER_UNIT[unit] for unit, n in value.items())
            return days, days
        if kind is Kind.RATING:
            return None
        number = float(value)
        return number, number
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _date_interval(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a date at its own precision covers ("2014" -> 1 Jan to 31 Dec)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    day = dt.date(parts[0], parts[1], parts[2])
    return day, day


def _slack(tolerance: Tolerance | None, kind: Kind, low: float | None, high: float | None) -> float:
    reference = max(abs(low or 0.0), abs(high or 0.0))
    if tolerance is None:
        # durations written in different units ("18 months" vs "1.5 years") differ by rounding
        return reference * (0.01 if kind is Kind.DURATION else EXACT)
    if tolerance.relative is not None:
        return reference * tolerance.relative
    return float(tolerance.absolute or 0.0)


def _currency(value: Any) -> str:
    if isinstance(value, dict):
        if "amount" in value:
            return str(value.get("currency") or "GBP").upper()
        bound = value.get("min") or value.get("max")
        return _currency(bound)
    return "GBP"


def closeness(claim: Claim, value: NormalValue) -> float:
    """How near a stated value lies to the claim's, 1 for equal down towards 0 (dates by years, numbers by ratio).

    Used only to choose between claims competing for one value: a statement of an event's
    date usually lies near the true date, a staff count near the true count.
    """
    low, high = _bounds(claim.kind, value, None)
    claimed_low, claimed_high = _bounds(claim.kind, claim.value, None)
    if None in (low, high, claimed_low, claimed_high):
        return 1.0 if low is not None or high is not None or claim.kind is Kind.RATING else 0.5
    stated = ((low or 0.0) + (high or 0.0)) / 2
    claimed = ((claimed_low or 0.0) + (claimed_high or 0.0)) / 2
    if claim.kind is Kind.DATE:
        return 1.0 / (1.0 + abs(stated - claimed) / 365.25 / 3.0)
    if stated <= 0 or claimed <= 0:
        return 1.0 if stated == claimed else 0.5
    return 1.0 / (1.0 + abs(math.log10(stated / claimed)))
