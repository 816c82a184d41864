"""The baseline file as claimcheck writes it: a header that says how to use it, one YAML block per accepted conflict.

Values are written by the YAML library (quoted where YAML would read them otherwise), never
interpolated into the text, so no field can start a new entry or a comment.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

from checker.findings.baseline import BASELINE_NAME, BaselineEntry
from checker.formats.terminal import terminal_line

_HEADER = """\
# claimcheck baseline: conflicts between claims and articles that have been reviewed and accepted.
# `claimcheck check --baseline {name}` fails only on conflicts not listed here, and reports
# entries that no longer occur as stale. Fill in reason, accepted_by and accepted_on for each
# entry; `claimcheck baseline` rewrites this file from the current conflicts and keeps them.
# An entry matches a conflict by claim, article and value; `stated` is only for the reader.
"""


def render_baseline(entries: Iterable[BaselineEntry], name: str = BASELINE_NAME) -> str:
    """The baseline file's text: a header that says how to use it, then one block per entry."""
    blocks = []
    for entry in entries:
        record = entry.model_dump(mode="json", exclude={"line"})
        lines = [f"{'-' if n == 0 else ' '} {key}: {_flow(value)}" for n, (key, value) in enumerate(record.items())]
        blocks.append("\n".join(lines) + "\n")
    # The file's own name goes into a comment: as one escaped line, so it cannot end the comment.
    return _HEADER.format(name=terminal_line(name)) + ("\n".join(blocks) if blocks else "[]\n")


def _flow(value: Any) -> str:
    # One line per field, a money or duration value as {amount: 47000000, currency: GBP}: dumping
    # it inside a one-item flow list gives YAML's own quoting, then the brackets come off.
    return yaml.safe_dump([value], default_flow_style=True, allow_unicode=True, width=1_000_000).strip()[1:-1]
