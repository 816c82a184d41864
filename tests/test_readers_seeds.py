"""The same findings across formats: the seed articles as .txt, as saved news pages, and as PDFs.

Like the accuracy test, this reads the bundled claims/ and articles/: the point is that the seeds
wrapped in news-page HTML (tests/data/articles/seeds-html/) or printed to PDF read as the .txt do.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pdfs import write_pdf

from checker.models import CheckResult
from checker.pipeline import run_check
from checker.store.articles import split_front_matter
from checker.text.normalise import normalise_text

ROOT = Path(__file__).parent.parent


def findings(result: CheckResult) -> list[tuple[Any, ...]]:
    return sorted((c.id, m.article, repr(m.value), m.verdict.value, m.sentence)
                  for c in result.report.claims for m in c.mentions)


@pytest.fixture(scope="module")
def from_txt() -> CheckResult:
    return run_check(ROOT / "claims", ROOT / "articles")


def test_seed_news_pages_give_the_same_findings_as_the_text(from_txt: CheckResult, data_path: Path) -> None:
    from_html = run_check(ROOT / "claims", data_path / "articles" / "seeds-html")
    assert findings(from_html) == findings(from_txt)
    # Title, date, author and canonical URL come from the page itself, and match the curated front matter.
    for page, text in zip(from_html.articles, from_txt.articles, strict=True):
        assert (page.id, page.title, page.published, page.url, page.publisher) == (
            text.id, text.title, text.published, text.url, text.publisher)
    assert [a.values_stated for a in from_html.report.articles] == [a.values_stated for a in from_txt.report.articles]


def test_seed_pdfs_give_the_same_findings_as_the_text(from_txt: CheckResult, tmp_path: Path) -> None:
    for source in sorted((ROOT / "articles").glob("*.txt")):
        meta, body = split_front_matter(source.read_text(encoding="utf-8"), source.name)
        paragraphs = [line for line in normalise_text(body).split("\n") if line.strip()]
        published = meta["published"]
        assert isinstance(published, dt.date)
        if str(published.year) not in " ".join(paragraphs[1:4]):
            # A PDF has no front matter: like a printed paper, it states its date under the title.
            paragraphs.insert(1, f"Published {published:%d %B %Y}")
        write_pdf(tmp_path / f"{source.stem}.pdf", paragraphs, header=str(meta["publisher"]),
                  footer="Page {page} of this document", title=str(meta["title"]))
    from_pdf = run_check(ROOT / "claims", tmp_path)
    assert findings(from_pdf) == findings(from_txt)
    assert [(a.id, a.published) for a in from_pdf.articles] == [(a.id, a.published) for a in from_txt.articles]
    assert any(len(a.page_starts) > 1 for a in from_pdf.articles)
