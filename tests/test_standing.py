"""Conflicts mean the same everywhere: a contradiction, a difference only caveats explain, or one the baseline
accepts, told apart by the text, GitHub, SARIF, JUnit, the report and ClaimReview, from one rule."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import checker
from checker.cli import cli
from checker.findings.baseline import BaselineEntry, conflict_key
from checker.findings.standing import Standing, Standings, conflict_standing, summary_line
from checker.models import Caveat, ClaimResult, Mention, Report, SkippedArticle, Status, Verdict


@pytest.fixture
def corpus(data_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(data_path / "ci", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def hedge(corpus: Path) -> None:
    """The review now says 'around 410': a hedged value, so the conflict carries a caveat."""
    review = corpus / "articles" / "review.txt"
    review.write_text(review.read_text().replace("employs 410 staff", "employs around 410 staff"))


def accept(corpus: Path, reason: str) -> Path:
    assert run("baseline").exit_code == 0
    baseline = corpus / "claims" / ".baseline.yaml"
    baseline.write_text(baseline.read_text().replace("reason: null", f"reason: {reason}"))
    return baseline


def mention(*caveats: Caveat) -> Mention:
    return Mention(article="a", value=410, verdict=Verdict.CONFLICTS, text="410", sentence="410 staff.", start=0,
                   end=3, score=0.9, caveats=caveats)


def test_the_rule_accepted_beats_caveated_beats_open() -> None:
    entry = BaselineEntry(claim="c", article="a", value=410)
    assert conflict_standing(mention(), None) is Standing.OPEN
    assert conflict_standing(mention(Caveat.HEDGED), None) is Standing.CAVEATED
    assert conflict_standing(mention(Caveat.HEDGED), entry) is Standing.ACCEPTED
    assert conflict_standing(mention(), entry) is Standing.ACCEPTED


def claim(claim_id: str, status: Status, *mentions: Mention) -> ClaimResult:
    return ClaimResult(id=claim_id, kind="count", value=300, status=status, mentions=mentions)


OPEN = claim("open", Status.CONFLICTING, mention())
CAVEATED = claim("caveated", Status.CONFLICTING, mention(Caveat.OTHER_TIME), mention(Caveat.HEDGED))
AGREED = claim("agreed", Status.AGREED, mention().model_copy(update={"verdict": Verdict.AGREES, "value": 300}))
UNCONFIRMED = claim("unconfirmed", Status.UNCONFIRMED)
BASELINE = "claims/.baseline.yaml"


@pytest.mark.parametrize(("claims", "standings", "articles", "skipped", "line"), [
    ((), Standings(), 0, 0, "0 contradictions, 0 caveated differences, 0 agreed, 0 unconfirmed (0 claims, 0 articles)"),
    ((OPEN, CAVEATED, AGREED, UNCONFIRMED), Standings(), 1, 0,
     "1 contradiction, 1 caveated difference, 1 agreed, 1 unconfirmed (4 claims, 1 article)"),
    ((OPEN, OPEN.model_copy(update={"id": "open-2"}), CAVEATED, CAVEATED.model_copy(update={"id": "caveated-2"})),
     Standings(), 2, 0, "2 contradictions, 2 caveated differences, 0 agreed, 0 unconfirmed (4 claims, 2 articles)"),
    # A claim with one open and one caveated conflict stands as its worst: a contradiction.
    ((claim("both", Status.CONFLICTING, mention(), mention(Caveat.WEAK_MATCH)),), Standings(), 1, 0,
     "1 contradiction, 0 caveated differences, 0 agreed, 0 unconfirmed (1 claim, 1 article)"),
    # "N accepted" only with a baseline, even when it accepts nothing.
    ((OPEN, UNCONFIRMED), Standings(baseline_path=BASELINE), 3, 0,
     "1 contradiction, 0 caveated differences, 0 accepted, 0 agreed, 1 unconfirmed (2 claims, 3 articles)"),
    ((OPEN, AGREED), Standings({conflict_key(OPEN, OPEN.mentions[0]): BaselineEntry(claim="open", article="a",
                                                                                 value=410)}, BASELINE), 1, 0,
     "0 contradictions, 0 caveated differences, 1 accepted, 1 agreed, 0 unconfirmed (2 claims, 1 article)"),
    ((AGREED,), Standings(), 1, 1, "0 contradictions, 0 caveated differences, 1 agreed, 0 unconfirmed "
                                   "(1 claim, 1 article); 1 skipped (see the warnings)"),
    ((AGREED,), Standings(), 1, 2, "0 contradictions, 0 caveated differences, 1 agreed, 0 unconfirmed "
                                   "(1 claim, 1 article); 2 skipped (see the warnings)"),
])
def test_the_summary_line_words_and_plurals(claims: tuple[ClaimResult, ...], standings: Standings, articles: int,
                                            skipped: int, line: str) -> None:
    report = Report(claims=claims, skipped=tuple(SkippedArticle(path=f"articles/{n}.rtf", reason="not read")
                                                 for n in range(skipped)))
    assert summary_line(report, standings, articles) == line


def test_every_output_words_the_run_with_the_one_summary_line(corpus: Path) -> None:
    hedge(corpus)
    line = "0 contradictions, 1 caveated difference, 1 agreed, 1 unconfirmed (3 claims, 2 articles)"
    assert run("check").stdout.splitlines()[-1] == line
    assert run("check", "--format", "github").stdout.splitlines()[-1] == f"::notice title=claimcheck::{line}"
    report = run("report", "--out", "report.html")
    assert report.stderr == f"claimcheck: {line}; report written to report.html\n"
    html = (corpus / "report.html").read_text()
    assert f"<title>Claim check: {line}</title>" in html
    assert f'<p class="headline">{line}.</p>' in html
    assert checker.summarise(checker.run_check("claims", "articles")) == line


def test_a_caveated_conflict_still_fails_check_but_is_counted_apart(corpus: Path) -> None:
    hedge(corpus)
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "trust-staff: Riverside Gazette, “Trust under review”, 20 Jun 2019 states around 410 "
        "but the claim says 300; caveats: hedged (around)",
        "0 contradictions, 1 caveated difference, 1 agreed, 1 unconfirmed (3 claims, 2 articles)",
    ]


def test_github_annotates_a_caveated_conflict_as_a_warning(corpus: Path) -> None:
    assert run("check", "--format", "github").stdout.startswith("::error file=articles/review.txt,")
    hedge(corpus)
    result = run("check", "--format", "github")
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("::warning file=articles/review.txt,line=10,title=claimcheck%3A trust-staff differs "
                            "(caveated)::trust-staff: Riverside Gazette, “Trust under review”, 20 Jun 2019 states "
                            "around 410")
    assert "::error" not in result.stdout


def test_sarif_level_follows_the_standing(corpus: Path) -> None:
    def conflict_level() -> str:
        log = json.loads(run("check", "--format", "sarif").stdout)
        return str(next(r["level"] for r in log["runs"][0]["results"] if r["ruleId"] == "conflict"))

    assert conflict_level() == "error"
    hedge(corpus)
    assert conflict_level() == "warning"


def test_junit_marks_a_caveated_conflict_as_a_skipped_case_at_warning_level(corpus: Path) -> None:
    hedge(corpus)
    root = ET.fromstring(run("check", "--format", "junit").stdout)
    case = next(c for c in root.iter("testcase") if c.get("name") == "trust-staff")
    assert case.find("failure") is None
    skipped = case.find("skipped")
    assert skipped is not None and skipped.get("type") == "caveated-conflict"
    assert skipped.get("message") == ("1 caveated difference not accepted by the baseline: each may not be a real "
                                      "contradiction (see its caveats)")
    prop = case.find("properties/property")
    assert prop is not None and (prop.get("name"), prop.get("value")) == ("claimcheck.level", "warning")
    out = case.find("system-out")
    assert out is not None and "caveats: hedged (around)" in (out.text or "")
    assert (root.get("failures"), root.get("skipped")) == ("0", "2")


def test_report_takes_the_baseline_and_shows_accepted_conflicts_with_their_reason(corpus: Path) -> None:
    accept(corpus, "agency staff counted")
    plain = run("report", "--json", "plain.json", "--out", "plain.html")
    result = run("report", "--baseline", "claims/.baseline.yaml", "--json", "with.json", "--out", "with.html")
    assert result.exit_code == 0
    assert result.stderr == ("claimcheck: 0 contradictions, 0 caveated differences, 1 accepted, 1 agreed, "
                             "1 unconfirmed (3 claims, 2 articles); report written to with.html\n")
    assert plain.exit_code == 0
    assert (corpus / "with.json").read_bytes() == (corpus / "plain.json").read_bytes()
    html = (corpus / "with.html").read_text()
    assert "Accepted in claims/.baseline.yaml: agency staff counted" in html
    assert ('<p class="headline">0 contradictions, 0 caveated differences, 1 accepted, 1 agreed, 1 unconfirmed '
            '(3 claims, 2 articles).</p>\n<p class="headline-note">Accepted: every conflict is in the baseline, '
            'with its reason.</p>') in html
    assert "A contradiction:" not in html
    # Drawn apart from a contradiction too: grey, not red.
    assert '<li class="conflict conflict-accepted">' in html and "conflict-open" not in html
    assert '<li class="conflict conflict-open">' in (corpus / "plain.html").read_text()


def test_a_baseline_that_is_not_valid_stops_report_and_export(corpus: Path) -> None:
    (corpus / "bad.yaml").write_text("claim: x\n")
    for args in (["report"], ["export", "--author", "Example News"]):
        result = CliRunner().invoke(cli, [*args, "--baseline", "bad.yaml"])
        assert result.exit_code == 2
        assert result.stderr == ("claimcheck: error: bad.yaml:1: a baseline must be a YAML list of entries "
                                 "(claim, article, value, reason, ...)\n")


def review_of(result: Result, claim: str) -> dict[str, object]:
    assert result.exit_code == 0
    graph = json.loads(result.stdout)["@graph"]
    found: dict[str, object] = next(r for r in graph if r["identifier"] == claim)
    return found


def test_export_publishes_contradicted_only_for_an_open_conflict(corpus: Path) -> None:
    staff = review_of(run("export", "--author", "Example News"), "trust-staff")
    assert staff["reviewRating"] == {"@type": "Rating", "ratingValue": 1, "bestRating": 3, "worstRating": 1,
                                     "alternateName": "Contradicted by a source"}
    assert staff["reviewBody"] == (
        "Claimed: 300. Agreeing source: “Riverside Care Trust opens”, 2 Apr 2019. Riverside Gazette, “Trust under "
        "review”, 20 Jun 2019 states 410: \"The Riverside Care Trust now employs 410 staff, its latest accounts "
        "show.\"")
    accept(corpus, "agency staff counted")
    accepted = review_of(run("export", "--author", "Example News", "--baseline", "claims/.baseline.yaml"),
                         "trust-staff")
    assert accepted["reviewRating"]["alternateName"] == (  # type: ignore[index]
        "Sources differ; the difference was reviewed and accepted")
    assert str(accepted["reviewBody"]).endswith("(reviewed and accepted: agency staff counted).")
    hedge(corpus)
    caveated = review_of(run("export", "--author", "Example News"), "trust-staff")
    assert caveated["reviewRating"]["ratingValue"] == 2  # type: ignore[index]
    assert "caveats: hedged (around)" in str(caveated["reviewBody"])


@pytest.mark.parametrize(("args", "message"), [
    ([], "Error: --author NAME is required for claimreview: the organisation publishing the reviews, "
         "e.g. --author \"Example News\""),
    (["--author", "  "], "Error: --author NAME is required for claimreview"),
    (["--author", "X", "--url", "javascript:alert(1)"], "Error: --url must be an http or https address"),
])
def test_export_needs_an_author_and_a_web_address(corpus: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["export", *args])
    assert result.exit_code == 2
    assert message in result.stderr
