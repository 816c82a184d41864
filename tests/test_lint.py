"""`claimcheck lint`: every problem of the claim files at its file:line, exit 0/1/2, three formats."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

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
        ("claims/more.yaml:1", "hedged-value"),
        ("claims/more.yaml:7", "no-match"),
        ("claims/problems.yaml:2", "duplicate-id"),
        ("claims/problems.yaml:4", "schema"),
        ("claims/problems.yaml:10", "unknown-scale"),
        ("claims/problems.yaml:17", "unknown-label"),
        ("claims/problems.yaml:19", "future-as-of"),
        ("claims/problems.yaml:25", "unknown-source"),
        ("claims/problems.yaml:31", "no-match"),
        ("claims/problems.yaml:36", "hedged-value"),
        ("claims/problems.yaml:36", "near-duplicate"),
    ]
    assert result.stderr == "11 problems in claims\n"


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
    assert data["findings"][6] == {
        "file": "claims/problems.yaml", "line": 19, "code": "future-as-of", "severity": "warning",
        "message": "claim 'future-staff': as_of 2031 is in the future (today is 2023-11-14); check the year"}
    github = runner.invoke(cli, ["lint", "--format", "github"]).stdout.splitlines()
    assert github[3] == ("::error file=claims/problems.yaml,line=4,title=claimcheck schema::claim 'bad-kind': "
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


# --- each rule, as a user sees it: one record, the exact line in text and in GitHub annotations ---------------

STAFF = {"id": "trust-staff", "claim": "The Riverside Care Trust opened with 300 staff.",
         "subject": "Riverside Care Trust", "kind": "count", "value": 300}


@pytest.fixture
def lint_records(data_path: Path, tmp_path: Path,
                 monkeypatch: pytest.MonkeyPatch) -> Callable[..., tuple[Result, Result]]:
    """Write records to claims/c.yaml beside the curation articles; run lint in text and github formats."""
    shutil.copytree(data_path / "curation" / "articles", tmp_path / "articles")
    (tmp_path / "claims").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14

    def run(*records: dict[str, object] | str, args: Sequence[str] = ()) -> tuple[Result, Result]:
        texts = [r if isinstance(r, str) else yaml.safe_dump([r], sort_keys=False, allow_unicode=True)
                 for r in records]
        (tmp_path / "claims" / "c.yaml").write_text("".join(texts), encoding="utf-8")
        runner = CliRunner()
        return (runner.invoke(cli, ["lint", *args], catch_exceptions=False),
                runner.invoke(cli, ["lint", "--format", "github", *args], catch_exceptions=False))

    return run


def make_claim(**overrides: object) -> dict[str, object]:
    return {k: v for k, v in {**STAFF, **overrides}.items() if v is not None}


RULES = [
    pytest.param([make_claim(kind="headcount")], 4, "error", "schema",
                 "claim 'trust-staff': field 'kind' must be one of date, money, count, percent, duration, rating, "
                 "not 'headcount'", id="schema"),
    pytest.param([make_claim(kind="rating", scale="michelin", value="good")], 6, "error", "unknown-scale",
                 "claim 'trust-staff': field 'scale' 'michelin' is not a known scale; use one of cqc, hmicfrs, hmip, "
                 "ofsted or add a scale file", id="unknown-scale"),
    pytest.param([make_claim(kind="rating", scale="ofsted", value="superb")], 5, "error", "unknown-label",
                 "claim 'trust-staff': field 'value' 'superb' is not a label of scale 'ofsted'; use one of "
                 "outstanding, good, requires improvement, inadequate", id="unknown-label"),
    pytest.param([make_claim(), make_claim(claim="A second record of the trust's 300 staff.")], 6, "error",
                 "duplicate-id", "claim 'trust-staff': id already used at claims/c.yaml:1; give one of them "
                 "another id", id="duplicate-id"),
    pytest.param([make_claim(sources=["lanch"])], 1, "error", "unknown-source",
                 "claim 'trust-staff': source 'lanch' is not an article; did you mean 'launch'?", id="unknown-source"),
    pytest.param([make_claim(sources=["minutes-of-the-cabinet"])], 1, "error", "unknown-source",
                 "claim 'trust-staff': source 'minutes-of-the-cabinet' is not an article; use an article's path under "
                 "the articles folder, without its extension", id="unknown-source-far"),
    pytest.param([make_claim(as_of="2031")], 1, "warning", "future-as-of",
                 "claim 'trust-staff': as_of 2031 is in the future (today is 2023-11-14); check the year",
                 id="future-as-of"),
    pytest.param([make_claim(claim="Zorblax quintessa flumox 300 widgets.", subject=None)], 1, "warning", "no-match",
                 "claim 'trust-staff': no sentence of the articles holds its words; check them for typos",
                 id="no-match"),
    pytest.param([make_claim(), make_claim(id="opening-staff", claim="The Riverside Care Trust opened with its 300 "
                                                                      "staff.")], 6, "warning", "near-duplicate",
                 "claim 'opening-staff' says what 'trust-staff' (claims/c.yaml:1) says: same subject, kind, value "
                 "and as_of, a similar sentence; merge them or tell them apart", id="near-duplicate"),
    pytest.param([make_claim(claim="The Riverside Care Trust opened with about 300 staff.")], 1, "warning",
                 "hedged-value", "claim 'trust-staff': its sentence hedges the value (\"about 300\") but the claim "
                 "has no tolerance; add one, e.g. tolerance: 5%", id="hedged-estimate"),
    pytest.param([make_claim(claim="The Riverside Care Trust's annual budget is up to £12m.", kind="money",
                             value="£12m")], 1, "warning", "hedged-value",
                 "claim 'trust-staff': its sentence gives the value as a bound (\"up to £12m\") but the claim's value "
                 "is exact; write the bound as the value (value: \"up to £12m\") or add a tolerance, e.g. "
                 "tolerance: 5%", id="hedged-bound"),
]


@pytest.mark.parametrize(("records", "line", "severity", "code", "message"), RULES)
def test_each_rule_says_what_to_fix_in_text_and_github(lint_records: Callable[..., tuple[Result, Result]],
                                                        records: list[dict[str, object]], line: int, severity: str,
                                                        code: str, message: str) -> None:
    text, github = lint_records(*records)
    assert text.exit_code == 1  # errors and warnings alike: lint exits 1 on any finding
    assert text.stdout == f"claims/c.yaml:{line}: {severity}: {message} [{code}]\n"
    assert text.stderr == "1 problem in claims\n"
    assert github.exit_code == 1
    escaped = message.replace("%", "%25")  # GitHub's workflow-command escaping of the message
    assert github.stdout == f"::{severity} file=claims/c.yaml,line={line},title=claimcheck {code}::{escaped}\n"


def test_a_yaml_syntax_error_in_text_and_github(lint_records: Callable[..., tuple[Result, Result]]) -> None:
    text, github = lint_records("- id: x\n  claim: [unclosed\n")
    message = "YAML syntax error (expected ',' or ']', but got '<stream end>'); fix the indentation or quoting there"
    assert text.stdout == f"claims/c.yaml:3: error: {message} [yaml]\n"
    assert github.stdout == f"::error file=claims/c.yaml,line=3,title=claimcheck yaml::{message}\n"


@pytest.mark.parametrize("fix", [{"tolerance": "5%"}, {"value": "about 300"}],
                         ids=["a tolerance", "a value that is itself a bound"])
def test_a_hedge_the_claim_expresses_is_no_finding(lint_records: Callable[..., tuple[Result, Result]],
                                                   fix: dict[str, object]) -> None:
    bound = {"value": "more than 300"} if "value" in fix else fix
    text, _ = lint_records(make_claim(claim="The Riverside Care Trust opened with more than 300 staff.", **bound),
                           make_claim(id="staff-about", claim="About 300 staff joined the Riverside Care Trust.",
                                      tolerance="5%"))
    assert (text.exit_code, text.stdout) == (0, "")


@pytest.mark.parametrize("claim", [
    make_claim(claim="The Riverside Care Trust opened around June 2016.", kind="date", value="2016-06"),
    make_claim(claim="The Riverside Care Trust opened with about 300 staff and 20 more later.", value=20),
], ids=["a date (no tolerance applies)", "the hedge is on another number"])
def test_a_hedge_that_no_tolerance_would_express_is_no_finding(lint_records: Callable[..., tuple[Result, Result]],
                                                               claim: dict[str, object]) -> None:
    text, _ = lint_records(claim)
    assert "[hedged-value]" not in text.stdout


def test_claims_about_different_subjects_are_not_duplicates(lint_records: Callable[..., tuple[Result, Result]]
                                                            ) -> None:
    text, _ = lint_records(make_claim(), make_claim(id="library-staff", subject="Riverside library"))
    assert (text.exit_code, text.stdout) == (0, "")


def test_check_sources_names_each_source_and_what_it_states(lint_records: Callable[..., tuple[Result, Result]]
                                                            ) -> None:
    records = (make_claim(claim="The Riverside Care Trust now employs 410 staff.", value=410,
                          sources=["launch", "history"]),
               make_claim(id="staff-backed", claim="The Riverside Care Trust has 410 staff, its accounts show.",
                          value=410, sources=["launch", "review"]))
    text, github = lint_records(*records, args=["--check-sources"])
    message = ("claim 'trust-staff': none of its sources states 410: 'launch' states 300; 'history' states no value "
               "for it; check the value and the sources ('claimcheck explain trust-staff' shows why)")
    assert text.exit_code == 1
    assert text.stdout == f"claims/c.yaml:1: warning: {message} [unbacked]\n"
    assert github.stdout == f"::warning file=claims/c.yaml,line=1,title=claimcheck unbacked::{message}\n"
    plain, _ = lint_records(*records)
    assert (plain.exit_code, plain.stdout) == (0, "")  # without --check-sources the check does not run


def test_check_sources_without_articles_exits_2(lint_records: Callable[..., tuple[Result, Result]]) -> None:
    result = CliRunner().invoke(cli, ["lint", "--check-sources", "--articles", "nowhere"])
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: nowhere: no articles folder, so sources cannot be checked; "
                             "pass --articles PATH\n")


def test_check_sources_waits_for_valid_claims(lint_records: Callable[..., tuple[Result, Result]]) -> None:
    text, _ = lint_records(make_claim(value=410, sources=["launch"]), make_claim(id="broken", kind="headcount"),
                           args=["--check-sources"])
    assert [line.rsplit("[", 1)[1] for line in text.stdout.splitlines()] == ["schema]"]
    assert text.stderr == ("claimcheck: warning: claims: the check needs every claim valid, so sources were not "
                           "checked; fix the errors first\n1 problem in claims\n")


# --- the one loader: every bad record of every file, and what people write --------------------------------------

def test_every_bad_record_of_every_file_in_one_run(lint_records: Callable[..., tuple[Result, Result]],
                                                   tmp_path: Path) -> None:
    (tmp_path / "claims" / "b.yaml").write_text(yaml.safe_dump([make_claim(id="b-one", kind="headcount"),
                                                               make_claim(id="b-two", value="lots")], sort_keys=False))
    text, github = lint_records(make_claim(id="c-one", as_of="2014-13"), make_claim(id="c-two", tolerance="some"))
    assert [line.split(": ")[0] for line in text.stdout.splitlines()] == [
        "claims/b.yaml:4", "claims/b.yaml:10", "claims/c.yaml:6", "claims/c.yaml:12"]
    assert text.stderr == "4 problems in claims\n"
    assert len(github.stdout.splitlines()) == 4


def test_a_keyword_written_as_a_number_is_text(lint_records: Callable[..., tuple[Result, Result]]) -> None:
    text, _ = lint_records("- id: trust-plan\n  claim: The Riverside Care Trust opened with 300 staff.\n"
                           "  kind: count\n  value: 300\n  keywords: [2008, business plan]\n")
    assert (text.exit_code, text.stdout, text.stderr) == (0, "", "0 problems in claims\n")


def test_without_an_articles_folder_lint_says_what_it_did_not_check(
        lint_records: Callable[..., tuple[Result, Result]]) -> None:
    text, _ = lint_records(make_claim(), args=["--articles", "nowhere"])
    assert (text.exit_code, text.stdout) == (0, "")
    assert text.stderr == ("claimcheck: warning: nowhere: no articles folder; sources and words were not checked\n"
                           "0 problems in claims\n")
