"""Money: amounts with their currency, scale, range, hedge and period."""

from __future__ import annotations

import pytest

from checker.models import Kind, StatedValue
from checker.values import Context, extract_values
from checker.values.money import find_money


def money(text: str) -> list[StatedValue]:
    found = find_money(text, Context())
    for value in found:
        assert value.kind is Kind.MONEY
        assert value.text == text[value.start:value.end]
    return found


def one(text: str) -> StatedValue:
    found = money(text)
    assert len(found) == 1, found
    return found[0]


def gbp(amount: float) -> dict[str, object]:
    return {"amount": amount, "currency": "GBP"}


@pytest.mark.parametrize(
    ("text", "written", "amount", "currency"),
    [
        ("The council will contribute £41.6million towards it", "£41.6million", 41_600_000, "GBP"),
        ("the Trust's annual £47million budget", "£47million", 47_000_000, "GBP"),
        ("a further £4.03m of one-off funding", "£4.03m", 4_030_000, "GBP"),
        ("It cost £500,000.", "£500,000", 500_000, "GBP"),
        ("An extra £1.2bn was found", "£1.2bn", 1_200_000_000, "GBP"),
        ("a £2m cut", "£2m", 2_000_000, "GBP"),
        ("a fee of 50p", "50p", 0.5, "GBP"),
        ("$ 75 million of general obligation bonds", "$ 75 million", 75_000_000, "USD"),
        ("it sold for US$3", "US$3", 3, "USD"),
        ("priced at USD 5 each", "USD 5", 5, "USD"),
        ("it costs 5 EUR", "5 EUR", 5, "EUR"),
        ("a €10m grant", "€10m", 10_000_000, "EUR"),
        ("a ¥500 coin", "¥500", 500, "JPY"),
        ("it raised $3bn", "$3bn", 3_000_000_000, "USD"),
        ("a $1.2tn debt", "$1.2tn", 1_200_000_000_000, "USD"),
        ("£10k a head", "£10k a head", 10_000, "GBP"),
        ("five million pounds in total", "five million pounds", 5_000_000, "GBP"),
        ("50 cents more", "50 cents", 0.5, "USD"),
        ("250 million dollars in profit", "250 million dollars", 250_000_000, "USD"),
        ("revenue of 4.5 billion euros", "4.5 billion euros", 4_500_000_000, "EUR"),
        ("470 pence a share", "470 pence a share", 4.7, "GBP"),
        ("a 12-cent dividend", "12-cent", 0.12, "USD"),
        ("125 million Australian dollars", "125 million Australian dollars", 125_000_000, "AUD"),
        ("it cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD"),
        ("Rs 20 crore", "Rs 20 crore", 200_000_000, "INR"),
        ("120 MEUR", "120 MEUR", 120_000_000, "EUR"),
    ],
)
def test_amounts(text: str, written: str, amount: float, currency: str) -> None:
    found = one(text)
    assert found.text == written
    assert found.value.to_json() == {"amount": amount, "currency": currency}


def test_a_price_per_period_keeps_the_period_as_its_unit() -> None:
    found = one("From £15 / month")
    assert (found.value.to_json(), found.unit, found.text) == (gbp(15), "month", "£15 / month")
    assert one("£47m a year").unit == "year"
    assert one("$98 a share").unit == "share"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("£2m-£3m", 2_000_000, 3_000_000),
        ("between £400 and £500", 400, 500),
        ("£5m to £10m", 5_000_000, 10_000_000),
        ("£2-3m", 2_000_000, 3_000_000),
        ("between 5 and 10 million pounds", 5_000_000, 10_000_000),
        ("£400,000 to £500,000", 400_000, 500_000),
    ],
)
def test_ranges(text: str, low: float, high: float) -> None:
    assert one(text).value.to_json() == {"min": gbp(low), "max": gbp(high)}


def test_hedges_and_bounds() -> None:
    about = one("it cost about £5m")
    assert (about.value.to_json(), about.qualifier, about.text) == (gbp(5_000_000), "about", "about £5m")
    assert one("more than £1bn").value.to_json() == {"min": gbp(1_000_000_000)}
    assert one("up to £500").value.to_json() == {"max": gbp(500)}
    assert one("just under £2m").qualifier == "just under"


def test_a_change_gives_two_amounts_with_roles() -> None:
    old, new = money("The budget was cut from £5m to £3m.")
    assert (old.value.to_json(), old.role) == (gbp(5_000_000), "from")
    assert (new.value.to_json(), new.role) == (gbp(3_000_000), "to")


def test_a_change_is_read_across_what_it_changed_by() -> None:
    found = money("The cost has increased by $1.4 billion from $2 billion to $3.4 billion.")
    assert [(v.text, v.role) for v in found] == [("$1.4 billion", None), ("$2 billion", "from"),
                                                 ("$3.4 billion", "to")]


def test_the_value_a_change_started_from_is_its_earlier_end() -> None:
    found = extract_values("The trust expects a £45m deficit, up from a £30m deficit last year, and 1,090 officers, "
                           "down from 1,400 in 2019.")
    assert [(v.text, v.role) for v in found if v.kind is not Kind.DATE] == [
        ("£45m", None), ("£30m", "from"), ("1,090", None), ("1,400", "from")]


@pytest.mark.parametrize(
    "text",
    [
        "Doncaster Council employed 657 members of staff in 2021.",
        "In 2019 the trust opened.",
        "Temperatures hit 30C.",
        "ALL 5 solutions are wrong.",
        "a 10-year contract",
        "I tried to call Bob 3 times already.",
        "talks at COP 26 in Glasgow",
    ],
)
def test_no_money_without_a_currency(text: str) -> None:
    assert money(text) == []


def test_a_period_is_not_read_into_a_date() -> None:
    found = one("It spent £5m a year ago.")
    assert (found.text, found.unit) == ("£5m", None)


def test_a_symbol_before_the_next_amount_is_not_read_backwards() -> None:
    found = money("In 2019 $5m was spent.")
    assert [(v.text, v.value.to_json()["amount"]) for v in found] == [("$5m", 5_000_000)]


def test_an_article_before_a_dollar_sign_is_not_australia() -> None:
    assert one("won a $ 300 million contract").value.to_json() == {"amount": 300_000_000, "currency": "USD"}
    assert one("an A$5m deal").value.to_json() == {"amount": 5_000_000, "currency": "AUD"}
