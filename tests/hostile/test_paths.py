"""Paths: links out of the articles folder and loops, '../' and absolute sources, outputs over inputs or unwritable."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .conftest import Workspace, assert_clean

SECRET = "SECRET-TOKEN-7f3a: Example Trust said 999 staff moved in 2014.\n"


@pytest.fixture
def secret(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text(SECRET)
    return outside


def _nothing_leaked(workspace: Workspace) -> None:
    for name in ("report.html", "report.json"):
        assert "SECRET-TOKEN" not in (workspace.root / "out" / name).read_text()


def test_a_link_to_a_file_outside_the_articles_folder_is_not_followed(workspace: Workspace, secret: Path) -> None:
    (workspace.articles / "leak.txt").symlink_to(secret / "secret.txt")
    run = workspace.report()
    assert_clean(run, 0, "articles/leak.txt", "symbolic link")
    assert len(run.warnings()) == 1, "said once, though the folder is listed more than once"
    _nothing_leaked(workspace)


def test_a_link_to_a_folder_outside_is_not_followed(workspace: Workspace, secret: Path) -> None:
    (workspace.articles / "elsewhere").symlink_to(secret, target_is_directory=True)
    run = workspace.report()
    assert_clean(run, 0, "articles/elsewhere", "symbolic link")
    _nothing_leaked(workspace)


def test_a_link_to_an_absolute_system_file_is_not_followed(workspace: Workspace) -> None:
    (workspace.articles / "passwd.txt").symlink_to("/etc/passwd")
    run = workspace.report()
    assert_clean(run, 0, "articles/passwd.txt")
    assert "root:" not in (workspace.root / "out" / "report.html").read_text()


def test_a_link_to_a_device_is_not_read(workspace: Workspace) -> None:
    (workspace.articles / "zero.txt").symlink_to("/dev/zero")
    assert_clean(workspace.report(), 0, "articles/zero.txt")


@pytest.mark.parametrize("loop", ["self", "pair", "folder"])
def test_a_link_loop_is_skipped_with_a_warning(workspace: Workspace, loop: str) -> None:
    if loop == "self":
        (workspace.articles / "loop.txt").symlink_to("loop.txt")
    elif loop == "pair":
        (workspace.articles / "a.txt").symlink_to("b.txt")
        (workspace.articles / "b.txt").symlink_to("a.txt")
    else:
        (workspace.articles / "again").symlink_to(".", target_is_directory=True)
    run = workspace.report()
    assert_clean(run, 0, "symbolic link")
    result = json.loads((workspace.root / "out" / "report.json").read_text())
    assert [a["id"] for a in result["articles"]] == ["launch"]


@pytest.mark.parametrize("source", ["../../etc/passwd", "/etc/passwd", "..", "launch/../../claims/staff"])
def test_sources_with_dot_dot_or_absolute_paths_are_never_opened(workspace: Workspace, source: str) -> None:
    (workspace.claims / "staff.yaml").write_text((workspace.claims / "staff.yaml").read_text()
                                                 + f'  sources: ["{source}"]\n')
    assert_clean(workspace.report(), 0)
    assert "root:" not in (workspace.root / "out" / "report.html").read_text()
    run = workspace.run("lint", "--claims", "claims", "--articles", "articles")
    assert "Traceback" not in run.stderr
    assert run.returncode == 1
    assert f"source '{source}' is not an article" in run.stdout


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "articles/../../outside.txt"])
def test_changed_paths_outside_the_inputs_are_ignored(workspace: Workspace, path: str) -> None:
    run = workspace.run("check", "--claims", "claims", "--articles", "articles", "--changed", path)
    assert "Traceback" not in run.stderr
    assert run.returncode in (0, 2), run.stderr
    assert "root:" not in run.stdout + run.stderr


@pytest.mark.parametrize(("option", "target"), [
    ("--out", "claims/staff.yaml"),
    ("--out", "claims"),
    ("--json", "articles/launch.md"),
    ("--out", "articles/new.html"),
    ("--json", "claims/report.json"),
])
def test_an_output_over_an_input_is_refused(workspace: Workspace, option: str, target: str) -> None:
    run = workspace.run("report", "--claims", "claims", "--articles", "articles", option, target)
    assert_clean(run, 2, target, "inside the input")


def test_an_output_linked_to_an_input_is_refused(workspace: Workspace) -> None:
    (workspace.root / "out").mkdir()
    (workspace.root / "out" / "report.html").symlink_to(workspace.claims / "staff.yaml")
    run = workspace.run("report", "--claims", "claims", "--articles", "articles", "--out", "out/report.html")
    assert_clean(run, 2, "out/report.html", "inside the input")


@pytest.mark.parametrize("target", ["claims/staff.yaml", "articles/launch.md"])
def test_export_and_baseline_never_overwrite_an_input(workspace: Workspace, target: str) -> None:
    for command in (["export", "--author", "Example News"], ["baseline"]):
        run = workspace.run(*command, "--claims", "claims", "--articles", "articles", "--out", target)
        assert_clean(run, 2, target, "inside the input")


def test_add_never_appends_to_an_article(workspace: Workspace) -> None:
    run = workspace.run("add", "Example Trust had 500 staff in 2015.", "--claims", "claims", "--articles", "articles",
                        "--file", "articles/launch.md", "--yes")
    assert_clean(run, 2, "articles/launch.md", "inside the input")


@pytest.mark.parametrize("out", ["/proc/claimcheck/report.html", "afile.txt/report.html"])
def test_an_unwritable_output_is_refused_in_one_line(workspace: Workspace, out: str) -> None:
    (workspace.root / "afile.txt").write_text("a file, not a folder\n")
    run = workspace.run("report", "--claims", "claims", "--articles", "articles", "--out", out)
    assert_clean(run, 2, out, "cannot write here", "--out")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_refused_in_one_line(workspace: Workspace) -> None:
    folder = workspace.root / "locked"
    folder.mkdir(mode=0o555)
    try:
        run = workspace.run("report", "--claims", "claims", "--articles", "articles", "--out", "locked/r.html")
    finally:
        folder.chmod(0o755)
    assert_clean(run, 2, "locked/r.html", "cannot write here")
    assert list(folder.iterdir()) == []
