"""Accuracy on the bundled corpus: the real claims/ and articles/ against our own gold labels."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from scoring import score

from checker.formats.json import render_json
from checker.pipeline import run_check

ROOT = Path(__file__).parent.parent


def test_bundled_corpus_meets_the_accuracy_floors(data_path: Path) -> None:
    gold = yaml.safe_load((data_path / "gold" / "seed-mentions.yaml").read_text(encoding="utf-8"))
    result = run_check(ROOT / "claims", ROOT / "articles")
    scored = score(gold, json.loads(render_json(result.report)))
    problems = [f"miss {g['claim']} {g['article']} {g['value']}" for g in scored.misses]
    problems += [f"false alarm {c} {m['article']} {m['value']} {m['sentence'][:60]!r}" for c, m in scored.false_alarms]
    summary = (f"precision {scored.precision:.3f} recall {scored.recall:.3f} conflict recall "
               f"{scored.conflict_recall:.3f} verdict accuracy {scored.verdict_accuracy:.3f}\n" + "\n".join(problems))
    # Floors at the figures of the matcher as last changed on purpose (benchmarks/RESULTS.md): the matcher is
    # no longer tuned on these five articles, so these guard against regressions, they are not the goal.
    assert scored.precision >= 0.82, summary
    assert scored.recall >= 0.94, summary
    assert scored.conflict_recall >= 0.66, summary
    assert scored.verdict_accuracy >= 0.95, summary
