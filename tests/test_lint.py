"""`claimcheck lint`: every problem of the claim files at its file:line, exit 0/1/2, three formats."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli


@pytest.fixture
def corpus(data_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(data_path / "curation" / "lint", tmp_path / "claims")
    shutil.copytree(data_path / "curation" / "articles", tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14: as_of 2031 is in the future
    return tmp_path


def test_lint_finds_each_problem_at_its_place(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["lint"], catch_exceptions=False)
    assert result.exit_code == 1
    found = [(line.split(": ")[0], line.rsplit("[", 1)[1].rstrip("]")) for line in result.stdout.splitlines()]
    assert found == [
        ("claims/more.yaml:7", "no-match"),
        ("claims/problems.yaml:2", "duplicate-id"),
        ("claims/problems.yaml:4", "schema"),
        ("claims/problems.yaml:10", "unknown-scale"),
        ("claims/problems.yaml:17", "unknown-label"),
        ("claims/problems.yaml:19", "future-as-of"),
        ("claims/problems.yaml:25", "unknown-source"),
        ("claims/problems.yaml:31", "no-match"),
        ("claims/problems.yaml:36", "near-duplicate"),
    ]
    assert result.stderr == "9 problems in claims\n"


def test_lint_messages_say_what_to_fix(corpus: Path) -> None:
    lines = CliRunner().invoke(cli, ["lint"]).stdout.splitlines()
    assert ("claims/problems.yaml:4: error: claim 'bad-kind': field 'kind' must be one of date, money, count, "
            "percent, duration, rating, not 'headcount' [schema]") in lines
    assert ("claims/problems.yaml:25: error: claim 'wrong-source': source 'lanch' is not an article; "
            "did you mean 'launch'? [unknown-source]") in lines
    assert ("claims/problems.yaml:2: error: claim 'bad-kind': id already used at claims/more.yaml:7; "
            "give one of them another id [duplicate-id]") in lines
    assert any("'staff-again' says what 'staff-at-opening' (claims/more.yaml:1)" in line for line in lines)


def test_lint_json_and_github_formats(corpus: Path) -> None:
    runner = CliRunner()
    data = json.loads(runner.invoke(cli, ["lint", "--format", "json"]).stdout)
    assert data["schema"] == "claimcheck.lint/1"
    assert data["findings"][5] == {
        "file": "claims/problems.yaml", "line": 19, "code": "future-as-of", "severity": "warning",
        "message": "claim 'future-staff': as_of 2031 is in the future (today is 2023-11-14); check the year"}
    github = runner.invoke(cli, ["lint", "--format", "github"]).stdout.splitlines()
    assert github[2] == ("::error file=claims/problems.yaml,line=4,title=claimcheck schema::claim 'bad-kind': "
                         "field 'kind' must be one of date, money, count, percent, duration, rating, not 'headcount'")


def test_clean_claims_exit_0(data_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(data_path / "curation", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["lint"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr == "0 problems in claims\n"


def test_a_yaml_syntax_error_is_a_finding_not_a_crash(corpus: Path) -> None:
    (corpus / "claims" / "broken.yaml").write_text("- id: x\n  claim: [unclosed\n")
    result = CliRunner().invoke(cli, ["lint"], catch_exceptions=False)
    assert result.exit_code == 1
    assert any(line.startswith("claims/broken.yaml:3: error: YAML syntax error") for line in result.stdout.splitlines())


def test_a_missing_claims_path_exits_2(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["lint", "--claims", "nowhere"])
    assert result.exit_code == 2
    assert result.stderr == "claimcheck: error: nowhere: claims file or folder not found; pass --claims PATH\n"


@pytest.mark.parametrize("command", ["add", "suggest", "lint"])
def test_curation_commands_have_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout
