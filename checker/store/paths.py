"""How paths are shown to users (relative to the working folder where possible), and how input folders are walked."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path


def display_path(path: Path) -> str:
    """`path` relative to the current folder when it lies below it, else as given."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
    except (RuntimeError, OSError):
        # A symbolic link loop (RuntimeError before Python 3.13): show the path without resolving links.
        try:
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(Path.cwd())).as_posix()
        except ValueError:
            return path.as_posix()


def walk_files(folder: Path, on_unreadable: Callable[[Path, OSError], None]) -> Iterator[Path]:
    """Every file and link below `folder` (links not followed), depth first in name order, without recursion.

    Hidden files and folders (names starting with '.') are left out. A folder that cannot be listed is
    given to `on_unreadable`, which raises or warns: never passed over in silence, as `Path.rglob` does.
    Iterative, so a tree 1,000 folders deep is walked like any other.
    """
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name, reverse=True)
        except OSError as exc:
            on_unreadable(current, exc)
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                stack.append(Path(entry.path))
            else:
                yield Path(entry.path)
