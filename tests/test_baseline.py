"""The baseline file: written from the current conflicts, read back, matched, kept, and reported stale."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_check_formats import corpus, run  # the tests/data/ci corpus copied to a temporary folder

from checker.cli import cli
from checker.errors import ConfigError
from checker.findings.baseline import BaselineEntry, canonical_value, read_baseline
from checker.formats.baseline import render_baseline

__all__ = ["corpus"]  # a fixture: pytest finds it here by name


def make_entry(**overrides: object) -> BaselineEntry:
    fields: dict[str, object] = {"claim": "trust-staff", "article": "review", "value": 410, "stated": "410"}
    return BaselineEntry.model_validate({**fields, **overrides})


def test_baseline_writes_each_current_conflict_with_fields_to_fill_in(corpus: Path) -> None:
    result = run("baseline")
    assert result.exit_code == 0
    assert result.stderr == ("claimcheck: claims/.baseline.yaml: 1 accepted conflict: 1 new (fill in their reason), "
                             "0 kept, 0 dropped as no longer occurring\n")
    entries = read_baseline(corpus / "claims" / ".baseline.yaml").entries
    assert [(e.claim, e.article, e.value, e.reason, e.accepted_by, e.accepted_on) for e in entries] == [
        ("trust-staff", "review", 410, None, None, None)]


def test_the_baseline_file_is_not_read_as_claims(corpus: Path) -> None:
    run("baseline")
    result = run("check", "--baseline", "claims/.baseline.yaml")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == ("0 contradictions, 0 caveated differences, 1 accepted, 1 agreed, "
                                              "1 unconfirmed (3 claims, 2 articles)")


def test_rewriting_the_baseline_keeps_reasons_and_drops_what_no_longer_occurs(corpus: Path) -> None:
    path = corpus / "claims" / ".baseline.yaml"
    path.write_text(render_baseline([
        make_entry(reason="accounts count agency staff", accepted_by="sam", accepted_on="2026-11-23"),
        make_entry(claim="trust-budget", article="launch", value={"amount": 9000000, "currency": "GBP"}),
    ]))
    result = run("baseline")
    assert "1 kept, 1 dropped" in result.stderr
    (entry,) = read_baseline(path).entries
    assert (entry.reason, entry.accepted_by, entry.accepted_on) == ("accounts count agency staff", "sam", "2026-11-23")


def test_rendered_baseline_reads_back_equal(tmp_path: Path) -> None:
    entries = [make_entry(reason="a: b # not a comment", accepted_on="2026-01-02"),
               make_entry(claim="trust-budget", value={"amount": 41600000.0, "currency": "GBP"}, stated="£41.6m"),
               make_entry(claim="trust-start", value="2013", stated="2013")]
    path = tmp_path / ".baseline.yaml"
    path.write_text(render_baseline(entries))
    assert [e.model_copy(update={"line": None}) for e in read_baseline(path).entries] == entries
    assert [e.line for e in read_baseline(path).entries] == [6, 14, 22]


def test_an_unquoted_date_and_a_float_written_by_hand_still_match(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("- claim: c\n  article: a\n  value: {currency: GBP, amount: 47000000.0}\n"
                    "  accepted_on: 2026-11-23\n")
    (entry,) = read_baseline(path).entries
    assert entry.accepted_on == "2026-11-23"
    assert entry.key == ("c", "a", canonical_value({"amount": 47000000, "currency": "GBP"}))


@pytest.mark.parametrize(("text", "message"), [
    ("claim: x\n", "b.yaml:1: a baseline must be a YAML list of entries"),
    ("- claim: x\n  article: a\n  value: 1\n- claim: y\n  articel: a\n  value: 1\n",
     "b.yaml:4: baseline entry field 'article': field required"),
    ("- claim: x\n  article: a\n  value: 1\n  reasons: old\n",
     "b.yaml:1: baseline entry field 'reasons': extra inputs"),
    ("- [unclosed\n", "b.yaml:2: baseline is not valid YAML"),
    ("- just text\n", "b.yaml:1: a baseline entry must be 'key: value' lines"),
])
def test_an_invalid_baseline_names_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        read_baseline(path)
    assert message in str(caught.value)


def test_a_missing_baseline_is_one_line_and_exit_2(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--baseline", "claims/nope.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: claims/nope.yaml: baseline file not found; "
                             "create it with 'claimcheck baseline'\n")


def test_an_empty_baseline_accepts_nothing(corpus: Path) -> None:
    (corpus / "empty.yaml").write_text("")
    assert run("check", "--baseline", "empty.yaml").exit_code == 1


def test_a_stale_entry_is_reported_but_fails_only_with_strict(corpus: Path) -> None:
    run("baseline")
    (corpus / "articles" / "review.txt").unlink()
    result = run("check", "--baseline", "claims/.baseline.yaml")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        "claims/.baseline.yaml:6: stale: stale baseline entry: review no longer states 410 against claim "
        "trust-staff; remove the entry (or rerun 'claimcheck baseline')",
        "baseline claims/.baseline.yaml: 0 new conflicts, 0 accepted, 1 stale",
    ]
    assert run("check", "--baseline", "claims/.baseline.yaml", "--strict").exit_code == 1


def test_json_format_reports_stale_entries_on_stderr_only(corpus: Path) -> None:
    run("baseline")
    (corpus / "articles" / "review.txt").unlink()
    result = run("check", "--format", "json", "--baseline", "claims/.baseline.yaml")
    assert result.stdout.startswith("{")
    assert "claims/.baseline.yaml:6: stale baseline entry: review no longer states 410" in result.stderr
