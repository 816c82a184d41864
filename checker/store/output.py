"""Writing output files safely: all or nothing, never over an input."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from checker.errors import OutputError
from checker.store.paths import display_path


def write_atomic(path: Path, content: str) -> None:
    """Write `content` to `path` through a temporary file and a rename, so a failure leaves no half file."""
    write_atomic_chunks(path, (content.encode(),))


def write_atomic_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """Write UTF-8 `chunks` to `path` as they come, through a temporary file and a rename, so a failure (of the
    disk, or of whatever makes the chunks) leaves no half file and the file there before stays whole.

    A character device or a FIFO (`--json /dev/null`, a named pipe) is written in place: renaming over it
    would put a regular file where the device was. A folder, a socket or a block device is refused.
    """
    shown = display_path(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _cannot_write(shown, exc) from exc
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        _write_in_place(path, shown, chunks)
        return
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"{shown}: this output path is a folder; give a file name in it, e.g. "
                          f"{shown.rstrip('/')}/{'report.json' if path.suffix == '.json' else 'report.html'}")
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputError(f"{shown}: this output path is not a regular file (a socket or a block device); "
                          "give the path of a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(shown, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(chunks)
        # mkstemp creates the file private (0600); give it the mode a plain open() would have
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(shown, exc) from exc
        raise


def _write_in_place(path: Path, shown: str, chunks: Iterable[bytes]) -> None:
    try:
        # O_NONBLOCK is not used: a FIFO with no reader should wait for one, as a shell redirection does
        with path.open("wb") as handle:
            handle.writelines(chunks)
    except OSError as exc:
        raise _cannot_write(shown, exc) from exc


def _cannot_write(shown: str, exc: OSError) -> OutputError:
    return OutputError(f"{shown}: cannot write here ({exc.strerror or exc}); choose another --out/--json path")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def refuse_inputs(output: Path, inputs: Iterable[Path]) -> None:
    """Raise when an output path would overwrite (or sit inside) an input file or folder."""
    try:
        target = output.resolve()
    except RuntimeError as exc:  # a symbolic link loop
        raise OutputError(f"{output}: this output path is a loop of symbolic links; choose another path") from exc
    # A link is named as given: resolving it would name the file it points to.
    shown = f"{display_path(output.parent)}/{output.name}" if output.is_symlink() else display_path(output)
    for source in inputs:
        root = source.resolve()
        if target == root or root in target.parents:
            raise OutputError(
                f"{shown}: this output path is inside the input {display_path(source)}; "
                "write the report somewhere else, e.g. reports/"
            )
