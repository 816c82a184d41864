"""The command line as a user drives it: output, files written, exit status, one-line errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import _COMMANDS, cli


@pytest.fixture
def corpus(data_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(data_path / "corpus", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return tmp_path


def test_report_writes_html_and_json(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--json", "reports/report.json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads((corpus / "reports" / "report.json").read_text())
    assert data["schema"] == "claimcheck.report/1"
    staff = next(c for c in data["claims"] if c["id"] == "trust-staff")
    assert staff["status"] == "conflicting"
    assert sorted(m["value"] for m in staff["mentions"]) == [300, 410]
    html = (corpus / "reports" / "report.html").read_text()
    assert "410" in html and "Riverside Care Trust" in html
    assert "claimcheck: 1 contradiction, 0 caveated differences, 1 agreed, 0 unconfirmed (2 claims, 2 articles); " \
        "report written to reports/report.html" in result.stderr


def test_report_is_byte_identical_on_a_second_run(corpus: Path) -> None:
    runner = CliRunner()
    runner.invoke(cli, ["report", "--out", "one.html", "--json", "one.json"], catch_exceptions=False)
    runner.invoke(cli, ["report", "--out", "two.html", "--json", "two.json"], catch_exceptions=False)
    assert (corpus / "one.html").read_bytes() == (corpus / "two.html").read_bytes()
    assert (corpus / "one.json").read_bytes() == (corpus / "two.json").read_bytes()


def test_check_exits_1_and_prints_each_conflict(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["check"], catch_exceptions=False)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("trust-staff: “Trust under review”, 20 Jun 2019 states 410")
    assert lines[-1] == "1 contradiction, 0 caveated differences, 1 agreed, 0 unconfirmed (2 claims, 2 articles)"


def test_check_exits_0_without_conflicts(corpus: Path) -> None:
    (corpus / "articles" / "review.txt").unlink()
    result = CliRunner().invoke(cli, ["check"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == ("0 contradictions, 0 caveated differences, 2 agreed, 0 unconfirmed "
                                              "(2 claims, 1 article)")


def test_check_json_is_the_json_result(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 1
    assert [c["id"] for c in json.loads(result.stdout)["claims"]] == ["trust-budget", "trust-staff"]


def test_extract_prints_values_as_json_lines(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", "articles/launch.txt"], catch_exceptions=False)
    assert result.exit_code == 0
    values = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"kind": "money", "value": {"amount": 12000000, "currency": "GBP"}} in [
        {"kind": v["kind"], "value": v["value"]} for v in values]
    assert any(v["kind"] == "count" and v["value"] == 300 for v in values)


@pytest.mark.parametrize(("args", "message"), [
    (["check", "--claims", "nowhere"],
     "claimcheck: error: nowhere: claims file or folder not found; pass --claims PATH\n"),
    (["check", "--articles", "nowhere"], "claimcheck: error: nowhere: articles folder not found; "
                                         "pass --articles DIR with your article files\n"),
    (["report", "--out", "claims/town.yaml"],
     "claimcheck: error: claims/town.yaml: this output path is inside the input claims; "
     "write the report somewhere else, e.g. reports/\n"),
])
def test_bad_input_is_one_line_and_exit_2(corpus: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.stderr == message
    assert "Traceback" not in result.output


def test_an_invalid_claim_file_writes_nothing(corpus: Path) -> None:
    (corpus / "claims" / "broken.yaml").write_text("- id: x\n  claim: y\n  kind: cash\n  value: 1\n")
    result = CliRunner().invoke(cli, ["report", "--json", "out.json"])
    assert result.exit_code == 2
    assert result.stderr.startswith("claimcheck: error: claims/broken.yaml:3: claim 'x': field 'kind' must be one of")
    assert not (corpus / "reports").exists() and not (corpus / "out.json").exists()


@pytest.mark.parametrize("command", sorted(_COMMANDS))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    # The example is a whole invocation of the command itself, under its own heading.
    assert re.search(rf"\n  Examples?:\n    claimcheck {command}( |$)", result.stdout, re.MULTILINE), result.stdout


def test_the_top_help_starts_with_the_readme_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert ("  Example (then open reports/report.html; each command's --help has its own):\n"
            "    claimcheck report --json reports/report.json\n") in result.stdout


def test_check_help_documents_exit_codes() -> None:
    result = CliRunner().invoke(cli, ["check", "--help"])
    assert "0  no claim conflicts" in result.stdout and "2  invalid input" in result.stdout


def test_the_public_api_is_what_checker_all_names() -> None:
    import checker

    assert sorted(checker.__all__) == sorted({*checker._OWNERS, "__version__"})
    for name in checker.__all__:
        assert getattr(checker, name) is not None


def test_help_names_every_command_without_loading_them() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = {line.split()[1] for line in result.stdout.splitlines() if line.strip().startswith("claimcheck ")}
    assert listed == set(_COMMANDS)
    for name in _COMMANDS:  # and each one loads and has its own help
        assert CliRunner().invoke(cli, [name, "--help"]).exit_code == 0


def test_the_readme_gives_the_two_commands_ci_runs() -> None:
    root = Path(__file__).resolve().parent.parent
    script = root / ".ci" / "readme_commands.py"
    report = subprocess.run([sys.executable, str(script), "report"], capture_output=True, text=True, check=True)
    tests = subprocess.run([sys.executable, str(script), "test"], capture_output=True, text=True, check=True)
    assert report.stdout.startswith("python3 -m venv .venv") and "claimcheck report" in report.stdout
    assert "-r requirements/test.txt" in tests.stdout and tests.stdout.strip().endswith(".venv/bin/pytest")
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    assert "readme_commands.py report" in ci and "readme_commands.py test" in ci
