"""The cache's records read back exactly as written, whatever they hold (checker/scale/codec.py)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.matching import Match
from checker.models import PartialDate, Sentence, StatedValue
from checker.scale.codec import dump_json, load_json
from checker.scale.packed import PackError
from checker.scale.results import pack_matches, unpack_matches

_JSON = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False, allow_infinity=False) | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON)
def test_any_finite_json_value_is_read_back_as_it_was(data: Any) -> None:
    back = load_json(dump_json(data))
    assert back == data and repr(back) == repr(data)  # an integer stays an integer, -0.0 stays -0.0


def test_matches_with_a_surrogate_and_a_huge_count_are_read_back_as_they_were() -> None:
    text = "caf\udce9 had 100000000000000000000000 staff"
    value = StatedValue.model_validate({"kind": "count", "value": 10**23, "text": "100000000000000000000000",
                                        "start": 8, "end": 32})
    match = Match(claim_id="staff", article_id="caf\udce9", sentence=Sentence(start=0, end=len(text), text=text),
                  value=value, score=3e-05, confidence=0.5, matched_words=("caf\udce9",),
                  time=PartialDate.model_validate("2014"), reasons=("subject",))
    assert unpack_matches(pack_matches([match]), "caf\udce9") == [match]


def test_a_score_that_is_not_a_number_is_never_read_back_as_another() -> None:
    value = StatedValue.model_validate({"kind": "count", "value": 4, "text": "4", "start": 0, "end": 1})
    match = Match(claim_id="c", article_id="a", sentence=Sentence(start=0, end=1, text="4"), value=value,
                  score=float("nan"), confidence=0.5, matched_words=(), time=None)
    with pytest.raises(PackError):
        unpack_matches(pack_matches([match]), "a")
