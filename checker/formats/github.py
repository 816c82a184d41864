"""Findings as GitHub Actions workflow commands: annotations on the article line of each conflicting value."""

from __future__ import annotations

from checker.findings.conflicts import UNCONFIRMED_MESSAGE, Findings, conflict_message, stale_message

# https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions: a message
# escapes %, CR and LF; a property value escapes those and ':' and ',' too.
_DATA_ESCAPES = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_PROPERTY_ESCAPES = {**_DATA_ESCAPES, ":": "%3A", ",": "%2C"}


def render_github(findings: Findings, summary: str) -> str:
    """One `::error`/`::warning` line per finding, then the summary as a plain log line."""
    lines = []
    for conflict in findings.new_conflicts:
        message = f"{conflict.mention.article}: {conflict.claim.id}: {conflict_message(conflict, findings.published)}"
        if conflict.mention.sentence:
            message += f"\nSentence: {conflict.mention.sentence}"
        lines.append(_command("error", conflict.path, conflict.line, f"claimcheck: {conflict.claim.id} conflicts",
                              message))
    level = "error" if findings.strict else "notice"
    for claim in findings.unconfirmed:
        lines.append(_command(level, claim.file, claim.line, f"claimcheck: {claim.id} unconfirmed",
                              f"{claim.id}: {UNCONFIRMED_MESSAGE}"))
    level = "error" if findings.strict else "warning"
    for entry in findings.stale:
        lines.append(_command(level, findings.baseline_path, entry.line, "claimcheck: stale baseline entry",
                              stale_message(entry)))
    # Files under the articles folder that were not read: a warning each, on the file itself.
    for skipped in findings.report.skipped:
        lines.append(_command("warning", skipped.path, skipped.line, "claimcheck: article skipped",
                              f"{skipped.path}: skipped, {skipped.reason}"))
    lines.append(summary)
    return "\n".join(lines) + "\n"


def _command(level: str, path: str | None, line: int | None, title: str, message: str) -> str:
    props = [f"file={_escape(path, _PROPERTY_ESCAPES)}"] if path else []
    if path and line is not None:
        props.append(f"line={line}")
    props.append(f"title={_escape(title, _PROPERTY_ESCAPES)}")
    return f"::{level} {','.join(props)}::{_escape(message, _DATA_ESCAPES)}"


def _escape(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(ch, ch) for ch in text)
