"""The JSON result streamed from mentions spooled on disk: the same bytes as the result held whole."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.models import Mention, Verdict
from checker.pipeline import run_check, stream_check
from checker.scale.spool import MentionSpool
from checker.settings import Settings
from checker.store.output import write_atomic_chunks


@pytest.fixture(params=["corpus", "ci", "reading"])
def workspace(request: pytest.FixtureRequest, data_path: Path, tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(data_path / request.param, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return tmp_path


def held_json(*options: str) -> str:
    """The JSON result rendered from a Report holding every mention, as `report --json` writes it."""
    result = CliRunner().invoke(cli, ["report", "--out", "out/report.html", "--json", "out/report.json",
                                      *options], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return Path("out/report.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("options", [(), ("--min-confidence", "0.9"), ("--workers", "2")])
def test_check_json_streams_the_bytes_of_the_held_result(workspace: Path, options: tuple[str, ...]) -> None:
    streamed = CliRunner().invoke(cli, ["check", "--format", "json", *options], catch_exceptions=False)
    assert streamed.exit_code in (0, 1), streamed.stderr
    assert streamed.stdout == held_json(*options)
    assert any(claim["mentions"] for claim in json.loads(streamed.stdout)["claims"])


def test_a_warm_run_streams_the_bytes_of_a_cold_run(workspace: Path) -> None:
    cold = CliRunner().invoke(cli, ["check", "--format", "json", "--cache-dir", "cache"], catch_exceptions=False)
    warm = CliRunner().invoke(cli, ["check", "--format", "json", "--cache-dir", "cache"], catch_exceptions=False)
    assert cold.exit_code == warm.exit_code
    assert warm.stdout == cold.stdout == held_json()


def test_the_streamed_report_keeps_every_status_and_the_conflicts(workspace: Path) -> None:
    settings = Settings(min_confidence=0.5)
    held = run_check("claims", "articles", settings).report
    with stream_check("claims", "articles", settings) as streamed:
        report = streamed.result.report
        rows = {c.id: [*streamed.rows(c.id, False)] for c in report.claims}
    assert [(c.id, c.status) for c in report.claims] == [(c.id, c.status) for c in held.claims]
    for claim, whole in zip(report.claims, held.claims, strict=True):
        assert claim.mentions == tuple(m for m in whole.mentions if m.verdict is Verdict.CONFLICTS)
        assert rows[claim.id] == [m.model_dump(mode="json") for m in whole.mentions]


def test_the_spool_sorts_as_python_sorts_ties_kept_in_order() -> None:
    articles = ["b", "a\U0001f600", "a\udce9", "a\uffff", "A", "a", "\u00e9"]
    spool = MentionSpool()
    try:
        mentions = [Mention(article=a, value=1, verdict=Verdict.AGREES, text=str(i), sentence="s", start=i % 2,
                            end=3, score=0.5) for i, a in enumerate(articles * 2)]
        spool.add(("c", False, m) for m in mentions)
        spool.add([("c", True, mentions[0]), ("other", False, mentions[1])])
        expected = sorted(mentions, key=lambda m: (m.article, m.start, m.end))
        assert [row["text"] for row in spool.rows("c", False)] == [m.text for m in expected]
        assert [row["text"] for row in spool.rows("c", True)] == ["0"]
        assert [*spool.rows("missing", False)] == []
    finally:
        spool.close()


def test_a_failure_while_streaming_leaves_the_old_file_whole_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("before\n")

    def chunks() -> object:
        yield b"half of a "
        raise KeyError("a bug while rendering")

    with pytest.raises(KeyError):
        write_atomic_chunks(target, chunks())  # type: ignore[arg-type]
    assert target.read_text() == "before\n"
    assert os.listdir(tmp_path) == ["report.json"]


def test_the_streamed_check_fails_and_warns_on_stale_entries_with_a_baseline(data_path: Path, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(data_path / "ci", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["check", "--format", "json"]).exit_code == 1
    assert runner.invoke(cli, ["baseline"]).exit_code == 0
    accepted = runner.invoke(cli, ["check", "--format", "json", "--baseline", "claims/.baseline.yaml"])
    assert (accepted.exit_code, accepted.stderr) == (0, "")
    (tmp_path / "articles" / "review.txt").unlink()  # the article holding the accepted conflict
    for strict, code in (((), 0), (("--strict",), 1)):
        streamed = runner.invoke(cli, ["check", "--format", "json", "--baseline", "claims/.baseline.yaml", *strict])
        assert streamed.exit_code == code
        assert streamed.stderr == ("claimcheck: warning: claims/.baseline.yaml:6: stale baseline entry: review no "
                                   "longer states 410 against claim trust-staff; remove the entry (or rerun "
                                   "'claimcheck baseline')\n")
