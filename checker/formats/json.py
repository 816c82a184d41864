"""The JSON result of CONTRACT.md, as `report --json` and `check --format json` write it."""

from __future__ import annotations

import json

from checker.models import Report
from checker.text.normalise import utf8_safe


def render_json(report: Report) -> str:
    """The JSON result: `schema` first, two-space indents, UTF-8 text, a final newline."""
    data = report.model_dump(mode="json", by_alias=True)
    return utf8_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"

