"""Findings as text for people: one line per thing to act on, then the summary (`check`'s default format)."""

from __future__ import annotations

import click

from checker.findings.conflicts import UNCONFIRMED_MESSAGE, Findings, conflict_message, stale_message
from checker.findings.standing import Standing
from checker.findings.wording import plural
from checker.formats.terminal import terminal_line


def render_text(findings: Findings, summary: str, colour: bool = False) -> str:
    """For people: a line per new conflict, per stale entry and (with --strict) per unconfirmed claim, then the
    summary; conflicts accepted by a baseline are only counted. Every line goes through the terminal layer."""
    def style(text: str, fg: str) -> str:
        safe = terminal_line(text)
        return click.style(safe, fg=fg, bold=True) if colour else safe

    lines = [f"{style(c.claim.id, 'red' if c.standing is Standing.OPEN else 'yellow')}: "
             f"{terminal_line(conflict_message(c, findings))}" for c in findings.new_conflicts]
    if findings.strict:
        lines += [f"{terminal_line(f'{c.file}:{c.line}')}: {style(c.id, 'yellow')}: "
                  f"unconfirmed, {UNCONFIRMED_MESSAGE}" for c in findings.unconfirmed]
    lines += [f"{terminal_line(f'{findings.baseline_path}:{e.line}')}: {style('stale', 'yellow')}: "
              f"{terminal_line(stale_message(e, findings))}" for e in findings.stale]
    if findings.baseline_path is not None:
        accepted = len(findings.conflicts) - len(findings.new_conflicts)
        lines.append(terminal_line(f"baseline {findings.baseline_path}: "
                                   f"{plural(len(findings.new_conflicts), 'new conflict')}, {accepted} accepted, "
                                   f"{len(findings.stale)} stale"))
    lines.append(terminal_line(summary))
    return "".join(f"{line}\n" for line in lines)
