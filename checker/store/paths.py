"""How paths are shown to users: relative to the working folder where possible."""

from __future__ import annotations

import os
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
