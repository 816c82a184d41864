"""Findings as text for people: one line per thing to act on, then the summary (`check`'s default format)."""

from __future__ import annotations

import click

from checker.findings.conflicts import UNCONFIRMED_MESSAGE, Findings, conflict_message, stale_message


def render_text(findings: Findings, summary: str, colour: bool = False) -> str:
    """For people: a line per new conflict, per stale entry and (with --strict) per unconfirmed claim, then the
    summary; conflicts accepted by a baseline are only counted."""
    def style(text: str, fg: str) -> str:
        return click.style(text, fg=fg, bold=True) if colour else text

    lines = [f"{c.mention.article}: {style(c.claim.id, 'red')}: {conflict_message(c, findings.published)}"
             for c in findings.new_conflicts]
    if findings.strict:
        lines += [f"{c.file}:{c.line}: {style(c.id, 'yellow')}: unconfirmed, {UNCONFIRMED_MESSAGE}"
                  for c in findings.unconfirmed]
    lines += [f"{findings.baseline_path}:{e.line}: {style('stale', 'yellow')}: {stale_message(e)}"
              for e in findings.stale]
    if findings.baseline_path is not None:
        accepted = len(findings.conflicts) - len(findings.new_conflicts)
        lines.append(f"baseline {findings.baseline_path}: {len(findings.new_conflicts)} new conflict(s), "
                     f"{accepted} accepted, {len(findings.stale)} stale")
    lines.append(summary)
    return "".join(f"{line}\n" for line in lines)
