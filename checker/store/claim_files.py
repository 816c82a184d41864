"""Editing claim files in place: a record appended with every comment, the order and the formatting kept.

Reading stays in `checker.store.claims` (the one loader); this module is the one writer.
The new record is dumped by ruamel.yaml and appended to the file's text as it is, so nothing
already there changes by a byte. The write is atomic (temp file + rename, `checker.store.output`), is
taken under an advisory lock so two concurrent adds both land or one refuses, and re-reads the
file under that lock so a file changed meanwhile is never overwritten blindly.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import io
import os
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from checker.errors import ClaimFileError
from checker.store.claims import read_claims
from checker.store.output import write_atomic
from checker.store.paths import display_path
from checker.store.safe_yaml import YamlProblem, compose_yaml

# How long an add waits for another one writing the same folder before refusing (seconds).
LOCK_WAIT_SECONDS = 5.0
_DATE_FIELDS = ("as_of",)
# Characters a plain or single-quoted YAML scalar would carry raw to the reader's terminal.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class FileState:
    """A claims file as it was when an edit began: its text's digest (None when it did not exist)."""

    path: Path
    digest: str | None


@dataclass(frozen=True)
class Appended:
    """Where a record landed, and whether the file had changed since the state (the record was merged)."""

    path: Path
    line: int
    changed_meanwhile: bool


def file_state(path: Path) -> FileState:
    """The file's state now, to tell at write time whether someone changed it."""
    try:
        return FileState(path, hashlib.sha256(path.read_bytes()).hexdigest())
    except FileNotFoundError:
        return FileState(path, None)
    except OSError as exc:
        raise ClaimFileError(f"{display_path(path)}: cannot be read ({exc.strerror or exc})") from exc


def id_places(sources: Iterable[Path]) -> dict[str, str]:
    """Every claim id under the given files or folders (valid records or not), with its place ('claims/a.yaml:12')."""
    places: dict[str, str] = {}
    for source in sources:
        if source.exists():
            for claim_id, (file, line) in read_claims(source).places.items():
                places.setdefault(claim_id, f"{file}:{line}")
    return places


def render_record(record: Mapping[str, Any]) -> str:
    """One record as a YAML list item, the way claim files are written (dates quoted, keyword lists inline)."""
    quote_all = _needs_quotes(record)
    text = _dump([_commented(record, quote_all=quote_all)])
    # Quoted, every string is double-quoted: the emitter escapes controls and line breaks there, but takes
    # bidirectional overrides as printable; they reorder what a reader sees, so they are escaped too.
    return _BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if quote_all else text


def append_record(path: Path, record: Mapping[str, Any], state: FileState | None = None) -> Appended:
    """Append `record` to the claims file at `path` (created when missing), atomically and under a lock.

    Raises ClaimFileError when the id is already in the file (naming its line), when the file does not
    parse, or when another add holds the lock for longer than LOCK_WAIT_SECONDS.
    """
    shown = display_path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ClaimFileError(f"{shown}: cannot create its folder ({exc.strerror or exc}); "
                             "choose another --file") from exc
    with _locked(path.parent):
        try:
            raw = path.read_bytes() if path.exists() else b""
        except OSError as exc:
            raise ClaimFileError(f"{shown}: cannot be read ({exc.strerror or exc})") from exc
        digest = hashlib.sha256(raw).hexdigest() if path.exists() else None
        changed = state is not None and state.digest != digest
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ClaimFileError(f"{shown}: not UTF-8 text; save the file as UTF-8") from exc
        taken = read_claims(path).places if raw else {}
        if record.get("id") in taken:
            line = taken[str(record["id"])][1]
            raise ClaimFileError(f"{shown}:{line}: claim '{record['id']}' is already there; choose another --id")
        new_text = _appended_text(text, record, shown)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        write_atomic(path, new_text)
        # The temp file behind the rename is private (0600); keep the curator's permissions.
        os.chmod(path, mode)
    line = _record_line(new_text, record.get("id"))
    return Appended(path, line, changed)


def _appended_text(text: str, record: Mapping[str, Any], shown: str) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    body = text.removeprefix("\ufeff")
    try:
        root = compose_yaml(body) if body.strip() else None
    except YamlProblem as exc:
        where = f"{shown}:{exc.line}" if exc.line else shown
        raise ClaimFileError(f"{where}: {exc.problem}; fix it before adding a claim to this file") from exc
    item = render_record(record).replace("\n", newline)
    if root is None or (isinstance(root, yaml.SequenceNode) and not root.flow_style):
        if not text.strip():
            return text + item if text.startswith("#") else item
        return text.rstrip("\r\n") + newline + newline + item
    if isinstance(root, yaml.ScalarNode):
        raise ClaimFileError(f"{shown}: expected a list of claim records ('- id: ...'); fix the file first")
    # A single record or an inline list: only a round trip turns it into the block list it must become.
    return _round_trip_append(body, record, shown).replace("\n", newline)


def _round_trip_append(text: str, record: Mapping[str, Any], shown: str) -> str:
    loader = _yaml()
    try:
        data = loader.load(text)
    except RuamelError as exc:
        raise ClaimFileError(f"{shown}: cannot be edited ({exc}); fix the file first") from exc
    seq = data if isinstance(data, CommentedSeq) else CommentedSeq([data])
    seq.fa.set_block_style()
    seq.append(_commented(record, quote_all=_needs_quotes(record)))
    return _dump(seq)


def _record_line(text: str, claim_id: Any) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip("- ").startswith("id:") and line.split(":", 1)[1].strip().strip("'\"") == claim_id:
            return number
    return len(text.splitlines())


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An advisory lock on the folder (flock on its descriptor), so no lock file is left behind."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES) or time.monotonic() > deadline:
                    raise ClaimFileError(f"{display_path(folder)}: another claimcheck is writing claims here; "
                                         "try again when it has finished") from exc
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _yaml() -> YAML:
    handler = YAML(typ="rt")
    handler.preserve_quotes = True
    handler.indent(mapping=2, sequence=2, offset=0)
    handler.width = 4096  # a claim is one line; folding it would make diffs noisy
    return handler


def _dump(data: Any) -> str:
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue()


def _needs_quotes(record: Mapping[str, Any]) -> bool:
    # ruamel writes YAML 1.2, where "no" or "on" are plain strings and "[::x]" is a list; the checker reads
    # YAML 1.1, where they are booleans and a syntax error. When any value would read back differently, or
    # not at all, every string is quoted instead; so is a record holding a character that only an escape in
    # double quotes shows safely (a control, a line separator, a bidirectional override).
    strings = [v for value in record.values() for v in (value if isinstance(value, list | tuple) else [value])
               if isinstance(v, str)]
    if any(_INVISIBLE.search(s) for s in strings):
        return True
    try:
        return bool(yaml.safe_load(_dump([_commented(record, quote_all=False)])) != [_plain(record)])
    except yaml.YAMLError:
        return True


def _commented(record: Mapping[str, Any], quote_all: bool) -> CommentedMap:
    mapping = CommentedMap()
    for key, value in record.items():
        if value is None:
            continue
        if isinstance(value, list | tuple):
            seq = CommentedSeq([DoubleQuotedScalarString(v) if quote_all and isinstance(v, str) else v for v in value])
            seq.fa.set_flow_style()
            mapping[key] = seq
        elif isinstance(value, str) and (quote_all or key in _DATE_FIELDS or
                                         (key == "value" and record.get("kind") == "date")):
            mapping[key] = DoubleQuotedScalarString(value)
        else:
            mapping[key] = value
    return mapping


def _plain(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in record.items() if v is not None}
