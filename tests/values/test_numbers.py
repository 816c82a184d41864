"""Numbers as prose writes them: parsing, finding, and the hedges and ranges around them."""

from __future__ import annotations

import pytest

from checker.values.numbers import find_numbers, parse_number, parse_words, tidy_number
from checker.values.qualifiers import read_qualifier


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("657", 657),
        ("1,234,567", 1_234_567),
        ("4.03", 4.03),
        (".5", 0.5),
        ("12,34,567", 1_234_567),  # Indian grouping
        ("1 234 567", 1_234_567),
        ("40\u202f000", 40_000),
        ("3bn", 3e9),
        ("47million", 47e6),
        ("10k", 10_000),
        ("1.2 million", 1.2e6),
        ("35 lakh", 3.5e6),
        ("four crore", 4e7),
        ("two hundred and fifty", 250),
        ("twenty-one", 21),
        ("seven hundred twenty-one thousand and twelve", 721_012),
        ("a dozen", 12),
        ("three dozen", 36),
        ("half a million", 500_000),
        ("a hundred", 100),
        ("two thirds", 2 / 3),
        ("three quarters", 0.75),
        ("a fifth", 0.2),
        ("one and a half", 1.5),
        ("five and a half million", 5.5e6),
        ("3 million and a half", 3.5e6),
        ("3/4", 0.75),
        ("2 1/4", 2.25),
        ("2½", 2.5),
        ("two point five", 2.5),
        ("minus five", -5),
        ("-3", -3),
        ("one in five", 0.2),
        ("seven out of 10", 0.7),
    ],
)
def test_parse_number_reads_digits_words_and_fractions(written: str, value: float) -> None:
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["", "a", "an", "hundreds", "the third", "seventy percent", "9/11", "5/17/2018"])
def test_parse_number_refuses_what_is_not_one_number(written: str) -> None:
    assert parse_number(written) is None


def test_parse_words_refuses_digits() -> None:
    assert parse_words("two hundred") == 200
    assert parse_words("200") is None


def test_tidy_number_gives_ints_for_whole_values() -> None:
    assert tidy_number(450.0) == 450 and isinstance(tidy_number(450.0), int)
    assert tidy_number(4.03) == 4.03


def _spans(text: str) -> list[tuple[str, float]]:
    return [(text[n.start:n.end], round(n.value, 6)) for n in find_numbers(text) if not n.code]


def test_find_numbers_splits_runs_into_numbers() -> None:
    assert _spans("3 hundred and 2 hundred") == [("3 hundred", 300), ("2 hundred", 200)]
    assert _spans("4000 3 hundred and 21") == [("4000", 4000), ("3 hundred and 21", 321)]
    assert _spans("400-500") == [("400", 400), ("500", 500)]


def test_find_numbers_marks_codes_dates_and_phone_numbers() -> None:
    for text in ("5/17/2018", "2021/22", "+44 20 7946 0958", "01302 737777", "192.168.1.2", "1-800-555-0199"):
        assert all(n.code for n in find_numbers(text)), text


def test_find_numbers_skips_numbers_inside_urls() -> None:
    assert find_numbers("see https://example.com/page/2023?id=55 now") == ()


def test_ordinals_are_not_numbers() -> None:
    assert _spans("the third quarter of the twenty-first century") == []
    assert _spans("on his twenty fifth birthday") == []


def test_glued_letters_are_kept_apart_from_the_value() -> None:
    (number,) = find_numbers("the 180ml bottle")
    assert (number.value, number.glue) == (180, "ml")
    (pence,) = find_numbers("50p")
    assert (pence.value, pence.glue) == (50, "p")


@pytest.mark.parametrize(
    ("text", "words", "bound"),
    [
        ("more than 5", "more than", "min"),
        ("at least 5", "at least", "min"),
        ("no more than 5", "no more than", "max"),
        ("up to 5", "up to", "max"),
        ("around 5", "around", ""),
        ("(about 5", "about", ""),
        (">= 5", ">=", "min"),
    ],
)
def test_read_qualifier(text: str, words: str, bound: str) -> None:
    qualifier = read_qualifier(text, len(text) - 1)
    assert qualifier is not None
    assert (qualifier.words, qualifier.bound) == (words, bound)
    assert text[qualifier.start:].startswith(text.lstrip("(")[:2])


def test_read_qualifier_needs_the_whole_word() -> None:
    assert read_qualifier("moreover 5", 9) is None
    assert read_qualifier("clover 5", 7) is None


@pytest.mark.parametrize(
    "text",
    [
        "1" * 1_000_000,
        "1" + ",111" * 250_000,
        "x" * 1_000_000,
        "tenant twentieth onerous " * 40_000,
        ("staff were told " * 60 + "450 ") * 1_000,
    ],
    ids=["digits", "grouped-digits", "letters", "near-number-words", "prose"],
)
def test_a_megabyte_line_gives_well_formed_numbers(text: str) -> None:
    # how long it takes: benchmarks/pathological.py
    find_numbers.cache_clear()
    numbers = find_numbers(text)
    assert all(0 <= n.start < n.end <= len(text) for n in numbers)
