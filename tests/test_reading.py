"""Reading as reporters write: the invented articles of tests/data/reading, scored per class of hard reading.

Each gold label there names its class (predicate, role, reference, time, compound, plain; see the
README beside them). The floors are the figures measured when the matcher was last changed on
purpose: a change that reads worse fails here, class by class, and says which labels it lost.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scoring import score

from checker.formats.json import render_json
from checker.pipeline import run_check

READING = Path(__file__).parent / "data" / "reading"
GOLD: list[dict[str, Any]] = yaml.safe_load((READING / "gold.yaml").read_text(encoding="utf-8"))
# Recall of the required labels of each class, as measured (benchmarks/RESULTS.md has the history).
# "compound" is 18 of 19: "The 2,400-employee district" for "employs 2,400 people" is read with its role but
# falls below the cut, since none of the claim's own words ("employ", "people") is in the sentence.
RECALL_FLOORS = {"compound": 0.94, "plain": 1.0, "predicate": 0.86, "reference": 0.94, "role": 0.81, "time": 0.86}
PRECISION_FLOOR = 0.81
# Lines that are no statement at all: a photo caption, a dateline, a byline (the gold's distractor notes).
_NOT_STATEMENTS = re.compile(r'^# distractor: ([\w-]+), "([^"]+)".*: (?:a photo caption|the dateline|a dateline|'
                             r'a byline date)', re.MULTILINE)


@functools.cache
def _full_result() -> str:
    return render_json(run_check(READING / "claims", READING / "articles").report)


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return json.loads(_full_result())


@pytest.mark.parametrize("reading_class", sorted(RECALL_FLOORS))
def test_each_class_of_hard_reading_keeps_its_recall(result: dict[str, Any], reading_class: str) -> None:
    labels = [g for g in GOLD if g["class"] == reading_class]
    scored = score(labels, result)
    lost = "\n".join(f"missed {g['claim']} in {g['article']}: {g['value']} ({g.get('quote', '')[:70]!r})"
                     for g in scored.misses)
    assert scored.recall >= RECALL_FLOORS[reading_class], f"recall {scored.recall:.3f}\n{lost}"


def test_every_conflict_of_the_plain_and_compound_classes_is_found(result: dict[str, Any]) -> None:
    labels = [g for g in GOLD if g["class"] in ("plain", "compound")]
    scored = score(labels, result)
    assert scored.conflicts_found == scored.conflicts_required


def test_precision_over_all_the_claims(result: dict[str, Any]) -> None:
    scored = score(GOLD, result)
    alarms = "\n".join(f"{claim} {m['article']}: {m['text']!r} in {m['sentence'][:70]!r}"
                       for claim, m in scored.false_alarms)
    assert scored.precision >= PRECISION_FLOOR, f"precision {scored.precision:.3f}\n{alarms}"


def test_captions_datelines_and_bylines_are_never_statements(result: dict[str, Any]) -> None:
    lines = _NOT_STATEMENTS.findall((READING / "gold.yaml").read_text(encoding="utf-8"))
    assert len(lines) >= 8
    taken = [(article, quote, claim["id"]) for article, quote in lines for claim in result["claims"]
             for m in claim["mentions"] + claim.get("possible", [])
             if m["article"] == article and quote in m["sentence"]]
    assert not taken


_CLAIM_FILES = sorted((READING / "claims").glob("*.yaml"))


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_CLAIM_FILES), min_size=1, max_size=3, unique=True))
def test_a_claims_results_do_not_depend_on_the_other_claims(tmp_path_factory: pytest.TempPathFactory,
                                                           chosen: list[Path]) -> None:
    """Checked alone or beside every other claim, a claim's JSON entry is the same, byte for byte."""
    full = _by_claim(_full_result())
    folder = tmp_path_factory.mktemp("claims")
    for path in chosen:
        (folder / path.name).write_bytes(path.read_bytes())
    alone = _by_claim(render_json(run_check(folder, READING / "articles").report))
    assert alone and all(alone[claim] == full[claim] for claim in alone)


def _by_claim(rendered: str) -> dict[str, str]:
    payload = json.loads(rendered)
    # where the claim was read from differs by construction; everything else must not
    return {c["id"]: json.dumps({k: v for k, v in c.items() if k != "file"}, sort_keys=True)
            for c in payload["claims"]}
