"""The JSON result of CONTRACT.md, as `report --json` and `check --format json` write it."""

from __future__ import annotations

import json
import re

from checker.models import Report

# A lone surrogate (a file name that was not UTF-8 reads as one) cannot be written as UTF-8; in the JSON
# text it can only stand inside a string, where U+FFFD takes its place.
_SURROGATE = re.compile("[\ud800-\udfff]")


def render_json(report: Report) -> str:
    """The JSON result: `schema` first, two-space indents, UTF-8 text, a final newline."""
    data = report.model_dump(mode="json", by_alias=True)
    return utf8_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def utf8_safe(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD, so that it encodes as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)
