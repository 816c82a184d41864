"""Hostile and broken articles: skipped with a warning naming the file, refused in one line, or read, never a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checker.pipeline import run_check

from .conftest import MEMORY_LIMIT_BYTES, Workspace, assert_clean

VALID_CLAIM = ("- id: staff\n  claim: Example Trust had 450 staff.\n  subject: Example Trust\n  kind: count\n"
               "  value: 450\n")
TEXT = "Example Trust said 450 staff moved to the trust in October 2014.\n"
FRONT = "---\ntitle: A title\npublished: 2014-10-01\n---\n"
LAUGHS = "---\ntitle: [&a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol], " + ", ".join(
    f"&a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)) + "]\n---\n" + TEXT

# (case, file name, content, words the warning must hold; the run still writes the report)
SKIPPED: list[tuple[str, str, bytes, tuple[str, ...]]] = [
    ("empty", "empty.txt", b"", ("articles/empty.txt", "no text")),
    ("whitespace-only", "blank.txt", " \n\t\r\n\u3000\u2003\u00a0\n".encode(),
     ("articles/blank.txt", "no text")),
    ("binary", "noise.txt", bytes(range(256)) * 64, ("articles/noise.txt", "binary")),
    ("front-matter-only", "meta.md", FRONT.encode(), ("articles/meta.md", "no text")),
    ("pdf-that-is-not-a-pdf", "fake.pdf", b"<html>not a pdf</html>\n", ("articles/fake.pdf",)),
    ("truncated-pdf", "cut.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R", ("articles/cut.pdf",)),
    ("pdf-of-nul-bytes", "zero.pdf", b"%PDF-1.4\n" + b"\x00" * 10000, ("articles/zero.pdf",)),
    ("html-without-text", "empty.html", b"<html><head><script>alert(1)</script></head><body></body></html>",
     ("articles/empty.html",)),
]

# (case, file name, content, words stderr must hold); the article is read and the run exits 0.
READ: list[tuple[str, str, bytes, tuple[str, ...]]] = [
    ("nul-bytes-late", "nul.txt", (TEXT * 100).encode() + b"\x00\x00 more text\x00", ()),
    ("mixed-encodings", "mixed.txt", TEXT.encode() + "Caf\u00e9 cr\u00e8me at \u00a3450.\n".encode("latin-1")
     + "Na\u00efve r\u00e9sum\u00e9 \u2014 450 staff.\n".encode(), ("articles/mixed.txt",)),
    ("latin-1", "latin.txt", ("Caf\u00e9 staff: 450 in 2014.\n" * 20).encode("latin-1"),
     ("articles/latin.txt", "not UTF-8")),
    ("utf-16-with-bom", "wide.txt", TEXT.encode("utf-16"), ()),
    ("bom-and-crlf", "crlf.md", b"\xef\xbb\xbf" + (FRONT + TEXT).replace("\n", "\r\n").encode(), ()),
    ("rtl-and-zero-width", "rtl.txt", ("\u202eExample\u200b Trust\u200d said \u2067\u0664\u0665\u0660\u2069 "
                                       "\u05e2\u05d5\u05d1\u05d3\u05d9\u05dd 450 staff\u200f moved in 2014.\n"
                                       ).encode(),
     ()),
    ("emoji", "emoji.md", (FRONT + "\U0001f4b0 Example Trust \U0001f468\u200d\U0001f469\u200d\U0001f467 said "
                           "450 \U0001f9d1\u200d\U0001f4bc staff moved in 2014 \U0001f1ec\U0001f1e7.\n").encode(), ()),
    ("html-bomb-nested-divs", "bomb.html", b"<html><body>" + b"<div>" * 50000 + TEXT.encode() + b"</div>" * 50000
     + b"</body></html>", ()),
    ("html-bomb-unclosed-tags", "open.html", b"<html><body>" + b"<b><i><span>" * 30000 + TEXT.encode(), ()),
    ("html-entity-flood", "ent.html", b"<p>" + b"&amp;" * 200000 + b"</p><p>" + TEXT.encode() + b"</p>", ()),
    ("unknown-front-matter-field", "extra.md", ("---\ntitle: t\ncolour: red\n---\n" + TEXT).encode(),
     ("articles/extra.md", "colour")),
    ("unclosed-front-matter", "open.md", ("---\ntitle: t\n" + TEXT).encode(), ()),
    ("mojibake", "moji.txt", "The council\u00e2\u20ac\u2122s 450 staff moved in 2014.\n".encode(),
     ("articles/moji.txt",)),
    ("control-characters", "ctl.txt", ("\x1b[31m" + TEXT + "\x07\x08\x0c").encode(), ()),
    ("lone-surrogate-bytes", "sur.txt", TEXT.encode() + b"\xed\xa0\x80 and 450 staff.\n", ()),
]

# (case, file name, content, words the warning must hold): skipped like any unusable article, and with
# --strict-inputs the run stops in one line
BAD_FRONT_MATTER: list[tuple[str, str, bytes, tuple[str, ...]]] = [
    ("invalid-front-matter", "bad.md", ("---\ntitle: [unclosed\npublished: 2014\n---\n" + TEXT).encode(),
     ("articles/bad.md:", "front matter")),
    ("front-matter-not-a-mapping", "list.md", ("---\n- a\n- b\n---\n" + TEXT).encode(),
     ("articles/list.md:2", "front matter")),
    ("front-matter-bad-date", "date.md", ("---\npublished: next tuesday\n---\n" + TEXT).encode(),
     ("articles/date.md", "YYYY-MM-DD")),
    ("front-matter-impossible-date", "feb.md", ("---\npublished: 2014-02-30\n---\n" + TEXT).encode(),
     ("articles/feb.md:2", "calendar")),
    ("front-matter-python-tag", "tag.md", ('---\ntitle: !!python/object/apply:os.system ["touch pwned"]\n---\n'
                                          + TEXT).encode(), ("articles/tag.md:2", "tag")),
    ("front-matter-billion-laughs", "lol.md", LAUGHS.encode(), ("articles/lol.md", "alias")),
    ("front-matter-deep-nesting", "deep.md", ("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + TEXT).encode(),
     ("articles/deep.md", "nested")),
]


@pytest.mark.parametrize(("name", "content", "words"), [pytest.param(f, c, w, id=case) for case, f, c, w in SKIPPED])
def test_an_unusable_article_is_skipped_with_a_warning(workspace: Workspace, name: str, content: bytes,
                                                       words: tuple[str, ...]) -> None:
    (workspace.articles / name).write_bytes(content)
    run = workspace.report()
    assert_clean(run, 0, *words)
    assert any(name in line and "skipped" in line for line in run.warnings()), run.stderr
    result = json.loads((workspace.root / "out" / "report.json").read_text())
    assert [a["id"] for a in result["articles"]] == ["launch"]


@pytest.mark.parametrize(("name", "content", "words"), [pytest.param(f, c, w, id=case) for case, f, c, w in READ])
def test_an_odd_but_readable_article_is_read(workspace: Workspace, name: str, content: bytes,
                                             words: tuple[str, ...]) -> None:
    (workspace.articles / name).write_bytes(content)
    run = workspace.report()
    assert_clean(run, 0, *words)
    assert not run.errors()
    assert (workspace.root / "out" / "report.html").is_file()


@pytest.mark.parametrize(("name", "content", "words"),
                         [pytest.param(f, c, w, id=case) for case, f, c, w in BAD_FRONT_MATTER])
def test_bad_front_matter_skips_its_article_and_strict_inputs_refuses_it(workspace: Workspace, name: str,
                                                                         content: bytes,
                                                                         words: tuple[str, ...]) -> None:
    (workspace.articles / name).write_bytes(content)
    run = workspace.report()
    assert_clean(run, 0, *words)
    assert any(f"articles/{name}" in line and "skipped" in line for line in run.warnings()), run.stderr
    result = json.loads((workspace.root / "out" / "report.json").read_text())
    assert [s["path"] for s in result["skipped"]] == [f"articles/{name}"]
    assert not (workspace.root / "pwned").exists()
    strict = workspace.run("report", "--claims", "claims", "--articles", "articles", "--out", "strict/r.html",
                           "--strict-inputs")
    assert strict.returncode == 2, strict.stderr
    assert strict.errors() == ["claimcheck: error: articles: 1 file(s) skipped (see the warnings above) and "
                               "--strict-inputs is set; fix or remove them, or drop --strict-inputs"]
    assert not (workspace.root / "strict").exists()


def test_a_200_mb_article_is_skipped_in_bounded_memory(workspace: Workspace) -> None:
    big = workspace.articles / "dump.txt"
    with big.open("wb") as handle:  # sparse: 200 MB of NUL bytes that take no disk
        handle.truncate(200 * 1024 * 1024)
    run = workspace.report()
    assert_clean(run, 0, "articles/dump.txt", "over the 20971520 byte limit", "--max-article-bytes")
    assert run.max_rss_kb * 1024 < MEMORY_LIMIT_BYTES


def test_a_600_mb_article_is_skipped_in_bounded_memory(workspace: Workspace) -> None:
    with (workspace.articles / "dump.txt").open("wb") as handle:
        handle.truncate(600 * 1024 * 1024)
    run = workspace.report()
    assert_clean(run, 0, "articles/dump.txt", "byte limit")
    assert run.max_rss_kb < 200 * 1024, f"peak {run.max_rss_kb // 1024} MB"


def test_a_200_mb_text_article_is_skipped_in_bounded_memory(workspace: Workspace) -> None:
    big = workspace.articles / "prose.txt"
    line = (TEXT * 16)[:1023] + "\n"
    with big.open("w") as handle:
        for _ in range(200 * 1024):
            handle.write(line)
    run = workspace.report()
    assert_clean(run, 0, "articles/prose.txt", "byte limit")
    assert run.max_rss_kb < 300 * 1024, f"peak {run.max_rss_kb // 1024} MB"


def test_the_size_limit_is_configurable(workspace: Workspace) -> None:
    (workspace.articles / "long.txt").write_text(TEXT * 10)
    run = workspace.report("--max-article-bytes", "200")
    assert_clean(run, 0, "articles/long.txt", "over the 200 byte limit")
    run = workspace.run("report", "--claims", "claims", "--articles", "articles", "--out", "out/r.html",
                        env={"CLAIMCHECK_MAX_ARTICLE_BYTES": "200"})
    assert_clean(run, 0, "articles/long.txt", "over the 200 byte limit")


def test_a_long_line_without_punctuation_is_read(workspace: Workspace) -> None:
    # Words that anchor the value finders (month, "million", "percent", a rating) but no digit and no stop:
    # a regex that backtracks over the line would never finish. How long it takes: benchmarks/pathological.py.
    words = "staff trust council moved example October children services million percent good years since "
    with (workspace.articles / "line.txt").open("w") as handle:
        for _ in range(2 * 1024 * 1024 // len(words)):
            handle.write(words)
    run = workspace.report()
    assert_clean(run, 0)


# Pieces that make extraction regexes work hardest when repeated: digits, separators, stops, anchors.
REPEATED = ["a", "1 ", "12-", "Mr. ", "£1", "1,", "1.", "in 2014 ", "Jan ", "x" * 50 + " ", "( ", "'", "A. ",
            "1/1/", "10 years ", "50% ", "good ", "-", "\n"]


@pytest.mark.parametrize("unit", REPEATED)
def test_64_kb_of_one_repeated_piece_is_checked(tmp_path: Path, unit: str) -> None:
    # In process: what is tested is the reading, not the process. Timed by benchmarks/pathological.py.
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "repeat.txt").write_text(unit * (64 * 1024 // len(unit)), encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(VALID_CLAIM, encoding="utf-8")
    result = run_check(tmp_path / "claims.yaml", tmp_path / "articles")
    assert [a.id for a in result.report.articles] == (["repeat"] if unit.strip() else [])  # blank: skipped
    for claim in result.report.claims:
        assert all(0 <= m.start < m.end <= 64 * 1024 for m in claim.mentions)


def test_no_input_is_read_through_stdin_by_accident(workspace: Workspace) -> None:
    os.mkfifo(workspace.articles / "pipe.txt")
    run = workspace.report()
    assert_clean(run, 0)
