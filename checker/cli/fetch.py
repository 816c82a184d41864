"""`claimcheck fetch`: save web pages as articles."""

from __future__ import annotations

import os
from pathlib import Path

import click

from checker.cli.options import EXIT_FINDINGS
from checker.fetch import MAX_PAGE_BYTES, TIMEOUT_SECONDS, FetchResult, fetch_articles
from checker.settings import Settings
from checker.store.paths import display_path


@click.command()
@click.argument("urls", nargs=-1, required=True)
@click.option("--into", type=click.Path(path_type=Path, file_okay=False), default=Path("articles"),
              show_default=True, help="Folder to save the articles in.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=TIMEOUT_SECONDS, show_default=True,
              help="Seconds each page may take in all, from connecting to the last byte.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_PAGE_BYTES, show_default=True,
              help="Largest page to download, in bytes.")
@click.option("--force", is_flag=True, help="Fetch a page again, overwriting the article saved from it before.")
@click.pass_context
def fetch(ctx: click.Context, urls: tuple[str, ...], into: Path, timeout: float, max_bytes: int,
          force: bool) -> None:
    """Save each web page as an article: its text with url, title, published and retrieved in front matter.

    One request per URL, no JavaScript, TIMEOUT seconds in all. The raw page is kept in INTO/.raw/.
    A URL that fails is reported on stderr and the others are still fetched; an article already
    saved is kept unless --force. Exit status: 0 every page saved, 1 some URL failed, 2 bad usage.

    \b
    Example:
      claimcheck fetch https://www.example.com/news/council-budget-agreed --into articles
    """
    results = fetch_articles(urls, into, timeout=timeout, max_bytes=max_bytes, on_result=_show,
                             settings=Settings.from_environment(os.environ), force=force)
    if any(r.error for r in results):
        ctx.exit(EXIT_FINDINGS)


def _show(result: FetchResult) -> None:
    if result.path is not None:
        click.echo(f"{result.url} -> {display_path(result.path)}")
    else:
        click.echo(f"claimcheck: error: {result.url}: {result.error}", err=True)
