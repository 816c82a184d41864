"""A short digest of a run's inputs: the names and bytes of the claim and article files it read."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from checker.store.claims import find_claim_files


def inputs_digest(claims_path: Path, articles_path: Path, article_files: Sequence[Path]) -> str:
    """A short SHA-256 over the names and bytes of the claim and article files read, to tell runs apart.

    Only what the check reads counts: a baseline or a README beside the claims does not, nor an
    article left out of `article_files` (for its size, say).
    """
    digest = hashlib.sha256()
    inputs = ((claims_path, find_claim_files(claims_path)), (articles_path, article_files))
    for root, files in inputs:
        for path in files:
            # as the file system's bytes: a name need not be UTF-8 (Python holds its bytes as surrogates)
            digest.update(os.fsencode(path.relative_to(root.parent if root.is_file() else root).as_posix()))
            digest.update(b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"\1unreadable")  # an article that cannot be read is skipped, and warned about
            digest.update(b"\0")
    return digest.hexdigest()[:16]
