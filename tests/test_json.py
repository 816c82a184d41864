"""The JSON result's bytes: the fast writer writes exactly what Python's own encoder wrote, whatever the input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from checker.formats.json import render_json
from checker.formats.json_text import dumps_exact
from checker.models import Report
from checker.pipeline import run_check
from checker.text.normalise import utf8_safe

ROOT = Path(__file__).parent.parent


def reference_json(report: Report) -> str:
    """The JSON result as the contract was first written: Python's encoder over the whole report."""
    return utf8_safe(json.dumps(report.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False)) + "\n"


def hostile_report() -> Report:
    mention: dict[str, Any] = {
        "article": "caf\udce9/\u00e9t\u00e9 \U0001f600", "value": 0.00001, "verdict": "conflicts",
        "text": "1e-05 \x00\x1f\x7f\u2028 \"quoted\" \\", "sentence": "<script>\t\n</script> \ud800", "start": 0,
        "end": 5, "score": 3.5e-07, "confidence": 1e16, "matched_words": [], "reasons": ["\udcff"], "caveats": [],
    }
    claims = [
        {"id": "tiny", "kind": "percent", "value": 2e-05, "status": "conflicting", "claim": "\u00a3 \ufffd",
         "mentions": [mention, {**mention, "score": 0.1 + 0.2, "confidence": 0.0001, "start": 3}],
         "possible": [{**mention, "score": -0.0, "confidence": 123456789012345678.0}]},
        {"id": "unconfirmed", "kind": "count", "value": 450, "status": "unconfirmed"},
    ]
    return Report.model_validate({"version": "1", "generated": "2026-01-01T00:00:00Z", "claims": claims,
                                  "articles": [{"id": "caf\udce9", "title": "\U0001f600"}],
                                  "skipped": [{"path": "x\udc80.txt", "reason": "r"}]})


def test_the_bundled_corpus_writes_the_reference_bytes() -> None:
    report = run_check(ROOT / "claims", ROOT / "articles").report
    assert any(claim.mentions for claim in report.claims)
    assert render_json(report) == reference_json(report)


def test_hostile_text_and_floats_write_the_reference_bytes() -> None:
    report = hostile_report()
    text = render_json(report)
    assert text == reference_json(report)
    assert '"score": 3.5e-07' in text and '"value": 1e-05' in text and "\ufffd" in text
    assert "\udce9" not in text
    text.encode("utf-8")  # no lone surrogate is left


def test_an_empty_report_writes_the_reference_bytes() -> None:
    assert render_json(Report()) == reference_json(Report())


_JSON = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.integers(min_value=2**63, max_value=2**70)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON)
def test_any_json_value_is_written_as_pythons_encoder_writes_it(data: Any) -> None:
    assert dumps_exact(data) == utf8_safe(json.dumps(data, indent=2, ensure_ascii=False)).encode()
