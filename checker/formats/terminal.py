"""Text for a terminal or a CI log: one line per message, control characters from the input shown, not obeyed.

The one escaping layer for stderr and text stdout: a newline would start a forged line (GitHub reads
a line starting `::error` as a command), ESC and BEL drive the terminal, a lone surrogate cannot be
encoded. Each is written as Python writes it in a string literal (`\\n`, `\\x1b`, `\\ud800`).
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, bidirectional overrides
# (which reorder what a reader sees) and lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def terminal_line(text: str) -> str:
    """`text` as one safe line: every control character written as its escape."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
