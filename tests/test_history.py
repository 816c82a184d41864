"""What changed since a previous JSON result: reading it, choosing it by default, and the report's section."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.errors import ConfigError
from checker.report.history import find_previous, load_previous, snapshot


def _result(*conflicts: tuple[str, str, object], articles: tuple[str, ...] = ("a",)) -> dict[str, object]:
    claims: dict[str, list[dict[str, object]]] = {}
    for claim_id, article, value in conflicts:
        claims.setdefault(claim_id, []).append({"article": article, "value": value, "verdict": "conflicts"})
    return {"schema": "claimcheck.report/1", "articles": [{"id": a} for a in articles],
            "claims": [{"id": c, "kind": "count", "value": 1, "status": "conflicting", "mentions": m}
                       for c, m in sorted(claims.items())]}


def test_a_value_written_as_float_or_int_is_the_same_conflict() -> None:
    assert snapshot(_result(("c", "a", 657)), "x").conflicts.keys() == \
        snapshot(_result(("c", "a", 657.0)), "x").conflicts.keys()


@pytest.mark.parametrize(("content", "message"), [
    ("not json", "reports/old.json: the previous result is not JSON"),
    ('{"schema": "other/1"}', 'reports/old.json: not a claimcheck result (no "schema": "claimcheck.report/1")'),
    ('{"schema": "claimcheck.report/1", "claims": [{"kind": "count"}]}',
     "reports/old.json: a claim, mention or article lacks a field CONTRACT.md requires ('id')"),
])
def test_a_file_that_is_not_a_result_is_named_in_the_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           content: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "old.json").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_previous(Path("reports/old.json"))
    assert str(caught.value).startswith(message)


def test_the_default_is_the_json_target_then_report_json_beside_the_report(tmp_path: Path) -> None:
    out = tmp_path / "site" / "report.html"
    out.parent.mkdir()
    beside = out.parent / "report.json"
    target = tmp_path / "result.json"
    assert find_previous(None, out, target) is None
    beside.write_text(json.dumps(_result(articles=("beside",))), encoding="utf-8")
    assert find_previous(None, out, target).article_ids == {"beside"}  # type: ignore[union-attr]
    target.write_text(json.dumps(_result(articles=("target",))), encoding="utf-8")
    assert find_previous(None, out, target).article_ids == {"target"}  # type: ignore[union-attr]
    assert find_previous(None, Path("-"), Path("-")) is None


def test_a_default_file_that_is_not_a_result_is_skipped_with_a_warning(tmp_path: Path,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "report.json").write_text("[]", encoding="utf-8")
    assert find_previous(None, tmp_path / "report.html", None) is None
    assert caplog.messages == [f"{tmp_path / 'report.json'}: not a claimcheck result (no \"schema\": "
                               "\"claimcheck.report/1\"); give a file written by `claimcheck report --json`; "
                               "not comparing with it"]


def test_report_compares_with_the_json_it_wrote_last_time(tmp_path: Path, data_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714564800")
    shutil.copytree(data_path / "report", "in")
    Path("in/articles/rival.txt").rename("rival.txt")
    runner = CliRunner()
    args = ["report", "--claims", "in/claims", "--articles", "in/articles", "--json", "out/report.json",
            "--out", "out/report.html"]
    first = runner.invoke(cli, args, catch_exceptions=False)
    assert first.exit_code == 0
    assert 'id="changes"' not in Path("out/report.html").read_text(encoding="utf-8")
    Path("rival.txt").rename("in/articles/rival.txt")
    second = runner.invoke(cli, args, catch_exceptions=False)
    assert second.exit_code == 0
    html = Path("out/report.html").read_text(encoding="utf-8")
    assert "(<code>out/report.json</code>): 2 new conflicts, 1 new article." in html
    assert "rival" in {a["id"] for a in json.loads(Path("out/report.json").read_text(encoding="utf-8"))["articles"]}


def test_an_explicit_previous_file_that_is_missing_is_an_error(tmp_path: Path, data_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["report", "--claims", str(data_path / "report" / "claims"), "--articles",
                                      str(data_path / "report" / "articles"), "--previous", "nope.json"])
    assert result.exit_code == 2
    assert result.stderr.startswith("claimcheck: error: nope.json: cannot read the previous result")
    assert not Path("reports/report.html").exists()
