"""Judging a stated value against a claim, the caveats on a conflict, and the status roll-up."""

from __future__ import annotations

from typing import Any

import pytest

from checker.models import Caveat, Claim, Kind, PartialDate, Status, Tolerance, Verdict, value_of
from checker.verdicts import caveats, judge, roll_up


def make_claim(kind: Kind, value: Any, **overrides: Any) -> Claim:
    fields: dict[str, Any] = {"id": "c", "claim": "A claim.", "kind": kind, "value": value, **overrides}
    return Claim.model_validate(fields)


def verdict(claim: Claim, stated: Any, qualifier: str | None = None) -> Verdict:
    """The verdict on a value written in its JSON form, read with the claim's kind."""
    return judge(claim, value_of(claim.kind, stated), qualifier)


def caveats_of(claim: Claim, stated: Any, qualifier: str | None, time: str, score: float) -> tuple[Caveat, ...]:
    return caveats(claim, value_of(claim.kind, stated), qualifier, PartialDate(time), score, 0.45)


@pytest.mark.parametrize(("claimed", "stated", "expected"), [
    ("2014-10-01", "2014-10-01", Verdict.AGREES),
    ("2014-10-01", "2014-10", Verdict.AGREES),  # equal at the precision both share
    ("2014-10-01", "2014", Verdict.AGREES),
    ("2014-10-01", "2013", Verdict.CONFLICTS),
    ("2014-10-01", "2014-09", Verdict.CONFLICTS),
    ("2014", "2014-10-01", Verdict.AGREES),
    ("2022-09", "2022-09-01", Verdict.AGREES),
    ("2014-10-01", {"min": "2013", "max": "2015"}, Verdict.AGREES),  # a range containing the value
    ("2014-10-01", {"min": "2015", "max": "2016"}, Verdict.CONFLICTS),
])
def test_dates_agree_at_their_shared_precision(claimed: str, stated: Any, expected: Verdict) -> None:
    assert verdict(make_claim(Kind.DATE, claimed), stated) is expected


def test_counts_are_exact_without_a_tolerance() -> None:
    claim = make_claim(Kind.COUNT, 450)
    assert verdict(claim, 450) is Verdict.AGREES
    assert verdict(claim, 451) is Verdict.CONFLICTS


def test_a_relative_tolerance_widens_agreement() -> None:
    claim = make_claim(Kind.COUNT, 450, tolerance=Tolerance(relative=0.05))
    assert verdict(claim, 470) is Verdict.AGREES
    assert verdict(claim, 657) is Verdict.CONFLICTS


def test_an_absolute_tolerance_widens_agreement() -> None:
    claim = make_claim(Kind.PERCENT, 63, tolerance=Tolerance(absolute=2))
    assert verdict(claim, 65) is Verdict.AGREES
    assert verdict(claim, 66) is Verdict.CONFLICTS


def test_money_compares_amount_and_currency() -> None:
    claim = make_claim(Kind.MONEY, {"amount": 4030000, "currency": "GBP"})
    assert verdict(claim, {"amount": 4030000.0000000005, "currency": "GBP"}) is Verdict.AGREES
    assert verdict(claim, {"amount": 4030000, "currency": "USD"}) is Verdict.CONFLICTS
    assert verdict(claim, {"amount": 4700000, "currency": "GBP"}) is Verdict.CONFLICTS


def test_durations_compare_by_length_whatever_the_unit() -> None:
    claim = make_claim(Kind.DURATION, {"years": 1.5})
    assert verdict(claim, {"months": 18}) is Verdict.AGREES
    assert verdict(claim, {"years": 2}) is Verdict.CONFLICTS


def test_a_duration_range_agrees_when_it_contains_the_value() -> None:
    claim = make_claim(Kind.DURATION, {"years": 10})
    assert verdict(claim, {"min": {"years": 5}, "max": {"years": 10}}) is Verdict.AGREES
    assert verdict(claim, {"min": {"years": 11}, "max": {"years": 12}}) is Verdict.CONFLICTS


def test_bounds_from_qualifiers() -> None:
    claim = make_claim(Kind.COUNT, 450)
    assert verdict(claim, 400, "more than") is Verdict.AGREES
    assert verdict(claim, 500, "more than") is Verdict.CONFLICTS
    assert verdict(claim, 500, "up to") is Verdict.AGREES
    assert verdict(claim, {"min": 400}) is Verdict.AGREES


def test_ratings_agree_only_on_the_same_label() -> None:
    claim = make_claim(Kind.RATING, "good", scale="ofsted")
    assert verdict(claim, "good") is Verdict.AGREES
    assert verdict(claim, "requires improvement") is Verdict.CONFLICTS


def test_conflict_caveats_say_why_it_may_not_be_real() -> None:
    claim = make_claim(Kind.COUNT, 450, as_of="2014-10")
    assert caveats_of(claim, 657, None, "2021-03", 0.9) == (Caveat.OTHER_TIME,)
    assert caveats_of(claim, 460, "around", "2014", 0.9) == (Caveat.HEDGED,)
    assert caveats_of(claim, 460, None, "2014-10-05", 0.3) == (Caveat.WEAK_MATCH,)


@pytest.mark.parametrize(("verdicts", "status"), [
    ([], Status.UNCONFIRMED),
    ([Verdict.AGREES], Status.AGREED),
    ([Verdict.AGREES, Verdict.CONFLICTS], Status.CONFLICTING),
])
def test_status_rolls_up_from_mentions(verdicts: list[Verdict], status: Status) -> None:
    assert roll_up(verdicts) is status
