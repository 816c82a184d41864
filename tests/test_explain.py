"""`claimcheck explain`: why a claim was or was not found, answered from a fresh clone in one command."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from checker.cli import cli

READING = Path(__file__).parent / "data" / "reading"
INPUTS = ["--claims", str(READING / "claims"), "--articles", str(READING / "articles")]


def _explain(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["explain", *args, *INPUTS])
    return result.exit_code, result.stdout, result.stderr


def test_a_refused_value_names_the_gate_it_failed() -> None:
    code, out, _ = _explain("kcp-budget-2024", "kelbridge-overspend")
    assert code == 0
    refused = next(line for line in out.splitlines() if line.strip().startswith("'£12m'"))
    assert "refused, its role is overspend" in refused and "the claim's is budget" in refused
    taken = next(line for line in out.splitlines() if line.strip().startswith("'£95m'"))
    assert "a mention, confidence" in taken and "role: budget" in taken


def test_the_claims_predicates_and_the_cut_are_stated_first() -> None:
    _, out, _ = _explain("kcp-budget-2024", "kelbridge-overspend")
    head = out.splitlines()[:4]
    assert head[0].startswith("claim kcp-budget-2024: ")
    assert any(line.startswith("  looks for: budget") for line in head)
    assert "a mention needs confidence 0.45 (--min-confidence)" in head[3]
    _, out, _ = _explain("kcp-budget-2024", "kelbridge-overspend", "--min-confidence", "0.99")
    assert "'£95m' (£95m): possible" in out


def test_an_article_that_never_names_the_subject_says_so() -> None:
    _, out, _ = _explain("kcp-budget-2024", "ashburn-fine")
    assert "never names the subject" in out


def test_unknown_claim_or_article_is_one_line_with_a_suggestion() -> None:
    code, out, err = _explain("kcp-budget-2042")
    assert code == 2 and not out
    assert err.count("\n") == 1 and "no claim 'kcp-budget-2042'" in err and "did you mean 'kcp-budget-2024'" in err
    code, out, err = _explain("kcp-budget-2024", "kelbridge-overspent")
    assert code == 2 and err.count("\n") == 1 and "did you mean 'kelbridge-overspend'" in err


def test_control_characters_from_an_article_are_shown_not_obeyed(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(
        "Ashby news\n\nAshby Trust opened in 2016 as planned \x1b[31m::error::forged.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "- id: opened\n  claim: Ashby Trust opened in 2016.\n  subject: Ashby Trust\n  kind: date\n  value: '2016'\n",
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["explain", "opened", "--claims", str(tmp_path / "claims.yaml"),
                                      "--articles", str(tmp_path / "articles")])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\\x1b" in result.stdout
    assert "::error::forged" in result.stdout  # shown inside its line
    assert not any(line.startswith("::") for line in result.stdout.splitlines())
