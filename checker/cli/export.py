"""`claimcheck export`: the check's result in formats others publish, such as schema.org ClaimReview."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import click

from checker.cli.options import Run, inputs_options, run_options
from checker.formats.claimreview import render_claimreview
from checker.store.output import refuse_inputs, write_atomic


class ExportFormat(StrEnum):
    """What `export` writes."""

    CLAIMREVIEW = "claimreview"


@click.command()
@inputs_options
@run_options
@click.option("--format", "output_format", type=click.Choice([f.value for f in ExportFormat]), default="claimreview",
              show_default=True, help="claimreview: schema.org ClaimReview JSON-LD, one review per claim.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("-"), show_default=True,
              help="File to write ('-' for stdout).")
@click.option("--author", default="claimcheck", show_default=True,
              help="The organisation publishing the reviews (ClaimReview 'author').")
@click.option("--url", default=None, help="Where the report is published; each review links to #claim-ID on it.")
def export(claims_path: Path, articles_path: Path, output_format: str, out: Path, author: str,
           url: str | None, run: Run) -> None:
    """Export the check's result for publishing: schema.org ClaimReview JSON-LD for each checked claim.

    \b
    Example:
      claimcheck export --format claimreview --author "Example News" --out reports/claimreview.jsonld
    """
    if str(out) != "-":
        refuse_inputs(out, (claims_path, articles_path))
    result = run.check(claims_path, articles_path)
    document = render_claimreview(result.report, author=author, url=url)
    if str(out) == "-":
        click.echo(document, nl=False)
    else:
        write_atomic(out, document)
