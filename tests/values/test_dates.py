"""Dates as prose states them: full, partial, year-less and relative dates, ranges, qualifiers, non-dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.models import DATE_PATTERN, Kind
from checker.values import Context
from checker.values.dates import find_dates

JULY_2022 = dt.date(2022, 7, 26)  # a Tuesday
MARCH_2022 = dt.date(2022, 3, 1)


def dates(text: str, published: dt.date | None = JULY_2022) -> list[tuple[str, Any, str | None]]:
    """(span, value, qualifier) of every date found, checking each span against the text."""
    found = find_dates(text, Context(published=published))
    for value in found:
        assert value.kind is Kind.DATE
        assert text[value.start:value.end] == value.text
        assert value.time is None
    return [(v.text, v.value.to_json(), v.qualifier) for v in found]


def only(text: str, published: dt.date | None = JULY_2022) -> tuple[str, Any, str | None]:
    found = dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The library opened on 1 October 2014.", "1 October 2014", "2014-10-01"),
    ("The library opened on October 1, 2014.", "October 1, 2014", "2014-10-01"),
    ("It reopened on 1st October 2014 after repairs.", "1st October 2014", "2014-10-01"),
    ("It reopened on the 1st of October, 2014.", "1st of October, 2014", "2014-10-01"),
    ("Posted Wednesday, 13th April 2022, 5:17 pm", "Wednesday, 13th April 2022", "2022-04-13"),
    ("Updated Tuesday, July 26, 2022 by the desk", "Tuesday, July 26, 2022", "2022-07-26"),
    ("The deadline was 2014-10-01.", "2014-10-01", "2014-10-01"),
    ("The file report-2017-03-02.pdf was sent.", "2017-03-02", "2017-03-02"),
    ("The form was dated 01/10/2014.", "01/10/2014", "2014-10-01"),  # day first
    ("Invoices dated 10/25/2018 were paid.", "10/25/2018", "2018-10-25"),  # month first: no 25th month
    ("The letter dated 3.2.2019 arrived.", "3.2.2019", "2019-02-03"),
    ("He was born on 31-Oct-74.", "31-Oct-74", "1974-10-31"),
    ("The club was founded on Dec. 31, 1994.", "Dec. 31, 1994", "1994-12-31"),
    ("It happened on the fourth of July, 1995.", "fourth of July, 1995", "1995-07-04"),
])
def test_full_dates(text: str, span: str, value: str) -> None:
    assert only(text) == (span, value, None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Work began in October 2014.", ("October 2014", "2014-10", None)),
    ("The site will be ready by September 2022.", ("September 2022", "2022-09", "by")),
    ("The pool was built in 2013.", ("2013", "2013", None)),
    ("Prices have risen since 2014.", ("2014", "2014", "since")),
    ("Nothing changed until 2019.", ("2019", "2019", "until")),
    ("The firm was sold before 2010.", ("2010", "2010", "before")),
    ("The rules changed after 2016.", ("2016", "2016", "after")),
    ("The chapel dates from around 1910.", ("1910", "1910", "around")),
    ("The 2015 review found problems.", ("2015", "2015", None)),
    ("The council's 2019 budget was cut.", ("2019", "2019", None)),
    ("Sales dipped during 2020, the chain said.", ("2020", "2020", None)),
    ("It was built in the year 2008.", ("2008", "2008", None)),
    ("The reform came in March of 2021.", ("March of 2021", "2021-03", None)),
    ("Dec/2018 was the busiest month.", ("Dec/2018", "2018-12", None)),
    ("The scheme started in 2/2013 for most.", ("2/2013", "2013-02", None)),
    ("The figures for 2014-10 were late.", ("2014-10", "2014-10", None)),
])
def test_partial_dates_and_years(text: str, expected: tuple[str, Any, str | None]) -> None:
    assert only(text) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("On 1 September the bridge reopens.", JULY_2022, ("1 September", "2022-09-01", None)),
    ("The bridge reopens October 1 after work.", JULY_2022, ("October 1", "2022-10-01", None)),
    ("The vote is on Wednesday, September 17.", dt.date(2014, 9, 10),
     ("Wednesday, September 17", "2014-09-17", None)),
    # 17 September 2015 is a Thursday; the weekday picks the year before, when it was a Wednesday
    ("The vote was on Wednesday, September 17.", dt.date(2015, 1, 5),
     ("Wednesday, September 17", "2014-09-17", None)),
    ("From April 1 the fees rise.", MARCH_2022, ("April 1", "2022-04-01", "from")),
    ("The museum shut this February.", JULY_2022, ("this February", "2022-02", None)),
    ("Bids close by 10 October.", dt.date(2013, 9, 25), ("10 October", "2013-10-10", "by")),
    ("The depot moved in April, staff said.", JULY_2022, ("April", "2022-04", None)),
    ("It has run the site since April.", JULY_2022, ("April", "2022-04", "since")),
    ("Repairs should be done by the end of March.", MARCH_2022, ("March", "2022-03", "by")),
    ("The line could open by the end of the decade.", MARCH_2022, ("end of the decade", "2029", "end")),
    ("Officials expect completion by year-end.", MARCH_2022, ("year-end", "2022", "end")),
    ("Work should be done by year's end.", MARCH_2022, ("year's end", "2022", "end")),
    ("Building starts in mid-November.", JULY_2022, ("November", "2022-11", "mid")),
    ("The report came out on Saturday 5th.", dt.date(2022, 3, 1), ("Saturday 5th", "2022-03-05", None)),
    # a plan made in the past for a day after publication's in the year is last year's
    ("The launch was originally scheduled for Dec. 12.", dt.date(2024, 3, 4), ("Dec. 12", "2023-12-12", None)),
    # the present perfect speaks from now: the day to come is this year's
    ("The probe has been cleared for a March 3 launch.", dt.date(2024, 2, 20), ("March 3", "2024-03-03", None)),
])
def test_year_less_dates_take_the_publication_year(text: str, published: dt.date,
                                                   expected: tuple[str, Any, str | None]) -> None:
    assert only(text, published) == expected


@pytest.mark.parametrize("text", [
    "On 1 September the bridge reopens.", "Sales fell last year.", "The pier closed two years ago.",
    "The museum shut this February.", "It opened yesterday.", "in April", "A year later the hall closed.",
])
def test_without_a_publication_date_year_less_and_relative_dates_are_left_out(text: str) -> None:
    assert dates(text, None) == []


def test_without_a_publication_date_full_dates_stay() -> None:
    assert dates("It opened on 1 October 2014 and in 2015 it grew.", None) == [
        ("1 October 2014", "2014-10-01", None), ("2015", "2015", None)]


FIRST_DAY, LAST_DAY = dt.date(dt.MINYEAR, 1, 1), dt.date(dt.MAXYEAR, 12, 31)


@pytest.mark.parametrize(("text", "published"), [
    ("Sales fell last year.", FIRST_DAY), ("The pier closed a decade ago.", FIRST_DAY),
    ("It opened yesterday.", FIRST_DAY), ("Last week it shut.", FIRST_DAY), ("Last month it shut.", FIRST_DAY),
    ("It shut last December.", FIRST_DAY), ("Last quarter it shut.", FIRST_DAY), ("Last weekend.", FIRST_DAY),
    ("It reopens next year.", LAST_DAY), ("Next week it reopens.", LAST_DAY), ("Tomorrow it reopens.", LAST_DAY),
    ("Next month it reopens.", LAST_DAY), ("It reopens next January.", LAST_DAY), ("Next summer it reopens.", LAST_DAY),
])
def test_a_relative_date_past_an_end_of_the_calendar_is_left_out(text: str, published: dt.date) -> None:
    # Python's dates run from year 1 to 9999: "last year" in year 1 names no date one can state.
    assert dates(text, published) == []


def test_relative_dates_inside_the_calendar_are_read_at_its_ends() -> None:
    assert dates("It reopens next year.", FIRST_DAY) == [("next year", "0002", None)]
    assert dates("Sales fell last year.", LAST_DAY) == [("last year", "9998", None)]
    # a reading that would count past the end gives way to what the words say without it
    assert dates("In the week of 27 December it reopens.", LAST_DAY) == [("27 December", "9999-12-27", None)]
    assert dates("It reopens next Friday.", LAST_DAY) == [("Friday", "9999-12-31", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sales fell last year.", ("last year", "2021", None)),
    ("Sales may rise this year.", ("this year", "2022", None)),
    ("The plant opens next year.", ("next year", "2023", None)),
    ("The audit ended last month.", ("last month", "2022-06", None)),
    ("The audit ends next month.", ("next month", "2022-08", None)),
    ("The audit is due this month.", ("this month", "2022-07", None)),
    ("The mayor resigns later this month.", ("this month", "2022-07", "late")),
    ("Profits rose earlier this year.", ("this year", "2022", "early")),
    ("The mayor resigned yesterday.", ("yesterday", "2022-07-25", None)),
    ("The mayor resigns today.", ("today", "2022-07-26", None)),
    ("The mayor resigns tomorrow.", ("tomorrow", "2022-07-27", None)),
    ("The pier closed two years ago.", ("two years ago", "2020", None)),
    ("The pier closed three months ago.", ("three months ago", "2022-04", None)),
    ("The pier closed a week ago.", ("a week ago", "2022-07-19", None)),
    ("The pool reopens next April.", ("next April", "2023-04", None)),
    ("The pool reopened last April.", ("last April", "2022-04", None)),
    ("Accounts posted last November were late.", ("last November", "2021-11", None)),
    ("The show closes by the end of the year.", ("end of the year", "2022", "end")),
    ("The board met last Monday.", ("last Monday", "2022-07-18", None)),
    ("The board meets next Friday.", ("next Friday", "2022-08-05", None)),
    ("The board met on Thursday, the chair said.", ("Thursday", "2022-07-21", None)),
    ("The board will meet on Thursday.", ("Thursday", "2022-07-28", None)),
    ("The results come out a week today.", ("a week today", "2022-08-02", None)),
    ("The pier closed last week.", ("last week", {"min": "2022-07-18", "max": "2022-07-24"}, None)),
    ("Results are due in the third quarter.", ("third quarter", {"min": "2022-07", "max": "2022-09"}, None)),
    ("The board met over the weekend.", ("weekend", {"min": "2022-07-23", "max": "2022-07-24"}, None)),
    ("The fair returns this summer.", ("this summer", "2022", "summer")),
    ("The fair returns the first week of August.",
     ("first week of August", {"min": "2022-08-01", "max": "2022-08-07"}, None)),
    ("The fair returned in the last week of June.",
     ("last week of June", {"min": "2022-06-27", "max": "2022-07-03"}, None)),
    ("Bookings open the week of 12 September.",
     ("week of 12 September", {"min": "2022-09-12", "max": "2022-09-18"}, None)),
    ("The board meets this coming Thursday.", ("this coming Thursday", "2022-07-28", None)),
    ("The shops close by Christmas.", ("Christmas", "2022-12-25", "by")),
])
def test_dates_relative_to_publication(text: str, expected: tuple[str, Any, str | None]) -> None:
    assert only(text) == expected


def test_a_parenthesised_date_gives_the_relative_one_its_value() -> None:
    assert only("The meeting is today (1 October).", dt.date(2014, 10, 1)) == (
        "today (1 October)", "2014-10-01", None)
    assert only("A week today (Wednesday, September 17) the cabinet meets.", dt.date(2014, 9, 10)) == (
        "A week today (Wednesday, September 17)", "2014-09-17", None)


@pytest.mark.parametrize(("text", "expected"), [
    ("The school opened in 2010 and a year later it doubled in size.",
     [("2010", "2010", None), ("a year later", "2011", None)]),
    ("The school opened in 2010; a year earlier the site was a farm.",
     [("2010", "2010", None), ("a year earlier", "2009", None)]),
    ("The depot shut in March 2019 and two months later it was sold.",
     [("March 2019", "2019-03", None), ("two months later", "2019-05", None)]),
    ("The trust formed in 2014. The following year it won an award.",
     [("2014", "2014", None), ("The following year", "2015", None)]),
    ("The trust formed in 2014 and later that year it hired a chief.",
     [("2014", "2014", None), ("that year", "2014", "late")]),
    ("A year later the hall closed.", [("A year later", "2023", None)]),  # from publication
])
def test_counted_from_the_date_before(text: str, expected: list[tuple[str, Any, str | None]]) -> None:
    assert dates(text) == expected


def test_earlier_than_is_a_comparison_not_a_date() -> None:
    assert dates("The deal ends two years earlier than planned.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Spending in 2021/22 rose.", ("2021/22", {"min": "2021", "max": "2022"}, None)),
    ("Spending in 2021-22 rose.", ("2021-22", {"min": "2021", "max": "2022"}, None)),
    ("The 2023-24 budget was cut.", ("2023-24", {"min": "2023", "max": "2024"}, None)),
    ("The FY2022 results were strong.", ("FY2022", "2022", None)),
    ("The board set a budget for fiscal 2024.", ("fiscal 2024", "2024", None)),
    ("Costs rose in fiscal year 2025, officials said.", ("fiscal year 2025", "2025", None)),
    ("Spending in fiscal year 2023-24 rose.", ("2023-24", {"min": "2023", "max": "2024"}, None)),
    ("Music of the 1990s filled the hall.", ("1990s", {"min": "1990", "max": "1999"}, None)),
    ("Hits of the '80s played all night.", ("'80s", {"min": "1980", "max": "1989"}, None)),
    ("Mills spread in the 19th century.", ("19th century", {"min": "1800", "max": "1899"}, None)),
    ("Absence halved between 2014 and 2017.", ("between 2014 and 2017", {"min": "2014", "max": "2017"}, None)),
    ("The 2014-2017 plan worked.", ("2014-2017", {"min": "2014", "max": "2017"}, None)),
    ("It ran from 2014 to 2017.", ("from 2014 to 2017", {"min": "2014", "max": "2017"}, None)),
    ("The festival runs July 13 - July 15.", ("July 13 - July 15", {"min": "2022-07-13", "max": "2022-07-15"},
                                             None)),
    ("The festival runs July 13-15.", ("July 13-15", {"min": "2022-07-13", "max": "2022-07-15"}, None)),
    ("The festival ran 13-15 July 2013.", ("13-15 July 2013", {"min": "2013-07-13", "max": "2013-07-15"}, None)),
    ("The works run from March to May 2023.", ("from March to May 2023", {"min": "2023-03", "max": "2023-05"},
                                               None)),
    ("The scheme ran from 1 October 2014 to 30 September 2015.",
     ("from 1 October 2014 to 30 September 2015", {"min": "2014-10-01", "max": "2015-09-30"}, None)),
    ("Results for Q3 2019 were flat.", ("Q3 2019", {"min": "2019-07", "max": "2019-09"}, None)),
    ("Results for the first half of 2019 were flat.",
     ("first half of 2019", {"min": "2019-01", "max": "2019-06"}, None)),
])
def test_ranges_fiscal_years_and_decades(text: str, expected: tuple[str, Any, str | None]) -> None:
    assert only(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Inspectors returned in early 2021.", ("2021", "2021", "early")),
    ("The firm collapsed in late 2019.", ("2019", "2019", "late")),
    ("The line reopens in mid-2020.", ("2020", "2020", "mid")),
    ("The line reopens in spring 2021.", ("2021", "2021", "spring")),
    ("The line reopens in the summer of 2021.", ("2021", "2021", "summer")),
    ("The accounts cover the end of March 2018.", ("March 2018", "2018-03", "end")),
    ("Savings are due by the end of March 2018.", ("March 2018", "2018-03", "by")),
    ("The lease ran until the start of 2020.", ("2020", "2020", "until")),
    ("It was true from the beginning of 2019.", ("2019", "2019", "from")),
    ("The line reopens at the start of October.", ("October", "2022-10", "start")),
])
def test_qualifiers_stay_out_of_the_span(text: str, expected: tuple[str, Any, str | None]) -> None:
    assert only(text) == expected


def test_years_listed_after_a_date_are_dates() -> None:
    assert dates("Awards came in 2013, 2014 and 2016.") == [
        ("2013", "2013", None), ("2014", "2014", None), ("2016", "2016", None)]


@pytest.mark.parametrize("text", [
    "It cost £41 to enter.",
    "It cost £2014 to enter.",
    "we will see what happens",
    "We met them at the gate.",
    "You may go now.",
    "May I ask a question?",
    "Protesters march through town.",
    "Protesters will march 3 miles.",
    "Theresa May spoke.",
    "The show starts at 5:17 pm.",
    "Watch it on channel 276.",
    "The archive holds more than 60,000 articles.",
    "The firm hired 2000 staff.",
    "The trust employed 2014 people.",
    "The total rose by 2000 in a week.",
    "Costs fell from 2000 to 3000.",
    "A total of 2000 applied.",
    "Covid-19 spread fast.",
    "The score was 24/7 on the board.",
    "Version 1.5.10 shipped.",
    "Call 0114 273 4567 now.",
    "The sum was 2,014 pounds.",
    "Nearly 2014.5 tonnes were moved.",
    "Growth hit 2015% at one point.",
    "He ran the 2000 metres.",
    "They shop on Mondays.",
    "He reads the Sunday Times.",
    "We bought a Christmas tree.",
    "The last year has been hard.",
    "Over the next month, things improve.",
    "In her 90s she still swam.",
    "The mayor said it again and again.",
    "He was born in Jan Smith's house.",
    "The year-end figures were weak.",
])
def test_not_dates(text: str) -> None:
    assert dates(text) == []


def test_a_may_and_a_march_that_are_months() -> None:
    assert dates("They march through town on 5 May.") == [("5 May", "2022-05-05", None)]
    assert dates("Protests began in March and ended in May.") == [
        ("March", "2022-03", None), ("May", "2022-05", None)]
    assert dates("It may be in may", JULY_2022) == []  # capitals elsewhere: a lower-case "may" is a verb
    assert dates("it may be in may") == [("may", "2022-05", None)]  # no capitals at all: context alone


def test_a_weekday_in_a_name_is_not_a_weekday() -> None:
    assert dates("The shop shuts on Good Friday.") == [("Good Friday", "2022-04-15", None)]
    assert dates("He reads the Sunday Times on Monday.", dt.date(2022, 7, 27)) == [("Monday", "2022-08-01", None)]


def test_a_weekday_ends_at_its_sentence() -> None:
    # "Monday. The 2,500 staff" is a weekday and a number, not "Monday the 2nd"
    assert dates("Officials met on Monday. The 2,500 staff were told.", dt.date(2022, 7, 27)) == [
        ("Monday", "2022-07-25", None)]
    assert dates("They met on Tuesday the 19th.", dt.date(2022, 7, 27)) == [("Tuesday the 19th", "2022-07-19", None)]


def test_a_date_next_to_a_time_keeps_the_day() -> None:
    assert dates("Published 13 April 2022 at 17:05, updated 5:17 pm") == [
        ("13 April 2022", "2022-04-13", None)]


@pytest.mark.parametrize("text", ["Feb 30 2019 was typed", "31/02/2020 is no day", "2015-13-01 is wrong"])
def test_impossible_days_are_not_dates(text: str) -> None:
    assert all(not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)) for _, value, _ in dates(text))


@st.composite
def newsy_text(draw: st.DrawFn) -> str:
    pieces = ["in", "by", "since", "the", "end", "of", "early", "last", "next", "this", "year", "month",
              "week", "ago", "later", "two", "a", "2014", "2021/22", "1990s", "May", "march", "October",
              "1st", "13", "April", "Monday", "today", "between", "and", "to", "-", "/", ",", ".", "(", ")",
              "£41", "5:17", "pm", "Q3", "FY22", "Christmas", "'90s", "\u0130", "٣", "\n", "é"]
    parts = draw(st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=5)), max_size=30))
    return " ".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), newsy_text()),
       st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))))
def test_any_text_any_publication_date(text: str, published: dt.date | None) -> None:
    found = find_dates(text, Context(published=published))
    for value in found:
        assert text[value.start:value.end] == value.text
        form = value.value.to_json()
        ends = [form] if isinstance(form, str) else [form["min"], form["max"]]  # type: ignore[call-overload,index]
        assert all(isinstance(end, str) and re.fullmatch(DATE_PATTERN, end) for end in ends)
    for before, after in zip(found, found[1:], strict=False):
        assert before.end <= after.start
    assert find_dates(text, Context(published=published)) == found  # deterministic


# Prose of our own, with its punctuation taken out: one megabyte on a single line. A date every
# few hundred characters is already denser than the news articles this tool reads.
_PROSE = (
    "the council said the new library would open in September 2023 after two years of delays and that "
    "the old building would be sold to a housing association whose plans for the site include flats "
    "a cafe and a small garden the mayor said the scheme had cost more than expected because the price "
    "of steel and timber had risen sharply and because the contractor had gone into administration "
    "halfway through the work leaving the council to find another firm at short notice the trust which "
    "took over the service in 2014 was rated good by inspectors but its finances were stretched and "
    "staff said morale was low after a round of cuts a report published on Tuesday found that the "
    "service needed more money to meet rising demand from families across the borough "
)
# Dates at every few words: slower per character, but still linear.
_DENSE = "the hall opened on 4 March 2021 and closed in 2014 then reopened last year on Tuesday "
MEGABYTE_LINES = {
    "letters": "x" * 1_000_000,
    "digits": "7" * 1_000_000,
    "spaced digits": "1 " * 500_000,
    "grouped digits": "1" + ",234" * 250_000,
    "words": "the council agreed the plan " * 36_000,
    "prose": (_PROSE * (1_000_000 // len(_PROSE) + 1))[:1_000_000],
}


@pytest.mark.parametrize("text", list(MEGABYTE_LINES.values()), ids=list(MEGABYTE_LINES))
def test_a_megabyte_line_without_punctuation_gives_well_formed_dates(text: str) -> None:
    # how long it takes: benchmarks/pathological.py
    found = find_dates(text, Context(published=JULY_2022))
    assert all(text[v.start:v.end] == v.text for v in found)


def test_a_line_of_nothing_but_dates_gives_every_date() -> None:
    text = _DENSE * 2_500  # 215 kB, 10,000 dates
    assert len(find_dates(text, Context(published=JULY_2022))) == 10_000


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a year-less date on the wrong side of publication for its tense takes the neighbouring year
    ("Fares will rise by 15 percent starting Jan. 1.", dt.date(2024, 11, 12), "2025-01-01"),
    ("From 1 October the service will be run by the council.", dt.date(2022, 11, 3), "2023-10-01"),
    ("The council met on 20 December to agree the budget.", dt.date(2025, 1, 6), "2024-12-20"),
    ("The line reopened at the start of October.", dt.date(2022, 7, 26), "2021-10"),
    ("It will open on 1 September.", dt.date(2022, 7, 26), "2022-09-01"),
    # "on Monday" in a story published on a Monday is that day
    ("The partnership opened to the public on Monday.", dt.date(2016, 4, 4), "2016-04-04"),
    # "to 2031" after a schedule verb, "as late as 2040", "the date of 2033"
    ("The opening will be delayed by up to five years to 2031.", dt.date(2019, 9, 3), "2031"),
    ("It is not expected to be finished until as late as 2040.", dt.date(2019, 9, 3), "2040"),
    ("That is later than the previous date of 2033.", dt.date(2019, 9, 3), "2033"),
])
def test_dates_read_against_publication_and_tense(text: str, published: dt.date, expected: str) -> None:
    values = [v.value.to_json() for v in find_dates(text, Context(published=published))]
    assert values == [expected]
