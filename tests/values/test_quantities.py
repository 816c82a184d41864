"""Counts, percentages and durations: what they count, how long, which numbers are none of them."""

from __future__ import annotations

import pytest

from checker.models import Kind, StatedValue
from checker.values import Context, extract_values
from checker.values.quantities import find_counts, find_durations, find_percents


def _checked(found: list[StatedValue], text: str, kind: Kind) -> list[StatedValue]:
    for value in found:
        assert value.kind is kind
        assert value.text == text[value.start:value.end]
    return found


def counts(text: str) -> list[StatedValue]:
    return _checked(find_counts(text, Context()), text, Kind.COUNT)


def percents(text: str) -> list[StatedValue]:
    return _checked(find_percents(text, Context()), text, Kind.PERCENT)


def durations(text: str) -> list[StatedValue]:
    return _checked(find_durations(text, Context()), text, Kind.DURATION)


def one(found: list[StatedValue]) -> StatedValue:
    assert len(found) == 1, found
    return found[0]


# --- counts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The transfer of 450 council staff has begun", 450, "council staff"),
        ("DCST employed 657 members of staff.", 657, "members of staff"),
        ("two hundred and fifty people came", 250, "people"),
        ("a dozen councils", 12, "councils"),
        ("half a million visitors", 500_000, "visitors"),
        ("1.2 million households", 1_200_000, "households"),
        ("3bn users", 3_000_000_000, "users"),
        ("1.2m people lived there", 1_200_000, "people"),
        ("It will create 2,000 jobs", 2000, "jobs"),
        ("1999 people signed it", 1999, "people"),
        ("an archive of 60,000 articles", 60_000, "articles"),
        ("350,000 includes many", 350_000, None),
        # a count written as a compound counts its noun, of the one noun it describes
        ("the 2,400-employee agency was created", 2400, "employees agency"),
        ("A 12-member board oversees the district", 12, "members board"),
        ("a 24-car train runs every hour", 24, "cars train"),
        ("the 40-bus fleet", 40, "buses fleet"),
        ("its 18-segment mirror unfolded", 18, "segments mirror"),
    ],
)
def test_counts_with_the_noun_they_count(text: str, value: float, unit: str | None) -> None:
    found = one(counts(text))
    assert (found.value.to_json(), found.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("between 400 and 500 staff", {"min": 400, "max": 500}),
        ("400-500 staff", {"min": 400, "max": 500}),
        ("five to 10 schools", {"min": 5, "max": 10}),
        ("2-3 million people", {"min": 2_000_000, "max": 3_000_000}),
        ("more than 30 staff", {"min": 30}),
        ("up to 700 posts", {"max": 700}),
        ("500 or more people", {"min": 500}),
        ("25,000-plus fans", {"min": 25_000}),
        ("more than 10 and less than 40 people", {"min": 10, "max": 40}),
        (">30 staff", {"min": 30}),
    ],
)
def test_count_ranges_and_bounds(text: str, value: object) -> None:
    assert one(counts(text)).value.to_json() == value


def test_hedges_are_qualifiers() -> None:
    found = one(counts("The transfer of around 450 council staff"))
    assert (found.value.to_json(), found.qualifier, found.text) == (450, "around", "around 450")
    assert one(counts("some 450 staff")).qualifier == "some"
    assert one(counts("nearly 500 homes")).qualifier == "nearly"


@pytest.mark.parametrize(
    "text",
    [
        "and live on Freeview channel 276",
        "Wednesday, 13th April 2022, 5:17 pm",
        "transfer its services to a trust back in 2013 following scandals",
        "services will be back in council hands by September 2022",
        "the overspend in 2021/22",
        "vacancy rates all halved between 2014 and 2017",
        "the A1 and the M62 near junctions 24 and 25",
        "the Covid-19 pandemic",
        "Call 01302 737777 or +44 20 7946 0958",
        "on 1 September",
        "a meeting at 10am",
        "the first three months",
        "Chelsea won 2-1 in the final",
        "users of Windows 10 and the Boeing 737 Max",
        "the 180ml bottle",
        "the right one regardless of the outcome",
        "one of the trusts",
        "a couple who live there",
        "see page 3 and section 21",
        "a 100m sprint",
        "for 45 years",
        "1. Introduction",
        "see (2) above",
        "page 3 of 10",
        "they lost 1-3 at home",
        "the meeting starts at 10.30 tomorrow",
    ],
)
def test_numbers_that_count_nothing(text: str) -> None:
    assert counts(text) == []


def test_an_age_is_a_count_of_years() -> None:
    assert (one(counts("He is 45 years old")).unit, one(counts("a 45-year-old man")).unit) == ("years old",) * 2
    assert durations("He is 45 years old") == []


