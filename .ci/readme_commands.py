"""Print one of the README's two first-screen commands, exactly as written, so CI runs them verbatim.

    python3 .ci/readme_commands.py report   # the command that sets up and writes the report
    python3 .ci/readme_commands.py test     # the command that sets up and runs the tests

Each is the first ```sh block after its bold heading in README.md; a README without them fails here.
"""

import re
import sys
from pathlib import Path

HEADINGS = {"report": "**Produce the report on the bundled corpus**", "test": "**Run the tests:**"}

if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) == 2 else ""
    if which not in HEADINGS:
        sys.exit(f"usage: readme_commands.py {'|'.join(HEADINGS)}")
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    at = readme.find(HEADINGS[which])
    block = re.search(r"```sh\n(.*?)\n```", readme[at:], re.DOTALL) if at >= 0 else None
    if block is None:
        sys.exit(f"README.md: no ```sh block after {HEADINGS[which]}; the first screen must keep both commands")
    print(block.group(1).strip())
