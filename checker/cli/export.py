"""`claimcheck export`: the check's result in formats others publish, such as schema.org ClaimReview."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import click

from checker.cli.options import Run, baseline_option, inputs_options, run_options
from checker.findings.baseline import Baseline
from checker.findings.standing import standings_of
from checker.formats.claimreview import is_web_address, render_claimreview
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
@click.option("--author", metavar="NAME", default=None,
              help="The organisation publishing the reviews (ClaimReview 'author'); required for claimreview.")
@click.option("--url", default=None,
              help="Where the report is published (http or https); each review links to #claim-ID on it.")
@baseline_option
def export(claims_path: Path, articles_path: Path, output_format: str, out: Path, author: str | None,
           url: str | None, baseline: Baseline | None, run: Run) -> None:
    """Export the check's result for publishing: schema.org ClaimReview JSON-LD for each checked claim.

    \b
    A conflict that carries a caveat or that the baseline (--baseline) accepts is never published as
    "contradicted".

    \b
    Example:
      claimcheck export --format claimreview --author "Example News" --out reports/claimreview.jsonld
    """
    if author is None or not author.strip():
        raise click.UsageError("--author NAME is required for claimreview: the organisation publishing the "
                               "reviews, e.g. --author \"Example News\"")
    if url is not None and not is_web_address(url):
        raise click.UsageError("--url must be an http or https address, e.g. https://example.org/report.html")
    if str(out) != "-":
        refuse_inputs(out, (claims_path, articles_path))
    result = run.check(claims_path, articles_path)
    document = render_claimreview(result.report, author=author.strip(), url=url, standings=standings_of(baseline))
    if str(out) == "-":
        click.echo(document, nl=False)
    else:
        write_atomic(out, document)
