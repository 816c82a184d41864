"""A corrupted, truncated or foreign analysis cache is detected and rebuilt, never trusted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from .conftest import Workspace, assert_clean

CACHE = "cache/analysis.sqlite3"


def _json_with_cache(workspace: Workspace) -> str:
    run = workspace.report("--cache-dir", "cache")
    assert_clean(run, 0)
    return (workspace.root / "out" / "report.json").read_text()


def _spoil(path: Path, how: str) -> None:
    if how == "random-bytes":
        path.write_bytes(bytes(range(256)) * 40)
    elif how == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif how == "zeroed-pages":
        pages = bytearray(path.read_bytes())
        pages[100:] = bytes(len(pages) - 100)
        path.write_bytes(bytes(pages))
    elif how == "foreign-database":
        path.unlink()
        with sqlite3.connect(path) as db:
            db.execute("create table records (key text, body blob)")
            db.execute("insert into records values ('x', x'00')")
    elif how == "empty-file":
        path.write_bytes(b"")
    elif how == "entries-garbled":
        with sqlite3.connect(path) as db:
            for (table,) in db.execute("select name from sqlite_master where type = 'table'").fetchall():
                columns = [row[1] for row in db.execute(f"pragma table_info({table})")]
                for column in columns:
                    if column not in ("key", "id", "name"):
                        db.execute(f"update {table} set {column} = x'deadbeef'")


@pytest.mark.parametrize("how", ["random-bytes", "truncated", "zeroed-pages", "foreign-database", "empty-file",
                                 "entries-garbled"])
def test_a_spoiled_cache_is_rebuilt_and_gives_the_same_result(workspace: Workspace, how: str) -> None:
    clean = _json_with_cache(workspace)
    _spoil(workspace.root / CACHE, how)
    assert _json_with_cache(workspace) == clean
    assert _json_with_cache(workspace) == clean  # and the rebuilt cache is sound


def test_a_cache_path_that_is_a_folder_is_one_error_line(workspace: Workspace) -> None:
    (workspace.root / CACHE).mkdir(parents=True)
    run = workspace.report("--cache-dir", "cache")
    assert "Traceback" not in run.stderr
    assert run.returncode in (0, 2), run.stderr
    if run.returncode == 2:
        assert_clean(run, 2, "cache")
