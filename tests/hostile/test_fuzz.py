"""Arbitrary text into the claim loader, the front-matter parser and the value extractor: a clean error or a result.

Bounded for CI: a few hundred examples each, no deadline per example (the first import warms caches).
Failures found by fuzzing are kept below as regression cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker.errors import ArticleFileError
from checker.formats.terminal import terminal_line
from checker.store.articles import decode_article_bytes, split_front_matter
from checker.store.claims import read_claims
from checker.store.safe_yaml import compose_yaml
from checker.text.boilerplate import boilerplate_lines
from checker.text.normalise import normalise_text
from checker.text.sentences import split_sentences
from checker.values import Context, builtin_scales, extract_values

FUZZ = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
SCALES = builtin_scales()
FIELDS = ["id", "claim", "kind", "value", "subject", "keywords", "as_of", "tolerance", "scale", "sources", "notes"]
# YAML-ish text: the characters YAML gives meaning to, and some it refuses.
YAML_TEXT = st.text(alphabet=st.sampled_from(list("-:[]{}&*!|>'\"#%@`,? \n\tab01.") + ["\x00", "\ufeff", "\u2028"]),
                    max_size=200)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
                    st.sampled_from(["2014-10", "2014-13-45", "£47m", "10 years", "63%", "good", "nan", ".inf"]))
RECORDS = st.dictionaries(st.sampled_from(FIELDS), st.one_of(SCALARS, st.lists(SCALARS, max_size=3),
                                                             st.dictionaries(st.text(max_size=5), SCALARS,
                                                                             max_size=2)), max_size=8)


def _load(tmp_path: Path, data: bytes) -> None:
    """Any bytes give valid claims and problems, each problem naming the file and shown on one line."""
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(data)
    found = read_claims(path, SCALES)
    for problem in found.problems:
        assert "\n" not in terminal_line(str(problem)), problem
        assert str(problem).startswith(f"{path.as_posix()}:"), problem
    assert all(c.id and c.file == path.as_posix() for c in found.claims)


@FUZZ
@given(text=st.text(max_size=300))
@example(text="- id: a\n  claim: x\n  kind: date\n  value: 2014-02-30\n")  # found: ValueError from the loader
@example(text="- " + "[" * 2000)  # found: RecursionError in PyYAML's composer
@example(text="- id: a\n  claim: x\n  kind: count\n  value: .nan\n")  # found: NaN accepted as a count
@example(text="- id: a\n  claim: x\n  kind: count\n  value: 1\n  tolerance: .inf\n")  # found: infinite tolerance
def test_the_claim_loader_takes_any_text(tmp_path: Path, text: str) -> None:
    _load(tmp_path, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(text=YAML_TEXT)
def test_the_claim_loader_takes_any_yaml_punctuation(tmp_path: Path, text: str) -> None:
    _load(tmp_path, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(records=st.lists(RECORDS, max_size=3))
def test_the_claim_loader_takes_any_record_shape(tmp_path: Path, records: list[dict[str, object]]) -> None:
    _load(tmp_path, yaml.safe_dump(records, allow_unicode=True).encode())


@FUZZ
@given(data=st.binary(max_size=300))
def test_the_claim_loader_takes_any_bytes(tmp_path: Path, data: bytes) -> None:
    _load(tmp_path, data)


@FUZZ
@given(meta=st.one_of(st.text(max_size=300), YAML_TEXT))
@example(meta="published: 2014-02-30")  # found: ValueError from the loader's date
@example(meta="title: " + "[" * 2000)  # found: RecursionError
def test_the_front_matter_parser_takes_any_text(meta: str) -> None:
    try:
        found, body = split_front_matter(f"---\n{meta}\n---\nBody text.\n", "a.md")
    except ArticleFileError as exc:
        assert str(exc).startswith("a.md") and "\n" not in str(exc)
    else:
        assert isinstance(found, dict)
        assert body.endswith("Body text.\n")


@FUZZ
@given(data=st.binary(max_size=500))
def test_any_bytes_decode_or_are_skipped(data: bytes) -> None:
    text = decode_article_bytes(data, "a.txt")
    assert text is None or isinstance(text, str)


@FUZZ
@given(text=st.text(max_size=400))
def test_the_value_extractor_takes_any_text(text: str) -> None:
    body = normalise_text(text)
    for value in extract_values(body, Context()):
        assert 0 <= value.start < value.end <= len(body)
        assert body[value.start:value.end] == value.text
    split_sentences(body, boilerplate_lines(body))


@FUZZ
@given(text=st.lists(st.sampled_from([*"0123456789 ,.-/£$%()'", "Jan", "2014", "million", "years", "good",
                                      "per cent", "Mr", "\n"]), max_size=150).map("".join))
def test_the_value_extractor_takes_any_numeric_soup(text: str) -> None:
    body = normalise_text(text)
    for value in extract_values(body, Context()):
        assert body[value.start:value.end] == value.text


# How long extraction takes on these inputs, and whether it stays linear: benchmarks/pathological.py.


@pytest.mark.slow  # many runs of the CLI: `pytest -m slow`, and CI, run it
def test_a_big_document_without_aliases_is_not_taken_for_a_bomb() -> None:
    records = "".join(f"- id: c{i}\n  claim: x\n  kind: count\n  value: {i}\n  keywords: [a, b, c]\n"
                      for i in range(30000))
    root = compose_yaml(records)
    assert root is not None and len(root.value) == 30000
