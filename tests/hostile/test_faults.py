"""Permission, disk and device faults injected where each kind of input is read and where outputs are written.

CI runs as root, for whom chmod changes nothing, and a full or failing disk cannot be made on demand: the
OSError a kernel would give is raised instead, by the call that would meet it. The rule under test is the
README's: an article that cannot be read is skipped, named and counted; a claims file, a baseline or a
previous result that cannot be read is exit 2 in one line; an output that cannot be written is exit 2 in
one line, leaving the old file whole and no temporary file behind.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable
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
  tolerance: 5%
  keywords: [staff]
"""
ARTICLE = "---\ntitle: Staff move\npublished: 2014-10-01\n---\nExample Trust said 450 staff moved in October 2014.\n"
# What a read or a write meets: no permission, a failing disk, a full one, a file gone since it was listed.
READ_FAULTS = [errno.EACCES, errno.EIO, errno.ENOENT]
WRITE_FAULTS = [errno.EACCES, errno.EIO, errno.ENOSPC]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "claims").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "claims" / "staff.yaml").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "articles" / "good.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "articles" / "bad.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714564800")
    return tmp_path


def claimcheck(*args: str) -> Result:
    workers = ["--workers", "1"] if args[0] != "lint" else []
    return CliRunner().invoke(cli, [*args[:1], *workers, *args[1:]])


def fault(code: int, path: object = None) -> OSError:
    return OSError(code, os.strerror(code), None if path is None else str(path))


