"""One rule per kind of input: an article that cannot be used is skipped and counted, a claims file,
baseline or previous result that cannot be read stops the run (exit 2), anything else is a bug (exit 3).
And the budgets in bytes and counts, and outputs written only where meant."""

from __future__ import annotations

import json
import os
import stat
import threading
import zlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from checker.cli import cli

CLAIM = """\
- id: staff-count
  claim: Around 450 staff moved to the trust.
  subject: Example Trust
  kind: count
  value: 450
  keywords: [staff]
"""
TEXT = "Example Trust said 450 staff moved to the trust in October 2014.\n"
ARTICLE = "---\ntitle: Staff move\npublished: 2014-10-01\n---\n" + TEXT


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "claims").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "claims" / "staff.yaml").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "articles" / "good.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714564800")
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def claimcheck(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def check_json(*extra: str) -> tuple[Result, dict[str, Any]]:
    result = claimcheck("check", "--workers", "1", "--format", "json", *extra)
    return result, json.loads(result.stdout) if result.exit_code in (0, 1) else {}


def warnings(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("claimcheck: warning:")]


def assert_skipped(path: str, *words: str, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    """The run goes on (exit 0), the file is named in a warning and in the JSON result's `skipped`."""
    result, data = check_json(*extra)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    said = [w for w in warnings(result) if f"{path}" in w and "skipped" in w]
    assert said, result.stderr
    for word in words:
        assert word in said[0], said[0]
    assert [a["id"] for a in data["articles"]] == ["good"]
    (entry,) = [s for s in data["skipped"] if s["path"].startswith(path)]
    return entry


# --- articles: skipped, counted, the run goes on ----------------------------------------------------


def test_a_front_matter_title_with_a_lone_surrogate_is_skipped(workspace: Path) -> None:
    (workspace / "articles" / "sur.md").write_text('---\ntitle: "bad \\ud800 title"\n---\n' + TEXT)
    entry = assert_skipped("articles/sur.md", "lone surrogate")
    assert entry["reason"] == ("front matter 'title' holds an escape that is not a character (a lone surrogate "
                               "such as \\ud800); remove it")


def test_an_article_whose_file_name_is_not_utf8_is_skipped_by_a_printable_name(workspace: Path) -> None:
    name = os.fsencode(workspace / "articles") + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(TEXT.encode())
    entry = assert_skipped("articles/caf\\xe9.txt", "not UTF-8")
    assert entry["reason"] == "its file name is not UTF-8 text; rename it"


def test_an_article_1000_folders_deep_does_not_crash_the_run(workspace: Path) -> None:
    folders = ["articles"]
    for _ in range(1000):  # os.makedirs and shutil.rmtree recurse once a level: too deep for them
        folders.append(os.path.join(folders[-1], "d"))
        os.mkdir(folders[-1])
    with open(os.path.join(folders[-1], "deep.txt"), "w") as handle:
        handle.write("Example Trust had 450 staff in 2014.\n")
    try:
        result, data = check_json()
    finally:
        os.remove(os.path.join(folders[-1], "deep.txt"))
        for folder in reversed(folders[1:]):
            os.rmdir(folder)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(a["id"] for a in data["articles"]) == ["/".join(["d"] * 1000 + ["deep"]), "good"]


def test_a_decompression_bomb_in_a_pdf_is_skipped(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf.errors import LimitReachedError

    def bomb(*args: object, **kwargs: object) -> None:
        raise LimitReachedError("Limit reached while decompressing: 75000000 bytes")

    (workspace / "articles" / "bomb.pdf").write_bytes(b"%PDF-1.7\n")
    monkeypatch.setattr("checker.store.readers.pdf.PdfReader", bomb)
    entry = assert_skipped("articles/bomb.pdf", "the PDF cannot be read", "LimitReachedError")
    assert entry["reason"].endswith("save it again from its source, or its text as .txt")


def test_a_pdf_whose_info_is_not_a_dictionary_is_read_without_its_title(workspace: Path) -> None:
    from pdfs import write_pdf

    path = write_pdf(workspace / "articles" / "paper.pdf", ["Example Trust had 450 staff in 2014."])
    raw = path.read_bytes()
    assert b"/Info" in raw
    path.write_bytes(raw.replace(b"/Info", b"/Info [1 2 3] /Old", 1))
    result, data = check_json()
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "paper" in [a["id"] for a in data["articles"]] + [s["path"][9:14] for s in data["skipped"]]


def test_an_unreadable_article_is_skipped(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # CI runs as root, for whom chmod 000 changes nothing: the OSError is injected instead.
    (workspace / "articles" / "locked.txt").write_text(TEXT)
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    entry = assert_skipped("articles/locked.txt")
    assert entry["reason"] == "cannot be read (Permission denied)"


def test_a_reader_library_exception_skips_the_article(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("lxml went wrong")

    (workspace / "articles" / "page.html").write_text("<html><body><p>" + TEXT + "</p></body></html>")
    monkeypatch.setattr("checker.store.articles.read_html", explode)
    entry = assert_skipped("articles/page.html")
    assert entry["reason"] == ("cannot be read (RuntimeError: lxml went wrong); save it again from its source, "
                               "or its text as .txt")


def test_an_analysis_exception_skips_the_article(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.scale.packed as packed

    real = packed.analyse_article

    def analyse(article: Any, *args: Any) -> Any:
        if article.id == "odd":
            raise OverflowError("date value out of range")
        return real(article, *args)

    (workspace / "articles" / "odd.txt").write_text(TEXT)
    monkeypatch.setattr(packed, "analyse_article", analyse)
    entry = assert_skipped("articles/odd.txt", "cannot be analysed")
    assert entry["reason"].startswith("cannot be analysed (OverflowError: date value out of range); please report")


@pytest.mark.parametrize("text", [
    "Example Trust counted " + "9" * 400 + " staff, and £" + "1" * 400 + " million.\n",
    "It ran from 1 January 0001 to 31 December 9999.\n",
])
def test_huge_numbers_and_extreme_dates_in_an_article_are_read_or_skipped(workspace: Path, text: str) -> None:
    (workspace / "articles" / "odd.md").write_text("---\npublished: 9999-12-31\n---\n" + text)
    (workspace / "articles" / "early.md").write_text("---\npublished: 0001-01-01\n---\nLast year. " + text)
    result, data = check_json()
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert len(data["articles"]) + len(data["skipped"]) == 3


@pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31"])
def test_relative_dates_at_the_ends_of_the_calendar_are_read_not_skipped(workspace: Path, as_of: str) -> None:
    (workspace / "claims" / "staff.yaml").write_text(CLAIM + f'  as_of: "{as_of}"\n')
    (workspace / "articles" / "early.md").write_text(
        "---\npublished: 0001-01-01\n---\nExample Trust had 450 staff last year and 440 staff a decade ago; "
        "last week it had 460 staff.\n")
    (workspace / "articles" / "late.md").write_text(
        "---\npublished: 9999-12-31\n---\nExample Trust will have 470 staff next year, and 480 staff next week.\n")
    result = claimcheck("report", "--workers", "1", "--out", "out/report.html", "--json", "out/report.json")
    assert result.exit_code == 0, result.stderr
    assert "skipped" not in result.stderr
    data = json.loads((workspace / "out" / "report.json").read_text())
    assert [a["id"] for a in data["articles"]] == ["early", "good", "late"] and data["skipped"] == []
    (claim,) = data["claims"]
    assert {m["article"] for m in claim["mentions"]} == {"early", "good", "late"}
    assert "<svg" in (workspace / "out" / "report.html").read_text()


def test_skipped_articles_are_counted_in_the_summary_and_strict_inputs_stops(workspace: Path) -> None:
    (workspace / "articles" / "empty.txt").write_text("")
    result = claimcheck("check", "--workers", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1] == ("0 contradictions, 0 caveated differences, 1 agreed, 0 unconfirmed "
                                              "(1 claim, 1 article); 1 skipped (see the warnings)")
    strict = claimcheck("check", "--workers", "1", "--strict-inputs")
    assert strict.exit_code == 2
    assert strict.stdout == ""
    assert strict.stderr.splitlines()[-1] == ("claimcheck: error: articles: 1 file(s) skipped (see the warnings "
                                              "above) and --strict-inputs is set; fix or remove them, or drop "
                                              "--strict-inputs")


def test_skipped_articles_are_warnings_in_github_and_sarif_output(workspace: Path) -> None:
    (workspace / "articles" / "empty.txt").write_text("")
    github = claimcheck("check", "--workers", "1", "--format", "github")
    assert github.exit_code == 0, github.stderr
    assert ("::warning file=articles/empty.txt,title=claimcheck%3A article skipped::articles/empty.txt: skipped, "
            "the article has no text") in github.stdout.splitlines()
    sarif = json.loads(claimcheck("check", "--workers", "1", "--format", "sarif").stdout)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "skipped-article"]
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "articles/empty.txt"


def test_the_report_headline_says_how_many_files_were_not_read(workspace: Path) -> None:
    (workspace / "articles" / "empty.txt").write_text("")
    result = claimcheck("report", "--workers", "1", "--out", "out/report.html")
    assert result.exit_code == 0, result.stderr
    html = (workspace / "out" / "report.html").read_text()
    headline = html[html.index('<p class="headline">'):html.index('<ul class="counts">')]
    assert ("0 contradictions, 0 caveated differences, 1 agreed, 0 unconfirmed (1 claim, 1 article); 1 skipped "
            "(see the warnings).</p>") in headline
    assert ("Skipped: files under the articles folder that were not read; the run&#39;s warnings and the JSON "
            "result&#39;s skipped list say why.</p>") in headline


def test_a_web_page_with_no_text_is_named_once_and_the_reader_library_keeps_quiet(workspace: Path) -> None:
    # trafilatura logs "discarding data: None" for such a page: no file named, nothing to do, so not shown.
    (workspace / "articles" / "app.html").write_text("<html><head><script>app()</script></head><body></body></html>")
    result, _ = check_json()
    assert warnings(result) == ["claimcheck: warning: articles/app.html: no article text found in this web page",
                                "claimcheck: warning: articles/app.html: skipped, the article has no text"]
    verbose = claimcheck("-v", "check", "--workers", "1", "--format", "json")
    assert "claimcheck: warning: discarding data: None" in verbose.stderr.splitlines()


TO_TEXT = "convert it to .txt, .docx or .pdf (or paste its text into a .txt file)"


@pytest.mark.parametrize(("name", "hint"), [
    ("notes.rtf", TO_TEXT),
    ("minutes.odt", TO_TEXT),
    ("scan.png", "it is an image and claimcheck does no OCR; type or paste its text into a .txt file"),
    ("old.doc", "it is an old Word file; save it as .docx or .pdf"),
    ("data.bin", f"claimcheck does not read .bin; {TO_TEXT}"),
])
def test_a_file_of_a_format_not_read_is_named_with_what_to_do(workspace: Path, name: str, hint: str) -> None:
    (workspace / "articles" / name).write_bytes(b"\x00 not read")
    entry = assert_skipped(f"articles/{name}", hint)
    assert entry["reason"] == hint
    result, _ = check_json()
    assert f"claimcheck: warning: articles/{name}: skipped, {hint}" in warnings(result)


def test_an_unreadable_articles_subfolder_is_warned_about(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (workspace / "articles" / "locked").mkdir()
    (workspace / "articles" / "locked" / "a.txt").write_text(TEXT)
    deny_listing(monkeypatch, "locked")
    entry = assert_skipped("articles/locked", "the folder cannot be read")
    assert entry["reason"].startswith("the folder cannot be read (Permission denied)")


def deny_listing(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if isinstance(path, str | os.PathLike) and Path(path).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_no_readable_article_is_exit_2_not_an_empty_report(workspace: Path) -> None:
    (workspace / "articles" / "good.md").write_text("")
    result = claimcheck("report", "--workers", "1", "--out", "out/report.html")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == ("claimcheck: error: articles: no article could be read (1 skipped, "
                                              "see the warnings above); put .txt, .md, .html, .pdf or .docx files "
                                              "there, or pass --articles DIR")
    assert not (workspace / "out").exists()


# --- claims, baseline, previous result: exit 2, one line --------------------------------------------


def test_an_unreadable_claims_subfolder_is_exit_2(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (workspace / "claims" / "more").mkdir()
    deny_listing(monkeypatch, "more")
    result = claimcheck("check", "--workers", "1")
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: claims/more: claims folder cannot be read (Permission denied); "
                             "give claimcheck permission to read it, or pass --claims PATH without it\n")


def test_a_400_digit_claim_value_is_exit_2_in_one_line(workspace: Path) -> None:
    (workspace / "claims" / "staff.yaml").write_text(CLAIM.replace("value: 450", "value: " + "9" * 400))
    result = claimcheck("check", "--workers", "1")
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: claims/staff.yaml:5: claim 'staff-count': field 'value' "
                             "'99999999999999999999...(400 characters)' is too large a number (at most 1e+15); "
                             "write the value the sources state\n")


@pytest.mark.parametrize("as_of", ["9999-12-31", "0001-01-01"])
def test_an_extreme_as_of_is_drawn_on_the_timeline(workspace: Path, as_of: str) -> None:
    (workspace / "claims" / "staff.yaml").write_text(CLAIM + f'  as_of: "{as_of}"\n')
    result = claimcheck("report", "--workers", "1", "--out", "out/report.html")
    assert result.exit_code == 0, result.stderr
    assert "<svg" in (workspace / "out" / "report.html").read_text()


def test_a_deeply_nested_previous_result_is_exit_2(workspace: Path) -> None:
    (workspace / "previous.json").write_text("[" * 100_000 + "]" * 100_000)
    result = claimcheck("report", "--workers", "1", "--out", "out/report.html", "--previous", "previous.json")
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: previous.json: the previous result nests deeper than 64 levels, "
                             "so it is not a claimcheck result; give a file written by `claimcheck report --json`\n")


def test_a_bug_is_exit_3_with_one_line_and_the_traceback_in_a_file(workspace: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr("checker.pipeline.build_report", broken)
    result = claimcheck("check", "--workers", "1")
    assert result.exit_code == 3
    (line,) = result.stderr.splitlines()
    assert line.startswith("claimcheck: error: internal error (KeyError), a bug in claimcheck: please report it")
    path = Path(line.rsplit("the traceback is in ", 1)[1])
    try:
        assert "KeyError: 'a bug'" in path.read_text() and "Traceback" in path.read_text()
    finally:
        path.unlink()


# --- budgets ----------------------------------------------------------------------------------------

BIG = "x" * 1_000_000
ALIASED = f'&big "{BIG}"', ", ".join(["*big"] * 3000)


def test_a_long_string_aliased_thousands_of_times_in_claims_is_refused(workspace: Path) -> None:
    anchor, aliases = ALIASED
    (workspace / "claims" / "staff.yaml").write_text(CLAIM + f"  notes: {anchor}\n  sources: [{aliases}]\n")
    result = claimcheck("check", "--workers", "1")
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: claims/staff.yaml:8: YAML aliases here expand to over 10485760 "
                             "characters; write the values out instead of repeating an alias ('*name')\n")


def test_a_long_string_aliased_in_front_matter_skips_the_article(workspace: Path) -> None:
    anchor, aliases = ALIASED
    (workspace / "articles" / "lol.md").write_text(f"---\nnotes: {anchor}\ntitle: [{aliases}]\n---\n" + TEXT)
    assert_skipped("articles/lol.md", "expand to over 10485760 characters")


def test_a_long_string_aliased_in_a_baseline_is_refused(workspace: Path) -> None:
    anchor, aliases = ALIASED
    (workspace / "base.yaml").write_text(f"- claim: {anchor}\n  article: a\n  value: [{aliases}]\n")
    result = claimcheck("check", "--workers", "1", "--baseline", "base.yaml")
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: base.yaml:3: baseline is not valid YAML (YAML aliases here expand "
                             "to over 10485760 characters; write the values out instead of repeating an alias "
                             "('*name')); fix it or rewrite it with 'claimcheck baseline'\n")


def test_a_baseline_over_its_budget_is_exit_2_in_one_line(workspace: Path) -> None:
    with open(workspace / "base.yaml", "wb") as handle:
        handle.truncate(5 * 1024 * 1024 + 1)  # sparse: costs no disk
    result = claimcheck("check", "--workers", "1", "--baseline", "base.yaml")
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: base.yaml: baseline file is over 5 MB, more than a baseline holds; "
                             "check that --baseline names one written by 'claimcheck baseline'\n")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero, an endless file of size 0")
def test_an_endless_baseline_or_previous_result_is_measured_by_reading(workspace: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    baseline = claimcheck("check", "--workers", "1", "--baseline", "/dev/zero")
    assert baseline.exit_code == 2
    assert baseline.stderr.startswith("claimcheck: error: /dev/zero: baseline file is over 5 MB")
    monkeypatch.setattr("checker.report.history.MAX_PREVIOUS_BYTES", 1024 * 1024)
    previous = claimcheck("report", "--workers", "1", "--out", "out/report.html", "--previous", "/dev/zero")
    assert previous.exit_code == 2
    assert previous.stderr == ("claimcheck: error: /dev/zero: the previous result is over 1 MB, more than claimcheck "
                               "compares with; give a smaller result with --previous FILE\n")
    assert not (workspace / "out").exists()


def test_a_previous_result_over_its_budget_beside_the_report_is_not_compared(workspace: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # Not asked for by name: the report is still written, with a warning, as for any default that is no result.
    monkeypatch.setattr("checker.report.history.MAX_PREVIOUS_BYTES", 1024 * 1024)
    (workspace / "out").mkdir()
    (workspace / "out" / "report.json").write_text('{"schema": "claimcheck.report/1", "claims": []}' + " " * 2**20)
    result = claimcheck("report", "--workers", "1", "--out", "out/report.html")
    assert result.exit_code == 0, result.stderr
    assert ("claimcheck: warning: out/report.json: the previous result is over 1 MB, more than "
            "claimcheck compares with") in result.stderr


def test_a_key_written_twice_is_an_error_naming_both_lines(workspace: Path) -> None:
    (workspace / "claims" / "staff.yaml").write_text(CLAIM + "  value: 460\n")
    result = claimcheck("check", "--workers", "1")
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: claims/staff.yaml:7: key 'value' is written twice in one mapping, "
                             "at lines 5 and 7; keep one of them\n")


def test_too_many_claims_is_a_clear_error(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("checker.store.claims.MAX_CLAIMS", 2)
    records = "".join(CLAIM.replace("staff-count", f"staff-{n}") for n in range(3))
    (workspace / "claims" / "staff.yaml").write_text(records)
    result = claimcheck("check", "--workers", "1")
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: claims/staff.yaml: 3 records, over the 2 one run checks; split the "
                             "file and check the parts in several runs\n")


def test_a_cache_entry_that_inflates_past_its_bound_is_a_damaged_entry(workspace: Path) -> None:
    import sqlite3

    _, first = check_json("--cache-dir", "cache")
    db = sqlite3.connect(workspace / "cache" / "analysis.sqlite3")
    squeeze = zlib.compressobj(9)
    bomb = b"".join([squeeze.compress(b"\0" * (1 << 24)) for _ in range(16)]) + squeeze.flush()  # 256 MB inflated
    assert len(bomb) < 1_000_000
    with db:
        # what a warm run reads (each article's record) and what matching a new claim reads (its analysis)
        db.execute("UPDATE article SET body = ?", (bomb,))
        db.execute("UPDATE record SET body = ?", (bomb,))
    db.close()
    result, again = check_json("--cache-dir", "cache")
    assert result.exit_code == 0, result.stderr
    assert "a damaged entry in the analysis cache was dropped" in result.stderr
    assert again["claims"] == first["claims"]


# --- outputs only where meant -----------------------------------------------------------------------


def test_json_to_dev_null_leaves_the_device_alone(workspace: Path) -> None:
    result = claimcheck("report", "--workers", "1", "--out", "out/report.html", "--json", "/dev/null")
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_written_in_place(workspace: Path) -> None:
    fifo = workspace / "pipe.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = claimcheck("report", "--workers", "1", "--out", "out/report.html", "--json", str(fifo))
    reader.join(timeout=60)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(got[0])["schema"] == "claimcheck.report/1"


def test_an_output_path_that_is_a_folder_is_refused(workspace: Path) -> None:
    (workspace / "out").mkdir()
    result = claimcheck("report", "--workers", "1", "--out", "out")
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: out: this output path is a folder; give a file name in it, e.g. "
                             "out/report.html\n")


# --- extract ----------------------------------------------------------------------------------------


def test_extract_says_how_to_give_a_date_for_relative_dates() -> None:
    result = CliRunner().invoke(cli, ["extract", "-"], input="The council cut 450 jobs last year and votes on "
                                                             "Monday.\n")
    assert result.exit_code == 0
    assert result.stderr == ("claimcheck: warning: 2 relative date(s) such as 'last year' were not read: the text "
                             "gives no publication date to count from; pass --published YYYY-MM-DD\n")
    dated = CliRunner().invoke(cli, ["extract", "-", "--published", "2020-05-05"], input="It fell last year.\n")
    assert dated.exit_code == 0 and dated.stderr == ""
