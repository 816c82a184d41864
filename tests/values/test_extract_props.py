"""Properties of extract_values on any text: it never raises, its offsets hold, it is deterministic, it is fast."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.values import Context, extract_values
from checker.values.numbers import find_numbers

# Pieces of news prose that exercise the grammars: numbers, currencies, units, hedges, joints.
PIECES = [
    "£", "$", "€", "US$", "USD", "EUR", "p", "m", "bn", "k", "million", "pounds", "pence", "dollars",
    "%", "per cent", "percent", "pc", "percentage points", "year", "years", "months", "a decade",
    "weeks", "days", "hours", "-year", "half", "a", "an", "and", "a half", "quarter", "thirds",
    "one", "two", "twenty", "hundred", "thousand", "dozen", "couple of", "point", "between", "from",
    "to", "-", "–", "/", ":", ".", ",", "(", ")", "+", "<", ">=", "more than", "up to", "around",
    "or more", "earlier", "later", "ago", "staff", "people", "channel", "page", "in", "2013",
    "2021/22", "450", "657", "4.03", "1,234", "0", "½", "\u00a0", "\u202f", "\n", "Covid-19", "5:17",
    "pm", "out of", "over", "of", "½", "١٢", "ℵ", "\u0130", "𝟓",
]
NEWSY = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40).map(
    lambda parts: " ".join(parts)
)
TEXTS = st.one_of(st.text(max_size=300), NEWSY)
CONTEXT = Context(published=dt.date(2022, 7, 26))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_never_raises_and_offsets_slice_back_to_the_text(text: str) -> None:
    for value in extract_values(text, CONTEXT):
        assert 0 <= value.start < value.end <= len(text)
        assert value.text == text[value.start:value.end]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_values_do_not_overlap_and_come_in_text_order(text: str) -> None:
    values = extract_values(text, CONTEXT)
    for before, after in zip(values, values[1:], strict=False):
        assert before.end <= after.start


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_deterministic(text: str) -> None:
    first = extract_values(text, CONTEXT)
    find_numbers.cache_clear()
    assert extract_values(text, CONTEXT) == first


MEGABYTE_LINES = [
    "x" * 1_000_000,
    "the council agreed the plan " * 37_000,
    "1" * 1_000_000,
    "1" + ",111" * 250_000,
    "tenant twentieth onerous pounds " * 32_000,
    ("staff were told the trust would close " * 30 + "with 450 staff ") * 800,
]
MEGABYTE_IDS = ["letters", "words", "digits", "grouped-digits", "near-misses", "prose-with-numbers"]


# How long these take is measured by benchmarks/pathological.py, never asserted here.
@pytest.mark.parametrize("text", MEGABYTE_LINES, ids=MEGABYTE_IDS)
def test_a_megabyte_line_without_punctuation_gives_well_formed_values(text: str) -> None:
    find_numbers.cache_clear()
    values = extract_values(text, CONTEXT)
    assert all(text[v.start:v.end] == v.text for v in values)
    assert all(a.end <= b.start for a, b in zip(values, values[1:], strict=False))
