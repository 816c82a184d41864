"""The JSON result of CONTRACT.md, as `report --json` and `check --format json` write it.

It is written a claim at a time and each claim a mention at a time, so a result far larger than memory can
be written from mentions kept elsewhere (a spool on disk) as well as from a Report: the bytes are those of
`json.dumps(report.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False)` either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from checker.formats.json_text import dumps_exact, indented
from checker.models import ClaimResult, Report

# A claim's mentions (with True: its possible mentions, below the confidence cut) as JSON-mode dicts, in the
# order the result lists them.
MentionRows = Callable[[str, bool], Iterable[dict[str, Any]]]

# The lines of an empty list at the top of a dumped record: where the streamed lists go. A JSON string never
# holds a raw line end, so these can only be the records' own fields.
_CLAIMS = b'\n  "claims": []'
_MENTIONS = b'\n  "mentions": []'
_POSSIBLE = b'\n  "possible": []'


def render_json(report: Report) -> str:
    """The JSON result: `schema` first, two-space indents, UTF-8 text, a final newline."""
    return b"".join(json_chunks(report)).decode()


def json_chunks(report: Report, rows: MentionRows | None = None) -> Iterator[bytes]:
    """The JSON result of `report` in pieces of UTF-8. With `rows`, each claim's mentions are read from it
    instead of from the claim, so the report's claims need hold none."""
    rows = rows or _OwnMentions(report)
    head = dumps_exact(report.model_copy(update={"claims": ()}).model_dump(mode="json", by_alias=True))
    if not report.claims:
        yield head + b"\n"
        return
    before, after = _split_once(head, _CLAIMS)
    yield before + b'\n  "claims": ['
    for i, claim in enumerate(report.claims):
        yield b",\n    " if i else b"\n    "
        yield from _claim_chunks(claim, rows)
    yield b"\n  ]" + after + b"\n"


def _claim_chunks(claim: ClaimResult, rows: MentionRows) -> Iterator[bytes]:
    bare = dumps_exact(claim.model_copy(update={"mentions": (), "possible": ()}).model_dump(mode="json",
                                                                                           by_alias=True))
    start, rest = _split_once(bare, _MENTIONS)
    between, end = _split_once(rest, _POSSIBLE)
    yield indented(start, 4)
    yield from _list_chunks(b"mentions", rows(claim.id, False))
    yield indented(between, 4)
    yield from _list_chunks(b"possible", rows(claim.id, True))
    yield indented(end, 4)


def _list_chunks(name: bytes, items: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    first = True
    for item in items:
        yield (b'\n      "' + name + b'": [\n        ' if first else b",\n        ") + indented(dumps_exact(item), 8)
        first = False
    yield b'\n      "' + name + b'": []' if first else b"\n      ]"


class _OwnMentions:
    """The mentions a report's claims hold, as rows."""

    def __init__(self, report: Report) -> None:
        self._claims = {claim.id: claim for claim in report.claims}

    def __call__(self, claim_id: str, possible: bool) -> Iterator[dict[str, Any]]:
        claim = self._claims[claim_id]
        for mention in claim.possible if possible else claim.mentions:
            yield mention.model_dump(mode="json", by_alias=True)


def _split_once(text: bytes, marker: bytes) -> tuple[bytes, bytes]:
    before, found, after = text.partition(marker)
    assert found, f"a dumped record lacks its {marker!r} line"
    return before, after
