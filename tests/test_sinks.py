"""One escaping layer per sink: every command and format, fed a hostile string in every input field, keeps
each sink's rules (one line per message, no raw control characters, valid XML, JSON and YAML, no script)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from checker.cli import cli

# A newline and a forged workflow command, terminal escapes (colour, bell), a script, NUL and controls.
HOSTILE = "x\n::error::forged \x1b[31m \x07 </script><script>alert(1)</script> \x00\x01\r\n::warning::forged"
# The same as a YAML double-quoted scalar (YAML takes control characters only as escapes).
HOSTILE_YAML = json.dumps(HOSTILE).replace("\\u001b", "\\e").replace("\\u0007", "\\a").replace("\\u0000", "\\0")
# An article id comes from its file name: a newline, a forged command, ESC and BEL are all allowed there.
HOSTILE_NAME = "a\n::error::forged \x1b[31m\x07 b"
# A lone surrogate reaches the program only through what the system hands it as text: an argument here.
SURROGATE_AUTHOR = "News \ud800 </script><script>alert(1)</script>"
# Our own workflow commands: a level, properties whose values hold no ',' ':' CR or LF, then the message.
OWN_COMMAND = re.compile(r"::(error|warning|notice)( [a-z]+=[^,:\r\n]*(,[a-z]+=[^,:\r\n]*)*)?::[^\r\n]*")


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    (tmp_path / "claims").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "claims" / "c.yaml").write_text(
        "- id: trust-staff\n"
        f"  claim: {json.dumps('Around 300 staff moved to the Riverside Care Trust when it opened. ')[:-1]}"
        f"{HOSTILE_YAML[1:]}\n"
        "  subject: Riverside Care Trust\n  kind: count\n  value: 300\n  as_of: '2019'\n"
        f"  keywords: [staff, employees, {HOSTILE_YAML}]\n"
        f"  sources: [{HOSTILE_YAML}]\n"
        "- id: trust-budget\n  claim: The trust's annual budget is £12 million.\n"
        f"  subject: {HOSTILE_YAML}\n  kind: money\n  value: £12m\n  keywords: [budget, {HOSTILE_YAML}]\n",
        encoding="utf-8")
    (tmp_path / "articles" / f"{HOSTILE_NAME}.txt").write_text(
        f"---\ntitle: {HOSTILE_YAML}\npublisher: {HOSTILE_YAML}\nurl: \"javascript:alert(1)\"\n"
        "published: 2019-06-20\n---\nTrust under review\n\n"
        # (no NUL in the text itself: an article with one is skipped as binary, with a warning)
        f"The Riverside Care Trust now employs 410 staff, its latest accounts show. {HOSTILE.replace(chr(0), '')}\n\n"
        "Inspectors visited on 3 March 2019 and again in 2018.\n", encoding="utf-8")
    (tmp_path / "articles" / "launch.txt").write_text(
        "---\ntitle: Riverside Care Trust opens\npublished: 2019-04-02\n---\n"
        "The Riverside Care Trust opened with 300 staff. Inspectors visited on 3 March 2019.\n", encoding="utf-8")
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def accept_with_hostile_reason(root: Path) -> None:
    assert run("baseline").exit_code == 0
    baseline = root / "claims" / ".baseline.yaml"
    baseline.write_text(baseline.read_text(encoding="utf-8").replace("reason: null", f"reason: {HOSTILE_YAML}"),
                        encoding="utf-8")


def lines_of(text: str) -> Iterator[str]:
    # str.splitlines also splits at \x1c-\x1e, \x85 and U+2028: any of those would be a line break somewhere.
    yield from text.splitlines()


def assert_terminal_safe(text: str) -> None:
    """No raw control character reaches the output, and no line is a workflow command but our own."""
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]", text.replace("\r\n", "\n")), repr(text[:200])
    for line in lines_of(text):
        assert not line.startswith("::") or OWN_COMMAND.fullmatch(line), line


CHECK_FORMATS = ["text", "json", "junit", "github", "sarif"]


@pytest.mark.parametrize("with_baseline", [False, True])
@pytest.mark.parametrize("output_format", CHECK_FORMATS)
def test_check_keeps_every_sink_rule(hostile: Path, output_format: str, with_baseline: bool) -> None:
    if with_baseline:
        accept_with_hostile_reason(hostile)
    result = run("check", "--format", output_format, *(["--baseline", "claims/.baseline.yaml"] if with_baseline
                                                        else []))
    assert result.exit_code == (0 if with_baseline else 1), result.stdout
    assert_terminal_safe(result.stderr)
    out = result.stdout
    if output_format in ("text", "github"):
        assert_terminal_safe(out)
    if output_format == "github":
        commands = [line for line in lines_of(out) if line.startswith("::")]
        assert commands and all(OWN_COMMAND.fullmatch(c) for c in commands)
        # The forged line is data inside one annotation, never a command of its own.
        assert not any(line.startswith(("::error::forged", "::warning::forged")) for line in lines_of(out))
    if output_format == "junit":
        root = ET.fromstring(out)
        text = "".join(root.itertext()) + "".join(v for e in root.iter() for v in e.attrib.values())
        assert "\x1b" not in text and "\\x1b" in text
    if output_format in ("json", "sarif"):
        json.loads(out)
        out.encode("utf-8")
    if output_format == "sarif":
        assert out.isascii()


def test_report_html_and_json_escape_every_field(hostile: Path) -> None:
    accept_with_hostile_reason(hostile)
    result = run("report", "--baseline", "claims/.baseline.yaml", "--out", "r.html", "--json", "r.json")
    assert result.exit_code == 0
    assert_terminal_safe(result.stderr)
    html = (hostile / "r.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and html.count("<script") == 1
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    data = json.loads((hostile / "r.json").read_text(encoding="utf-8"))
    assert any(a["id"] == HOSTILE_NAME for a in data["articles"])


def test_export_json_ld_cannot_close_its_script_and_publishes_only_web_addresses(hostile: Path) -> None:
    accept_with_hostile_reason(hostile)
    result = run("export", "--author", SURROGATE_AUTHOR, "--baseline", "claims/.baseline.yaml")
    assert result.exit_code == 0
    out = result.stdout
    assert "<" not in out and ">" not in out and "&" not in out
    out.encode("utf-8")
    doc = json.loads(out)
    assert doc["@graph"][0]["author"]["name"] == "News \ufffd </script><script>alert(1)</script>"

    def urls(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "url" and isinstance(value, str):
                    yield value
                yield from urls(value)
        elif isinstance(node, list):
            for item in node:
                yield from urls(item)

    assert all(u.startswith(("http://", "https://")) for u in urls(doc))
    assert any(w["identifier"] == HOSTILE_NAME for r in doc["@graph"]
               for w in r["itemReviewed"].get("appearance", []))


@pytest.mark.parametrize("output_format", ["text", "github", "json"])
def test_lint_output_is_one_safe_line_per_finding(hostile: Path, output_format: str) -> None:
    result = run("lint", "--format", output_format)
    assert result.exit_code == 1
    assert_terminal_safe(result.stderr)
    if output_format == "json":
        findings = json.loads(result.stdout)["findings"]
    else:
        assert_terminal_safe(result.stdout)
        findings = list(lines_of(result.stdout))
    assert any("unknown-source" in json.dumps(f) for f in findings)
    if output_format == "text":
        assert ("claims/c.yaml:1: error: claim 'trust-staff': source 'x\\n::error::forged \\x1b[31m \\x07 "
                "</script><script>alert(1)</script> \\x00\\x01\\r\\n::warning::forged' is not an article") in \
            result.stdout


def test_lint_github_encodes_the_file_property(hostile: Path) -> None:
    (hostile / "claims" / "c.yaml").rename(hostile / "claims" / "a,b:c.yaml")
    result = run("lint", "--format", "github")
    assert result.exit_code == 1
    assert "file=claims/a%2Cb%3Ac.yaml,line=1," in result.stdout


def test_suggest_yaml_parses_back_to_the_suggested_records_and_no_more(hostile: Path) -> None:
    as_json = run("suggest", "--min-sources", "1", "--format", "json")
    assert as_json.exit_code == 0
    suggestions = json.loads(as_json.stdout)["suggestions"]
    assert any(HOSTILE_NAME in s["sources"] for s in suggestions)
    as_yaml = run("suggest", "--min-sources", "1")
    assert as_yaml.exit_code == 0
    assert_terminal_safe(as_yaml.stdout + as_yaml.stderr)
    assert yaml.safe_load(as_yaml.stdout) == [s["record"] for s in suggestions]
    as_text = run("suggest", "--min-sources", "1", "--format", "text")
    assert_terminal_safe(as_text.stdout + as_text.stderr)


def test_baseline_file_reads_back_with_the_hostile_article_id(hostile: Path) -> None:
    result = run("baseline")
    assert result.exit_code == 0
    assert_terminal_safe(result.stderr)
    entries = yaml.safe_load((hostile / "claims" / ".baseline.yaml").read_text(encoding="utf-8"))
    assert [e["article"] for e in entries] == [HOSTILE_NAME]


def test_a_hostile_claim_id_is_refused_in_safe_lines(hostile: Path) -> None:
    (hostile / "claims" / "c.yaml").write_text(f"- id: {HOSTILE_YAML}\n  claim: x\n  kind: count\n  value: 1\n",
                                               encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "github"])
    assert result.exit_code == 2
    assert_terminal_safe(result.stderr)
    assert all(line.startswith("claimcheck: error: ") for line in lines_of(result.stderr))