def test_fractions_and_proportions_are_shares_not_counts() -> None:
    assert one(percents("one in five adults")).value.to_json() == 20
    assert one(percents("seven out of 10 were unhappy")).value.to_json() == 70
    assert one(percents("nearly two-thirds of councils")).value.to_json() == pytest.approx(66.7)
    assert one(percents("more than half of them")).value.to_json() == {"min": 50}
    assert one(percents("covers roughly a third of the cost")).qualifier == "roughly"
    # a share needs what it is a share of
    assert percents("she won a third term") == []
    assert percents("he came third of the ten runners") == []


# --- percentages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("63% of schools", 63),
        ("63 per cent of schools", 63),
        ("63 percent", 63),
        ("63pc", 63),
        ("63 pc rise", 63),
        ("sixty-three per cent", 63),
        ("0.5%", 0.5),
        ("-3%", -3),
        ("10-15%", {"min": 10, "max": 15}),
        ("between 10 and 15 per cent", {"min": 10, "max": 15}),
        ("more than 40%", {"min": 40}),
    ],
)
def test_percentages(text: str, value: object) -> None:
    assert one(percents(text)).value.to_json() == value


def test_percentage_points_are_marked_in_the_unit() -> None:
    found = one(percents("up about 1.5 percentage points"))
    assert (found.value.to_json(), found.unit, found.qualifier) == (1.5, "percentage points", "about")


def test_percent_changes_and_urls() -> None:
    old, new = percents("Unemployment fell from 5.2% to 4.8%.")
    assert (old.value.to_json(), old.role, new.value.to_json(), new.role) == (5.2, "from", 4.8, "to")
    assert percents("see https://example.com/search?q=30%25%2020%") == []


# --- durations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The trust will have a 10 year term", {"years": 10}),
        ("a 10-year contract", {"years": 10}),
        ("over the next 18 months", {"months": 18}),
        ("for six months", {"months": 6}),
        ("three weeks", {"weeks": 3}),
        ("after spending eight years", {"years": 8}),
        ("a decade", {"years": 10}),
        ("half a year", {"years": 0.5}),
        ("a year and a half", {"years": 1.5}),
        ("one and a half years", {"years": 1.5}),
        ("three-and-a-half years", {"years": 3.5}),
        ("2 years 3 months", {"years": 2, "months": 3}),
        ("an hour and 45 minutes", {"hours": 1, "minutes": 45}),
        ("a fortnight", {"weeks": 2}),
        ("in two years", {"years": 2}),
        ("for two years", {"years": 2}),
        ("90 minutes", {"minutes": 90}),
        ("three quarters of an hour", {"hours": 0.75}),
        ("repaid over 3 years", {"years": 3}),
    ],
)
def test_durations(text: str, value: dict[str, float]) -> None:
    assert one(durations(text)).value.to_json() == value


def test_a_duration_span_keeps_to_the_number_and_unit() -> None:
    assert one(durations("a two-year contract")).text == "two-year"
    assert one(durations("The trust will have a 10 year term")).text == "10 year"


def test_duration_ranges_and_bounds() -> None:
    found = one(durations("for the next five to 10 years"))
    assert (found.value.to_json(), found.text) == ({"min": {"years": 5}, "max": {"years": 10}}, "five to 10 years")
    assert one(durations("at least five years")).value.to_json() == {"min": {"years": 5}}
    assert one(durations("for over a year")).value.to_json() == {"min": {"years": 1}}


def test_earlier_and_later_are_roles() -> None:
    found = one(durations("to end the arrangement two years earlier than originally planned"))
    assert (found.value.to_json(), found.role, found.text) == ({"years": 2}, "earlier", "two years")
    assert one(durations("a year later")).role == "later"


def test_relative_dates_keep_their_duration_span_short() -> None:
    found = one(durations("it closed about two years ago"))
    assert (found.text, found.qualifier, found.role) == ("two years", "about", "ago")


def test_the_earlier_than_planned_duration_survives_extraction() -> None:
    text = "Doncaster Council ended the arrangement two years earlier than originally planned."
    found = [v for v in extract_values(text) if v.kind is Kind.DURATION]
    assert [(v.value.to_json(), v.role) for v in found] == [({"years": 2}, "earlier")]


@pytest.mark.parametrize(
    "text",
    ["a 45-year-old man", "He is 45 years old", "twice a year", "once a month", "for months", "minutes"],
)
def test_no_duration(text: str) -> None:
    assert durations(text) == []


def test_a_list_shares_its_last_unit() -> None:
    found = durations("over the next one, three and five years")
    assert [v.value.to_json() for v in found] == [{"years": 1}, {"years": 3}, {"years": 5}]


def test_a_dash_between_a_year_and_an_aside_leaves_both_values() -> None:
    found = extract_values("The line would open in fall 2026 - 4 1/2 years behind schedule - officials said.")
    assert [(v.kind, v.text) for v in found] == [(Kind.DATE, "2026"), (Kind.DURATION, "4 1/2 years")]
    # written without spaces, two numbers against a dash are still a score, not values
    assert extract_values("The vote ended 3-1.") == []
