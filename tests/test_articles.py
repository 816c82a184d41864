"""Reading article files: front matter, encodings, and files that cannot be used."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from checker.errors import ArticleFileError, ArticleSkipped
from checker.store.articles import load_articles, open_article, read_article

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


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_other_encodings_are_decoded(tmp_path: Path, encoding: str, caplog: pytest.LogCaptureFixture) -> None:
    text = "The council's \u00a341.6m budget was agreed by the caf\u00e9 owners' committee on Monday.\n" * 3
    if encoding == "cp1252":  # characters Latin-1 lacks: curly quotes and a dash
        text += "The mayor said it was \u201cthe right decision\u201d \u2013 and the trust\u2019s chief agreed.\n"
    with caplog.at_level(logging.WARNING):
        article = read_article(write(tmp_path, "c.txt", text.encode(encoding)), tmp_path)
    assert article is not None
    assert "\u00a341.6m" in article.text and "caf\u00e9" in article.text
    if encoding == "cp1252":
        assert "\"the right decision\" - and the trust's chief" in article.text
    if encoding in ("cp1252", "latin-1"):
        # Latin-1 text is cp1252 text too (cp1252 only adds characters), so both read as cp1252.
        assert caplog.messages == [f"{tmp_path / 'c.txt'}: not UTF-8; read as cp1252 (save it as UTF-8 to silence "
                                   "this)"]
    else:
        assert caplog.text == ""


def test_mojibake_is_repaired_with_a_warning_naming_the_file(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    clean = "The council\u2019s \u00a341.6m budget \u2013 agreed on Monday \u2013 funds the trust.\n"
    garbled = clean.encode("utf-8").decode("cp1252")  # "councilâ€™s Â£41.6m budget â€“ ..."
    assert "\u00e2\u20ac\u2122" in garbled
    with caplog.at_level(logging.WARNING):
        article = read_article(write(tmp_path, "news/garbled.txt", garbled.encode("utf-8")), tmp_path)
    assert article is not None
    assert article.text == "The council's \u00a341.6m budget - agreed on Monday - funds the trust.\n"
    assert caplog.messages == [f"{tmp_path / 'news' / 'garbled.txt'}: repaired mis-decoded characters such as 'â€™' "
                               "(mojibake); save the file again as UTF-8 from its source to silence this"]


def test_an_unknown_front_matter_field_is_named_with_the_known_ones(tmp_path: Path,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        article = read_article(write(tmp_path, "f.md", b"---\ntitle: Trust opens\nauthr: A. Writer\n---\nBody.\n"),
                               tmp_path)
    assert article is not None and article.title == "Trust opens" and article.author is None
    assert caplog.messages == [f"{tmp_path / 'f.md'}: front matter field(s) authr ignored; known fields: author, "
                               "notes, published, publisher, retrieved, title, url"]


def test_clean_text_that_looks_foreign_is_left_alone(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = "Fa\u00e7ade repairs at the Caf\u00e9 M\u00fcller cost \u00a312,500, said Jos\u00e9 \u00c1lvarez.\n"
    with caplog.at_level(logging.WARNING):
        article = read_article(write(tmp_path, "a.txt", text.encode("utf-8")), tmp_path)
    assert article is not None and article.text == text and caplog.text == ""


def test_ids_are_the_same_whatever_the_format(tmp_path: Path) -> None:
    page = "<html><body><article><h1>Budget</h1><p>" + BODY.replace("\n", " ") + "</p></article></body></html>"
    write(tmp_path, "2014/budget.HTML", page.encode())
    write(tmp_path, "notes/minutes.md", BODY.encode())
    write(tmp_path, "letter.txt", BODY.encode())
    assert [a.id for a in load_articles(tmp_path)] == ["2014/budget", "letter", "notes/minutes"]


def test_two_files_with_one_id_are_an_error_naming_both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "articles/2014/budget.txt", BODY.encode())
    write(tmp_path, "articles/2014/budget.html", b"<html><body><p>Budget</p></body></html>")
    with pytest.raises(ArticleFileError) as error:
        load_articles(Path("articles"))
    assert str(error.value) == ("articles/2014/budget.html and articles/2014/budget.txt: both would be article "
                                "'2014/budget'; keep one format of each article, or rename one of them")


def test_hidden_folders_such_as_fetched_raw_pages_are_not_articles(tmp_path: Path) -> None:
    write(tmp_path, "page.txt", BODY.encode())
    write(tmp_path, ".raw/page.html", b"<html><body><p>" + BODY.encode() + b"</p></body></html>")
    assert [a.id for a in load_articles(tmp_path)] == ["page"]


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


def test_invalid_front_matter_skips_the_article_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", b"---\ntitle: [unclosed\n---\nBody text.\n")
    with pytest.raises(ArticleSkipped, match="front matter is not valid YAML"):
        open_article(path, tmp_path)


def test_a_published_value_that_is_not_a_date_skips_the_article(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", b"---\npublished: last Tuesday\n---\nBody text.\n")
    with pytest.raises(ArticleSkipped, match="write it as YYYY-MM-DD"):
        open_article(path, tmp_path)


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ArticleFileError, match="articles folder not found"):
        load_articles(tmp_path / "missing")
