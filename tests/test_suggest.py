"""`claimcheck suggest`: uncovered values grouped by what they are about, disagreements first, as valid drafts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import cli
from checker.curate.drafting import validate_record
from checker.curate.suggest import find_suggestions
from checker.pipeline import run_check
from checker.store.claims import load_claims

ROOT = Path(__file__).parent.parent


@pytest.fixture
def corpus(data_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(data_path / "curation" / "claims", tmp_path / "claims")
    shutil.copytree(data_path / "curation" / "articles", tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_cross_source_disagreement_comes_first(corpus: Path) -> None:
    suggestions = find_suggestions(Path("claims"), Path("articles"))
    first = suggestions[0]
    assert first.disagree
    assert first.sources == ["launch", "review"]
    assert first.values == ["2016-06", "2015"]
    assert first.record["kind"] == "date" and first.record["value"] == "2016-06"
    assert first.record["sources"] == ["launch", "review"]
    assert "Sources disagree" in first.record["notes"]


def test_values_a_claim_covers_are_not_suggested(corpus: Path) -> None:
    stated = {(e.article, e.text) for s in find_suggestions(Path("claims"), Path("articles"), min_sources=1)
              for e in s.evidence}
    assert ("launch", "300") not in stated and ("review", "410") not in stated  # trust-staff covers both
    assert ("launch", "£12m") not in stated


def test_values_of_one_sentence_are_never_one_group(corpus: Path) -> None:
    for suggestion in find_suggestions(Path("claims"), Path("articles"), min_sources=1):
        places = [(e.article, e.sentence) for e in suggestion.evidence]
        assert len(places) == len(set(places))


def test_every_printed_yaml_suggestion_loads_as_a_claim(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["suggest", "--min-sources", "1", "--limit", "50"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    records = yaml.safe_load(result.stdout)
    assert len(records) >= 4
    (corpus / "drafts").mkdir()
    (corpus / "drafts" / "drafts.yaml").write_text(result.stdout)
    claims = load_claims(corpus / "drafts")
    assert sorted(c.id for c in claims) == sorted(r["id"] for r in records)
    assert result.stdout.startswith("# 1. sources disagree: date Jun 2016 / 2015 (2 articles)\n")


def test_json_suggestions_validate_and_carry_their_evidence(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["suggest", "--format", "json", "--min-sources", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "claimcheck.suggestions/1"
    for item in data["suggestions"]:
        assert validate_record(item["record"]).id == item["id"]
        assert {e["article"] for e in item["evidence"]} == set(item["sources"])
        assert all(e["text"] in e["sentence"] for e in item["evidence"])


def test_filters_kind_min_sources_and_limit(corpus: Path) -> None:
    runner = CliRunner()
    ratings = json.loads(runner.invoke(cli, ["suggest", "--format", "json", "--kind", "rating"]).stdout)
    assert [s["kind"] for s in ratings["suggestions"]] == ["rating"]
    assert ratings["suggestions"][0]["values"] == ["good"] and not ratings["suggestions"][0]["disagree"]
    one = json.loads(runner.invoke(cli, ["suggest", "--format", "json", "--min-sources", "1", "--limit", "1"]).stdout)
    assert len(one["suggestions"]) == 1
    none = runner.invoke(cli, ["suggest", "--min-sources", "3"])
    assert none.exit_code == 0 and none.stdout == ""
    assert "no uncovered values found" in none.stderr


def test_text_format_lists_the_evidence(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["suggest", "--format", "text"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:3] == [
        "1. sources disagree: date Jun 2016 / 2015 (2 articles)",
        "   launch: “June 2016” in \"The new Riverside library opened in June 2016 after a long building programme.\"",
        "   review: “2015” in \"The Riverside library, which opened in 2015, is to close for repairs this summer.\"",
    ]


def test_accept_needs_a_terminal(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["suggest", "--accept"], input="")
    assert result.exit_code == 2
    assert "--accept asks about each suggestion and needs a terminal" in result.stderr


@pytest.mark.slow
def test_bundled_corpus_suggestions_validate_and_skip_covered_values() -> None:
    """On the real claims/ and articles/: every draft validates, and no suggested statement is one a claim covers."""
    if not (ROOT / "claims").is_dir() or not (ROOT / "articles").is_dir():
        pytest.skip("the bundled corpus is not here")
    suggestions = find_suggestions(ROOT / "claims", ROOT / "articles", min_sources=1)
    assert suggestions, "the bundled corpus states values no claim covers: suggest should find some"
    covered = {(m.article, m.start) for c in run_check(ROOT / "claims", ROOT / "articles").report.claims
               for m in c.mentions}
    for suggestion in suggestions:
        validate_record(suggestion.record)
        assert not {(e.article, e.start) for e in suggestion.evidence} & covered, suggestion.summary()
