"""The budgets for what a run reads besides articles (claims, YAML, the baseline, a previous result), and the
bounded read that enforces a size budget.

One place for the numbers, so the messages, the README's Security section and the tests say the same.
The article size (`Settings.max_article_bytes`), .docx containers (`store.readers.docx`), cache entries
(`scale.packed`) and `fetch` keep their bounds beside the one reader each concerns.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MIB = 1024 * 1024
# A claims file is small, hand-written YAML; anything bigger is a mistake (or an attack).
MAX_CLAIM_FILE_BYTES = 5 * MIB
# Records in one run: a curated set runs to hundreds or a few thousand; beyond this it is a mistake (or an attack)
# that would make every article's matching crawl.
MAX_CLAIMS = 20_000
# The largest number a claim may state: well above any real amount (a world GDP is about 1e14), and far inside
# what a float holds exactly enough to compare, so a 400-digit integer is refused rather than overflowing.
MAX_CLAIM_NUMBER = 10**15
# Hand-written claims and front matter nest three or four levels; this leaves room and stops runaways.
MAX_YAML_DEPTH = 50
# Values that aliases may add to a document once expanded; a document without aliases is never refused.
MAX_YAML_EXPANDED_NODES = 200_000
# Characters that aliases may add once expanded: a 1 MB string aliased 3,000 times is few values but 3 GB of
# text once str() or pydantic walk it. 10 MB is twice the largest claims file read.
MAX_YAML_EXPANDED_CHARS = 10 * MIB
# A baseline is reviewed by hand like a claims file (the bundled one is 13 KB for 39 accepted conflicts, about
# 330 bytes each): the claims file's bound holds some 15,000 entries, and keeps PyYAML's node tree (about
# fifty times the text) far inside memory.
MAX_BASELINE_BYTES = MAX_CLAIM_FILE_BYTES
# A previous JSON result is only compared with, never capped when written: 100 MB is some 200,000 mentions,
# and parses into well under 1 GB of Python objects.
MAX_PREVIOUS_BYTES = 100 * MIB
# A result nests six levels (a range's bound of a mention's value); far deeper is not one, and would
# exhaust the recursion of what walks it.
MAX_PREVIOUS_DEPTH = 64


class OverBudget(Exception):
    """A file holds more bytes than its budget; `limit` says how many were allowed."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"over {limit} bytes")
        self.limit = limit


def read_bounded(path: Path, limit: int) -> bytes:
    """The file's bytes, reading at most `limit` + 1 of them: OverBudget past `limit`, OSError as open() raises.

    A regular file's size is known before reading it, and a file over the budget is not read at all; anything
    else is measured by reading, since a FIFO or a device (`/dev/zero`) says it holds nothing.
    """
    with path.open("rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise OverBudget(limit)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OverBudget(limit)
    return data


def megabytes(limit: int) -> str:
    """A budget in bytes as people read it in a message: '5 MB'."""
    return f"{limit / MIB:g} MB"
