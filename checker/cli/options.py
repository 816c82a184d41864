"""Options and exit codes shared by several commands."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from checker.models import Status
from checker.pipeline import CheckResult
from checker.store.articles import MAX_ARTICLE_BYTES, MAX_ARTICLE_BYTES_VARIABLE

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


def inputs_options(func: F) -> F:
    """--claims, --articles and --max-article-bytes, shared by the commands that read claims and articles."""
    func = click.option("--max-article-bytes", type=click.IntRange(min=1), default=None, expose_value=False,
                        envvar=MAX_ARTICLE_BYTES_VARIABLE, callback=_set_article_limit,
                        help=f"Skip (with a warning) article files larger than this "
                             f"[default: {MAX_ARTICLE_BYTES}; env: {MAX_ARTICLE_BYTES_VARIABLE}].")(func)
    func = click.option("--articles", "articles_path", type=click.Path(path_type=Path), default=Path("articles"),
                        show_default=True, help="Folder of article files (.txt, .md), searched recursively.")(func)
    func = click.option("--claims", "claims_path", type=click.Path(path_type=Path), default=Path("claims"),
                        show_default=True, help="Claims YAML file, or a folder of them.")(func)
    return func


def _set_article_limit(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
    # Through the environment, so that worker processes of the check see the same limit.
    if value is not None:
        os.environ[MAX_ARTICLE_BYTES_VARIABLE] = str(value)


def status_counts(result: CheckResult) -> dict[Status, int]:
    """How many claims have each status."""
    counts = dict.fromkeys(Status, 0)
    for claim in result.report.claims:
        counts[claim.status] += 1
    return counts


def summary_line(result: CheckResult) -> str:
    """'1 conflicting, 2 agreed, 0 unconfirmed (3 claims, 5 articles)'."""
    counts = status_counts(result)
    return (f"{counts[Status.CONFLICTING]} conflicting, {counts[Status.AGREED]} agreed, "
            f"{counts[Status.UNCONFIRMED]} unconfirmed ({len(result.report.claims)} claims, "
            f"{len(result.articles)} articles)")
