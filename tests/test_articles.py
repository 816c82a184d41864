"""Reading article files: front matter, encodings, and files that cannot be used."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from checker.articles import load_articles, read_article
from checker.errors import ArticleFileError

BODY = "Council approves \u00a341.6m for the trust\n\nThe council\u2019s cabinet agreed the budget.\n"


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_front_matter_fills_the_article_and_is_not_analysed(tmp_path: Path) -> None:
    text = "---\ntitle: Budget agreed\npublished: 2014-09-10\npublisher: Example News\n---\n" + BODY
    article = read_article(write(tmp_path, "a.txt", text.encode()), tmp_path)
    assert article is not None
    assert (article.id, article.title, article.publisher) == ("a", "Budget agreed", "Example News")
    assert article.published == dt.date(2014, 9, 10)
    assert article.text.startswith("Council approves £41.6m")
    assert "council's cabinet" in article.text  # curly quote straightened, same length


def test_without_front_matter_the_first_line_is_the_title(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "b.txt", BODY.encode()), tmp_path)
    assert article is not None and article.title == "Council approves £41.6m for the trust"


def test_ids_are_paths_under_the_folder_without_extension(tmp_path: Path) -> None:
    write(tmp_path, "2014/x.txt", BODY.encode())
    write(tmp_path, "y.md", BODY.encode())
    assert [a.id for a in load_articles(tmp_path)] == ["2014/x", "y"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_other_encodings_are_decoded(tmp_path: Path, encoding: str, caplog: pytest.LogCaptureFixture) -> None:
    text = "The council's \u00a341.6m budget was agreed by the caf\u00e9 owners' committee on Monday.\n" * 3
    article = read_article(write(tmp_path, "c.txt", text.encode(encoding)), tmp_path)
    assert article is not None
    assert "\u00a341.6m" in article.text and "caf\u00e9" in article.text
    if encoding == "cp1252":
        assert "not UTF-8" in caplog.text and "c.txt" in caplog.text


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "no text"),
    ("blank.txt", b"  \n\n\t\n", "no text"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("only-front-matter.txt", b"---\ntitle: x\n---\n", "no text"),
])
def test_unusable_articles_are_skipped_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                      name: str, data: bytes, reason: str) -> None:
    write(tmp_path, name, data)
    write(tmp_path, "good.txt", BODY.encode())
    with caplog.at_level(logging.WARNING):
        articles = load_articles(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert name in caplog.text and reason in caplog.text


def test_invalid_front_matter_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", b"---\ntitle: [unclosed\n---\nBody text.\n")
    with pytest.raises(ArticleFileError, match="front matter is not valid YAML"):
        read_article(path, tmp_path)


def test_a_published_value_that_is_not_a_date_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", b"---\npublished: last Tuesday\n---\nBody text.\n")
    with pytest.raises(ArticleFileError, match="write it as YYYY-MM-DD"):
        read_article(path, tmp_path)


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ArticleFileError, match="articles folder not found"):
        load_articles(tmp_path / "missing")
