"""The analysis cache: the same result with it and without it, and a damaged or stale cache never trusted."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.formats.json import render_json
from checker.pipeline import run_check
from checker.scale.cache import CACHE_FILE
from checker.settings import Settings


@pytest.fixture
def corpus(tmp_path: Path, data_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/data/scale (12 articles, 40 claims), with the report's time pinned."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    shutil.copytree(data_path / "scale", tmp_path / "corpus")
    return tmp_path / "corpus"


def _json(corpus: Path, cache: Path | None) -> str:
    settings = Settings(now=dt.datetime.fromtimestamp(1700000000, tz=dt.UTC), cache_dir=cache, workers=1)
    return render_json(run_check(corpus / "claims", corpus / "articles", settings).report)


def test_cold_and_warm_cache_give_the_json_of_a_run_without_cache(corpus: Path, tmp_path: Path) -> None:
    without = _json(corpus, None)
    cold = _json(corpus, tmp_path / "cache")
    warm = _json(corpus, tmp_path / "cache")
    assert cold == without
    assert warm == without
    assert '"mentions": [\n' in without  # the corpus does produce mentions to compare


def test_a_warm_run_reads_no_article_again(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _json(corpus, tmp_path / "cache")
    analysed: list[Path] = []
    import checker.scale.packed as records

    original = records.analyse_file

    def counting(path: Path, *args: object) -> object:
        analysed.append(path)
        return original(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr("checker.scale.work.analyse_file", counting)
    _json(corpus, tmp_path / "cache")
    assert analysed == []
    changed = corpus / "articles" / "000" / "a000003.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe trust employed 999 staff in 2020.\n",
                       encoding="utf-8")
    _json(corpus, tmp_path / "cache")
    assert analysed == [changed]


def test_an_edited_article_is_analysed_again_not_served_from_the_cache(corpus: Path, tmp_path: Path) -> None:
    _json(corpus, tmp_path / "cache")
    article = corpus / "articles" / "000" / "a000000.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("\n\n", "\n\nA new line about 12345 widgets.\n\n", 1), encoding="utf-8")
    assert _json(corpus, tmp_path / "cache") == _json(corpus, None)


def test_a_file_that_is_not_a_database_is_rebuilt_with_a_warning(corpus: Path, tmp_path: Path,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / CACHE_FILE).write_bytes(b"this is not SQLite at all" * 100)
    with caplog.at_level(logging.WARNING):
        result = _json(corpus, cache)
    assert result == _json(corpus, None)
    assert any("the analysis cache is not a claimcheck cache or is damaged (file is not a database); rebuilding it"
               in r.getMessage() for r in caplog.records)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        _json(corpus, cache)
    assert caplog.records == []  # rebuilt: the next run trusts it


def test_a_cache_from_other_analysis_code_is_rebuilt_with_a_warning(corpus: Path, tmp_path: Path,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    cache = tmp_path / "cache"
    _json(corpus, cache)
    with sqlite3.connect(cache / CACHE_FILE) as db:
        db.execute("UPDATE meta SET value = 'older' WHERE name = 'code'")
        # a record an older analysis might have written: if it were trusted, the result would change
        db.execute("UPDATE record SET body = ?", (b"\x78\x9c\x03\x00\x00\x00\x00\x01",))
    db.close()
    with caplog.at_level(logging.WARNING):
        assert _json(corpus, cache) == _json(corpus, None)
    assert any("made by another version of claimcheck's analysis; rebuilding it" in r.getMessage()
               for r in caplog.records)


def test_a_damaged_entry_is_dropped_and_the_article_analysed_again(corpus: Path, tmp_path: Path,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    cache = tmp_path / "cache"
    expected = _json(corpus, cache)
    with sqlite3.connect(cache / CACHE_FILE) as db:
        matched = [row[0] for row in db.execute("SELECT DISTINCT article FROM found ORDER BY article LIMIT 3")]
        # an article's summary, one claim's matches, and an analysis that must be read to match a claim new to it
        db.execute("UPDATE article SET body = ? WHERE key = ?", (b"\x78\x01garbage", matched[0]))
        db.execute("UPDATE found SET body = ? WHERE article = ?", (b"", matched[1]))
        db.execute("UPDATE record SET body = ? WHERE key = ?", (b"\x78\x01garbage", matched[2]))
        db.execute("UPDATE article SET claims = 'another claim set' WHERE key = ?", (matched[2],))
    db.close()
    with caplog.at_level(logging.WARNING):
        assert _json(corpus, cache) == expected
    assert sum("damaged entry in the analysis cache was dropped" in r.getMessage() for r in caplog.records) == 3
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert _json(corpus, cache) == expected
    assert caplog.records == []  # the re-analysed records were stored again


def test_cli_cache_dir_gives_the_same_json_and_prints_no_progress_off_a_terminal(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["check", "--claims", str(corpus / "claims"), "--articles", str(corpus / "articles"), "--format", "json"]
    plain = runner.invoke(cli, base, catch_exceptions=False)
    cached = [runner.invoke(cli, [*base, "--cache-dir", str(tmp_path / "cache")], catch_exceptions=False)
              for _ in range(2)]
    assert plain.exit_code == 1  # the corpus has conflicts
    assert [r.exit_code for r in cached] == [1, 1]
    assert cached[0].stdout == plain.stdout
    assert cached[1].stdout == plain.stdout
    assert plain.stderr == cached[0].stderr == cached[1].stderr == ""


def test_cli_cache_dir_that_cannot_be_made_is_one_error_line(corpus: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--claims", str(corpus / "claims"), "--articles",
                                      str(corpus / "articles"), "--cache-dir", str(blocker / "cache")])
    assert result.exit_code == 2
    assert result.stderr.startswith("claimcheck: error: ")
    assert "cannot create the cache folder" in result.stderr
    assert result.stderr.count("\n") == 1


def _report(corpus: Path, tmp_path: Path, name: str, *cache: str) -> tuple[bytes, bytes]:
    """The JSON and HTML bytes `claimcheck report` writes (the report's time pinned by the fixture)."""
    out = tmp_path / name
    out.mkdir()
    result = CliRunner().invoke(cli, ["report", "--claims", str(corpus / "claims"), "--articles",
                                      str(corpus / "articles"), "--json", str(out / "r.json"), "--out",
                                      str(out / "r.html"), *cache], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return (out / "r.json").read_bytes(), (out / "r.html").read_bytes()


def test_a_warm_run_writes_the_json_and_html_of_a_cold_run_byte_for_byte(corpus: Path, tmp_path: Path) -> None:
    cache = ("--cache-dir", str(tmp_path / "cache"))
    without = _report(corpus, tmp_path, "without")
    assert _report(corpus, tmp_path, "cold", *cache) == without
    assert _report(corpus, tmp_path, "warm", *cache) == without
    assert b'"mentions": [\n' in without[0]


_NEW_CLAIM = """- id: zz-new-claim
  claim: The trust employed 777 members of staff in 2019.
  subject: Doncaster Children's Services Trust
  kind: count
  value: 777
  keywords: [staff, employed]
"""


def test_claims_added_edited_and_removed_give_the_json_of_a_run_without_cache(corpus: Path, tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    _json(corpus, cache)
    analysed: list[Path] = []
    import checker.scale.packed as records

    original = records.analyse_file

    def counting(path: Path, *args: object) -> object:
        analysed.append(path)
        return original(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr("checker.scale.work.analyse_file", counting)
    (corpus / "claims" / "zz-new.yaml").write_text(_NEW_CLAIM, encoding="utf-8")
    assert _json(corpus, cache) == _json(corpus, None)
    (corpus / "claims" / "zz-new.yaml").write_text(_NEW_CLAIM.replace("777", "778"), encoding="utf-8")
    assert _json(corpus, cache) == _json(corpus, None)
    claims = corpus / "claims" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("63%", "64%", 1), encoding="utf-8")
    assert _json(corpus, cache) == _json(corpus, None)
    (corpus / "claims" / "zz-new.yaml").unlink()
    assert _json(corpus, cache) == _json(corpus, None)
    monkeypatch.setattr("checker.scale.work.analyse_file", counting)
    analysed.clear()
    _json(corpus, cache)
    assert analysed == []  # claims were matched against the stored analyses: no article was read again


def test_a_new_article_is_analysed_and_matched_alone(corpus: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    _json(corpus, cache)
    matched: list[str] = []
    from checker.matching import Matcher

    original = Matcher.match_article

    def counting(self: Matcher, analysis: Any) -> Any:
        matched.append(analysis.article.id)
        return original(self, analysis)

    monkeypatch.setattr(Matcher, "match_article", counting)
    assert _json(corpus, cache) == _json(corpus, None)
    matched.clear()
    _json(corpus, cache)
    assert matched == []  # nothing changed: every match is read from the cache
    source = corpus / "articles" / "000" / "a000007.md"  # one with mentions
    (corpus / "articles" / "new.md").write_text(source.read_text(encoding="utf-8") + "\nA new line.\n",
                                                encoding="utf-8")
    matched.clear()
    with_new = _json(corpus, cache)
    assert matched and set(matched) == {"new"}  # only the new article, against the claims it can hold
    assert with_new == _json(corpus, None)


def test_without_a_cache_dir_no_database_is_written(corpus: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr("tempfile.tempdir", None)
    monkeypatch.chdir(scratch)

    def no_database(*args: object, **kwargs: object) -> object:
        raise AssertionError("a database was opened")

    monkeypatch.setattr(sqlite3, "connect", no_database)
    _report(corpus, tmp_path, "out")
    assert list(scratch.iterdir()) == []


def test_two_files_with_the_same_bytes_keep_their_own_ids(corpus: Path, tmp_path: Path) -> None:
    _json(corpus, tmp_path / "cache")
    source = corpus / "articles" / "000" / "a000007.md"
    shutil.copy(source, corpus / "articles" / "copy.md")
    shutil.copy(source, corpus / "articles" / "copy2.txt")  # the same bytes read as another format
    assert _json(corpus, tmp_path / "cache") == _json(corpus, None)
    assert '"article": "copy"' in _json(corpus, None)
