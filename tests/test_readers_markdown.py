"""Markdown articles: front matter as for .txt, markup out of the analysed text."""

from __future__ import annotations

from pathlib import Path

from checker.store.articles import read_article
from checker.store.readers.markdown import strip_markdown

ARTICLE = """---
title: Trust budget agreed
published: 2014-09-10
---
# Trust budget agreed #

The **council** agreed a *£47m* budget for the [trust](https://example.org/trust), see ![chart](c.png) below.

- Around 450 staff will transfer on `1 October`.
1. The contract runs for _10 years_.
> "We are ready," said the chief executive.

| Year | Staff |
|------|-------|
| 2014 | 450 |
"""


def test_markup_is_removed_and_front_matter_read(tmp_path: Path) -> None:
    (tmp_path / "budget.md").write_text(ARTICLE, encoding="utf-8")
    article = read_article(tmp_path / "budget.md", tmp_path)
    assert article is not None
    assert (article.id, article.title, str(article.published)) == ("budget", "Trust budget agreed", "2014-09-10")
    lines = [line for line in article.text.split("\n") if line.strip()]
    assert lines == [
        "Trust budget agreed",
        "The council agreed a £47m budget for the trust, see  below.",
        "Around 450 staff will transfer on 1 October.",
        "The contract runs for 10 years.",
        '"We are ready," said the chief executive.',
        "Year ; Staff",
        "2014 ; 450",
    ]


def test_plain_prose_passes_through_unchanged() -> None:
    prose = "The trust's snake_case_id and 2 * 3 = 6 stay; so does a hyphen - like this.\n\nSecond paragraph."
    assert strip_markdown(prose) == prose


def test_line_structure_is_kept() -> None:
    assert strip_markdown("a\n## b\n\n* c").count("\n") == 3
