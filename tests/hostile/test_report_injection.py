"""The report when every text field of claims and articles carries an injection attempt: shown as text, never run."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import Workspace, assert_clean

HOSTILE = Path(__file__).parent.parent / "data" / "hostile-report"
# A file name is an article id, and ids go into the report's anchors and links.
HOSTILE_NAME = "x\"><svg onload=alert('file')>.txt"


@pytest.fixture
def hostile(workspace: Workspace) -> Workspace:
    shutil.rmtree(workspace.claims)
    shutil.rmtree(workspace.articles)
    shutil.copytree(HOSTILE / "claims", workspace.claims)
    shutil.copytree(HOSTILE / "articles", workspace.articles)
    (workspace.articles / HOSTILE_NAME).write_text("Example Trust said 470 staff moved. <b onmouseover=alert(2)>\n")
    return workspace


@pytest.fixture
def html(hostile: Workspace) -> str:
    assert_clean(hostile.report(), 0)
    return (hostile.root / "out" / "report.html").read_text()


def test_no_markup_from_the_inputs_survives(html: str) -> None:
    for tag in ("<script>alert", "<img src=x", "<svg onload", "<svg/onload", "<iframe", "<object", "<style>body",
                "</textarea><script", "<b onmouseover", "<a href=\"javascript"):
        assert tag not in html
    # The report's own scripts only: none carries an alert.
    for script in re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.DOTALL):
        assert "alert(" not in script


class _Attributes(HTMLParser):
    """Every attribute of every tag the browser would build."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.extend((tag, name, value or "") for name, value in attrs)


def _attributes(html: str) -> list[tuple[str, str, str]]:
    parser = _Attributes()
    parser.feed(html)
    return parser.found


def test_no_event_handler_attribute_comes_from_an_input(html: str) -> None:
    handlers = [(tag, name, value) for tag, name, value in _attributes(html) if name.startswith("on")]
    assert handlers == []


def test_urls_other_than_http_are_not_links(html: str) -> None:
    links = [(tag, name, value) for tag, name, value in _attributes(html)
             if name in ("href", "src", "action", "formaction", "data", "xlink:href")]
    assert links
    for tag, name, value in links:
        assert value.startswith(("#", "http://", "https://")), (tag, name, value)
    assert "javascript:alert(&#39;url&#39;)" in html or "javascript:alert(&#x27;url&#x27;)" in html, \
        "the bad url is still shown, as text"


def test_the_json_result_keeps_the_text_as_it_was(hostile: Workspace) -> None:
    assert_clean(hostile.report(), 0)
    result = json.loads((hostile.root / "out" / "report.json").read_text())
    titles = {a["id"]: a["title"] for a in result["articles"]}
    assert titles["javascript-url"] == "<script>alert('title')</script>Staff move"
    assert any(a["id"] == HOSTILE_NAME.removesuffix(".txt") for a in result["articles"])


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "github", "sarif"])
def test_check_formats_escape_what_they_print(hostile: Workspace, fmt: str) -> None:
    run = hostile.run("check", "--claims", "claims", "--articles", "articles", "--format", fmt)
    assert "Traceback" not in run.stderr
    assert run.returncode in (0, 1), run.stderr
    if fmt == "junit":
        assert "<script>" not in run.stdout and "<svg" not in run.stdout
    if fmt == "github":
        # A workflow command is one line: a newline in a message would start a command of its own.
        commands = [line for line in run.stdout.splitlines() if line.startswith("::")]
        assert commands
        assert all("alert" not in line for line in run.stdout.splitlines() if not line.startswith("::"))
    if fmt in ("json", "sarif"):
        json.loads(run.stdout)


def test_an_id_with_markup_is_refused(workspace: Workspace) -> None:
    (workspace.claims / "bad.yaml").write_text("- id: \"<script>alert(1)</script>\"\n  claim: x\n  kind: count\n"
                                               "  value: 1\n")
    assert_clean(workspace.report(), 2, "claims/bad.yaml:1", "'id'")
