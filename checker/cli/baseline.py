"""`claimcheck baseline`: write the current conflicts to the baseline file, keeping the reasons already given."""

from __future__ import annotations

from pathlib import Path

import click

from checker.cli.options import Run, inputs_options, run_options
from checker.findings.baseline import Baseline, baseline_entries, default_baseline_path, read_baseline
from checker.findings.wording import plural
from checker.formats.baseline import render_baseline
from checker.formats.terminal import terminal_line
from checker.store.claims import find_claim_files
from checker.store.output import refuse_inputs, write_atomic
from checker.store.paths import display_path


@click.command()
@inputs_options
@run_options
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Baseline file to write [default: .baseline.yaml in the claims folder].")
def baseline(claims_path: Path, articles_path: Path, out: Path | None, run: Run) -> None:
    """Accept every current conflict: write them to the baseline file for 'check --baseline'.

    Entries already in the file keep their reason, accepted_by and accepted_on; entries
    for conflicts that no longer occur are dropped. Fill in the new entries' reasons, then
    commit the file.

    \b
    Example:
      claimcheck baseline && git diff claims/.baseline.yaml
    """
    target = out or default_baseline_path(claims_path)
    refuse_inputs(target, [articles_path, *find_claim_files(claims_path)] if claims_path.exists() else [articles_path])
    previous = read_baseline(target) if target.exists() else Baseline(path=display_path(target))
    entries = baseline_entries(run.check(claims_path, articles_path).report, previous)
    write_atomic(target, render_baseline(entries, name=display_path(target)))
    old = previous.by_key()
    kept = sum(1 for e in entries if e.key in old)
    dropped = len(old) - kept
    click.echo(terminal_line(f"claimcheck: {display_path(target)}: {plural(len(entries), 'accepted conflict')}: "
                             f"{len(entries) - kept} new (fill in their reason), {kept} kept, {dropped} dropped as "
                             "no longer occurring"), err=True)
