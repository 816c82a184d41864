"""Ratings as prose states them, scales as files describe them, and the labels that are not ratings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import ConfigError
from checker.models import Kind
from checker.values import Context
from checker.values.ratings import Scale, builtin_scales, find_ratings, load_scale_file

CONTEXT = Context(published=dt.date(2022, 7, 26))
Row = tuple[str, str, str | None, str | None]  # span, label, role, qualifier


def ratings(text: str, context: Context = CONTEXT) -> list[Row]:
    found = find_ratings(text, context)
    for value in found:
        assert value.kind is Kind.RATING
        assert text[value.start:value.end] == value.text
    return [(v.text, v.value.to_json(), v.role, v.qualifier) for v in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("Inspectors rated the home ‘good’ in every area.", [("good", "good", None, None)]),
    ("The regulator rated the nursery “inadequate” last week.", [("inadequate", "inadequate", None, None)]),
    ("The trust was rated 'good' by inspectors.", [("good", "good", None, None)]),
    ('The trust was rated "outstanding" by inspectors.', [("outstanding", "outstanding", None, None)]),
    ("The academy has a ‘Good rating’ from Ofsted.", [("Good", "good", None, None)]),
    ("The academy holds a Good rating.", [("Good", "good", None, None)]),
    ("An “inadequate” Ofsted judgment in 2016 led to changes.", [("inadequate", "inadequate", None, None)]),
    ("Pupils at the school, rated outstanding by Ofsted, did well.",
     [("outstanding", "outstanding", None, None)]),
    ("The home remains good, the inspection report says.", [("good", "good", None, None)]),
    ("Inspectors judged the college Outstanding.", [("Outstanding", "outstanding", None, None)]),
    ("A report said the hospice was ‘good’ in 2018.", [("good", "good", None, None)]),
    ("The inspection found the nursery ‘Requires Improvement’.",
     [("Requires Improvement", "requires improvement", None, None)]),
    ("The inspection said the nursery still requires improvement.",
     [("requires improvement", "requires improvement", None, None)]),
    ("The school was judged satisfactory at its 2010 inspection.",
     [("satisfactory", "satisfactory", None, None)]),  # a legacy label
])
def test_ratings_in_any_quoting_or_case(text: str, expected: list[Row]) -> None:
    assert ratings(text) == expected


def test_downgraded_from_one_label_to_another() -> None:
    assert ratings("Ofsted downgraded the college from “outstanding” to “requires improvement”.") == [
        ("outstanding", "outstanding", "from", None),
        ("requires improvement", "requires improvement", "to", None),
    ]
    assert ratings("The latest inspection upgraded the service to ‘good’.") == [("good", "good", "to", None)]


@pytest.mark.parametrize("text", [
    "The school must be judged ‘good’ by 2025, inspectors said.",
    "The service needs to be rated good by Ofsted within a year.",
    "Our aim is an ‘outstanding’ Ofsted rating by 2026.",
    "The target is for every school to be judged good at inspection.",
])
def test_targets(text: str) -> None:
    found = ratings(text)
    assert len(found) == 1 and found[0][2] == "target", found


def test_a_target_runs_on_through_the_sentence() -> None:
    text = "The trust had to be judged ‘good’ by Ofsted by 2017 and ‘outstanding’ by 2019."
    assert [(label, role) for _, label, role, _ in ratings(text)] == [("good", "target"), ("outstanding", "target")]


def test_requires_improvement_to_be_good_is_one_rating() -> None:
    text = "Staff said they ‘require improvement’ to be good, according to the report."
    assert ratings(text) == [("require improvement’ to be good", "requires improvement", None, None)]


@pytest.mark.parametrize(("text", "qualifier"), [
    ("Some 80 per cent of schools are rated “good” or better.", "or better"),
    ("Ninety per cent of pupils attend schools rated good or outstanding by Ofsted.", "or better"),
    ("Every school in the town is rated at least good by Ofsted.", "or better"),
    ("Two schools were rated requires improvement or worse by inspectors.", "or worse"),
    ("Two schools were judged ‘requires improvement’ or ‘inadequate’ by inspectors.", "or worse"),
])
def test_or_better_and_or_worse(text: str, qualifier: str) -> None:
    found = ratings(text)
    assert len(found) == 1 and found[0][3] == qualifier, found


@pytest.mark.parametrize("text", [
    "It was the right thing to do, the report said.",
    "It was a good idea to publish the report.",
    "Joining is an exciting opportunity, inspectors said.",
    "The rating would have been outstanding without the delays.",
    "Inspectors found the home was not inadequate.",
    "Inspectors said the home wasn't rated good.",
    "If the inspection report was outstanding again, staff would celebrate.",
    "The school could be rated good next year.",
    "The canteen serves good food.",
    "The pupils were good all day.",  # no rating word in the sentence
    "The inspection praised good practice across the trust.",
    "There is outstanding debt on the inspection budget.",
    "The contract sets out the required improvement, the report said.",
    "Good Morning Britain covered the inspection.",
    "Good. The report is out.",  # the sentence with the label has no rating word
])
def test_not_ratings(text: str) -> None:
    assert ratings(text) == []


def test_the_rating_word_must_be_in_the_same_sentence() -> None:
    assert ratings("The food is good. Ofsted visited in May.") == []
    assert ratings("The food is good.\nThe Ofsted report came out in May.") == []


def test_ofsted_scale_ships_with_labels_best_first() -> None:
    ofsted = builtin_scales()["ofsted"]
    assert ofsted.labels == ("outstanding", "good", "requires improvement", "inadequate")
    assert set(ofsted.legacy) == {"satisfactory", "adequate"}
    assert ofsted.label_of("Requiring Improvement") == "requires improvement"
    assert ofsted.label_of("‘Good’") == "good"
    assert ofsted.label_of("excellent") is None
    assert ofsted.rank("outstanding") == 0
    assert ofsted.rank("satisfactory") == ofsted.rank("requires improvement")
    assert "ofsted" in ofsted.context and "rated" in ofsted.context


def test_builtin_scales_hands_out_a_fresh_mapping() -> None:
    scales = builtin_scales()
    scales.pop("ofsted")
    assert "ofsted" in builtin_scales()


HYGIENE = """\
name: food-hygiene
description: Food hygiene ratings of cafes, shops and restaurants in England and Wales.
labels:
  - label: very good
  - label: good
  - label: generally satisfactory
  - label: improvement necessary
  - label: major improvement necessary
    variants: [major improvements necessary]
