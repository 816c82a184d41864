"""Hostile and broken claim files: each is refused with one line naming the file and the fix, or read as it should."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import VALID_CLAIMS, Workspace, assert_clean

RECORD = "- id: bad-one\n  claim: Something happened.\n  kind: count\n  value: 450\n"
# Nine levels of ten aliases each in the value: 10**9 strings once expanded.
LAUGHS = ("- id: lol\n  claim: lol\n  kind: count\n  value: [&a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol], "
          + ", ".join(f"&a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)) + "]\n")

# (case, file name, file content, exit status, words the message must hold)
BAD_FILES: list[tuple[str, str, str | bytes, int, tuple[str, ...]]] = [
    ("syntax-error", "bad.yaml", "- id: bad-one\n  claim: [unclosed\n  kind: count\n", 2,
     ("claims/bad.yaml:", "YAML syntax error")),
    ("tab-indent", "bad.yaml", "- id: bad-one\n\tclaim: x\n", 2, ("claims/bad.yaml:2",)),
    ("wrong-type-value-list", "bad.yaml", RECORD.replace("value: 450", "value: [1, 2]"), 2,
     ("claims/bad.yaml:4", "'value'")),
    ("wrong-type-claim-mapping", "bad.yaml", RECORD.replace("Something happened.", "{a: 1}"), 2,
     ("claims/bad.yaml:2", "'claim'")),
    ("wrong-type-keywords-mapping", "bad.yaml", RECORD + "  keywords: {a: 1}\n", 2,
     ("claims/bad.yaml:5", "'keywords'")),
    ("wrong-type-tolerance", "bad.yaml", RECORD + "  tolerance: lots\n", 2, ("claims/bad.yaml:5", "'tolerance'")),
    ("nan-tolerance", "bad.yaml", RECORD + "  tolerance: .nan\n", 2, ("claims/bad.yaml:5", "'tolerance'")),
    ("nan-value", "bad.yaml", RECORD.replace("value: 450", "value: .nan"), 2, ("claims/bad.yaml:4", "'value'")),
    ("infinite-value", "bad.yaml", RECORD.replace("value: 450", "value: .inf"), 2, ("claims/bad.yaml:4", "'value'")),
    ("record-is-a-string", "bad.yaml", "- just a sentence\n", 2, ("claims/bad.yaml:1", "mapping")),
    ("top-level-scalar", "bad.yaml", "hello\n", 2, ("claims/bad.yaml:1", "list of claim records")),
    ("unknown-field", "bad.yaml", RECORD + "  colour: red\n", 2, ("claims/bad.yaml:5", "'colour'", "known fields")),
    ("unknown-kind", "bad.yaml", RECORD.replace("kind: count", "kind: weight"), 2,
     ("claims/bad.yaml:3", "must be one of")),
    ("unknown-scale", "bad.yaml", RECORD.replace("kind: count", "kind: rating").replace("450", "good")
     + "  scale: michelin\n", 2, ("claims/bad.yaml:5", "'michelin'")),
    ("rating-without-scale", "bad.yaml", RECORD.replace("kind: count", "kind: rating").replace("450", "good"), 2,
     ("claims/bad.yaml", "'scale'")),
    ("value-not-a-count", "bad.yaml", RECORD.replace("value: 450", "value: many"), 2,
     ("claims/bad.yaml:4", "not a count")),
    ("value-not-a-date", "bad.yaml", RECORD.replace("kind: count", "kind: date").replace("450", "soon"), 2,
     ("claims/bad.yaml:4", "not a date")),
    ("impossible-date", "bad.yaml", RECORD.replace("kind: count", "kind: date").replace("450", '"2014-13-45"'), 2,
     ("claims/bad.yaml:4", "'value'")),
    ("impossible-as-of", "bad.yaml", RECORD + '  as_of: "2014-02-30"\n', 2, ("claims/bad.yaml:5", "'as_of'")),
    ("money-without-currency", "bad.yaml", RECORD.replace("kind: count", "kind: money")
     .replace("value: 450", "value: {amount: 5}"), 2, ("claims/bad.yaml:4", "currency")),
    ("bad-id", "bad.yaml", RECORD.replace("bad-one", "Bad One!"), 2, ("claims/bad.yaml:1", "'id'")),
    ("duplicate-id-across-files", "other.yaml", VALID_CLAIMS, 2,
     ("claims/other.yaml:", "claims/staff.yaml:", "already used")),
    ("deep-nesting-flow", "bad.yaml", "- id: deep\n  claim: deep\n  kind: count\n  value: " + "[" * 20000
     + "]" * 20000 + "\n", 2, ("claims/bad.yaml",)),
    ("deep-nesting-block", "bad.yaml", "- id: deep\n  claim: deep\n  kind: count\n  value: 1\n  notes:\n"
     + "".join("  " * (i + 2) + f"k{i}:\n" for i in range(3000))
     + "  " * 3002 + "x\n", 2, ("claims/bad.yaml",)),
    ("billion-laughs", "bad.yaml", LAUGHS, 2, ("claims/bad.yaml", "alias")),
    ("python-object-tag", "bad.yaml", RECORD + '  notes: !!python/object/apply:os.system ["touch pwned"]\n', 2,
     ("claims/bad.yaml:5", "tag")),
    ("python-name-tag", "bad.yaml", RECORD.replace("value: 450", "value: !!python/name:os.system"), 2,
     ("claims/bad.yaml:4", "tag")),
    ("local-tag", "bad.yaml", RECORD.replace("value: 450", "value: !secret 450"), 2, ("claims/bad.yaml:4", "tag")),
    ("unhashable-key", "bad.yaml", RECORD + "  ? [a, b]\n  : c\n", 2, ("claims/bad.yaml:",)),
    ("not-utf8", "bad.yaml", RECORD.encode().replace(b"Something", b"Caf\xe9 \xff\xfe"), 2,
     ("claims/bad.yaml", "UTF-8")),
    ("utf16-without-bom", "bad.yaml", RECORD.encode("utf-16-le"), 2, ("claims/bad.yaml", "UTF-8")),
    ("nul-bytes", "bad.yaml", RECORD.encode() + b"\x00\x00", 2, ("claims/bad.yaml",)),
    ("control-characters", "bad.yaml", RECORD.replace("Something", "Some\x07thing"), 2, ("claims/bad.yaml:2",)),
]


@pytest.mark.parametrize(("name", "content", "status", "words"),
                         [pytest.param(f, c, s, w, id=case) for case, f, c, s, w in BAD_FILES])
def test_a_bad_claims_file_is_refused_in_one_line(workspace: Workspace, name: str, content: str | bytes,
                                                  status: int, words: tuple[str, ...]) -> None:
    target = workspace.claims / name
    target.write_bytes(content if isinstance(content, bytes) else content.encode())
    run = workspace.report()
    assert_clean(run, status, *words)
    assert not (workspace.root / "out").exists(), "nothing is written when the input is invalid"
    assert not (workspace.root / "pwned").exists()


@pytest.mark.parametrize("command", ["check", "lint"])
def test_other_commands_refuse_the_same_way(workspace: Workspace, command: str) -> None:
    (workspace.claims / "bad.yaml").write_text(RECORD + '  notes: !!python/object/apply:os.system ["touch pwned"]\n')
    run = workspace.run(command, "--claims", "claims", "--articles", "articles")
    assert "Traceback" not in run.stderr
    assert run.returncode in (1, 2)
    assert "claims/bad.yaml" in run.stderr + run.stdout
    assert not (workspace.root / "pwned").exists()


def test_a_50_mb_claims_file_is_refused_without_reading_it(workspace: Workspace) -> None:
    with (workspace.claims / "huge.yaml").open("w") as handle:
        line = "# " + "x" * 1022 + "\n"
        for _ in range(50 * 1024):
            handle.write(line)
    run = workspace.report()
    assert_clean(run, 2, "claims/huge.yaml", "MB")


@pytest.mark.parametrize(("case", "content"), [
    ("empty", b""),
    ("comments-only", b"# nothing yet\n"),
    ("bom", b"\xef\xbb\xbf" + VALID_CLAIMS.encode()),
    ("crlf", VALID_CLAIMS.replace("\n", "\r\n").encode()),
    ("bom-and-crlf", b"\xef\xbb\xbf" + VALID_CLAIMS.replace("\n", "\r\n").encode()),
])
def test_harmless_oddities_are_read(workspace: Workspace, case: str, content: bytes) -> None:
    (workspace.claims / "staff.yaml").write_bytes(content)
    run = workspace.report()
    assert_clean(run, 0)
    assert (workspace.root / "out" / "report.html").is_file()
    if b"staff-count" in content:
        assert '"id": "staff-count"' in (workspace.root / "out" / "report.json").read_text()


def test_a_missing_claims_path_is_refused(workspace: Workspace) -> None:
    run = workspace.run("report", "--claims", "nowhere", "--articles", "articles", "--out", "out/r.html")
    assert_clean(run, 2, "nowhere", "--claims")


def test_aliases_that_expand_a_little_are_still_read(workspace: Workspace) -> None:
    (workspace.claims / "staff.yaml").write_text(VALID_CLAIMS.replace("[staff, employees]", "&words [staff, employees]")
                                                 + "- id: staff-again\n  claim: 450 staff moved.\n  kind: count\n"
                                                   "  value: 450\n  keywords: *words\n")
    assert_clean(workspace.report(), 0)


def test_files_in_the_claims_folder_are_never_executed_or_written(workspace: Workspace, tmp_path: Path) -> None:
    popen = "  notes: !!python/object/new:subprocess.Popen [[touch, pwned]]\n"
    (workspace.claims / "bad.yaml").write_text(RECORD + popen)
    assert_clean(workspace.report(), 2, "claims/bad.yaml:5")
    assert not (tmp_path / "pwned").exists()
