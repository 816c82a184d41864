"""Word documents (.docx): read as articles, and their zip container measured before it is opened."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.store.articles import open_article

CLAIM = ("- id: staff-count\n  claim: Around 450 staff moved to the trust.\n  subject: Example Trust\n"
         "  kind: count\n  value: 450\n  keywords: [staff]\n")


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "claims").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "claims" / "staff.yaml").write_text(CLAIM)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714564800")
    return tmp_path


def write_docx(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Trust staff transfer"
    document.core_properties.created = dt.datetime(2014, 10, 2, 9, 30)
    document.add_heading("Trust staff transfer", level=1)
    document.add_paragraph("Example Trust said 450 staff moved to the trust in October 2014.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Staff moved"
    table.rows[0].cells[1].text = "450"
    document.save(str(path))
    return path


def test_a_docx_is_read_as_an_article_with_its_title_and_date(workspace: Path) -> None:
    write_docx(workspace / "articles" / "transfer.docx")
    result = CliRunner().invoke(cli, ["report", "--workers", "1", "--out", "out/r.html", "--json", "out/r.json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    data = json.loads((workspace / "out" / "r.json").read_text())
    assert data["articles"][0]["id"] == "transfer"
    assert data["articles"][0]["title"] == "Trust staff transfer"
    assert data["articles"][0]["published"] == "2014-10-02"
    assert data["claims"][0]["status"] == "agreed"
    article = open_article(workspace / "articles" / "transfer.docx", workspace / "articles")
    assert article.text == ("Trust staff transfer\n\nExample Trust said 450 staff moved to the trust in October "
                            "2014.\n\nStaff moved ; 450\n")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


@pytest.mark.parametrize(("members", "said"), [
    ({f"word/media/{n}.xml": b"x" for n in range(2001)}, "holds 2001 parts, over the 2000 a document has"),
    ({"word/document.xml": b"\0" * 150_000_000}, "would inflate to 150000000 bytes"),
    ({"word/document.xml": b"<w:t>" + b" " * 5_000_000 + b"</w:t>"}, "over the 104857600 byte limit (a zip bomb?)"),
])
def test_a_zip_bomb_docx_is_skipped_before_it_is_opened(workspace: Path, members: dict[str, bytes],
                                                       said: str) -> None:
    (workspace / "articles" / "bomb.docx").write_bytes(_zip(members))
    write_docx(workspace / "articles" / "transfer.docx")
    result = CliRunner().invoke(cli, ["check", "--workers", "1", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    (entry,) = json.loads(result.stdout)["skipped"]
    assert entry["path"] == "articles/bomb.docx" and said in entry["reason"]
    assert "claimcheck: warning: articles/bomb.docx: skipped, the Word document " in result.stderr


def test_a_docx_that_is_not_a_zip_is_skipped(workspace: Path) -> None:
    (workspace / "articles" / "fake.docx").write_bytes(b"not a zip at all")
    write_docx(workspace / "articles" / "transfer.docx")
    result = CliRunner().invoke(cli, ["check", "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    assert ("claimcheck: warning: articles/fake.docx: skipped, the Word document is not a readable zip file (File is "
            "not a zip file); save it again") in result.stderr.splitlines()