context: [hygiene, food standards, rated, inspectors]
"""


def test_a_scale_file_adds_a_rating_system(tmp_path: Path) -> None:
    path = tmp_path / "hygiene.yaml"
    path.write_text(HYGIENE)
    hygiene = load_scale_file(path)
    assert isinstance(hygiene, Scale)
    assert hygiene.name == "food-hygiene"
    assert hygiene.labels[0] == "very good"
    context = Context(scales={"food-hygiene": hygiene})
    found = find_ratings("The cafe was rated ‘very good’ for hygiene.", context)
    assert [(v.text, v.value.to_json(), v.scale) for v in found] == [("very good", "very good", "food-hygiene")]


def test_between_scales_that_share_a_label_the_sentence_decides(tmp_path: Path) -> None:
    path = tmp_path / "hygiene.yaml"
    path.write_text(HYGIENE)
    scales = {**builtin_scales(), "food-hygiene": load_scale_file(path)}
    context = Context(scales=scales)
    [cafe] = find_ratings("The cafe was rated ‘good’ by food hygiene inspectors.", context)
    assert cafe.scale == "food-hygiene"
    [school] = find_ratings("The school was rated ‘good’ by Ofsted inspectors.", context)
    assert school.scale == "ofsted"


@pytest.mark.parametrize(("content", "message"), [
    ("name: x\nlabels: [good]\n", "field 'context' must be a non-empty list"),
    ("name: Bad Name\nlabels: [good]\ncontext: [rated]\n", "field 'name' must be lower-case letters"),
    ("name: x\ncontext: [rated]\n", "field 'labels' must be a list of labels, best first"),
    ("name: x\nlabels: [good]\ncontext: [rated]\ncolour: red\n", "field 'colour' is not a scale field"),
    ("name: x\nlabels: [{label: good, level: 2}]\ncontext: [rated]\n", "entry 1 of 'labels' has field 'level'"),
    ("name: x\nlabels: [good, {label: fine, variants: [good]}]\ncontext: [rated]\n",
     "'good' is written for both 'good' and 'fine'"),
    ("name: x\nlabels: [good]\nlegacy: [{label: okay, like: great}]\ncontext: [rated]\n",
     "legacy label 'okay' is like 'great', which is not a label"),
    ("- just\n- a list\n", "a scale file must be a mapping"),
    ("name: [unclosed\n", "YAML syntax error"),
])
def test_a_bad_scale_file_names_the_file_and_the_fix(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(content)
    with pytest.raises(ConfigError) as caught:
        load_scale_file(path)
    assert "broken.yaml" in str(caught.value).split(":")[0]
    assert message in str(caught.value)


def test_a_missing_scale_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nowhere.yaml: cannot read the scale file"):
        load_scale_file(tmp_path / "nowhere.yaml")


PIECES = ["good", "Good", "outstanding", "requires improvement", "require", "improvement", "inadequate",
          "rated", "Ofsted", "report", "‘", "’", "“", "”", "'", '"', "not", "would", "if", "from", "to",
          "be", "or", "better", "at least", ".", ",", "\n", "\u0130", "é", "to be"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200),
                 st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=30).map(" ".join)))
def test_any_text(text: str) -> None:
    found = find_ratings(text, CONTEXT)
    scale = builtin_scales()["ofsted"]
    for value in found:
        assert text[value.start:value.end] == value.text
        assert value.value.to_json() in scale.all_labels
    for before, after in zip(found, found[1:], strict=False):
        assert before.end <= after.start
    assert find_ratings(text, CONTEXT) == found


_PROSE = ("inspectors rated the school good in 2018 but the report said the trust needed more money "
          "and a new head who started in the spring said the pupils were doing well ")
MEGABYTE_LINES = {
    "letters": "x" * 1_000_000,
    "words": "the council agreed the plan " * 36_000,
    "labels without context": "good outstanding inadequate " * 36_000,
    "prose": (_PROSE * (1_000_000 // len(_PROSE) + 1))[:1_000_000],
}


@pytest.mark.parametrize("text", list(MEGABYTE_LINES.values()), ids=list(MEGABYTE_LINES))
def test_a_megabyte_line_without_punctuation_gives_only_ratings_in_context(text: str) -> None:
    # how long it takes is measured by benchmarks/pathological.py, not asserted here
    found = find_ratings(text, CONTEXT)
    assert all(text[v.start:v.end] == v.text for v in found)
    assert not found or "rated" in text or "Ofsted" in text
