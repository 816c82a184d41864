"""Scales and vocabulary kept beside the claims: read, added to what ships, never taken for claims."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.pipeline import run_check

ARTICLE = ("---\ntitle: Tramway figures\npublished: 2024-03-01\n---\nTramway figures\n\n"
           "Ashby Tramway recorded 4.2 million boardings in 2023, its operator said.\n")
CLAIM = ("- id: tram-boardings\n  claim: Ashby Tramway carried 4.2 million riders in 2023.\n"
         "  subject: Ashby Tramway\n  kind: count\n  value: 4200000\n  as_of: '2023'\n  keywords: [riders]\n")
# "boardings" added to a predicate that ships ("customers": riders, passengers...)
VOCABULARY = "predicates:\n  - name: customers\n    kinds: [count]\n    phrases: [boardings]\n"


def _corpus(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "tram.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "tram.yaml").write_text(CLAIM, encoding="utf-8")
    return tmp_path


def _explain(corpus: Path) -> str:
    result = CliRunner().invoke(cli, ["explain", "tram-boardings", "--claims", str(corpus / "claims"),
                                      "--articles", str(corpus / "articles")])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_vocabulary_file_beside_the_claims_teaches_a_phrase(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    assert not run_check(corpus / "claims", corpus / "articles").report.claims[0].mentions
    (corpus / "claims" / "vocabulary").mkdir()
    (corpus / "claims" / "vocabulary" / "transport.yaml").write_text(VOCABULARY, encoding="utf-8")
    assert "role: boarding (customers" in _explain(corpus)
    [claim] = run_check(corpus / "claims", corpus / "articles").report.claims  # the file is read as no claim
    assert [m.text for m in claim.mentions] == ["4.2 million"]


def test_a_scale_file_beside_the_claims_is_a_scale_a_claim_may_use(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "claims" / "rating.yaml").write_text(
        "- id: tram-grade\n  claim: Ashby Tramway was graded gold in 2023.\n  subject: Ashby Tramway\n"
        "  kind: rating\n  scale: transit-award\n  value: gold\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--claims", str(corpus / "claims"), "--articles",
                                      str(corpus / "articles")])
    assert "unknown-scale" in result.stdout
    (corpus / "claims" / "scales").mkdir()
    (corpus / "claims" / "scales" / "transit-award.yaml").write_text(
        "name: transit-award\ndescription: An invented award.\nlabels:\n  - label: gold\n  - label: silver\n"
        "context: [graded, award]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--claims", str(corpus / "claims"), "--articles",
                                      str(corpus / "articles")])
    assert "unknown-scale" not in result.stdout, result.stdout


@pytest.mark.parametrize(("predicate", "message"), [
    ("  - name: ridership\n    kinds: [riders]\n", "predicate 'ridership': 'riders' is not a kind"),
    ("  - name: reporting\n    kinds: [date]\n    reach: near\n",
     "predicate 'reporting': 'reach' must be a whole number of words from 0 to 50"),
    ("  - name: priced\n    kinds: [money]\n    compound_only: sometimes\n",
     "predicate 'priced': 'compound_only' must be true or false"),
])
def test_a_broken_vocabulary_file_is_one_line_naming_it(tmp_path: Path, predicate: str, message: str) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "claims" / "vocabulary").mkdir()
    broken = corpus / "claims" / "vocabulary" / "bad.yaml"
    broken.write_text("predicates:\n" + predicate, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--claims", str(corpus / "claims"), "--articles",
                                      str(corpus / "articles")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and f"bad.yaml: {message}" in result.stderr, result.stderr
