"""Where a command's output goes: a file, written whole or not at all, or stdout ('-')."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from checker.store.output import write_atomic_chunks


def emit(path: Path, chunks: Iterable[bytes]) -> None:
    """Write UTF-8 `chunks` to `path` (through a temporary file and a rename), or to stdout for '-'."""
    if str(path) == "-":
        echo_bytes(chunks)
    else:
        write_atomic_chunks(path, chunks)


def echo_bytes(chunks: Iterable[bytes]) -> None:
    """UTF-8 `chunks` on stdout as they come: a large result is never held whole to print it."""
    sys.stdout.flush()  # what was echoed before goes first
    sys.stdout.buffer.writelines(chunks)
    sys.stdout.buffer.flush()
