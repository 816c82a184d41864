"""PDF documents: text by page, line breaks and hyphenation repaired, running headers and footers removed."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pdfs import write_pdf

from checker.store.articles import read_article

LINES = [
    "Children's Services Inspection Report",
    "",
    "The arms-length trust employed 657 members of staff at the time of the inspec-",
    "tion, and the arms-",
    "length company had a budget of £47m for the year.",
    "",
    "Leaders said the service was improving and that the decision to return it to the council was",
    "taken independently of this report.",
]


def read(path: Path) -> str:
    article = read_article(path, path.parent)
    assert article is not None
    return article.text


def test_hyphenation_and_line_breaks_are_repaired(tmp_path: Path) -> None:
    text = read(write_pdf(tmp_path / "report.pdf", LINES, lines=True))
    assert "at the time of the inspection, and the arms-length company had a budget of £47m for the year." in text
    # Lines of one paragraph are joined; paragraphs stay apart.
    assert "decision to return it to the council was taken independently of this report." in text
    assert "\n\nLeaders said" in text


def test_running_headers_and_footers_are_removed_and_pages_are_cited(tmp_path: Path) -> None:
    paragraphs = [f"Paragraph {n} says the trust spent £{n}m in year {n} of its contract with the council, "
                  "as the finance report to the cabinet set out in detail." for n in range(1, 80)]
    path = write_pdf(tmp_path / "paper.pdf", paragraphs, header="Doncaster Council - Cabinet papers",
                     footer="Page {page} of the agenda pack")
    article = read_article(path, tmp_path)
    assert article is not None
    assert "Cabinet papers" not in article.text and "agenda pack" not in article.text
    assert len(article.page_starts) >= 3 and article.page_starts[0] == 0
    first, last = article.text.index("Paragraph 1 "), article.text.index("Paragraph 79 ")
    assert article.page_of(first) == 1
    assert article.page_of(last) == len(article.page_starts)
    assert article.text.count("Paragraph ") == 79  # none lost or doubled at a page break


def test_a_paragraph_running_over_a_page_break_is_one_line(tmp_path: Path) -> None:
    filler = [f"Filler paragraph number {n} of the cabinet report, with nothing of note." for n in range(40)]
    long = ("The council agreed that the trust would receive an additional £8.5m over the coming year to meet "
            "rising demand, which the finance director said was needed because of the number of children in "
            "care, and the cabinet agreed it without a vote. ") * 6
    article = read_article(write_pdf(tmp_path / "p.pdf", [*filler, long.strip()]), tmp_path)
    assert article is not None and len(article.page_starts) == 2
    assert long.strip() in article.text.split("\n")


def test_other_formats_cite_no_page(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The trust employed 657 members of staff.\n")
    article = read_article(tmp_path / "a.txt", tmp_path)
    assert article is not None and article.page_of(5) is None


def test_a_broken_pdf_is_skipped_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage")
    with caplog.at_level(logging.WARNING):
        assert read_article(tmp_path / "broken.pdf", tmp_path) is None
    assert "broken.pdf" in caplog.text


def test_evidence_from_a_pdf_cites_its_page(tmp_path: Path) -> None:
    import yaml

    from checker.pipeline import run_check

    filler = [f"Filler paragraph number {n} of the Riverside Care Trust's annual review, with nothing of note."
              for n in range(40)]
    (tmp_path / "articles").mkdir()
    path = write_pdf(tmp_path / "articles" / "review.pdf", [*filler, "The Riverside Care Trust employed 410 staff "
                                                            "at the end of the year, its accounts show."])
    assert path.exists()
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "c.yaml").write_text(yaml.safe_dump([{
        "id": "staff", "claim": "The Riverside Care Trust employed 410 staff.", "subject": "Riverside Care Trust",
        "kind": "count", "value": 410, "keywords": ["staff", "employed"]}]), encoding="utf-8")
    result = run_check(tmp_path / "claims", tmp_path / "articles")
    (mention,) = result.report.claims[0].mentions
    assert (mention.value.to_json(), mention.page) == (410, 2)
