"""Name the installed packages whose version differs from requirements/test.txt: the suspects when the
newest allowed versions break the tests.  `python .ci/newer_than_lock.py PIP_FREEZE_FILE`"""

import re
import sys
from pathlib import Path


def _pins(text: str) -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", text, re.MULTILINE)
    return {name.lower().replace("_", "-"): version for name, version in found}


if __name__ == "__main__":
    locked = _pins((Path(__file__).resolve().parent.parent / "requirements" / "test.txt").read_text())
    installed = _pins(Path(sys.argv[1]).read_text())
    changed = sorted((name, locked[name], v) for name, v in installed.items() if name in locked and locked[name] != v)
    for name, old, new in changed:
        print(f"  {name}: {old} (locked) -> {new}")
    if not changed:
        print("  (every package is at its locked version)")