def fail_reading(monkeypatch: pytest.MonkeyPatch, name: str, code: int) -> None:
    """Every read of a file called `name` (whole, or opened for reading) meets `code`."""
    read_bytes, open_path = Path.read_bytes, Path.open

    def refusing_read_bytes(self: Path) -> bytes:
        if self.name == name:
            raise fault(code, self)
        return read_bytes(self)

    def refusing_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if self.name == name and "r" in mode:
            raise fault(code, self)
        return open_path(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", refusing_read_bytes)
    monkeypatch.setattr(Path, "open", refusing_open)


def one_error(result: Result) -> str:
    """The run stopped (exit 2) with one line on stderr and nothing on stdout; that line, without its prefix."""
    assert result.exit_code == 2, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    (line,) = result.stderr.splitlines()
    assert line.startswith("claimcheck: error: "), line
    assert result.stdout == ""
    return line.removeprefix("claimcheck: error: ")


# --- an article: skipped, named, counted --------------------------------------------------------------------


@pytest.mark.parametrize("code", READ_FAULTS)
def test_an_article_that_cannot_be_read_is_skipped_named_and_counted(workspace: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    code: int) -> None:
    fail_reading(monkeypatch, "bad.md", code)
    result = claimcheck("check", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert f"claimcheck: warning: articles/bad.md: skipped, cannot be read ({os.strerror(code)})" in result.stderr
    data = json.loads(result.stdout)
    assert [a["id"] for a in data["articles"]] == ["good"]
    assert data["skipped"] == [{"path": "articles/bad.md", "reason": f"cannot be read ({os.strerror(code)})",
                                "line": None}]
    github = claimcheck("check", "--format", "github")
    assert any(line.startswith("::warning file=articles/bad.md,") for line in github.stdout.splitlines())
    strict = claimcheck("check", "--strict-inputs")
    assert strict.exit_code == 2
    assert strict.stderr.splitlines()[-1].startswith("claimcheck: error: articles: 1 file(s) skipped")


# --- claims, baseline, previous result: exit 2, one line ----------------------------------------------------


@pytest.mark.parametrize("code", READ_FAULTS)
def test_a_claims_file_that_cannot_be_read_stops_the_run(workspace: Path, monkeypatch: pytest.MonkeyPatch,
                                                         code: int) -> None:
    fail_reading(monkeypatch, "staff.yaml", code)
    for command in (["check"], ["report", "--out", "out/report.html"], ["lint"]):
        result = claimcheck(*command)
        if command == ["lint"]:  # lint lists every problem as a finding, and exits 1
            assert result.exit_code == 1, result.stderr
            assert result.stdout == (f"claims/staff.yaml:1: error: cannot be read ({os.strerror(code)}); make it "
                                     "readable, or pass --claims PATH without it [unreadable]\n")
            continue
        assert one_error(result) == (f"claims/staff.yaml: cannot be read ({os.strerror(code)}); make it readable, "
                                     "or pass --claims PATH without it")
    assert not (workspace / "out").exists()


@pytest.mark.parametrize("code", READ_FAULTS)
def test_a_baseline_that_cannot_be_read_stops_the_run(workspace: Path, monkeypatch: pytest.MonkeyPatch,
                                                      code: int) -> None:
    (workspace / "base.yaml").write_text("[]\n")
    fail_reading(monkeypatch, "base.yaml", code)
    message = one_error(claimcheck("check", "--baseline", "base.yaml"))
    if code == errno.ENOENT:
        assert message == "base.yaml: baseline file not found; create it with 'claimcheck baseline'"
    else:
        assert message == (f"base.yaml: baseline file cannot be read ({os.strerror(code)}); make it readable, or "
                           "pass another --baseline")


@pytest.mark.parametrize("code", READ_FAULTS)
def test_a_previous_result_that_cannot_be_read_stops_the_report(workspace: Path, monkeypatch: pytest.MonkeyPatch,
                                                                code: int) -> None:
    (workspace / "old.json").write_text('{"schema": "claimcheck.report/1"}')
    fail_reading(monkeypatch, "old.json", code)
    message = one_error(claimcheck("report", "--out", "out/report.html", "--previous", "old.json"))
    assert message == f"old.json: cannot read the previous result ({os.strerror(code)}); check the --previous path"
    assert not (workspace / "out").exists()


# --- outputs: exit 2, one line, the old file whole, nothing left behind -------------------------------------


def _failing_mkstemp(code: int) -> Callable[..., Any]:
    def mkstemp(*args: Any, **kwargs: Any) -> Any:
        raise fault(code)
    return mkstemp


def _failing_write(code: int) -> Callable[..., Any]:
    real = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return _HalfWrite(real(fd, *args, **kwargs), code)
    return fdopen


class _HalfWrite:
    """An open file (text or bytes) on a disk that fails: half of the first write lands, then it raises."""

    def __init__(self, handle: Any, code: int) -> None:
        self._handle, self._code = handle, code

    def write(self, data: Any) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise fault(self._code)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _HalfWrite:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def _failing_replace(code: int) -> Callable[..., Any]:
    def replace(*args: Any, **kwargs: Any) -> None:
        raise fault(code)
    return replace


@pytest.mark.parametrize("code", WRITE_FAULTS)
@pytest.mark.parametrize("step", ["create", "write", "rename"])
def test_an_output_that_cannot_be_written_is_one_line_and_leaves_the_old_file(workspace: Path,
                                                                              monkeypatch: pytest.MonkeyPatch,
                                                                              step: str, code: int) -> None:
    (workspace / "out").mkdir()
    (workspace / "out" / "report.html").write_text("the old report\n")
    target = {"create": (tempfile, "mkstemp", _failing_mkstemp), "write": (os, "fdopen", _failing_write),
              "rename": (os, "replace", _failing_replace)}
    module, name, make = target[step]
    with monkeypatch.context() as patched:
        patched.setattr(module, name, make(code))
        result = claimcheck("report", "--out", "out/report.html")
    assert one_error(result) == (f"out/report.html: cannot write here ({os.strerror(code)}); choose another "
                                 "--out/--json path")
    assert (workspace / "out" / "report.html").read_text() == "the old report\n"
    assert sorted(p.name for p in (workspace / "out").iterdir()) == ["report.html"]


# --- scales and vocabulary beside the claims: read as claims files are ---------------------------------------


@pytest.mark.parametrize("folder", ["scales", "vocabulary"])
@pytest.mark.parametrize("code", READ_FAULTS)
def test_a_scale_or_vocabulary_file_that_cannot_be_read_stops_the_run(workspace: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      folder: str, code: int) -> None:
    (workspace / "claims" / folder).mkdir()
    (workspace / "claims" / folder / "mine.yaml").write_text("{}\n")
    fail_reading(monkeypatch, "mine.yaml", code)
    what = folder.rstrip("s")
    assert one_error(claimcheck("check")) == (f"claims/{folder}/mine.yaml: {what} file cannot be read "
                                              f"({os.strerror(code)}); make it readable, or move it out of the "
                                              "claims folder")


@pytest.mark.parametrize("folder", ["scales", "vocabulary"])
def test_a_scale_or_vocabulary_file_that_is_not_text_or_too_big_stops_the_run(workspace: Path, folder: str) -> None:
    (workspace / "claims" / folder).mkdir()
    path = workspace / "claims" / folder / "mine.yaml"
    what = folder.rstrip("s")
    path.write_bytes(b"name: caf\xe9\n")
    assert one_error(claimcheck("check")) == (f"claims/{folder}/mine.yaml: {what} file is not UTF-8 text; save it "
                                              "as UTF-8")
    with open(path, "wb") as handle:
        handle.truncate(5 * 1024 * 1024 + 1)
    assert one_error(claimcheck("check")) == (f"claims/{folder}/mine.yaml: {what} file is over 5 MB; split it or "
                                              f"remove what is not {what}")


@pytest.mark.parametrize(("text", "said"), [
    ("name: mine\ndescription: 2014-02-30\n", "claims/scales/mine.yaml:2: a date that is not in the calendar"),
    ('name: mine\ndescription: &big "' + "x" * 1_000_000 + '"\ncontext: [' + ", ".join(["*big"] * 3000) + "]\n",
     "claims/scales/mine.yaml:3: YAML aliases here expand to over 10485760 characters"),
    ("name: mine\ndescription: !!python/object/apply:os.system [echo]\n",
     "claims/scales/mine.yaml:2: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
])
def test_a_scale_file_is_read_by_the_bounded_safe_loader(workspace: Path, text: str, said: str) -> None:
    (workspace / "claims" / "scales").mkdir()
    (workspace / "claims" / "scales" / "mine.yaml").write_text(text)
    assert one_error(claimcheck("check")).startswith(said)


# --- the analysis cache: rebuildable, so a disk that refuses it never costs the run ------------------------


def test_a_cache_the_disk_will_not_write_leaves_the_run_whole(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert claimcheck("report", "--json", "warm.json", "--out", "warm.html", "--cache-dir", "cache").exit_code == 0
    (workspace / "articles" / "new.md").write_text(ARTICLE.replace("450", "460"), encoding="utf-8")
    connect = sqlite3.connect

    def read_only(path: object, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        # what a read-only folder or a full disk does to every write (CI runs as root, so chmod cannot)
        return connect(f"file:{path}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr("checker.scale.cache.sqlite3.connect", read_only)
    result = claimcheck("report", "--json", "cached.json", "--out", "cached.html", "--cache-dir", "cache")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("cannot write the analysis cache (attempt to write a readonly database)") == 1
    monkeypatch.undo()
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714564800")
    assert claimcheck("report", "--json", "plain.json", "--out", "plain.html").exit_code == 0
    assert (workspace / "cached.json").read_bytes() == (workspace / "plain.json").read_bytes()


def test_a_cache_that_cannot_be_created_is_one_line(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class FullDisk(sqlite3.Connection):
        def executescript(self, script: str) -> sqlite3.Cursor:
            raise sqlite3.OperationalError("database or disk is full")

    connect = sqlite3.connect
    monkeypatch.setattr("checker.scale.cache.sqlite3.connect",
                        lambda path, *a, **k: connect(path, *a, factory=FullDisk, **k))
    line = one_error(claimcheck("check", "--cache-dir", "cache"))
    assert line == ("cache/analysis.sqlite3: cannot create the analysis cache (database or disk is full); "
                    "pass another --cache-dir or --no-cache")
