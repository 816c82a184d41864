"""Findings as GitHub Actions workflow commands: annotations on the article line of each conflicting value.

`workflow_command` is the one way a line of this sink is written (`lint --format github` uses it too).
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.findings.conflicts import UNCONFIRMED_MESSAGE, Findings, conflict_message, stale_message
from checker.findings.standing import Standing
from checker.formats.terminal import terminal_line

# https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions: a message
# escapes %, CR and LF; a property value escapes those and ':' and ',' too.
_DATA_ESCAPES = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_PROPERTY_ESCAPES = {**_DATA_ESCAPES, ":": "%3A", ",": "%2C"}


def render_github(findings: Findings, summary: str) -> str:
    """One `::error`/`::warning` line per finding, then the summary line as a `::notice`.

    A contradiction is an error; a conflict whose every reason to doubt it is a caveat (another time,
    hedged, weak match) is a warning. Both fail the check unless the baseline accepts them."""
    lines = []
    for conflict in findings.new_conflicts:
        message = f"{conflict.claim.id}: {conflict_message(conflict, findings)}"
        if conflict.mention.sentence:
            message += f"\nSentence: {conflict.mention.sentence}"
        open_ = conflict.standing is Standing.OPEN
        title = f"claimcheck: {conflict.claim.id} {'conflicts' if open_ else 'differs (caveated)'}"
        lines.append(workflow_command("error" if open_ else "warning", _place(conflict.path, conflict.line, title),
                                      message))
    level = "error" if findings.strict else "notice"
    for claim in findings.unconfirmed:
        lines.append(workflow_command(level, _place(claim.file, claim.line, f"claimcheck: {claim.id} unconfirmed"),
                                      f"{claim.id}: {UNCONFIRMED_MESSAGE}"))
    level = "error" if findings.strict else "warning"
    for entry in findings.stale:
        lines.append(workflow_command(level, _place(findings.baseline_path, entry.line,
                                                    "claimcheck: stale baseline entry"),
                                      stale_message(entry, findings)))
    # Files under the articles folder that were not read: a warning each, on the file itself.
    for skipped in findings.report.skipped:
        lines.append(workflow_command("warning", _place(skipped.path, skipped.line, "claimcheck: article skipped"),
                                      f"{skipped.path}: skipped, {skipped.reason}"))
    # A notice, so the run's outcome shows on the workflow run's page and not only in its log.
    lines.append(workflow_command("notice", [("title", "claimcheck")], summary))
    return "\n".join(lines) + "\n"


def workflow_command(level: str, properties: Sequence[tuple[str, str]], message: str) -> str:
    """`::level key=value,...::message` as one line: values and message encoded as GitHub reads them, and any
    other control character written as its escape, so input can neither end the line nor drive the log."""
    props = ",".join(f"{key}={_escape(value, _PROPERTY_ESCAPES)}" for key, value in properties)
    return f"::{level}{' ' + props if props else ''}::{_escape(message, _DATA_ESCAPES)}"


def _place(path: str | None, line: int | None, title: str) -> list[tuple[str, str]]:
    props = [("file", path)] if path else []
    if path and line is not None:
        props.append(("line", str(line)))
    return [*props, ("title", title)]


def _escape(text: str, table: dict[str, str]) -> str:
    return terminal_line("".join(table.get(ch, ch) for ch in text))
