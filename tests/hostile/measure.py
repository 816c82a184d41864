"""Run a command and write its peak resident memory (KiB) to a file: `python measure.py OUT COMMAND...`.

A fresh small process between pytest and the measured command: a child's peak RSS counts the memory
of the process it was forked from until it execs, and pytest's is hundreds of megabytes.
"""

import os
import subprocess
import sys

if __name__ == "__main__":
    out, command = sys.argv[1], sys.argv[2:]
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    with open(out, "w", encoding="ascii") as handle:
        handle.write(str(usage.ru_maxrss))
    code = os.waitstatus_to_exitcode(status)
    sys.exit(code if code >= 0 else 128 - code)
