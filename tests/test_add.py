"""`claimcheck add`: the record it proposes, what it previews, and how it writes the claims file."""

from __future__ import annotations

import difflib
import os
import select
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import cli
from checker.curate.drafting import draft_record, validate_record
from checker.errors import CheckerError, ClaimFileError
from checker.store import claim_files
from checker.store.claim_files import append_record, file_state, render_record
from checker.store.claims import load_claims

GOLDEN = Path(__file__).parent / "golden" / "add"
SENTENCE = "The Riverside library opened in June 2016."


@pytest.fixture
def corpus(data_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The curation corpus copied to a temporary folder that is also the working folder."""
    shutil.copytree(data_path / "curation" / "claims", tmp_path / "claims")
    shutil.copytree(data_path / "curation" / "articles", tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.delenv("CLAIMCHECK_CLAIMS_FILE", raising=False)
    return tmp_path


@pytest.mark.parametrize(("sentence", "kind", "value", "as_of"), [
    ("DCST employed 657 members of staff in March 2021", "count", 657, "2021-03"),
    ("The council put £41.6 million towards the trust's budget in 2014.", "money", "£41.6m", "2014"),
    ("63 per cent of schools were rated good or better in 2022.", "percent", "63%", "2022"),
    ("The contract was set to run for 10 years.", "duration", "10 years", None),
    ("The trust launched on 1 October 2014.", "date", "2014-10-01", None),
    ("Ofsted rated the trust's services 'requires improvement' in February 2022.", "rating",
     "requires improvement", "2022-02"),
])
def test_a_sentence_proposes_kind_value_and_as_of(sentence: str, kind: str, value: object, as_of: str | None) -> None:
    record = draft_record(sentence)
    assert (record["kind"], record["value"], record.get("as_of")) == (kind, value, as_of)
    claim = validate_record(record)
    assert claim.id == record["id"] and claim.claim.startswith(sentence.rstrip("."))


def test_a_rating_draft_names_its_scale() -> None:
    record = draft_record("Ofsted rated the trust's services 'good' in 2017.")
    assert (record["kind"], record["value"], record["scale"]) == ("rating", "good", "ofsted")


def test_the_draft_reads_subject_keywords_and_a_readable_id() -> None:
    record = draft_record("DCST employed 657 members of staff in March 2021")
    assert record["subject"] == "DCST"
    assert record["keywords"][:2] == ["members of staff", "employed"]
    assert record["id"] == "dcst-members-of-staff-2021"


def test_a_taken_id_gets_a_number() -> None:
    taken = {"dcst-members-of-staff-2021", "dcst-members-of-staff-2021-2"}
    record = draft_record("DCST employed 657 members of staff in March 2021", taken_ids=taken)
    assert record["id"] == "dcst-members-of-staff-2021-3"


def test_flags_win_over_the_proposal() -> None:
    record = draft_record("DCST employed 657 members of staff in March 2021",
                          {"id": "staff-2021", "kind": "count", "value": "650", "tolerance": "5%", "as_of": "2021"})
    assert (record["id"], record["value"], record["tolerance"], record["as_of"]) == ("staff-2021", "650", "5%", "2021")


def test_a_sentence_without_a_value_is_refused() -> None:
    with pytest.raises(ClaimFileError, match="no value found"):
        draft_record("Nothing is stated here")


def test_a_rendered_record_reads_back_as_the_same_record() -> None:
    record = {"id": "odd-words", "claim": "no", "kind": "count", "value": 3, "as_of": "2014-10-01",
              "keywords": ["no", "on", "yes", "2014"]}
    assert yaml.safe_load(render_record(record)) == [record]


def test_add_writes_the_record_keeping_comments_and_order(corpus: Path, update_golden: bool) -> None:
    before = (corpus / "claims" / "town.yaml").read_text()
    result = CliRunner().invoke(cli, ["add", SENTENCE, "--file", "claims/town.yaml", "--source", "launch",
                                      "--keyword", "library"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    after = (corpus / "claims" / "town.yaml").read_text()
    assert after.startswith(before.rstrip("\n") + "\n\n- id: riverside-library\n")
    assert "added 'riverside-library' to claims/town.yaml:21" in result.stdout
    _compare_golden(after, GOLDEN / "town.yaml", update_golden)
    assert [c.id for c in load_claims(corpus / "claims")] == ["riverside-library", "trust-budget", "trust-staff"]


def test_add_shows_what_the_record_would_match_before_writing(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["add", "The Riverside library opened in 2016.", "--id", "library-opened",
                                      "--dry-run"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "# would be conflicting: 1 agreeing and " in result.stdout
    assert "#   agrees    launch: “June 2016”" in result.stdout
    assert "#   conflicts review: “2015”" in result.stdout
    assert "nothing written" in result.stderr
    assert not (corpus / "claims" / "claims.yaml").exists()


def test_add_writes_to_the_default_or_the_configured_file(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["add", SENTENCE], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "riverside-opened-library" in (corpus / "claims" / "claims.yaml").read_text()
    monkeypatch.setenv("CLAIMCHECK_CLAIMS_FILE", "claims/places.yaml")
    result = runner.invoke(cli, ["add", "The Riverside library closed in 2019."], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "riverside-closed-library" in (corpus / "claims" / "places.yaml").read_text()


def test_a_duplicate_id_is_refused_with_the_existing_place(corpus: Path) -> None:
    before = (corpus / "claims" / "town.yaml").read_bytes()
    result = CliRunner().invoke(cli, ["add", SENTENCE, "--id", "trust-budget", "--file", "claims/town.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: claims/town.yaml:13: claim 'trust-budget' already exists there; "
                             "choose another --id\n")
    assert (corpus / "claims" / "town.yaml").read_bytes() == before


RESTATED = "Around 300 staff moved to the Riverside Care Trust when it opened in 2019."


def test_a_claim_that_restates_an_existing_one_is_refused(corpus: Path) -> None:
    before = (corpus / "claims" / "town.yaml").read_bytes()
    result = CliRunner().invoke(cli, ["add", RESTATED, "--file", "claims/town.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: claims/town.yaml:4: claim 'trust-staff' already says this (same "
                             "subject, kind, value and as_of, a similar sentence); use --force to add it anyway\n")
    assert result.stdout == ""
    assert (corpus / "claims" / "town.yaml").read_bytes() == before


def test_force_adds_a_restatement_anyway(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["add", RESTATED, "--file", "claims/town.yaml", "--force"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "added 'rct-staff-moved-opened-2019' to claims/town.yaml:21" in result.stdout
    assert [c.id for c in load_claims(corpus / "claims")] == ["rct-staff-moved-opened-2019", "trust-budget",
                                                              "trust-staff"]


@pytest.mark.parametrize("sentence", [
    "Around 410 staff moved to the Riverside Care Trust when it opened in 2019.",  # another value
    "Around 300 staff moved to the Riverside Care Trust when it opened in 2020.",  # another as_of
    "The council's housing office lost around 300 staff in 2019.",  # another subject and sentence
])
def test_a_claim_of_another_fact_is_added(corpus: Path, sentence: str) -> None:
    result = CliRunner().invoke(cli, ["add", sentence, "--file", "claims/town.yaml"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "added '" in result.stdout


def test_an_invalid_record_writes_nothing(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["add", "Rated 'good' by Ofsted.", "--kind", "rating", "--value", "superb"])
    assert result.exit_code == 2
    assert "field 'value' 'superb' is not a label of scale 'ofsted'" in result.stderr
    assert not (corpus / "claims" / "claims.yaml").exists()


def test_a_crash_between_temp_write_and_rename_leaves_the_original(corpus: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = corpus / "claims" / "town.yaml"
    before = path.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(CheckerError):
        append_record(path, draft_record(SENTENCE))
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["town.yaml"]  # no temp file left


def test_a_file_changed_while_prompting_is_merged_not_overwritten(corpus: Path) -> None:
    path = corpus / "claims" / "town.yaml"
    state = file_state(path)
    with path.open("a") as handle:  # someone else adds a claim meanwhile
        handle.write("\n- id: added-meanwhile\n  claim: 2 libraries.\n  kind: count\n  value: 2\n")
    appended = append_record(path, draft_record(SENTENCE), state)
    assert appended.changed_meanwhile
    assert {c.id for c in load_claims(path)} == {"trust-staff", "trust-budget", "added-meanwhile",
                                                "riverside-opened-library"}


def test_an_id_added_meanwhile_is_refused(corpus: Path) -> None:
    path = corpus / "claims" / "town.yaml"
    state = file_state(path)
    record = draft_record(SENTENCE)
    with path.open("a") as handle:
        handle.write(f"\n- id: {record['id']}\n  claim: 2 libraries.\n  kind: count\n  value: 2\n")
    with pytest.raises(ClaimFileError, match=r"town.yaml:21: claim 'riverside-opened-library' is already there"):
        append_record(path, record, state)


def test_concurrent_adds_both_land(corpus: Path) -> None:
    path = corpus / "claims" / "town.yaml"
    records = [draft_record(f"The Riverside library lent {n},000 books in 2018.", {"id": f"books-{n}"})
               for n in range(10, 16)]
    threads = [threading.Thread(target=append_record, args=(path, r)) for r in records]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {c.id for c in load_claims(path)} >= {r["id"] for r in records}


def test_an_add_waiting_too_long_for_the_lock_refuses(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    monkeypatch.setattr(claim_files, "LOCK_WAIT_SECONDS", 0.2)
    fd = os.open(corpus / "claims", os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(ClaimFileError, match="another claimcheck is writing claims here"):
            append_record(corpus / "claims" / "town.yaml", draft_record(SENTENCE))
    finally:
        os.close(fd)


def test_without_a_terminal_add_never_prompts(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["add", SENTENCE], input="", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "?" not in result.stdout.replace("'", "")  # no question was asked
    result = CliRunner().invoke(cli, ["add"], input="")
    assert result.exit_code == 2
    assert "give the claim as a sentence" in result.stderr


class _Terminal:
    """A claimcheck process on a pseudo-terminal, read until an expected text appears."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        import pty

        self.master, slave = pty.openpty()
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "COLUMNS": "200"}
        env.pop("CLAIMCHECK_CLAIMS_FILE", None)
        self.process = subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=cwd, stdin=slave,
                                        stdout=slave, stderr=slave, env=env, close_fds=True)
        os.close(slave)
        self.seen = ""

    def expect(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            ready, _, _ = select.select([self.master], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise AssertionError(f"{text!r} did not appear; the terminal showed:\n{self.seen}")
            try:
                chunk = os.read(self.master, 4096).decode(errors="replace")
            except OSError:
                chunk = ""
            if not chunk:
                raise AssertionError(f"{text!r} did not appear before the end; the terminal showed:\n{self.seen}")
            self.seen += chunk
        before, _, self.seen = self.seen.partition(text)
        return before

    def send(self, line: str) -> None:
        os.write(self.master, (line + "\r").encode())

    def __enter__(self) -> _Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def test_interactive_add_prompts_with_defaults_and_checks_each_field(corpus: Path) -> None:
    with _Terminal(["add", "Inspectors rated the trust 'good' in March 2018."], corpus) as term:
        term.expect("claim [Inspectors rated the trust 'good' in March 2018.]:")
        term.send("")
        term.expect("id [trust-rated-inspectors-2018]:")
        term.send("trust-rating-2018")
        term.expect("subject:")
        term.send("Riverside Care Trust")
        term.expect("kind (date, money, count, percent, duration, rating) [rating]:")
        term.send("")
        # the sentence names no inspectorate and the claims use no scale yet: the user says which
        term.expect("scale (cqc, hmicfrs, hmip, ofsted) [cqc]:")
        term.send("ofsted")
        term.expect("value (outstanding, good, requires improvement, inadequate) [good]:")
        term.send("superb")
        term.expect("is not a label of scale 'ofsted'")
        term.expect("value (outstanding, good, requires improvement, inadequate) [good]:")
        term.send("")
        term.expect("as_of [2018-03]:")
        term.send("2018-13")
        term.expect("must be a date written YYYY, YYYY-MM or YYYY-MM-DD")
        term.send("2018")
        term.expect("keywords [")
        term.send("inspectors, rated")
        term.expect("sources:")
        term.send("review")
        shown = term.expect("Add it to claims/claims.yaml? [Y/n]:")
        assert "# would be agreed: 1 agreeing" in shown
        term.send("y")
        term.expect("added 'trust-rating-2018' to claims/claims.yaml:1")
        assert term.process.wait(timeout=30) == 0
    [claim] = load_claims(corpus / "claims" / "claims.yaml")
    as_of = claim.as_of.to_json() if claim.as_of else None
    assert (claim.id, claim.value.to_json(), as_of, claim.subject, claim.keywords, claim.sources) == (
        "trust-rating-2018", "good", "2018", "Riverside Care Trust", ("inspectors", "rated"), ("review",))


def test_suggest_accept_goes_through_add(corpus: Path) -> None:
    with _Terminal(["suggest", "--accept", "--limit", "1"], corpus) as term:
        term.expect("Add suggestion 1 (riverside-opened-library-long)? [y/N]:")
        term.send("y")
        term.expect("claim [The new Riverside library opened in June 2016 after a long building programme.]:")
        for _ in range(8):  # claim, id, subject, kind, value, as_of, keywords, sources (a date: no scale, tolerance)
            term.send("")
        term.expect("Add it to claims/claims.yaml? [Y/n]:")
        term.send("y")
        term.expect("added 'riverside-opened-library-long' to claims/claims.yaml:1")
        assert term.process.wait(timeout=30) == 0
    [claim] = load_claims(corpus / "claims" / "claims.yaml")
    assert (claim.value.to_json(), claim.sources) == ("2016-06", ("launch", "review"))


def _compare_golden(actual: str, golden: Path, update: bool) -> None:
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual)
    expected = golden.read_text()
    if actual != expected:
        out = Path(__file__).parent / "actual" / golden.parent.name / golden.name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(actual)
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(golden), str(out)))
        pytest.fail(f"{golden.name} differs from its golden file (refresh with --update-golden):\n{diff}")


def test_a_rating_that_names_no_inspectorate_takes_the_scale_the_claims_use(corpus: Path) -> None:
    (corpus / "claims" / "ratings.yaml").write_text(
        "- id: home-rating\n  claim: Inspectors rated the care home good in 2019.\n  subject: Riverside Care Home\n"
        "  kind: rating\n  scale: hmip\n  value: good\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["add", "Inspectors rated the trust 'good' in March 2018.", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "scale: hmip" in result.stdout
